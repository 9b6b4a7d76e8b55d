/**
 * Test harness for the skills, learning and OJT suites: the skills fixture seeded once per file, every fixture
 * user signed in, and each test on its own clone of that state (see test/support/seeded-harness.ts).
 */
import type { TestEngine } from "../../../test/support/engines";
import {
  createSeededHarness,
  type SeededClone,
  type SeededHarness,
} from "../../../test/support/seeded-harness";
import { type SkillsFixture, seedSkillsFixture } from "./skills.test-support";

export const ROLE_EMAILS = {
  employee: "employee@fixture.test",
  other: "other@fixture.test",
  manager: "manager@fixture.test",
  subHr: "sub-hr@fixture.test",
  hqHr: "hq-hr@fixture.test",
  groupHr: "group-hr@fixture.test",
} as const;
export type FixtureRole = keyof typeof ROLE_EMAILS;

export type Harness = SeededHarness<FixtureRole, SkillsFixture>;
export type Clone = SeededClone<FixtureRole>;

export function createHarness(engine: TestEngine): Promise<Harness> {
  return createSeededHarness(engine, ROLE_EMAILS, (database) => seedSkillsFixture(database.db));
}
