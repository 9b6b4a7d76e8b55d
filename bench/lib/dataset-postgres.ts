import { randomBytes } from "node:crypto";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import type { DemoSummary } from "../../src/demo/generate";
import {
  analyze,
  type BenchDatabase,
  cacheKey,
  type Dataset,
  type DatasetOptions,
  generateInto,
} from "./datasets";
import {
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  listDatabases,
  PREFIX,
  renameDatabase,
  withAdmin,
} from "./postgres";

let counter = 0;
const nextName = (kind: "run" | "build") => `${PREFIX}${kind}_${process.pid}_${++counter}`;

/**
 * Builds a template database under a temporary name and renames it when complete, so that an interrupted
 * build never leaves a template that looks usable. Older templates of the same kind are dropped.
 */
async function buildTemplate(
  options: DatasetOptions,
  name: string,
  stalePrefix: string,
  from: string | undefined,
  fill: (url: string) => Promise<void>,
): Promise<void> {
  const building = nextName("build");
  await withAdmin(options.databaseUrl, (admin) => createDatabase(admin, building, from));
  try {
    await fill(databaseUrl(options.databaseUrl, building));
    await withAdmin(options.databaseUrl, async (admin) => {
      await renameDatabase(admin, building, name);
      for (const other of await listDatabases(admin, stalePrefix)) {
        if (other !== name) await dropDatabase(admin, other);
      }
    });
  } catch (err) {
    await withAdmin(options.databaseUrl, (admin) => dropDatabase(admin, building));
    throw err;
  }
}

/** PostgreSQL: template databases (migrated-empty and demo) kept on the server, cloned for each use. */
export async function openPostgresDataset(options: DatasetOptions): Promise<Dataset> {
  const key = cacheKey(options);
  const emptyPrefix = `${PREFIX}tpl_empty_`;
  const emptyTemplate = `${emptyPrefix}${key}`;
  const demoPrefix = `${PREFIX}tpl_${options.scale}_${options.seed}_`;
  const demoTemplate = `${demoPrefix}${key}`;
  const [hasEmpty, hasDemo] = await withAdmin(options.databaseUrl, async (admin) => [
    await databaseExists(admin, emptyTemplate),
    await databaseExists(admin, demoTemplate),
  ]);

  if (!hasEmpty) {
    options.log("  postgres: migrating an empty template database (kept for later runs)");
    await buildTemplate(options, emptyTemplate, emptyPrefix, undefined, async (url) => {
      const database = await openDatabase({ databaseUrl: url, maxConnections: 2 });
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
    });
  }
  let coldGeneration: DemoSummary | undefined;
  if (!hasDemo) {
    options.log(
      `  postgres: generating the ${options.scale} demo group, seed ${options.seed} (kept as a template)`,
    );
    await buildTemplate(options, demoTemplate, demoPrefix, emptyTemplate, async (url) => {
      const database = await openDatabase({ databaseUrl: url, maxConnections: 2 });
      try {
        coldGeneration = await generateInto(database, options);
        await analyze(database);
      } finally {
        await database.close();
      }
    });
  }

  const scratch = new Set<string>();
  const drop = async (name: string) => {
    await withAdmin(options.databaseUrl, (admin) => dropDatabase(admin, name));
    scratch.delete(name);
  };
  const clone = async (template: string): Promise<{ name: string; url: string }> => {
    const name = nextName("run");
    scratch.add(name);
    await withAdmin(options.databaseUrl, (admin) => createDatabase(admin, name, template));
    return { name, url: databaseUrl(options.databaseUrl, name) };
  };
  const open = async (template: string): Promise<BenchDatabase> => {
    const { name, url } = await clone(template);
    const database = await openDatabase({ databaseUrl: url, maxConnections: 10 });
    return {
      database,
      destroy: async () => {
        await database.close();
        await drop(name);
      },
    };
  };

  return {
    engine: "postgres",
    coldGeneration,
    openDemo: () => open(demoTemplate),
    openEmpty: () => open(emptyTemplate),
    async startTarget() {
      const { name, url } = await clone(demoTemplate);
      return {
        env: { DATABASE_URL: url, SESSION_SECRET: randomBytes(32).toString("base64url") },
        cleanup: () => drop(name),
      };
    },
    async close() {
      for (const name of [...scratch]) await drop(name);
    },
  };
}
