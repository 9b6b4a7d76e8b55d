import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { generateDemo } from "../../src/demo/generate";
import { TEST_DATABASE_URL, TEST_TODAY, withDatabase } from "./engines";

declare module "vitest" {
  export interface ProvidedContext {
    /** Files holding dumped PGlite data directories: migrated and empty, and with the tiny demo group. */
    pgliteEmptyTemplate: string;
    pgliteDemoTemplate: string;
    /** Template databases on the PostgreSQL server (empty strings when TEST_DATABASE_URL is not set). */
    postgresEmptyTemplate: string;
    postgresDemoTemplate: string;
  }
}

/**
 * Builds the migrated templates once per test run; every test clones one instead of migrating
 * (creating a PGlite data directory takes seconds, cloning a dump a fraction of that).
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-test-"));
  const emptyFile = path.join(dir, "empty.tar.gz");
  const demoFile = path.join(dir, "demo.tar.gz");

  const empty = await openDatabase({});
  await migrateDatabase(empty);
  fs.writeFileSync(emptyFile, Buffer.from(await (await empty.pglite!.dumpDataDir("gzip")).arrayBuffer()));
  await generateDemo(empty, { scale: "tiny", seed: 7, today: TEST_TODAY });
  fs.writeFileSync(demoFile, Buffer.from(await (await empty.pglite!.dumpDataDir("gzip")).arrayBuffer()));
  await empty.close();

  let postgresEmptyTemplate = "";
  let postgresDemoTemplate = "";
  if (TEST_DATABASE_URL) {
    const suffix = `${process.pid}_${Date.now()}`;
    postgresEmptyTemplate = `tekizai_tpl_empty_${suffix}`;
    postgresDemoTemplate = `tekizai_tpl_demo_${suffix}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      for (const name of [postgresEmptyTemplate, postgresDemoTemplate]) {
        await admin.query(`CREATE DATABASE ${name}`);
        const database = await openDatabase({
          databaseUrl: withDatabase(TEST_DATABASE_URL, name),
          maxConnections: 2,
        });
        await migrateDatabase(database);
        if (name === postgresDemoTemplate)
          await generateDemo(database, { scale: "tiny", seed: 7, today: TEST_TODAY });
        await database.close();
      }
    } finally {
      await admin.end();
    }
  }

  project.provide("pgliteEmptyTemplate", emptyFile);
  project.provide("pgliteDemoTemplate", demoFile);
  project.provide("postgresEmptyTemplate", postgresEmptyTemplate);
  project.provide("postgresDemoTemplate", postgresDemoTemplate);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (TEST_DATABASE_URL) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ datname: string }>(
          "select datname from pg_database where datname like $1 or datname like $2",
          [`tekizai_t_${process.pid}_%`, "tekizai_tpl_%"],
        );
        for (const row of rows) {
          if (
            row.datname.startsWith("tekizai_tpl_") &&
            ![postgresEmptyTemplate, postgresDemoTemplate].includes(row.datname)
          )
            continue;
          await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
        }
      } finally {
        await admin.end();
      }
    }
  };
}
