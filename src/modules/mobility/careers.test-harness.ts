/**
 * Test harness for the careers suites (career reports, work history, scouting consent, notifications): the
 * skills fixture plus recruiter accounts, every user signed in once, and a fresh clone of that state per test
 * (PGlite: a dumped data directory; PostgreSQL: a database created from the seeded one as template).
 */
import { sql } from "drizzle-orm";
import type { TestEngine } from "../../../test/support/engines";
import { FIXTURE_PASSWORD } from "../../../test/support/fixtures";
import {
  createSeededHarness,
  type SeededClone,
  type SeededHarness,
} from "../../../test/support/seeded-harness";
import type { Database } from "../../db/client";
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

export type CareersClone = SeededClone<CareerRole>;
export type CareersHarness = SeededHarness<CareerRole, CareersFixture>;

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

export function createCareersHarness(engine: TestEngine): Promise<CareersHarness> {
  return createSeededHarness(engine, CAREER_ROLE_EMAILS, seedCareersFixture);
}
