import type { Database, Engine } from "../../src/db/client";
import { type DemoScale, type DemoSummary, generateDemo } from "../../src/demo/generate";
import { demoFingerprint } from "./fingerprint";

/** A database the bench made for one use; `destroy` closes it and removes what it occupied. */
export interface BenchDatabase {
  database: Database;
  destroy(): Promise<void>;
}

/** The demo group of one scale and seed on one engine, cached between runs. */
export interface Dataset {
  engine: Engine;
  /** A generation done while preparing (the cache was cold): demo-generate counts it as one of its runs. */
  coldGeneration: DemoSummary | undefined;
  /** A fresh copy of the demo group (PGlite: loaded from the dumped data directory; PostgreSQL: a clone). */
  openDemo(): Promise<BenchDatabase>;
  /** A fresh migrated, empty database. */
  openEmpty(): Promise<BenchDatabase>;
  /** Environment for a `tekizai start` child on a copy of the demo group; `cleanup` after the child exited. */
  startTarget(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
  /** Drops what the run created (the cache stays). */
  close(): Promise<void>;
}

export interface DatasetOptions {
  scale: DemoScale;
  seed: number;
  today: string;
  databaseUrl: string;
  log(message: string): void;
}

/**
 * How the bench prepares a cached group after generating it (part of the cache key). On PostgreSQL it runs
 * `ANALYZE`, standing in for autovacuum, which analyses a bulk-loaded table within a minute on a real server
 * (without it, figures would depend on whether autovacuum had got there before the template was cloned).
 * On PGlite it adds nothing: PGlite has no autovacuum, so the group is measured as `tekizai start` serves it.
 */
export const PREPARATION = "postgres-analyze,pglite-as-generated";

export function cacheKey(options: DatasetOptions): string {
  return demoFingerprint(options.today, PREPARATION);
}

/** Generates the demo group into an empty migrated database, reporting each phase once. */
export async function generateInto(database: Database, options: DatasetOptions): Promise<DemoSummary> {
  let phase = "";
  return generateDemo(database, {
    scale: options.scale,
    seed: options.seed,
    today: options.today,
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        phase = progress.phase;
        options.log(`  demo ${options.scale}: ${phase}`);
      }
    },
  });
}

/** Planner statistics for every table (what autovacuum's analyse does on a server). */
export async function analyze(database: Database): Promise<void> {
  await database.exec("ANALYZE");
}

export async function openDataset(engine: Engine, options: DatasetOptions): Promise<Dataset> {
  if (engine === "pglite") {
    const { openPgliteDataset } = await import("./dataset-pglite");
    return openPgliteDataset(options);
  }
  const { openPostgresDataset } = await import("./dataset-postgres");
  return openPostgresDataset(options);
}
