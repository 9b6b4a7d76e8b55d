/**
 * The disclosure report cache: a report (full rights, before redaction) is kept per database, scope and fiscal
 * year together with the data version it was computed at, and served again while the version is the same.
 *
 * The data version: statement triggers on every table the metrics read (migrations 0014, 0016) add one row per
 * transaction that changed any of them to metric_data_changes, with the earliest day its changes can touch. A
 * report of fiscal year Y is computed from the periods up to Y's end, and its figures look up to
 * LINK_WINDOW_DAYS past that end: its horizon. Only the changes touching a day up to the horizon are counted
 * in the report's version, so that this year's new hires, leavers and completed courses do not invalidate last
 * year's report, and a back-dated correction does. Within a snapshot, the number of such rows and the latest
 * transaction id say exactly which of those transactions had committed: a later snapshot that sees one more
 * commit sees one more row. When the table has grown past PRUNE_ABOVE rows it is emptied and the epoch
 * (metric_data_epoch) moves, so the version is epoch:count:latest. The version is read before the report is
 * computed, so a cached report is never older than its version; a transaction's own uncommitted writes give it a
 * version no other snapshot has.
 *
 * Kept in the process (a server, the CLI), at most MAX_REPORTS, the least recently used dropped first. Not used
 * inside a transaction (publishing computes the report in the transaction that freezes it). Two callers asking
 * for the same report at the same version share one computation; on a PostgreSQL server a scheduled job computes
 * again the stale reports opened within the last day (refreshStaleReports), so that the next open after a change
 * usually finds the report ready.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { DisclosureReport } from "../../shared/metrics-api";
import { inTransaction } from "../engine/side-by-side";

const MAX_REPORTS = 64;

interface Entry {
  version: string;
  /** The last day (ISO) a change can touch and still change the report. */
  horizon: string;
  report: DisclosureReport;
  /** How to compute it again (refreshStaleReports). */
  compute: () => Promise<DisclosureReport>;
  /** When someone last opened it (ms since the epoch). */
  openedAt: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();
/** The computations running, per database and `key@version`. */
const computing = new WeakMap<object, Map<string, Promise<DisclosureReport>>>();

/** Above this many rows, metric_data_changes is emptied (counting it is the cost of every open). */
export const PRUNE_ABOVE = 20_000;

/**
 * The data versions the snapshot sees for reports (or trend years) with these horizons (see the top of this
 * file), read in one query, and how many rows the change log holds.
 */
async function readVersions(
  db: Db,
  horizons: readonly string[],
): Promise<{ versions: string[]; rows: number }> {
  const found = await queryRows<{
    horizon: string;
    epoch: number;
    n: number;
    latest: number | null;
    rows: number;
  }>(
    db,
    sql`select h.day::text as horizon, (select epoch from metric_data_epoch where id = 1) as epoch,
               count(c.txid)::int8 as n, max(c.txid) as latest,
               (select count(*) from metric_data_changes)::int8 as rows
        from unnest(${`{${horizons.join(",")}}`}::date[]) as h(day)
        left join metric_data_changes c on c.affects_from <= h.day
        group by h.day
        order by h.day`,
  );
  const byHorizon = new Map(found.map((row) => [row.horizon, row]));
  return {
    versions: horizons.map((horizon) => {
      const row = byHorizon.get(horizon);
      return `${horizon}/${row?.epoch ?? 0}:${row?.n ?? 0}:${row?.latest ?? 0}`;
    }),
    rows: Number(found[0]?.rows ?? 0),
  };
}

async function readVersion(db: Db, horizon: string): Promise<{ version: string; rows: number }> {
  const { versions, rows } = await readVersions(db, [horizon]);
  return { version: versions[0]!, rows };
}

