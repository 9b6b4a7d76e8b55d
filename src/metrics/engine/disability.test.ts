import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import type { DisabilityCategory, EmploymentType } from "../../shared/enums";
import type { DisabilityUnit, FigureResult, MetricId, PeriodSpec, ScopeSpec } from "../../shared/metrics-api";
import { FixtureBuilder } from "../test-support";
import { insertGroupApplication } from "./applications.repo";
import { drillDown } from "./drilldown";
import { computeMetric } from "./engine";
import { resolveScope } from "./scope";
import { setSmallGroupThreshold } from "./settings.repo";

/**
 * DIS (Japan, April FY) on 2025-06-01 (statutory rate 2.5%, 10–20 h counted):
 * 100 regular workers at 40 h (100), two part-timers at 25 h (1), one at 15 h (0, under_20_hours), an executive
 * officer (not counted), a temporary worker hired 2025-01-01 (not yet a regular worker) and one hired 2024-01-01
 * (1); workers with disabilities (denominator / numerator):
 *   physical 40 h 1/1, physical 25 h 0.5/0.5, physical 15 h 0/0, severe intellectual 40 h 1/2,
 *   severe physical 25 h 0.5/1, severe physical 15 h 0/0.5, mental 40 h 1/1, mental 25 h 0.5/1, mental 15 h 0/0.5.
 * Denominator 106.5, numerator 7.5, rate 7.04%, required floor(2.6625) = 2, surplus 5.5.
 * SMALL (Japan): four regular workers, one with a physical disability — under the threshold of 5.
 * US1 (overseas): not applicable.
 */
const DAY: PeriodSpec = { kind: "asOf", date: "2025-06-01" };

