import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { TERMINATION_REASONS, sqlList } from "../../shared/enums";
import { employments } from "../people/people.schema";

/**
 * A SCIM client (an identity provider) and its bearer token. Only the SHA-256 of the token is stored; the
 * token is shown once when created. `company_ids` are the companies whose employments the client sees and changes.
 */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: varchar("name", { length: 200 }).notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    companyIds: integer("company_ids").array().notNull(),
    /** `active: false` and DELETE also record a termination (today, `termination_reason`). */
    terminateOnDeactivate: boolean("terminate_on_deactivate").notNull().default(false),
    terminationReason: text("termination_reason", { enum: TERMINATION_REASONS })
      .notNull()
      .default("voluntary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("scim_tokens_hash_key").on(t.tokenHash),
    check("scim_tokens_reason_check", sql.raw(`termination_reason in (${sqlList(TERMINATION_REASONS)})`)),
  ],
);

/**
 * SCIM state of a provisioned employment (the SCIM User): deactivated by `active: false`, deleted by DELETE
 * (a deleted User is no longer served; the employment and its history stay).
 */
export const scimUserStates = pgTable("scim_user_states", {
  employmentId: integer("employment_id")
    .primaryKey()
    .references(() => employments.id),
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
