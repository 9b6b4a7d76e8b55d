/**
 * The disclosure report cache: a report (full rights, before redaction) is kept per database, scope and fiscal
 * year together with the data version it was computed at, and served again while the version is the same.
 *
 * The data version: statement triggers on every table the metrics read (migration 0014) add one row per writing
 * transaction to metric_data_changes. Within a snapshot, the number of rows and the latest transaction id say
 * exactly which of those transactions had committed: a later snapshot that sees one more commit sees one more
 * row. When the table has grown past PRUNE_ABOVE rows it is emptied and the epoch (metric_data_epoch) moves, so
 * the version is epoch:count:latest. The version is read before the report is computed, so a cached report is never older
 * than its version; a transaction's own uncommitted writes give it a version no other snapshot has.
 *
 * Kept in the process (a server, the CLI), at most MAX_REPORTS, the least recently used dropped first. Not used
 * inside a transaction (publishing computes the report in the transaction that freezes it).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { DisclosureReport } from "../../shared/metrics-api";
import { inTransaction } from "../engine/side-by-side";

const MAX_REPORTS = 64;

interface Entry {
  version: string;
  report: DisclosureReport;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** Above this many rows, metric_data_changes is emptied (counting it is the cost of every open). */
export const PRUNE_ABOVE = 20_000;

/** The data version the snapshot sees (see the top of this file), and how many rows it counted. */
async function readVersion(db: Db): Promise<{ version: string; rows: number }> {
  const [row] = await queryRows<{ epoch: number; n: number; latest: number | null }>(
    db,
    sql`select (select epoch from metric_data_epoch where id = 1) as epoch,
               count(*)::int8 as n, max(txid) as latest
        from metric_data_changes`,
  );
  return { version: `${row?.epoch ?? 0}:${row?.n ?? 0}:${row?.latest ?? 0}`, rows: Number(row?.n ?? 0) };
}

export async function metricDataVersion(db: Db): Promise<string> {
  return (await readVersion(db)).version;
}

/**
 * Empties metric_data_changes and moves the epoch, in one transaction: every cached report is then computed again
 * once, and no later version can equal an earlier one (the count alone falls back to numbers seen before). Rows
 * of transactions still running are not visible to it and stay.
 */
export async function pruneMetricDataChanges(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update metric_data_epoch set epoch = epoch + 1 where id = 1`);
    await tx.execute(sql`delete from metric_data_changes`);
  });
}

/** Whether a report was served from the cache (for the bench and the tests). */
export interface CachedReport {
  report: DisclosureReport;
  cached: boolean;
}

/**
 * The report for `key` (scope and fiscal year) at the current data version: the cached one, else computed and
 * kept. Each caller gets its own copy.
 */
export async function cachedReport(
  db: Db,
  key: string,
  compute: () => Promise<DisclosureReport>,
): Promise<CachedReport> {
  if (inTransaction(db)) return { report: await compute(), cached: false };
  const read = await readVersion(db);
  if (read.rows > PRUNE_ABOVE) await pruneMetricDataChanges(db);
  const version = read.rows > PRUNE_ABOVE ? (await readVersion(db)).version : read.version;
  const cache = caches.get(db as object) ?? new Map<string, Entry>();
  caches.set(db as object, cache);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // most recently used last
    cache.delete(key);
    cache.set(key, hit);
    return { report: structuredClone(hit.report), cached: true };
  }
  const report = await compute();
  cache.delete(key);
  cache.set(key, { version, report: structuredClone(report) });
  while (cache.size > MAX_REPORTS) cache.delete(cache.keys().next().value!);
  return { report, cached: false };
}
