import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, migrateDatabase, openDatabase } from "../../src/db/client";
import type { DemoSummary } from "../../src/demo/generate";
import { type BenchDatabase, cacheKey, type Dataset, type DatasetOptions, generateInto } from "./datasets";
import { ROOT } from "./fingerprint";
import { isRunning } from "./postgres";

export const CACHE_DIR = path.join(ROOT, "bench", ".cache");

async function dump(database: Database): Promise<Buffer> {
  return Buffer.from(await (await database.pglite!.dumpDataDir("gzip")).arrayBuffer());
}

/** Writes the file whole or not at all; removes older entries of the same kind (other fingerprints). */
function writeCache(file: string, data: Buffer, stalePrefix: string): void {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, data);
  fs.renameSync(partial, file);
  for (const name of fs.readdirSync(CACHE_DIR)) {
    const other = path.join(CACHE_DIR, name);
    // A .partial file is left by a run that was killed while writing: removed once its writer is gone.
    const writer = /\.(\d+)\.partial$/.exec(name)?.[1];
    const stale = writer ? !isRunning(Number(writer)) : name.startsWith(stalePrefix) && other !== file;
    if (stale) fs.rmSync(other, { force: true });
  }
}

/** PGlite: the migrated-empty and the demo data directories, dumped (gzip) under bench/.cache/. */
export async function openPgliteDataset(options: DatasetOptions): Promise<Dataset> {
  const key = cacheKey(options);
  const emptyFile = path.join(CACHE_DIR, `pglite-empty-${key}.tar.gz`);
  const demoPrefix = `pglite-${options.scale}-${options.seed}-`;
  const demoFile = path.join(CACHE_DIR, `${demoPrefix}${key}.tar.gz`);

  let empty: Buffer;
  if (fs.existsSync(emptyFile)) {
    empty = fs.readFileSync(emptyFile);
  } else {
    options.log("  pglite: migrating an empty database (cached for later runs)");
    const database = await openDatabase({});
    try {
      await migrateDatabase(database);
      empty = await dump(database);
    } finally {
      await database.close();
    }
    writeCache(emptyFile, empty, "pglite-empty-");
  }

  let demo: Buffer;
  let coldGeneration: DemoSummary | undefined;
  if (fs.existsSync(demoFile)) {
    demo = fs.readFileSync(demoFile);
  } else {
    options.log(
      `  pglite: generating the ${options.scale} demo group, seed ${options.seed} (cached for later runs)`,
    );
    const database = await openDatabase({ loadDataDir: new Blob([empty]) });
    try {
      coldGeneration = await generateInto(database, options);
      demo = await dump(database);
    } finally {
      await database.close();
    }
    writeCache(demoFile, demo, demoPrefix);
  }

  const load = async (data: Buffer): Promise<BenchDatabase> => {
    const database = await openDatabase({ loadDataDir: new Blob([data]) });
    return { database, destroy: () => database.close() };
  };
  const tempDirs: string[] = [];

  return {
    engine: "pglite",
    coldGeneration,
    openDemo: () => load(demo),
    openEmpty: () => load(empty),
    async startTarget() {
      // A real data directory on disk, as `tekizai start` finds it: <dir>/pgdata holding the demo group.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-bench-start-"));
      tempDirs.push(dir);
      const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([demo]) });
      await database.exec("select 1");
      await database.close();
      return {
        env: { TEKIZAI_DATA_DIR: dir },
        cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
    async close() {
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
