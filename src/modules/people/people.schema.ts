import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { isoDate, validity } from "../../db/columns";
import {
  ASSIGNMENT_KINDS,
  DISABILITY_CATEGORIES,
  EMPLOYMENT_TYPES,
  GENDERS,
  NAME_ORDERS,
  TERMINATION_REASONS,
  sqlList,
} from "../../shared/enums";
import { companies, grades, orgUnits, positions } from "../org/org.schema";

/** A person, group-wide: one row however many employments they have had in the group. */
export const persons = pgTable(
  "persons",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    familyName: varchar("family_name", { length: 100 }).notNull(),
    givenName: varchar("given_name", { length: 100 }).notNull(),
    /** Reading in kana (Japanese names). */
    familyNameKana: varchar("family_name_kana", { length: 100 }),
    givenNameKana: varchar("given_name_kana", { length: 100 }),
    /** Latin form (romanised Japanese names; equal to the name itself for Latin-script names). */
    familyNameLatin: varchar("family_name_latin", { length: 100 }),
    givenNameLatin: varchar("given_name_latin", { length: 100 }),
    /** How the name is written natively: family first (Japanese, Chinese) or given first. */
    nameOrder: text("name_order", { enum: NAME_ORDERS }).notNull().default("family_first"),
    gender: text("gender", { enum: GENDERS }).notNull(),
    birthDate: isoDate("birth_date"),
    email: varchar("email", { length: 254 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Every written form of the name in both orders, lower-cased and without spaces, for directory search
     * ("山田太郎", "太郎山田", "やまだたろう", "taroyamada" ...). Derived, never written.
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(
        sql`lower(family_name || given_name || ' ' || given_name || family_name || ' ' || coalesce(family_name_kana || given_name_kana, '') || ' ' || coalesce(given_name_kana || family_name_kana, '') || ' ' || coalesce(family_name_latin || given_name_latin, '') || ' ' || coalesce(given_name_latin || family_name_latin, ''))`,
      ),
  },
  (t) => [
    check("persons_gender_check", sql.raw(`gender in (${sqlList(GENDERS)})`)),
    check("persons_name_order_check", sql.raw(`name_order in (${sqlList(NAME_ORDERS)})`)),
    index("persons_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // The import's group matching (persons.match.ts): a new employee's email, and family name, given name and
    // birth date, looked up among the group's persons.
    index("persons_email_lower_idx").on(sql`lower(${t.email})`),
    index("persons_name_birth_idx").on(t.familyName, t.givenName, t.birthDate),
  ],
);

/**
 * Sensitive attributes, kept apart from `persons`: readable only by the roles that need them,
 * every read audited (see the people policy).
 */
export const personSensitive = pgTable(
  "person_sensitive",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => persons.id),
    disabilityCategory: text("disability_category", { enum: DISABILITY_CATEGORIES }),
    disabilitySevere: boolean("disability_severe"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "person_sensitive_category_check",
      sql.raw(`disability_category is null or disability_category in (${sqlList(DISABILITY_CATEGORIES)})`),
    ),
    check(
      "person_sensitive_severity_check",
      sql`(${t.disabilityCategory} is null) = (${t.disabilitySevere} is null)`,
    ),
  ],
);

/** A person's employment at one group company. The termination date is the last day employed. */
export const employments = pgTable(
  "employments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    employeeNumber: varchar("employee_number", { length: 32 }).notNull(),
    hireDate: isoDate("hire_date").notNull(),
    terminationDate: isoDate("termination_date"),
    terminationReason: text("termination_reason", { enum: TERMINATION_REASONS }),
    employmentType: text("employment_type", { enum: EMPLOYMENT_TYPES }).notNull(),
    weeklyHours: numeric("weekly_hours", { precision: 4, scale: 1, mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("employments_person_idx").on(t.personId, t.hireDate),
    index("employments_company_number_idx").on(t.companyId, t.employeeNumber),
    /** Directory search by employee number, whatever the company and the letter case. */
    index("employments_number_lower_idx").on(sql`lower(${t.employeeNumber})`),
    index("employments_company_hire_idx").on(t.companyId, t.hireDate),
    check(
      "employments_period_check",
      sql`${t.terminationDate} is null or ${t.terminationDate} >= ${t.hireDate}`,
    ),
    check(
      "employments_reason_check",
      sql.raw(
        `(termination_date is null and termination_reason is null) or (termination_date is not null and termination_reason in (${sqlList(TERMINATION_REASONS)}))`,
      ),
    ),
    check("employments_type_check", sql.raw(`employment_type in (${sqlList(EMPLOYMENT_TYPES)})`)),
    check("employments_hours_check", sql`${t.weeklyHours} > 0 and ${t.weeklyHours} <= 80`),
  ],
);

/**
 * Who works where, as what, under whom, during which period. One primary assignment per employment at a
 * time (enforced by an exclusion constraint in the migrations); secondary assignments and secondments may
 * run beside it. `company_id` is the employing company (kept on every employment-scoped row).
 */
export const assignments = pgTable(
  "assignments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    employmentId: integer("employment_id")
      .notNull()
      .references(() => employments.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    kind: text("kind", { enum: ASSIGNMENT_KINDS }).notNull(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    positionId: integer("position_id").references(() => positions.id),
    gradeId: integer("grade_id").references(() => grades.id),
    lineManagerPersonId: integer("line_manager_person_id").references(() => persons.id),
    /** Heads the org unit (the manager role's scope starts here). */
    isHead: boolean("is_head").notNull().default(false),
    fte: numeric("fte", { precision: 3, scale: 2, mode: "number" }).notNull().default(1),
    ...validity(),
  },
  (t) => [
    index("assignments_person_idx").on(t.personId, t.validFrom),
    index("assignments_company_idx").on(t.companyId, t.validFrom),
    index("assignments_manager_idx").on(t.lineManagerPersonId),
    check("assignments_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("assignments_fte_check", sql`${t.fte} > 0 and ${t.fte} <= 1`),
    check("assignments_kind_check", sql.raw(`kind in (${sqlList(ASSIGNMENT_KINDS)})`)),
  ],
);
