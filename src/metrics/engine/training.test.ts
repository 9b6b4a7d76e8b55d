/**
 * The training figures on a hand-computed fixture (reference/metrics.md "Training"). FY2025:
 * TA (April year, 2025-04-01 – 2026-03-31), TB (calendar year 2025).
 *
 * | person        | company, type      | FY2025 records (days / hours)                                    | year end |
 * | P1 female     | TA regular         | L1 2025-05-10 (2/14), CO 2025-09-10 late (0.25/2), CO 2026-03-31 (0.25/2) | employed |
 * | P2 male       | TA regular         | CO 2025-04-01 (0.25/2), OJT 2025-09-01 (1/7, first OJT)          | employed |
 * | P3 male       | TA part_time       | none                                                             | employed |
 * | P4 female     | TA regular, left 2025-12-31 | L1 2025-06-01 (2/14)                                   | left     |
 * | P5 female     | TB regular         | L1 2025-12-31 (2/14), OJT 2025-02-01 (1/7); CO 2026-01-05 is TB's FY2026 | employed |
 *
 * Outside FY2025: P1 CO 2025-03-31 (TA FY2024), P1 OJT 2024-06-01 (first OJT, TA FY2024).
 * TA days 2.5 + 1.25 + 2 = 5.75 ÷ 3 = 1.9; hours 18 + 9 + 14 = 41 ÷ 3 = 13.7. TB: 3 ÷ 1, 21 ÷ 1.
 * Group: 8.75 ÷ 4 = 2.2; 62 ÷ 4 = 15.5. Women 7.5 ÷ 2 = 3.8; men 1.25 ÷ 2 = 0.6.
 * Mandatory at TA due in FY2025: P1 due 2026-03-31 on time, P2 due 2025-06-30 on time, P3 due 2025-09-30 open,
 * P3 due 2025-10-31 cancelled (excluded), P1 due 2025-08-31 completed 2025-09-10 (late); P2 due 2026-04-30 is
 * FY2026 → 2 ÷ 4 = 50.0.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { courses, enrolments, trainingRecords } from "../../modules/learning/learning.schema";
import type { Dimension, FigureResult, MetricId, PeriodSpec, ScopeSpec } from "../../shared/metrics-api";
import { FixtureBuilder } from "../test-support";
import { drillDown } from "./drilldown";
import { computeMetric, computeMetricSlots, computeMetrics } from "./engine";
import { resolveScope } from "./scope";

const FY2025: PeriodSpec = { kind: "fiscalYear", year: 2025 };

describe.each(TEST_ENGINES)("training figures on %s", (engine) => {
  let database: TestDatabase;
  const ids = { ta: 0, tb: 0, p: [] as number[] };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const f = new FixtureBuilder(db);
    ids.ta = await f.company("TA");
    ids.tb = await f.company("TB", { fyMonth: 1 });
    const ua = await f.unit(ids.ta, "TA-U");
    const ub = await f.unit(ids.tb, "TB-U");
    const people = [
      ["P1", "female"],
      ["P2", "male"],
      ["P3", "male"],
      ["P4", "female"],
      ["P5", "female"],
    ] as const;
    for (const [name, gender] of people) ids.p.push(await f.person(name, gender, "1990-01-01"));
    const [p1, p2, p3, p4, p5] = ids.p as [number, number, number, number, number];
    await f.employ(p1, ids.ta, { hire: "2020-04-01", unit: ua });
    await f.employ(p2, ids.ta, { hire: "2020-04-01", unit: ua });
    await f.employ(p3, ids.ta, { hire: "2020-04-01", unit: ua, type: "part_time", hours: 25 });
    await f.employ(p4, ids.ta, { hire: "2020-04-01", end: "2025-12-31", unit: ua });
    await f.employ(p5, ids.tb, { hire: "2020-01-01", unit: ub });

    const course = async (
      code: string,
      kind: "layer" | "compliance" | "ojt_trainer",
      days: number,
      hours: number,
    ) => {
      const [row] = await db
        .insert(courses)
        .values({
          code,
          titleJa: code,
          titleEn: code,
          kind,
          delivery: kind === "compliance" ? "e_learning" : "classroom",
          durationDays: days,
          durationHours: hours,
        })
        .returning({ id: courses.id });
      return { id: row!.id, days, hours };
    };
    const l1 = await course("T-L1", "layer", 2, 14);
    const co = await course("T-CO", "compliance", 0.25, 2);
    const ojt = await course("T-OJT", "ojt_trainer", 1, 7);
    const enrol = async (person: number, dueOn: string, status: "enrolled" | "completed" | "cancelled") => {
      const [row] = await db
        .insert(enrolments)
        .values({ courseId: co.id, personId: person, companyId: ids.ta, status, origin: "hr", dueOn })
        .returning({ id: enrolments.id });
      return row!.id;
    };
    const record = async (
      person: number,
      company: number,
      c: { id: number; days: number; hours: number },
      completedOn: string,
      enrolmentId: number | null = null,
    ) =>
      db.insert(trainingRecords).values({
        personId: person,
        companyId: company,
        courseId: c.id,
        completedOn,
        days: c.days,
        hours: c.hours,
        source: "demo",
        enrolmentId,
      });
    await record(p1, ids.ta, l1, "2025-05-10");
    await record(p1, ids.ta, co, "2025-09-10", await enrol(p1, "2025-08-31", "completed"));
    await record(p1, ids.ta, co, "2026-03-31", await enrol(p1, "2026-03-31", "completed"));
    await record(p1, ids.ta, co, "2025-03-31");
    await record(p1, ids.ta, ojt, "2024-06-01");
    await record(p2, ids.ta, co, "2025-04-01", await enrol(p2, "2025-06-30", "completed"));
    await record(p2, ids.ta, ojt, "2025-09-01");
    await enrol(p2, "2026-04-30", "enrolled");
    await enrol(p3, "2025-09-30", "enrolled");
    await enrol(p3, "2025-10-31", "cancelled");
    await record(p4, ids.ta, l1, "2025-06-01");
    await record(p5, ids.tb, l1, "2025-12-31");
    await record(p5, ids.tb, ojt, "2025-02-01");
    await record(p5, ids.tb, co, "2026-01-05");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const group: ScopeSpec = { kind: "group" };
  const company = (id: number): ScopeSpec => ({ kind: "company", companyId: id });
  async function figure(
    metric: MetricId,
    scope: ScopeSpec,
    by: Dimension | null = null,
  ): Promise<FigureResult> {
    return computeMetric(database.db, metric, {
      scope: await resolveScope(database.db, scope),
      period: FY2025,
      dimension: by,
    });
  }
  const triple = (r: FigureResult) => [r.value, r.numerator, r.denominator];

  it("training days and hours per employee: every completion of the year ÷ year-end headcount", async () => {
    expect(triple(await figure("training_days_per_employee", company(ids.ta)))).toEqual([1.9, 5.75, 3]);
    expect(triple(await figure("training_hours_per_employee", company(ids.ta)))).toEqual([13.7, 41, 3]);
    // calendar fiscal year: 2025-12-31 counts, 2026-01-05 is FY2026
    expect(triple(await figure("training_days_per_employee", company(ids.tb)))).toEqual([3, 3, 1]);
    expect(triple(await figure("training_days_per_employee", group))).toEqual([2.2, 8.75, 4]);
    expect(triple(await figure("training_hours_per_employee", group))).toEqual([15.5, 62, 4]);
  });

  it("breaks training days down by gender and employee category", async () => {
    const byGender = await figure("training_days_per_employee", group, "gender");
    const rows = Object.fromEntries(
      byGender.breakdown!.rows.map((r) => [r.key, [r.value, r.numerator, r.denominator]]),
    );
    expect(rows).toEqual({ female: [3.8, 7.5, 2], male: [0.6, 1.25, 2] });
    const byType = await figure("training_days_per_employee", company(ids.ta), "employmentType");
    const types = Object.fromEntries(
      byType.breakdown!.rows.map((r) => [r.key, [r.value, r.numerator, r.denominator]]),
    );
    expect(types).toEqual({ regular: [2.9, 5.75, 2], part_time: [0, 0, 1] });
    const byCompany = await figure("training_days_per_employee", group, "company");
    expect(byCompany.breakdown!.rows.map((r) => [r.label?.en, r.value])).toEqual([
      ["TA Inc.", 1.9],
      ["TB Inc.", 3],
    ]);
  });

  it("participation: year-end employees with at least one completion", async () => {
    expect(triple(await figure("training_participation_rate", company(ids.ta)))).toEqual([66.7, 2, 3]);
    expect(triple(await figure("training_participation_rate", group))).toEqual([75, 3, 4]);
  });

  it("mandatory training: enrolments due in the year completed by the due date", async () => {
    const result = await figure("mandatory_training_completion_rate", company(ids.ta));
    expect(triple(result)).toEqual([50, 2, 4]);
  });

  it("trained OJT trainers in the year and cumulative (first completion)", async () => {
    const figures = await computeMetrics(database.db, ["ojt_trainers_trained", "ojt_trainers_total"], {
      scope: await resolveScope(database.db, company(ids.ta)),
      period: FY2025,
      dimension: null,
    });
    expect(figures.get("ojt_trainers_trained")!.value).toBe(1);
    expect(figures.get("ojt_trainers_total")!.value).toBe(2);
    expect((await figure("ojt_trainers_trained", group)).value).toBe(2);
    expect((await figure("ojt_trainers_total", group)).value).toBe(3);
  });

  it("gives several fiscal years at once as each year alone", async () => {
    const metrics: MetricId[] = [
      "training_days_per_employee",
      "training_hours_per_employee",
      "training_participation_rate",
      "mandatory_training_completion_rate",
      "ojt_trainers_trained",
      "ojt_trainers_total",
    ];
    const periods: PeriodSpec[] = [
      { kind: "fiscalYear", year: 2024 },
      FY2025,
      { kind: "fiscalYear", year: 2026 },
      { kind: "asOf", date: "2025-12-31" },
    ];
    const cases: [ScopeSpec, Dimension | null, boolean][] = [
      [group, null, false],
      [group, "gender", false],
      [group, "company", true],
      [company(ids.ta), null, false],
      [company(ids.ta), "employmentType", false],
    ];
    for (const [spec, dimension, perCompany] of cases) {
      const scope = await resolveScope(database.db, spec);
      const together = await computeMetricSlots(database.db, metrics, {
        scope,
        periods,
        dimension,
        perCompany,
      });
      for (const [i, period] of periods.entries()) {
        expect(together[i]).toEqual(
          await computeMetrics(database.db, metrics, { scope, period, dimension, perCompany }),
        );
      }
    }
    // the totals of FY2025 are those checked above
    const [, fy2025] = await computeMetricSlots(database.db, metrics, {
      scope: await resolveScope(database.db, group),
      periods,
      dimension: null,
    });
    expect(fy2025!.get("training_days_per_employee")!.value).toBe(2.2);
    expect(fy2025!.get("ojt_trainers_trained")!.value).toBe(2);
  });

  it("counts every record: the database refuses one of a person with no employment at the company", async () => {
    const [course] = await database.db.select({ id: courses.id }).from(courses).where(sql`code = 'T-L1'`);
    const stray = {
      personId: ids.p[4]!,
      companyId: ids.ta,
      courseId: course!.id,
      completedOn: "2025-07-01",
      days: 5,
      hours: 35,
      source: "demo",
    } as const;
    // P5 works for TB only
    // drizzle wraps the database's error ("Failed query: ...") and keeps it as the cause
    const refusal = async (write: Promise<unknown>) => {
      const error: unknown = await write.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      return String((error as Error).cause ?? error);
    };
    expect(await refusal(database.db.insert(trainingRecords).values(stray))).toMatch(
      /person \d+ has no employment at company \d+/,
    );
    // nor may a record be moved to such a company, or the employment under records be moved away
    const [own] = await database.db
      .select({ id: trainingRecords.id })
      .from(trainingRecords)
      .where(sql`person_id = ${ids.p[4]!} and company_id = ${ids.tb}`)
      .orderBy(trainingRecords.id)
      .limit(1);
    expect(own).toBeDefined();
    expect(
      await refusal(
        database.db.update(trainingRecords).set({ companyId: ids.ta }).where(sql`id = ${own!.id}`),
      ),
    ).toMatch(/has no employment at company/);
    expect(
      await refusal(
        database.db.execute(
          sql`update employments set company_id = ${ids.ta} where person_id = ${ids.p[4]!} and company_id = ${ids.tb}`,
        ),
      ),
    ).toMatch(/would have training records at company/);
    // nothing changed: TA's figures are those above, in total and by company
    expect(triple(await figure("training_days_per_employee", company(ids.ta)))).toEqual([1.9, 5.75, 3]);
    expect(triple(await figure("training_days_per_employee", group))).toEqual([2.2, 8.75, 4]);
    const side = await computeMetrics(database.db, ["training_days_per_employee"], {
      scope: await resolveScope(database.db, group),
      period: FY2025,
      dimension: "company",
      perCompany: true,
    });
    expect(side.get("training_days_per_employee")!.breakdown!.map((r) => [r.key, r.numerator])).toEqual([
      [String(ids.ta), 5.75],
      [String(ids.tb), 3],
    ]);
  });

  it("lists the people whose training is counted (drill-down)", async () => {
    const scope = await resolveScope(database.db, company(ids.ta));
    const numerator = await drillDown(database.db, "training_days_per_employee", {
      scope,
      period: FY2025,
      part: "numerator",
      breakdown: null,
      visible: sql`true`,
      limit: 10,
      offset: 0,
    });
    expect(numerator.items.map((r) => r.personId).sort((a, b) => a - b)).toEqual([
      ids.p[0],
      ids.p[1],
      ids.p[3],
    ]);
    const excluded = await drillDown(database.db, "mandatory_training_completion_rate", {
      scope,
      period: FY2025,
      part: "excluded",
      breakdown: null,
      visible: sql`true`,
      limit: 10,
      offset: 0,
    });
    expect(excluded.exclusions).toEqual([{ reason: "cancelled", count: 1 }]);
    expect(excluded.items.map((r) => r.personId)).toEqual([ids.p[2]]);
  });
});
