import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { users } from "../auth/auth.schema";
import { companies } from "../org/org.schema";

export const IMPORT_STATUSES = [
  "running",
  "previewed",
  "applied",
  "rejected",
  "failed",
  "cancelled",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A saved mapping profile: how one company's files (in their own shape) map onto an import kind's canonical
 * fields. `definition` is the profile JSON documented in docs/import.md (the same JSON the CLI reads).
 */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** The company whose files it reads; null for group-level kinds (companies). */
    companyId: integer("company_id").references(() => companies.id),
    kind: varchar("kind", { length: 64 }).notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    definition: jsonb("definition").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("import_mappings_company_name_key").on(t.companyId, t.name),
    index("import_mappings_kind_idx").on(t.kind, t.id),
  ],
);

/**
 * One import (a dry run or an apply): who brought which file in, when, how, and what came of it.
 * Written outside the import's own transaction, so that a rejected or cancelled import stays on record.
 */
export const importRuns = pgTable(
  "import_runs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar("kind", { length: 64 }).notNull(),
    companyId: integer("company_id").references(() => companies.id),
    mappingId: integer("mapping_id").references(() => importMappings.id, { onDelete: "set null" }),
    /** The mapping as used (a saved profile can change later). */
    mapping: jsonb("mapping"),
    userId: integer("user_id").references(() => users.id),
    /** web (HTTP) or cli */
    via: varchar("via", { length: 16 }).notNull(),
    fileName: varchar("file_name", { length: 255 }).notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
    format: varchar("format", { length: 8 }),
    encoding: varchar("encoding", { length: 16 }),
    dryRun: boolean("dry_run").notNull(),
    acceptValidRows: boolean("accept_valid_rows").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull(),
    rows: integer("rows").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    terminations: integer("terminations").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** Why the import as a whole failed (file not readable, cancelled, database refused), if it did. */
    message: text("message"),
    /** The first changes, with before/after, for the preview of a dry run. */
    preview: jsonb("preview"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Progress heartbeat of a running import; a running import without one for long was interrupted. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("import_runs_company_idx").on(t.companyId, t.id),
    index("import_runs_user_idx").on(t.userId, t.id),
    check(
      "import_runs_status_check",
      sql.raw(`status in (${IMPORT_STATUSES.map((s) => `'${s}'`).join(", ")})`),
    ),
  ],
);

/** The rows an import refused, with the reason: shown in the preview and downloadable as CSV. */
export const importErrors = pgTable(
  "import_errors",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    importId: integer("import_id")
      .notNull()
      .references(() => importRuns.id, { onDelete: "cascade" }),
    /** Row of the file (spreadsheet numbering: the header is row 1; for JSON the element's 1-based index). */
    rowNumber: integer("row_number").notNull(),
    column: varchar("column", { length: 255 }).notNull(),
    value: text("value").notNull(),
    /** In the language of whoever started the import; `code` and `params` render it in the reader's. */
    message: text("message").notNull(),
    /** Stable machine code of the message (import/messages.ts), e.g. `cell.required`, `employee.unknown`. */
    code: varchar("code", { length: 64 }).notNull().default("row.invalid"),
    /** The message's parameters (values named in it), for rendering it in another language. */
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
  },
  (t) => [index("import_errors_import_idx").on(t.importId, t.id)],
);

/**
 * What an applied import changed, one row per written record: written in the import's transaction, so it
 * exists exactly when the change does. Listable per import and per person.
 */
export const importChanges = pgTable(
  "import_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    importId: integer("import_id")
      .notNull()
      .references(() => importRuns.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    /** company, org_unit, grade, position, job_category, person, employment, assignment */
    entity: varchar("entity", { length: 32 }).notNull(),
    entityId: integer("entity_id").notNull(),
    personId: integer("person_id"),
    /** insert, update, new_version, terminate */
    action: varchar("action", { length: 16 }).notNull(),
    /** The row's key in its kind (e.g. the employee number). */
    key: varchar("key", { length: 255 }).notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("import_changes_import_idx").on(t.importId, t.id),
    index("import_changes_person_idx").on(t.personId, t.id),
  ],
);
