import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { isoDate } from "../db/columns";
import { users } from "../modules/auth/auth.schema";
import { companies } from "../modules/org/org.schema";

/**
 * A group application of the disability employment quota (グループ適用 / 関係会社特例, with a special
 * subsidiary, 特例子会社): the parent counts the designated subsidiaries' workers as its own. Recognised from
 * `valid_from` (to `valid_to`, inclusive; null = open); its members are the parent and the listed companies.
 */
export const disabilityGroupApplications = pgTable(
  "disability_group_applications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: varchar("code", { length: 32 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    parentCompanyId: integer("parent_company_id")
      .notNull()
      .references(() => companies.id),
    validFrom: isoDate("valid_from").notNull(),
    validTo: isoDate("valid_to"),
  },
  (t) => [
    uniqueIndex("disability_group_applications_code_key").on(t.code),
    check(
      "disability_group_applications_period_check",
      sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

export const disabilityGroupApplicationMembers = pgTable(
  "disability_group_application_members",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => disabilityGroupApplications.id, { onDelete: "cascade" }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.companyId] })],
);

/** Settings of the metrics engine (e.g. `small_group_threshold`), one JSON value per key. */
export const metricSettings = pgTable("metric_settings", {
  key: varchar("key", { length: 64 }).primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The data version of the disclosure report cache (src/metrics/report/report-cache.ts): one row per transaction
 * that changed any of the records the metrics are computed from, added by statement triggers on those tables
 * (migrations 0014, 0016), with the earliest day the change can touch (`-infinity` for undated records such as
 * grades or companies). Rows are only ever added by other transactions: within one snapshot, how many there are
 * (and the latest) tells exactly which of those transactions had committed.
 */
export const metricDataChanges = pgTable("metric_data_changes", {
  txid: bigint("txid", { mode: "number" }).primaryKey(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  affectsFrom: isoDate("affects_from").notNull().default(sql`'-infinity'`),
});

/**
 * The epoch of metric_data_changes (one row): emptying that table (report-cache.ts, when it has grown) moves the
 * epoch in the same transaction, so that a data version after it can never equal one before it.
 */
export const metricDataEpoch = pgTable(
  "metric_data_epoch",
  {
    id: smallint("id").primaryKey(),
    epoch: bigint("epoch", { mode: "number" }).notNull(),
  },
  (t) => [check("metric_data_epoch_one_row", sql`${t.id} = 1`)],
);

/**
 * A published disclosure report: its figures frozen as computed at publication (with full rights; readers see
 * them redacted to their own rights), and a hash of the source records they came from, so that a later look
 * can tell whether records were corrected since. `scope_key` is `group` or `company:<id>`.
 */
export const publishedReports = pgTable(
  "published_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    scopeKey: varchar("scope_key", { length: 32 }).notNull(),
    companyId: integer("company_id").references(() => companies.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    version: integer("version").notNull(),
    report: jsonb("report").notNull(),
    dataHash: varchar("data_hash", { length: 64 }).notNull(),
    note: text("note"),
    publishedByUserId: integer("published_by_user_id").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("published_reports_scope_version_key").on(t.scopeKey, t.fiscalYear, t.version),
    index("published_reports_company_idx").on(t.companyId, t.fiscalYear),
  ],
);
