import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { validity } from "../../db/columns";

/** A company of the group: the parent, a domestic subsidiary or an overseas affiliate. */
export const companies = pgTable(
  "companies",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: varchar("code", { length: 32 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    /** ISO 3166-1 alpha-2 */
    country: varchar("country", { length: 2 }).notNull(),
    /** ISO 4217 */
    currency: varchar("currency", { length: 3 }).notNull(),
    isDomestic: boolean("is_domestic").notNull(),
    /** Month (1-12) in which the company's fiscal year starts; Japanese companies mostly April. */
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(4),
    parentCompanyId: integer("parent_company_id").references((): AnyPgColumn => companies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("companies_code_key").on(t.code),
    check("companies_fy_month_check", sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check("companies_not_own_parent", sql`${t.parentCompanyId} is null or ${t.parentCompanyId} <> ${t.id}`),
  ],
);

/** The stable identity of an organisation unit; its name and place in the tree are dated versions. */
export const orgUnits = pgTable(
  "org_units",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    code: varchar("code", { length: 64 }).notNull(),
  },
  (t) => [uniqueIndex("org_units_company_code_key").on(t.companyId, t.code)],
);

/** One version of an org unit: its names and parent during a validity period (a reorganisation is a new version). */
export const orgUnitVersions = pgTable(
  "org_unit_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    parentOrgUnitId: integer("parent_org_unit_id").references(() => orgUnits.id),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    ...validity(),
  },
  (t) => [
    index("org_unit_versions_company_idx").on(t.companyId, t.validFrom),
    index("org_unit_versions_parent_idx").on(t.parentOrgUnitId),
    check("org_unit_versions_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check(
      "org_unit_versions_not_own_parent",
      sql`${t.parentOrgUnitId} is null or ${t.parentOrgUnitId} <> ${t.orgUnitId}`,
    ),
  ],
);

export const jobCategories = pgTable(
  "job_categories",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    code: varchar("code", { length: 64 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
  },
  (t) => [uniqueIndex("job_categories_company_code_key").on(t.companyId, t.code)],
);

export const positions = pgTable(
  "positions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    jobCategoryId: integer("job_category_id").references(() => jobCategories.id),
    code: varchar("code", { length: 64 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    /** O*NET-SOC code this position was drawn from, when it was (e.g. 15-1252.00). */
    onetSocCode: varchar("onet_soc_code", { length: 10 }),
  },
  (t) => [uniqueIndex("positions_company_code_key").on(t.companyId, t.code)],
);

/** A step of a company's grade ladder. `rank` orders the ladder (higher = more senior). */
export const grades = pgTable(
  "grades",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    code: varchar("code", { length: 32 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    rank: smallint("rank").notNull(),
    /** Section-chief level (課長級) and above, excluding board members: counts as a manager in disclosures. */
    isManagerLevel: boolean("is_manager_level").notNull().default(false),
    /** Board member / executive officer (役員): excluded from managers. */
    isExecutive: boolean("is_executive").notNull().default(false),
    description: text("description"),
  },
  (t) => [
    uniqueIndex("grades_company_code_key").on(t.companyId, t.code),
    uniqueIndex("grades_company_rank_key").on(t.companyId, t.rank),
    check("grades_manager_not_executive", sql`not (${t.isManagerLevel} and ${t.isExecutive})`),
  ],
);
