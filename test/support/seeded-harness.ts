/**
 * A per-file test harness over a seeded fixture: seeds a fresh database once, signs every fixture user in, and
 * hands each test its own clone of that state (PGlite: a dumped data directory; PostgreSQL: a database created
 * from the seeded one as template), so tests never depend on each other's writes. Module harnesses (skills,
 * careers) only say which users exist and how to seed.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client";
import { createTestDatabase } from "./db";
import { TEST_DATABASE_URL, type TestEngine, withDatabase } from "./engines";
import { FIXTURE_PASSWORD } from "./fixtures";
import { buildTestApp, signIn } from "./http";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in the tests, which assert their shape
type Body = any;

export interface SeededClone<Role extends string> {
  database: Database;
  app: FastifyInstance;
  call(
    role: Role | "anonymous",
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Body }>;
  close(): Promise<void>;
}

export interface SeededHarness<Role extends string, Fixture> {
  fixture: Fixture;
  /** Session cookies of the fixture users (valid in every clone). */
  cookies: Record<Role, string>;
  /** A fresh copy of the seeded state with a server on it. */
  clone(): Promise<SeededClone<Role>>;
  close(): Promise<void>;
}

export async function createSeededHarness<Role extends string, Fixture>(
  engine: TestEngine,
  emails: Record<Role, string>,
  seed: (database: Database) => Promise<Fixture>,
): Promise<SeededHarness<Role, Fixture>> {
  const seeded = await createTestDatabase(engine);
  const fixture = await seed(seeded);
  const app = await buildTestApp(seeded);
  const cookies = {} as Record<Role, string>;
  for (const role of Object.keys(emails) as Role[])
    cookies[role] = await signIn(app, emails[role], FIXTURE_PASSWORD);
  await app.close();

  let dump: Blob | undefined;
  let templateName: string | undefined;
  if (engine === "pglite") {
    dump = await seeded.pglite!.dumpDataDir("gzip");
    await seeded.destroy();
  } else {
    const options = (seeded.pool as unknown as { options: { connectionString: string } }).options;
    templateName = new URL(options.connectionString).pathname.slice(1);
    await seeded.close();
  }

  const open = async (): Promise<{ database: Database; drop: () => Promise<void> }> => {
    if (dump) {
      const database = await openDatabase({ loadDataDir: dump });
      return { database, drop: () => database.close() };
    }
    const name = `tekizai_t_${process.pid}_${randomBytes(4).toString("hex")}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
    const database = await openDatabase({
      databaseUrl: withDatabase(TEST_DATABASE_URL!, name),
      maxConnections: 4,
    });
    return {
      database,
      drop: async () => {
        await database.close();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  };

  return {
    fixture,
    cookies,
    async clone() {
      const { database, drop } = await open();
      const server = await buildTestApp(database);
      return {
        database,
        app: server,
        async call(role, method, url, payload) {
          const response = await server.inject({
            method,
            url,
            ...(payload === undefined ? {} : { payload: payload as object }),
            ...(role === "anonymous" ? {} : { headers: { cookie: cookies[role] } }),
          });
          return { status: response.statusCode, body: response.body ? response.json() : undefined };
        },
        async close() {
          await server.close();
          await drop();
        },
      };
    },
    async close() {
      if (templateName) await admin(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
