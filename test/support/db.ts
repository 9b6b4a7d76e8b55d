import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/client";
import { TEST_DATABASE_URL, withDatabase, type TestEngine } from "./engines";

export interface TestDatabase extends Database {
  /** Closes the connection and drops the cloned database. */
  destroy(): Promise<void>;
}

/**
 * A fresh database cloned from a migrated template (empty, or holding the tiny demo group generated with
 * seed 7 as of TEST_TODAY). Each test gets its own; nothing is shared between tests.
 */
export async function createTestDatabase(
  engine: TestEngine,
  content: "empty" | "demo" = "empty",
): Promise<TestDatabase> {
  if (engine === "pglite") {
    const file = inject(content === "demo" ? "pgliteDemoTemplate" : "pgliteEmptyTemplate");
    const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(file)]) });
    return { ...database, destroy: () => database.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const template = inject(content === "demo" ? "postgresDemoTemplate" : "postgresEmptyTemplate");
  const name = `tekizai_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({
    databaseUrl: withDatabase(TEST_DATABASE_URL, name),
    maxConnections: 4,
  });
  return {
    ...database,
    destroy: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
