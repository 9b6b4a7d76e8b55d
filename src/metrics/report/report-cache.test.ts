import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { seedWorkforceScenario, type WorkforceScenario } from "../test-scenario";

/**
 * The change log behind the report cache's data version (migration 0016): each writing transaction notes the
 * earliest day its changes can touch, so that a report whose horizon lies before that day stays cached.
 */
describe.each(TEST_ENGINES)("the report cache's change log on %s", (engine) => {
  let database: TestDatabase;
  let s: WorkforceScenario;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    s = await seedWorkforceScenario(db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  /** The earliest day the writes noted (null: nothing noted). */
  async function noted(write: () => Promise<unknown>): Promise<string | null> {
    await db.execute(sql`delete from metric_data_changes`);
    await write();
    const [row] = await queryRows<{ day: string | null }>(
      db,
      sql`select min(affects_from)::text as day from metric_data_changes`,
    );
    return row?.day ?? null;
  }

  it("notes a new employment from its hire date, and a new person not at all", async () => {
    let person = 0;
    expect(
      await noted(async () => {
        person = await s.builder.person("Dated", "female", "1990-01-01");
      }),
    ).toBeNull();
    expect(
      await noted(() => s.builder.employ(person, s.companies.hq, { hire: "2026-07-01", unit: s.units.root })),
    ).toBe("2026-07-01");
    // the person's own attributes touch every period since their first hire
    expect(
      await noted(() => db.execute(sql`update persons set birth_date = '1991-01-01' where id = ${person}`)),
    ).toBe("2026-07-01");
    // what no figure reads, or a statement that changes nothing, is not noted
    expect(
      await noted(() => db.execute(sql`update persons set email = 'dated@example.com' where id = ${person}`)),
    ).toBeNull();
    expect(await noted(() => db.execute(sql`update employments set hire_date = hire_date`))).toBeNull();
  });

  it("notes a termination from the earlier of the old and new last days, other corrections from the first day", async () => {
    const person = await s.builder.person("Leaving", "male", "1985-05-05");
    const id = await s.builder.employ(person, s.companies.hq, { hire: "2020-04-01", unit: s.units.root });
    /** Ends (or, with null, reopens) the employment and its assignment on the day, in one transaction. */
    const end = (day: string | null) =>
      db.transaction(async (tx) => {
        const reason = day === null ? null : "voluntary";
        if (day !== null)
          await tx.execute(sql`update assignments set valid_to = ${day} where employment_id = ${id}`);
        await tx.execute(sql`update employments set termination_date = ${day}, termination_reason = ${reason}
                             where id = ${id}`);
        if (day === null)
          await tx.execute(sql`update assignments set valid_to = null where employment_id = ${id}`);
      });
    expect(await noted(() => end("2026-10-31"))).toBe("2026-10-31");
    expect(await noted(() => end("2026-09-30"))).toBe("2026-09-30");
    expect(await noted(() => end(null))).toBe("2026-09-30");
    expect(
      await noted(() => db.execute(sql`update employments set weekly_hours = 30 where id = ${id}`)),
    ).toBe("2020-04-01");
    // several statements in one transaction: one row, the earliest day of them all
    expect(
      await noted(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`update employments set employment_type = 'contract' where id = ${id}`);
          await tx.execute(sql`update assignments set fte = 0.8 where employment_id = ${id}`);
        }),
      ),
    ).toBe("2020-04-01");
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from metric_data_changes`,
    );
    expect(count?.n).toBe(1);
  });

  it("notes training from the due date of the enrolment it completes, and undated records from the start", async () => {
    const [course] = await queryRows<{ id: number }>(
      db,
      sql`insert into courses (company_id, code, title_ja, title_en, kind, delivery, duration_days, duration_hours)
          values (${s.companies.hq}, 'CACHE-1', 'コンプライアンス', 'Compliance', 'compliance', 'e_learning', 0.5, 4)
          returning id`,
    );
    expect(await noted(() => Promise.resolve())).toBeNull();
    const [enrolment] = await queryRows<{ id: number }>(
      db,
      sql`insert into enrolments (course_id, person_id, company_id, status, origin, due_on)
          values (${course!.id}, ${s.people.aiko}, ${s.companies.hq}, 'enrolled', 'hr', '2025-12-31')
          returning id`,
    );
    // completed late, in the next fiscal year: the figure of the year it was due changes
    expect(
      await noted(() =>
        db.execute(sql`insert into training_records (person_id, company_id, course_id, enrolment_id, completed_on, days, hours, source)
                       values (${s.people.aiko}, ${s.companies.hq}, ${course!.id}, ${enrolment!.id}, '2026-06-15', 0.5, 4, 'import')`),
      ),
    ).toBe("2025-12-31");
    expect(
      await noted(() =>
        db.execute(sql`update grades set is_manager_level = not is_manager_level where id = ${s.grades.m1}`),
      ),
    ).toBe("-infinity");
    expect(await noted(() => db.execute(sql`update companies set name_en = name_en`))).toBeNull();
  });
});
