import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";

/** person_skill_levels is derived by triggers; it must equal what the assessments say, however they arrive. */
const MISMATCHES = sql`
  with expected as (
    select a.person_id, a.skill_id, a.level as any_level, a.id as any_id, c.level as confirmed_level, c.id as confirmed_id
    from (select distinct on (person_id, skill_id) person_id, skill_id, level, id from skill_assessments
          order by person_id, skill_id, assessed_on desc, id desc) a
    left join (select distinct on (person_id, skill_id) person_id, skill_id, level, id from skill_assessments
               where source <> 'self' order by person_id, skill_id, assessed_on desc, id desc) c
      on c.person_id = a.person_id and c.skill_id = a.skill_id
  )
  select count(*)::int as "mismatches" from expected e
  full join person_skill_levels p on p.person_id = e.person_id and p.skill_id = e.skill_id
  where p.person_id is null or e.person_id is null or p.any_level <> e.any_level or p.any_assessment_id <> e.any_id
     or p.confirmed_level is distinct from e.confirmed_level or p.confirmed_assessment_id is distinct from e.confirmed_id`;

/** person_skill_tokens is derived from person_skill_levels: one "skill at level ≥ k" token per level reached. */
const TOKEN_MISMATCHES = sql`
  with expected as (
    select p.person_id,
           coalesce(array_agg(p.skill_id * 16 + k order by p.skill_id, k) filter (where k <= p.confirmed_level), '{}') as confirmed,
           coalesce(array_agg(p.skill_id * 16 + k order by p.skill_id, k) filter (where k <= p.any_level), '{}') as any_source
    from person_skill_levels p, generate_series(1, 10) k
    where k <= greatest(p.any_level, coalesce(p.confirmed_level, 0))
    group by p.person_id
  )
  select count(*)::int as "mismatches" from expected e
  full join person_skill_tokens t on t.person_id = e.person_id
  where t.person_id is null or e.person_id is null or t.confirmed_tokens <> e.confirmed or t.any_tokens <> e.any_source`;

describe.each(TEST_ENGINES)("current skill levels derived from assessments on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, "demo");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function mismatches(): Promise<number> {
    const [row] = await queryRows<{ mismatches: number }>(database.db, MISMATCHES);
    const [tokens] = await queryRows<{ mismatches: number }>(database.db, TOKEN_MISMATCHES);
    return row!.mismatches + tokens!.mismatches;
  }

  it("matches the demo's assessments, then follows inserts (single and bulk, back-dated, self) and deletes", async () => {
    const [counted] = await queryRows<{ total: number }>(
      database.db,
      sql`select count(*)::int as total from person_skill_levels`,
    );
    expect(counted!.total).toBeGreaterThan(0);
    expect(await mismatches()).toBe(0);

    const [pair] = await queryRows<{ personId: number; skillId: number }>(
      database.db,
      sql`select person_id as "personId", skill_id as "skillId" from person_skill_levels order by person_id, skill_id limit 1`,
    );
    const { personId, skillId } = pair!;
    const insert = (level: number, source: string, on: string) =>
      database.db.execute(
        sql`insert into skill_assessments (person_id, skill_id, level, source, assessed_on)
            values (${personId}, ${skillId}, ${level}, ${source}, ${on})`,
      );
    await insert(5, "self", "2099-01-01"); // a later self view changes "any", not "confirmed"
    await insert(1, "manager", "1990-01-01"); // a back-dated confirmation changes nothing current
    expect(await mismatches()).toBe(0);
    const [after] = await queryRows<{ anyLevel: number; confirmedLevel: number | null }>(
      database.db,
      sql`select any_level as "anyLevel", confirmed_level as "confirmedLevel" from person_skill_levels
          where person_id = ${personId} and skill_id = ${skillId}`,
    );
    expect(after!.anyLevel).toBe(5);
    expect(after!.confirmedLevel).not.toBe(1);

    // A bulk insert of several rows for the same pair in one statement.
    await database.db.execute(
      sql`insert into skill_assessments (person_id, skill_id, level, source, assessed_on)
          select ${personId}, ${skillId}, g % 5, case when g % 2 = 0 then 'hr' else 'self' end, date '2099-02-01' + g
          from generate_series(1, 6) g`,
    );
    expect(await mismatches()).toBe(0);

    await database.db.execute(
      sql`delete from skill_assessments where person_id = ${personId} and skill_id = ${skillId} and assessed_on >= '2099-01-01'`,
    );
    expect(await mismatches()).toBe(0);
  });
});
