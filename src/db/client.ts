import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { sql } from "drizzle-orm";
import { AppError } from "../shared/errors";
import { lockDataDir, type DataDirLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The typed database handle used by every repo: the same on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs raw SQL (several statements allowed) — for migrations helpers, COPY-free bulk loads and tests. */
  exec(sqlText: string): Promise<void>;
  /** The PGlite instance when embedded (for dumpDataDir in tests and benchmarks). */
  pglite: PGlite | undefined;
  /** The pg pool when on a server (for COPY in bulk loads). */
  pool: pg.Pool | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data directory for the embedded database; undefined = in memory. */
  dataDir?: string | undefined;
  /** Start from a dumped data directory (tests clone a migrated template this way). */
  loadDataDir?: Blob | File;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

// pg returns int8 / numeric as strings; Tekizai's counts and hours fit in JS numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
// Dates stay ISO strings on both engines.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      // Request traffic on a small server: parallel plans cost more than they gain (bench/README.md).
      options: "-c max_parallel_workers_per_gather=0",
    });
    pool.on("error", () => {
      // an idle client lost its connection; the next query gets a new one
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end();
      throw new AppError("DATABASE_UNAVAILABLE", {
        message: `Cannot connect to the PostgreSQL server in DATABASE_URL: ${(err as Error).message}`,
        cause: err,
      });
    }
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      pglite: undefined,
      pool,
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (options.dataDir) {
    lock = lockDataDir(options.dataDir);
    pgDir = path.join(options.dataDir, "pgdata");
  }
  try {
    const pglite = await PGlite.create({
      ...(pgDir ? { dataDir: pgDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
    });
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      pglite,
      pool: undefined,
      exec: async (sqlText) => {
        await pglite.exec(sqlText);
      },
      close: async () => {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Applies the committed migrations that have not run yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its own PgliteDatabase type; the handle is one.
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: as above, for NodePgDatabase.
    await migratePg(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  }
}

export interface MigrationState {
  applied: number;
  available: number;
  upToDate: boolean;
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const result = (await database.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )) as {
      rows: { n: number }[];
    };
    applied = Number(result.rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, available: journal.entries.length, upToDate: applied >= journal.entries.length };
}

/** True when the data directory already holds an embedded database. */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "pgdata", "PG_VERSION"));
}