/** The data version of the reports whose horizon is `horizon` (an ISO day; `infinity` counts every change). */
export async function metricDataVersion(db: Db, horizon = "infinity"): Promise<string> {
  return (await readVersion(db, horizon)).version;
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

/** The current version, emptying the change log first when it has grown (see pruneMetricDataChanges). */
async function currentVersion(db: Db, horizon: string): Promise<string> {
  const read = await readVersion(db, horizon);
  if (read.rows <= PRUNE_ABOVE) return read.version;
  await pruneMetricDataChanges(db);
  return (await readVersion(db, horizon)).version;
}

function cacheOf(db: Db): Map<string, Entry> {
  const cache = caches.get(db as object) ?? new Map<string, Entry>();
  caches.set(db as object, cache);
  return cache;
}

/**
 * Computes the report at `version` and keeps it; callers asking for the same report at the same version while it
 * is being computed share the computation.
 */
function computeAt(
  db: Db,
  key: string,
  horizon: string,
  version: string,
  compute: () => Promise<DisclosureReport>,
): Promise<DisclosureReport> {
  const cache = cacheOf(db);
  const inFlight = computing.get(db as object) ?? new Map<string, Promise<DisclosureReport>>();
  computing.set(db as object, inFlight);
  const flightKey = `${key}@${version}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const promise = compute()
    .then((report) => {
      const openedAt = cache.get(key)?.openedAt ?? Date.now();
      cache.delete(key);
      cache.set(key, { version, horizon, report: structuredClone(report), compute, openedAt });
      while (cache.size > MAX_REPORTS) cache.delete(cache.keys().next().value!);
      return report;
    })
    .finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, promise);
  return promise;
}

/**
 * The report for `key` (scope and fiscal year) at the current data version of its `horizon` (ISO day: the last
 * day a change can touch and still change it): the cached one, else computed and kept. Each caller gets its own
 * copy.
 */
export async function cachedReport(
  db: Db,
  key: string,
  horizon: string,
  compute: () => Promise<DisclosureReport>,
): Promise<CachedReport> {
  if (inTransaction(db)) return { report: await compute(), cached: false };
  const version = await currentVersion(db, horizon);
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // most recently used last
    cache.delete(key);
    cache.set(key, { ...hit, openedAt: Date.now() });
    return { report: structuredClone(hit.report), cached: true };
  }
  if (hit) hit.openedAt = Date.now();
  const report = await computeAt(db, key, horizon, version, compute);
  return { report: structuredClone(report), cached: false };
}

/** Reports opened within this long are refreshed after a change (refreshStaleReports). */
export const REFRESH_OPENED_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * Computes again, one after another, the cached reports that someone opened within the last day and that a
 * change of their records has made stale, so that the next open finds them ready (the server's scheduled job,
 * src/server/scheduled-jobs.ts). With `quietForMs`, it waits until no change has been noted for that long, so
 * that an import of many files is computed once, after its last file. Returns how many it computed.
 */
export async function refreshStaleReports(db: Db, now = Date.now(), quietForMs = 0): Promise<number> {
  const cache = caches.get(db as object);
  if (!cache || cache.size === 0) return 0;
  if (quietForMs > 0) {
    const [last] = await queryRows<{ at: string | Date | null }>(
      db,
      sql`select max(changed_at) as at from metric_data_changes`,
    );
    if (last?.at && now - new Date(last.at).getTime() < quietForMs) return 0;
  }
  let refreshed = 0;
  for (const [key, entry] of [...cache]) {
    if (now - entry.openedAt > REFRESH_OPENED_WITHIN_MS) continue;
    const version = await currentVersion(db, entry.horizon);
    if (cache.get(key)?.version === version) continue;
    await computeAt(db, key, entry.horizon, version, entry.compute);
    refreshed++;
  }
  return refreshed;
}

const MAX_SLOTS = MAX_REPORTS * 5;

interface SlotEntry {
  version: string;
  value: unknown;
}

const slotCaches = new WeakMap<object, Map<string, SlotEntry>>();

/** A part of a report kept apart (one trend year), with the last day a change can touch and still change it. */
export interface Slot {
  key: string;
  horizon: string;
}

/**
 * The values of `slots` (the trend years of a report): those whose horizon no change has touched since they were
 * computed come from the cache, `compute` is asked for the others (by index, in order) and they are kept. Inside
 * a transaction every value is computed. The values are shared between callers: read them, never change them.
 * Returns the values in the order of `slots`, and how many came from the cache.
 */
export async function cachedSlots<Value>(
  db: Db,
  slots: readonly Slot[],
  compute: (missing: number[]) => Promise<Value[]>,
): Promise<{ values: Value[]; reused: number }> {
  if (inTransaction(db) || slots.length === 0) {
    return { values: await compute(slots.map((_, i) => i)), reused: 0 };
  }
  const { versions } = await readVersions(
    db,
    slots.map((slot) => slot.horizon),
  );
  const cache = slotCaches.get(db as object) ?? new Map<string, SlotEntry>();
  slotCaches.set(db as object, cache);
  const values: (Value | undefined)[] = slots.map((slot, i) => {
    const hit = cache.get(slot.key);
    if (!hit || hit.version !== versions[i]) return undefined;
    cache.delete(slot.key);
    cache.set(slot.key, hit);
    return hit.value as Value;
  });
  const missing = values.flatMap((value, i) => (value === undefined ? [i] : []));
  const computed = missing.length === 0 ? [] : await compute(missing);
  missing.forEach((index, k) => {
    const value = computed[k]!;
    values[index] = value;
    cache.delete(slots[index]!.key);
    cache.set(slots[index]!.key, { version: versions[index]!, value });
  });
  while (cache.size > MAX_SLOTS) cache.delete(cache.keys().next().value!);
  return { values: values as Value[], reused: slots.length - missing.length };
}

/** Drops every cached report and trend year of the database (the bench measures the computation itself). */
export function forgetCachedReports(db: Db): void {
  caches.delete(db as object);
  slotCaches.delete(db as object);
}
