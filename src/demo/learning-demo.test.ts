import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { TEST_ENGINES, TEST_TODAY } from "../../test/support/engines";
import type { Db } from "../db/client";
import { queryRows } from "../db/query";
import { SYSTEM_ACTOR } from "../modules/access/actor";
import { personSkills } from "../modules/skills/gaps.service";
import { generateDemo } from "./generate";

const TABLES = [
  ["skills", "id, category_id, company_id, code, name_ja"],
  ["skill_requirements", "id, position_id, skill_id, required_level, desirable_level, valid_from"],
  ["skill_assessments", "id, person_id, skill_id, level, source, assessed_on, training_record_id"],
  ["courses", "id, code, kind, delivery, duration_days, audience"],
  ["course_sessions", "id, course_id, starts_on, capacity"],
  ["enrolments", "id, course_id, session_id, person_id, status, due_on"],
  ["training_records", "id, person_id, company_id, course_id, completed_on, days, hours, score"],
  ["person_certifications", "id, person_id, certification_id, obtained_on, expires_on"],
  ["ojt_pairs", "id, trainee_person_id, trainer_person_id, valid_from, valid_to, status"],
] as const;

async function learningDigest(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const [table, columns] of TABLES) {
    const [row] = await queryRows<{ digest: string }>(
      db,
      sql.raw(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS digest FROM (SELECT ${columns} FROM ${table}) t`,
      ),
    );
    parts.push(row!.digest);
  }
  return parts.join(":");
}

describe.each(TEST_ENGINES)("the demo group's skills and learning on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, "demo");
  }, 120_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it("has the O*NET library, the parent's own skills and a skill map for every position", async () => {
    const [facts] = await queryRows<Record<string, number>>(
      database.db,
      sql`select (select count(*) from skills where code like 'ONET-%')::int as onet,
                 (select count(*) from skills where company_id is not null)::int as own,
                 (select count(*) from positions p where not exists (select 1 from skill_requirements r where r.position_id = p.id))::int as unmapped,
                 (select count(*) from courses)::int as courses,
                 (select count(distinct kind) from courses)::int as kinds`,
    );
    expect(facts).toEqual({ onet: 35, own: 3, unmapped: 0, courses: 42, kinds: 7 });
  });

  it("has ten years of training records, about 5-6 training days per employee a year", async () => {
    const rows = await queryRows<{ fy: number; perEmployee: number }>(
      database.db,
      sql`with years as (select generate_series(2017, 2025) as fy),
           heads as (select y.fy, count(distinct e.person_id) as n from years y join employments e
                       on e.hire_date <= make_date(y.fy + 1, 3, 31) and (e.termination_date is null or e.termination_date >= make_date(y.fy + 1, 3, 31))
                     group by y.fy)
          select h.fy, round(sum(r.days)::numeric / h.n, 2)::float8 as "perEmployee"
          from heads h join training_records r on r.completed_on between make_date(h.fy, 4, 1) and make_date(h.fy + 1, 3, 31)
          group by h.fy, h.n order by h.fy`,
    );
    expect(rows.map((r) => r.fy)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const row of rows.slice(1)) {
      expect(row.perEmployee).toBeGreaterThan(4.5);
      expect(row.perEmployee).toBeLessThan(7);
    }
  });

  it("pairs recent new graduates with trained trainers who are not their line managers", async () => {
    const [check] = await queryRows<{ pairs: number; untrained: number; managers: number; active: number }>(
      database.db,
      sql`select count(*)::int as pairs,
                 count(*) filter (where not exists (
                   select 1 from training_records r join courses c on c.id = r.course_id
                   where r.person_id = o.trainer_person_id and c.kind = 'ojt_trainer' and r.completed_on <= o.valid_from))::int as untrained,
                 count(*) filter (where exists (
                   select 1 from assignments a where a.person_id = o.trainee_person_id and a.kind = 'primary'
                     and a.during @> o.valid_from and a.line_manager_person_id = o.trainer_person_id))::int as managers,
                 count(*) filter (where o.status = 'active')::int as active
          from ojt_pairs o`,
    );
    expect(check!.pairs).toBeGreaterThan(0);
    expect(check!.active).toBeGreaterThan(0);
    expect(check).toMatchObject({ untrained: 0, managers: 0 });
  });

  it("gives the demo employee a gap that a course with an open session closes", async () => {
    const [user] = await queryRows<{ personId: number }>(
      database.db,
      sql`select person_id as "personId" from users where email = 'employee@demo.tekizai.dev'`,
    );
    const view = await personSkills(database.db, SYSTEM_ACTOR, user!.personId, { asOf: TEST_TODAY });
    const gap = view.lines.find(
      (l) =>
        l.gap > 0 &&
        l.suggestedCourses.some((c) => c.nextSession !== null && c.targetLevel >= (l.requiredLevel ?? 0)),
    );
    expect(gap, "a gap with a course that closes it").toBeDefined();
  });

  it("is the same for the same seed", async () => {
    const again = await createTestDatabase(engine, "empty");
    try {
      await generateDemo(again, { scale: "tiny", seed: 7, today: TEST_TODAY });
      expect(await learningDigest(again.db)).toBe(await learningDigest(database.db));
    } finally {
      await again.destroy();
    }
  }, 120_000);
});
