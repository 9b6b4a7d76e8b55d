import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { LOCALES, ROLES, sqlList } from "../../shared/enums";
import { companies, orgUnits } from "../org/org.schema";
import { persons } from "../people/people.schema";

/** A local account. `person_id` links it to the person it signs in as (needed for the employee and manager roles). */
export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Stored lower-cased. */
    email: varchar("email", { length: 254 }).notNull(),
    displayName: varchar("display_name", { length: 200 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    personId: integer("person_id").references(() => persons.id),
    locale: text("locale", { enum: LOCALES }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_locale_check", sql.raw(`locale is null or locale in (${sqlList(LOCALES)})`)),
  ],
);

/**
 * A role held by a user. company_hr carries the company it covers (one row per company); recruiter carries the
 * company of its recruiting division and, optionally, the division (org unit) itself — it is what scouting
 * consents name. The other roles have no company (employee = self, manager = the units the person heads,
 * group_hr = all).
 */
export const userRoles = pgTable(
  "user_roles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    companyId: integer("company_id").references(() => companies.id),
    /** recruiter only: the recruiting division (an org unit of `company_id`); null = the whole company. */
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id),
  },
  (t) => [
    uniqueIndex("user_roles_key").on(
      t.userId,
      t.role,
      sql`coalesce(company_id, 0)`,
      sql`coalesce(org_unit_id, 0)`,
    ),
    check("user_roles_role_check", sql.raw(`role in (${sqlList(ROLES)})`)),
    check(
      "user_roles_company_check",
      sql`(${t.role} in ('company_hr', 'recruiter')) = (${t.companyId} is not null)`,
    ),
    check("user_roles_org_unit_check", sql`${t.orgUnitId} is null or ${t.role} = 'recruiter'`),
  ],
);

/** A signed-in session. Only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: varchar("ip", { length: 64 }),
    userAgent: varchar("user_agent", { length: 400 }),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);
