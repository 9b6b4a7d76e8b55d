import { type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";

/**
 * Runs independent queries: side by side on a connection pool (on PostgreSQL each gets a connection and a
 * core; PGlite queues them anyway), one after another inside a transaction, whose single connection runs one
 * query at a time (node-postgres warns about queries queued on a busy client, and pg 9 refuses them).
 */
/** Whether `db` is a transaction (one connection) rather than the pool or PGlite. */
export function inTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

export async function sideBySide(db: Db, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  if (inTransaction(db)) {
    for (const task of tasks) await task();
    return;
  }
  await Promise.all(tasks.map((task) => task()));
}

/**
 * The memory each sort and hash of an engine query may use before spilling to disk (PostgreSQL's default is 4 MB;
 * a hash may use twice this, hash_mem_multiplier). A year's stock at 120,000 employees hashes 230,000 persons
 * (13 MB) and groups 420,000 training records by person (18 MB): with the default both spill, and the report
 * takes ≈ 10 % longer.
 */
export const ENGINE_WORK_MEM = "16MB";

/**
 * Runs one of the engine's queries with PostgreSQL's JIT compilation off and ENGINE_WORK_MEM (`SET LOCAL`, in a
 * transaction of its own or the caller's). Their cost estimates are inflated by what the planner cannot know of
 * the periods and the links between employments, which passes jit_above_cost: JIT then spends 0.3–0.8 s
 * compiling a query that runs in less (measured at 120,000 employees), and even more on one that finds no rows.
 */
export function engineRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const run = async (tx: Db) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('work_mem', ${ENGINE_WORK_MEM}, true)`,
    );
    return queryRows<Row>(tx, query);
  };
  return inTransaction(db) ? run(db) : db.transaction(run);
}