describe.each(TEST_ENGINES)("disability employment figures on %s", (engine) => {
  let database: TestDatabase;
  let dis: number;
  let small: number;
  let us: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const f = new FixtureBuilder(database.db);
    dis = await f.company("DIS");
    small = await f.company("SMALL", { parent: dis });
    us = await f.company("US1", { domestic: false, country: "US", fyMonth: 1, parent: dis });
    const disUnit = await f.unit(dis, "D");
    const smallUnit = await f.unit(small, "S");
    const usUnit = await f.unit(us, "U");
    const worker = async (
      companyId: number,
      unit: number,
      hours: number,
      options: { type?: EmploymentType; hire?: string; disability?: [DisabilityCategory, boolean] } = {},
    ) => {
      const person = await f.person(`W${hours}`, "male", "1980-01-01");
      await f.employ(person, companyId, {
        hire: options.hire ?? "2020-04-01",
        unit,
        hours,
        type: options.type ?? "regular",
      });
      if (options.disability) await f.disability(person, ...options.disability);
    };
    for (let i = 0; i < 100; i++) await worker(dis, disUnit, 40);
    await worker(dis, disUnit, 25, { type: "part_time" });
    await worker(dis, disUnit, 25, { type: "part_time" });
    await worker(dis, disUnit, 15, { type: "part_time" });
    await worker(dis, disUnit, 40, { type: "executive_officer" });
    await worker(dis, disUnit, 40, { type: "temporary", hire: "2025-01-01" });
    await worker(dis, disUnit, 40, { type: "temporary", hire: "2024-01-01" });
    await worker(dis, disUnit, 40, { disability: ["physical", false] });
    await worker(dis, disUnit, 25, { type: "part_time", disability: ["physical", false] });
    await worker(dis, disUnit, 15, { type: "part_time", disability: ["physical", false] });
    await worker(dis, disUnit, 40, { disability: ["intellectual", true] });
    await worker(dis, disUnit, 25, { type: "part_time", disability: ["physical", true] });
    await worker(dis, disUnit, 15, { type: "part_time", disability: ["physical", true] });
    await worker(dis, disUnit, 40, { disability: ["mental", false] });
    await worker(dis, disUnit, 25, { type: "part_time", disability: ["mental", false] });
    await worker(dis, disUnit, 15, { type: "part_time", disability: ["mental", false] });
    for (let i = 0; i < 3; i++) await worker(small, smallUnit, 40);
    await worker(small, smallUnit, 40, { disability: ["physical", false] });
    await worker(us, usUnit, 40, { disability: ["physical", true] });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function figure(metric: MetricId, scope: ScopeSpec, period: PeriodSpec = DAY): Promise<FigureResult> {
    return computeMetric(database.db, metric, {
      scope: await resolveScope(database.db, scope),
      period,
      dimension: null,
    });
  }
  const unitOf = (result: FigureResult, code: string): DisabilityUnit =>
    result.disability!.find((u) => u.code === code)!;

  it("applies the counting table by hours band and severity, the mental special rule and the floor", async () => {
    const result = await figure("disability_employment_rate", { kind: "company", companyId: dis });
    expect(result).toMatchObject({ status: "ok", value: 7.04, numerator: 7.5, denominator: 106.5 });
    expect(unitOf(result, "DIS")).toMatchObject({
      referenceDate: "2025-06-01",
      statutoryRate: 2.5,
      requiredNumber: 2,
      surplus: 5.5,
      rate: 7.04,
    });
    expect((await figure("disability_required_number", { kind: "company", companyId: dis })).value).toBe(2);
    expect((await figure("disability_surplus", { kind: "company", companyId: dis })).value).toBe(5.5);
  });

  it("does not count 10–20 hour workers before April 2024, and uses the rate in force on the day", async () => {
    const before = await figure(
      "disability_employment_rate",
      { kind: "company", companyId: dis },
      { kind: "asOf", date: "2024-03-31" },
    );
    // numerator 7.5 − 0.5 (severe physical 15 h) − 0.5 (mental 15 h); the 2024-01-01 temporary is not a regular worker yet
    expect(before).toMatchObject({ value: 6.16, numerator: 6.5, denominator: 105.5 });
    expect(unitOf(before, "DIS")).toMatchObject({ statutoryRate: 2.3, requiredNumber: 2 });
    const scope: ScopeSpec = { kind: "company", companyId: dis };
    expect(
      (await figure("statutory_disability_rate", scope, { kind: "asOf", date: "2026-06-30" })).value,
    ).toBe(2.5);
    expect(
      (await figure("statutory_disability_rate", scope, { kind: "asOf", date: "2026-07-01" })).value,
    ).toBe(2.7);
    // a fiscal year is taken on June 1 within it: FY2026 → 2026-06-01, still 2.5%
    const fy2026 = await figure("statutory_disability_rate", scope, { kind: "fiscalYear", year: 2026 });
    expect([fy2026.value, fy2026.disability![0]!.referenceDate]).toEqual([2.5, "2026-06-01"]);
  });

  it("withholds companies counting fewer people than the threshold, and marks overseas ones not applicable", async () => {
    const result = await figure("disability_employment_rate", { kind: "group" });
    expect(unitOf(result, "SMALL")).toMatchObject({
      status: "withheld",
      reason: "small_group",
      rate: null,
      numerator: null,
    });
    expect(unitOf(result, "US1")).toMatchObject({ status: "not_applicable", reason: "overseas" });
    expect((await figure("disability_employment_rate", { kind: "company", companyId: small })).status).toBe(
      "withheld",
    );
    await setSmallGroupThreshold(database.db, 3);
    expect(await figure("disability_employment_rate", { kind: "company", companyId: small })).toMatchObject({
      status: "ok",
      value: 25,
      numerator: 1,
      denominator: 4,
    });
    await setSmallGroupThreshold(database.db, 5);
  });

  it("adds the members of a configured group application together", async () => {
    await insertGroupApplication(
      database.db,
      {
        code: "GA1",
        nameJa: "グループ適用",
        nameEn: "Group application",
        parentCompanyId: dis,
        validFrom: "2020-04-01",
        validTo: null,
      },
      [small],
    );
    const result = await figure("disability_employment_rate", { kind: "group" });
    // DIS 106.5 + SMALL 4 = 110.5; 7.5 + 1 = 8.5; 7.69%; floor(110.5 × 2.5%) = floor(2.7625) = 2
    expect(result.disability!.find((u) => u.kind === "application")).toMatchObject({
      code: "GA1",
      status: "ok",
      denominator: 110.5,
      numerator: 8.5,
      rate: 7.69,
      requiredNumber: 2,
      surplus: 6.5,
      companyIds: [dis, small].sort((a, b) => a - b),
    });
    // the whole group: the domestic companies added up (not a statutory figure), US1 left out
    expect(result).toMatchObject({ value: 7.69, numerator: 8.5, denominator: 110.5 });
    expect(result.notes).toContain("combined_not_statutory");
  });

  it("lists the people counted with their weights, and those left out", async () => {
    const scope = await resolveScope(database.db, { kind: "company", companyId: dis });
    const drill = (part: "numerator" | "denominator" | "excluded") =>
      drillDown(database.db, "disability_employment_rate", {
        scope,
        period: DAY,
        part,
        breakdown: null,
        visible: sql`true`,
        limit: 500,
        offset: 0,
      });
    const numerator = await drill("numerator");
    expect(numerator.items.map((row) => row.weight).sort()).toEqual([0.5, 0.5, 0.5, 1, 1, 1, 1, 2]);
    expect(numerator.items.reduce((sum, row) => sum + (row.weight ?? 0), 0)).toBe(7.5);
    const denominator = await drill("denominator");
    expect(denominator.total).toBe(100 + 2 + 1 + 6);
    expect(denominator.items.reduce((sum, row) => sum + (row.weight ?? 0), 0)).toBe(106.5);
    expect(numerator.exclusions).toEqual([
      { reason: "not_regular_worker", count: 2 },
      { reason: "under_20_hours", count: 4 },
    ]);
  });
});
