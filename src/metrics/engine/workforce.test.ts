import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import type { Dimension, FigureResult, MetricId, PeriodSpec, ScopeSpec } from "../../shared/metrics-api";
import { seedWorkforceScenario, type WorkforceScenario } from "../test-scenario";
import { drillDown } from "./drilldown";
import { computeMetric } from "./engine";
import { resolveScope } from "./scope";

const FY2025: PeriodSpec = { kind: "fiscalYear", year: 2025 };

describe.each(TEST_ENGINES)("workforce figures on %s", (engine) => {
  let database: TestDatabase;
  let s: WorkforceScenario;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seedWorkforceScenario(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const group: ScopeSpec = { kind: "group" };
  const company = (id: number): ScopeSpec => ({ kind: "company", companyId: id });

  async function figure(
    metric: MetricId,
    scope: ScopeSpec,
    period: PeriodSpec = FY2025,
    by: Dimension | null = null,
  ): Promise<FigureResult> {
    return computeMetric(database.db, metric, {
      scope: await resolveScope(database.db, scope),
      period,
      dimension: by,
    });
  }
  const value = async (metric: MetricId, scope: ScopeSpec, period: PeriodSpec = FY2025) =>
    (await figure(metric, scope, period)).value;
  const byKey = (result: FigureResult) =>
    Object.fromEntries(
      (result.breakdown?.rows ?? []).map((row) => [
        row.key,
        row.numerator === null ? row.value : [row.value, row.numerator, row.denominator],
      ]),
    );

  async function namesIn(
    metric: MetricId,
    scope: ScopeSpec,
    part: "numerator" | "denominator" | "excluded" = "numerator",
    period = FY2025,
  ) {
    const result = await drillDown(database.db, metric, {
      scope: await resolveScope(database.db, scope),
      period,
      part,
      breakdown: null,
      visible: sql`true`,
      limit: 100,
      offset: 0,
    });
    return {
      ...result,
      names: result.items.map((row) => row.name.family).sort(),
      reasons: result.items.map((row) => `${row.name.family}:${row.exclusion}`).sort(),
    };
  }

  it("counts headcount at each company's own fiscal year end, a person with two employments once", async () => {
    expect(await value("headcount", group)).toBe(9);
    expect(await value("headcount", company(s.companies.hq))).toBe(7);
    // Fumi part-time at SUB and Dai after his move; Ben's secondment to SUB does not make him SUB's employee.
    expect(await value("headcount", company(s.companies.sub))).toBe(2);
    // US: Jack on 2025-12-31 (US FY2025 ends there); Ines left 2025-11-30.
    expect(await value("headcount", company(s.companies.us))).toBe(1);
    expect((await namesIn("headcount", group)).names).toEqual([
      "Aiko",
      "Ben",
      "Chie",
      "Dai",
      "Eri",
      "Fumi",
      "Goro",
      "Jack",
      "Ken",
    ]);
  });

  it("treats the termination date as the last day employed", async () => {
    const hq = company(s.companies.hq);
    expect(await value("headcount", hq, { kind: "asOf", date: "2026-03-31" })).toBe(7);
    expect(await value("headcount", hq, { kind: "asOf", date: "2026-04-01" })).toBe(6);
    expect((await namesIn("leavers", hq)).names).toEqual(["Chie", "Goro"]);
    expect((await namesIn("leavers", hq, "numerator", { kind: "fiscalYear", year: 2026 })).names).toEqual([]);
  });

  it("uses the calendar year for a company whose fiscal year starts in January", async () => {
    const us = company(s.companies.us);
    expect((await namesIn("leavers", us)).names).toEqual(["Ines"]);
    expect((await namesIn("leavers", us, "numerator", { kind: "fiscalYear", year: 2026 })).names).toEqual([
      "Jack",
    ]);
    expect((await namesIn("hires", us)).names).toEqual(["Ines"]);
    const result = await figure("headcount", group);
    expect(result.period.ranges).toEqual([
      { from: "2025-04-01", to: "2026-03-31", fiscalYearStartMonth: 4, companyCount: 2 },
      { from: "2025-01-01", to: "2025-12-31", fiscalYearStartMonth: 1, companyCount: 1 },
    ]);
    expect(result.notes).toContain("mixed_fiscal_years");
  });

  it("does not count a move between group companies as a hire or leaver of the group", async () => {
    expect((await namesIn("hires", group)).names).toEqual(["Ben", "Goro", "Ines", "Ken"]);
    expect((await namesIn("leavers", group)).names).toEqual(["Chie", "Goro", "Hana", "Ines"]);
    expect((await namesIn("hires", group, "excluded")).reasons).toEqual(["Dai:move_within_scope"]);
    expect((await namesIn("leavers", group, "excluded")).reasons).toEqual(["Dai:move_within_scope"]);
    expect(await value("transfers_in", group)).toBe(0);
    expect(await value("transfers_out", group)).toBe(0);
  });

  it("reports the move as transfer out / in for each company, apart from turnover", async () => {
    const hq = company(s.companies.hq);
    const sub = company(s.companies.sub);
    expect((await namesIn("transfers_out", hq)).names).toEqual(["Dai"]);
    expect((await namesIn("leavers", hq, "excluded")).reasons).toEqual(["Dai:transfer_out"]);
    expect((await namesIn("transfers_in", sub)).names).toEqual(["Dai"]);
    expect(await value("hires", sub)).toBe(0);
    expect(await value("leavers", sub)).toBe(1);
    // HQ + SUB together: the move is inside the scope again.
    const both: ScopeSpec = { kind: "companies", companyIds: [s.companies.hq, s.companies.sub] };
    expect(await value("transfers_out", both)).toBe(0);
    expect((await namesIn("leavers", both, "excluded")).reasons).toEqual(["Dai:move_within_scope"]);
  });

  it("counts a rehire as a hire, and reemployment after retirement as a hire and in the reemployment rate", async () => {
    expect((await namesIn("hires", company(s.companies.hq))).names).toEqual(["Ben", "Goro", "Ken"]);
    const rate = await figure("reemployment_rate", group);
    expect([rate.value, rate.numerator, rate.denominator]).toEqual([50, 1, 2]);
    expect((await namesIn("reemployment_rate", group)).names).toEqual(["Goro"]);
    expect((await namesIn("reemployment_rate", group, "denominator")).names).toEqual(["Goro", "Hana"]);
    expect(await value("reemployment_rate", company(s.companies.hq))).toBe(100);
    expect(await value("reemployment_rate", company(s.companies.sub))).toBe(0);
  });

  it("computes turnover and new-hire rates on the year-end headcount (GRI 401-1)", async () => {
    const turnover = await figure("turnover_rate", group);
    expect([turnover.value, turnover.numerator, turnover.denominator]).toEqual([44.4, 4, 9]);
    const voluntary = await figure("voluntary_turnover_rate", group);
    expect([voluntary.value, voluntary.numerator, voluntary.denominator]).toEqual([22.2, 2, 9]);
    expect(await value("turnover_rate", company(s.companies.hq))).toBe(28.6);
    expect(await value("new_hire_rate", group)).toBe(44.4);
    expect(await value("voluntary_leavers", group)).toBe(2);
  });

  it("breaks leavers down by reason and rates by age group (age on the event day, 30 and 50 inclusive)", async () => {
    expect(byKey(await figure("leavers", group, FY2025, "reason"))).toEqual({
      voluntary: 2,
      mandatory_retirement: 2,
      transfer_within_group: 0,
    });
    // headcount by age: Jack under 30; Ben (30 at the year end), Chie (50), Aiko, Dai, Eri, Fumi 30–50; Goro, Ken over 50.
    expect(byKey(await figure("headcount", group, FY2025, "ageGroup"))).toEqual({
      under_30: 1,
      "30_to_50": 6,
      over_50: 2,
    });
    // hires by age on the hire day: Ben 29, Ines 32, Goro 60, Ken 54.
    expect(byKey(await figure("new_hire_rate", group, FY2025, "ageGroup"))).toEqual({
      under_30: [100, 1, 1],
      "30_to_50": [16.7, 1, 6],
      over_50: [100, 2, 2],
    });
    expect(byKey(await figure("headcount", group, FY2025, "gender"))).toEqual({ female: 4, male: 5 });
    expect(byKey(await figure("headcount", group, FY2025, "employmentType"))).toEqual({
      regular: 8,
      reemployed: 1,
    });
    expect(byKey(await figure("headcount", group, FY2025, "company"))).toEqual({
      [String(s.companies.hq)]: 7,
      [String(s.companies.sub)]: 1,
      [String(s.companies.us)]: 1,
    });
  });

  it("counts managers by the grade flag on the primary assignment, executives excluded", async () => {
    const ratio = await figure("female_manager_ratio", group);
    expect([ratio.value, ratio.numerator, ratio.denominator]).toEqual([66.7, 2, 3]);
    expect((await namesIn("female_manager_ratio", group)).names).toEqual(["Aiko", "Fumi"]);
    expect((await namesIn("female_manager_ratio", group, "denominator")).names).toEqual([
      "Aiko",
      "Dai",
      "Fumi",
    ]);
    expect((await namesIn("managers", group, "excluded")).reasons).toEqual(["Eri:executive"]);
    expect(byKey(await figure("headcount", group, FY2025, "managerLevel"))).toEqual({
      manager: 3,
      non_manager: 5,
      executive: 1,
    });
    // SUB: Fumi's part-time employment there has a staff grade; Dai is SUB's manager.
    expect(await value("female_manager_ratio", company(s.companies.sub))).toBe(0);
    const grades = await figure("headcount", company(s.companies.hq), FY2025, "gradeBand");
    expect(grades.breakdown!.rows.map((row) => [row.label?.en, row.value])).toEqual([
      ["Grade E1", 1],
      ["Grade M1", 2],
      ["Grade G1", 4],
    ]);
  });

  it("computes shares of women, average age and tenure", async () => {
    const women = await figure("women_share", group);
    expect([women.value, women.numerator, women.denominator]).toEqual([44.4, 4, 9]);
    const hires = await figure("female_hire_share", group);
    expect([hires.value, hires.numerator, hires.denominator]).toEqual([25, 1, 4]);
    // ages 35, 30, 50, 41, 37, 61, 55, 46, 25
    expect(await value("average_age", group)).toBe(42.2);
    // days of service to each year end; Dai's group service starts at HQ in 2012, Fumi's (counted once) at HQ in 2018
    const days = [4017, 273, 5843, 7669, 2921, 273, 334, 5112, 2191];
    const expected = Math.round((days.reduce((a, b) => a + b, 0) / days.length / 365.25) * 10) / 10;
    expect(await value("average_tenure", group)).toBe(expected);
    // SUB alone: Dai since 2025-10-01 (181 days), Fumi since 2024-04-01 (729 days)
    expect(await value("average_tenure", company(s.companies.sub))).toBe(
      Math.round(((181 + 729) / 2 / 365.25) * 10) / 10,
    );
  });

  it("scopes an org unit subtree by the primary assignment", async () => {
    const dev: ScopeSpec = { kind: "orgUnit", orgUnitId: s.units.dev };
    expect((await namesIn("headcount", dev)).names).toEqual(["Aiko", "Ben", "Chie", "Ken"]);
    expect((await namesIn("leavers", dev)).names).toEqual(["Chie"]);
    expect((await namesIn("hires", dev)).names).toEqual(["Ben", "Ken"]);
    // Ben is seconded to SUB's unit: a secondment does not move his primary assignment.
    expect(await value("headcount", { kind: "orgUnit", orgUnitId: s.units.subRoot })).toBe(2);
  });

  it("scopes by country and domestic / overseas", async () => {
    expect(await value("headcount", { kind: "country", country: "US" })).toBe(1);
    expect(await value("headcount", { kind: "domestic" })).toBe(8);
    expect(await value("headcount", { kind: "overseas" })).toBe(1);
  });

  it("lists exactly the people a figure counted, for every breakdown row", async () => {
    const scope = await resolveScope(database.db, group);
    const result = await figure("headcount", group, FY2025, "gender");
    for (const row of result.breakdown!.rows) {
      const drill = await drillDown(database.db, "headcount", {
        scope,
        period: FY2025,
        part: "numerator",
        breakdown: { dimension: "gender", key: row.key },
        visible: sql`true`,
        limit: 100,
        offset: 0,
      });
      expect(drill.total).toBe(row.value);
      expect(drill.items.every((item) => item.gender === row.key)).toBe(true);
    }
    const leavers = await namesIn("turnover_rate", group);
    expect(leavers.total).toBe(4);
    expect((await namesIn("turnover_rate", group, "denominator")).total).toBe(9);
  });

  it("reports the wage gap and childcare uptake as no data, never a number", async () => {
    for (const metric of [
      "gender_wage_gap_all",
      "gender_wage_gap_regular",
      "male_childcare_leave_uptake",
    ] as const) {
      const result = await figure(metric, group);
      expect(result).toMatchObject({ status: "no_data", value: null, numerator: null, denominator: null });
      expect(result.reason).toMatch(/^no_/);
    }
  });
});
