import { customType, date } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * PostgreSQL `daterange`, read and written as its text form (e.g. `[2020-04-01,2021-04-01)`).
 * Tekizai keeps `valid_from` / `valid_to` (inclusive last day, null = open) as the columns the
 * application reads and writes, and derives this range from them so that the database can refuse
 * overlapping versions with `EXCLUDE USING gist`.
 */
export const daterange = customType<{ data: string; driverData: string }>({
  dataType() {
    return "daterange";
  },
});

/** A `date` column read and written as an ISO `YYYY-MM-DD` string (never a JS Date: no time zones). */
export const isoDate = (name: string) => date(name, { mode: "string" });

/** The validity period of a dated row: first day, last day (inclusive, null = open), and the derived range. */
export const validity = () => ({
  validFrom: isoDate("valid_from").notNull(),
  validTo: isoDate("valid_to"),
  during: daterange("during").notNull().generatedAlwaysAs(sql`daterange(valid_from, valid_to, '[]')`),
});
