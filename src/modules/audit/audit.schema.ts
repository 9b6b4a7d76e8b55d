import { bigint, index, integer, jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { users } from "../auth/auth.schema";

/** Every write, every read of sensitive attributes and every sign-in: who, when, what, from where. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id").references(() => users.id),
    /** e.g. person.create, assignment.create, person.sensitive.read, auth.login, auth.login_failed */
    action: varchar("action", { length: 64 }).notNull(),
    entity: varchar("entity", { length: 64 }),
    entityId: varchar("entity_id", { length: 64 }),
    ip: varchar("ip", { length: 64 }),
    /** Who else the action concerned and what changed; never a password. */
    detail: jsonb("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_entity_idx").on(t.entity, t.entityId)],
);
