/**
 * Test harness for the skills, learning and OJT suites: seeds the skills fixture once per file, signs every
 * fixture user in, and hands each test its own clone of that state (PGlite: a dumped data directory; PostgreSQL:
 * a database created from the seeded one as template), so tests never depend on each other's writes.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { openDatabase, type Database } from "../../db/client";
import { createTestDatabase } from "../../../test/support/db";
import { TEST_DATABASE_URL, type TestEngine, withDatabase } from "../../../test/support/engines";
import { FIXTURE_PASSWORD } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { seedSkillsFixture, type SkillsFixture } from "./skills.test-support";

export const ROLE_EMAILS = {
  employee: "employee@fixture.test",
  other: "other@fixture.test",
  manager: "manager@fixture.test",
  subHr: "sub-hr@fixture.test",
  hqHr: "hq-hr@fixture.test",
  groupHr: "group-hr@fixture.test",
} as const;
export type FixtureRole = keyof typeof ROLE_EMAILS;

export interface Harness {
  fixture: SkillsFixture;
  cookies: Record<FixtureRole, string>;
  /** A fresh copy of the seeded state with a server on it. */
  clone(): Promise<Clone>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in the tests, which assert their shape
type Body = any;

export interface Clone {
  database: Database;
  app: FastifyInstance;
  call(
    role: FixtureRole | "anonymous",
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Body }>;
  close(): Promise<void>;
}

export async function createHarness(engine: TestEngine): Promise<Harness> {
  const seeded = await createTestDatabase(engine);
  const fixture = await seedSkillsFixture(seeded.db);
  const app = await buildTestApp(seeded);
  const cookies = {} as Record<FixtureRole, string>;
  for (const role of Object.keys(ROLE_EMAILS) as FixtureRole[])
    cookies[role] = await signIn(app, ROLE_EMAILS[role], FIXTURE_PASSWORD);
  await app.close();

  let dump: Blob | undefined;
  let templateName: string | undefined;
  if (engine === "pglite") {
    dump = await seeded.pglite!.dumpDataDir("gzip");
    await seeded.destroy();
  } else {
    templateName = new URL(withDatabaseName(seeded)).pathname.slice(1);
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

/** The connection URL of a PostgreSQL test database (its pool's). */
function withDatabaseName(database: Database): string {
  const options = (database.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
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
