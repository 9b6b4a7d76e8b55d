/**
 * Test harness for the careers suites (career reports, work history, scouting consent, notifications): the
 * skills fixture plus recruiter accounts, every user signed in once, and a fresh clone of that state per test
 * (PGlite: a dumped data directory; PostgreSQL: a database created from the seeded one as template).
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { createTestDatabase } from "../../../test/support/db";
import { TEST_DATABASE_URL, type TestEngine, withDatabase } from "../../../test/support/engines";
import { FIXTURE_PASSWORD } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { type Database, openDatabase } from "../../db/client";
import { queryRows } from "../../db/query";
import { SYSTEM_ACTOR } from "../access/actor";
import { createUser } from "../auth/auth.service";
import { type SkillsFixture, seedSkillsFixture } from "../skills/skills.test-support";

export const CAREER_ROLE_EMAILS = {
  employee: "employee@fixture.test",
  other: "other@fixture.test",
  manager: "manager@fixture.test",
  subHr: "sub-hr@fixture.test",
  hqHr: "hq-hr@fixture.test",
  groupHr: "group-hr@fixture.test",
  /** Recruiter for the whole of HQ. */
  recruiterHq: "recruiter-hq@fixture.test",
  /** Recruiter for HQ's SALES division. */
  recruiterSales: "recruiter-sales@fixture.test",
  /** Recruiter for HQ's DEV1 section (within DEV). */
  recruiterDev1: "recruiter-dev1@fixture.test",
  /** Recruiter for SUB. */
  recruiterSub: "recruiter-sub@fixture.test",
} as const;
export type CareerRole = keyof typeof CAREER_ROLE_EMAILS;

export interface CareersFixture extends SkillsFixture {
  users: Record<CareerRole, number>;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in the tests, which assert their shape
type Body = any;

export interface CareersClone {
  database: Database;
  app: FastifyInstance;
  call(
    role: CareerRole | "anonymous",
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Body }>;
  close(): Promise<void>;
}

export interface CareersHarness {
  fixture: CareersFixture;
  clone(): Promise<CareersClone>;
  close(): Promise<void>;
}

async function seedCareersFixture(database: Database): Promise<CareersFixture> {
  const db = database.db;
  const base = await seedSkillsFixture(db);
  const recruiter = (email: string, companyId: number, orgUnitId: number | null) =>
    createUser(db, SYSTEM_ACTOR, {
      email,
      displayName: email,
      password: FIXTURE_PASSWORD,
      personId: null,
      roles: [{ role: "recruiter", companyId, orgUnitId }],
    });
  await recruiter(CAREER_ROLE_EMAILS.recruiterHq, base.companies.hq, null);
  await recruiter(CAREER_ROLE_EMAILS.recruiterSales, base.companies.hq, base.units.sales);
  await recruiter(CAREER_ROLE_EMAILS.recruiterDev1, base.companies.hq, base.units.dev1);
  await recruiter(CAREER_ROLE_EMAILS.recruiterSub, base.companies.sub, base.units.subRoot);
  const rows = await queryRows<{ id: number; email: string }>(
    db,
    sql`select id, email from users order by id`,
  );
  const users = {} as Record<CareerRole, number>;
  for (const role of Object.keys(CAREER_ROLE_EMAILS) as CareerRole[]) {
    users[role] = rows.find((row) => row.email === CAREER_ROLE_EMAILS[role])!.id;
  }
  return { ...base, users };
}

export async function createCareersHarness(engine: TestEngine): Promise<CareersHarness> {
  const seeded = await createTestDatabase(engine);
  const fixture = await seedCareersFixture(seeded);
  const app = await buildTestApp(seeded);
  const cookies = {} as Record<CareerRole, string>;
  for (const role of Object.keys(CAREER_ROLE_EMAILS) as CareerRole[])
    cookies[role] = await signIn(app, CAREER_ROLE_EMAILS[role], FIXTURE_PASSWORD);
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
