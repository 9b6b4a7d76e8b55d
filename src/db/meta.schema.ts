import { pgTable, text, varchar } from "drizzle-orm/pg-core";

/** Internal bookkeeping of an installation: whether it holds demo data, with which seed and scale. */
export const appMeta = pgTable("app_meta", {
  key: varchar("key", { length: 64 }).primaryKey(),
  value: text("value").notNull(),
});
