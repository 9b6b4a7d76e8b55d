import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/** Runs a hand-written query and returns its rows (the shape is the caller's promise, as with any raw SQL). */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
