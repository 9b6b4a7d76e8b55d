import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { users } from "../auth/auth.schema";

/**
 * A message for one user, shown in the app (the bell) and sent by e-mail where SMTP is configured. The text is
 * not stored: `kind` names a message of the web app's catalogue (en/ja) and `params` fills it, so each reader
 * sees it in their own language. `link` is the in-app path it opens.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientUserId: integer("recipient_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** e.g. `mobility.application.released`, `learning.certification.expiring`. */
    kind: varchar("kind", { length: 100 }).notNull(),
    params: jsonb("params").notNull().default({}),
    link: varchar("link", { length: 500 }),
    /** Idempotency: a producer that may run twice (a reminder job) passes a key; one notification per key. */
    dedupeKey: varchar("dedupe_key", { length: 200 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When the e-mail was handed to SMTP (null: not sent, or e-mail not configured). */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientUserId, t.id),
    index("notifications_unread_idx").on(t.recipientUserId, t.id).where(sql`read_at is null`),
    uniqueIndex("notifications_dedupe_key")
      .on(t.recipientUserId, t.dedupeKey)
      .where(sql`dedupe_key is not null`),
  ],
);
