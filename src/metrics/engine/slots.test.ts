/**
 * Several periods in one query (a report's five fiscal years) give each period's figures exactly as it alone
 * would: a person once per period, links and exclusions within the period, org unit trees of the period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import {
  DIMENSIONS,
  type Dimension,
  METRIC_IDS,
  type MetricId,
  type PeriodSpec,
  type ScopeSpec,
} from "../../shared/metrics-api";
import { definitionOf } from "../definitions";
import { seedWorkforceScenario, type WorkforceScenario } from "../test-scenario";
import { computeMetricSlots, computeMetrics } from "./engine";
import { resolveScope } from "./scope";

const PERIODS: PeriodSpec[] = [
  { kind: "fiscalYear", year: 2021 },
  { kind: "fiscalYear", year: 2024 },
  { kind: "fiscalYear", year: 2025 },
  { kind: "asOf", date: "2025-12-31" },
  { kind: "fiscalYear", year: 2026 },
];

describe.each(TEST_ENGINES)("figures over several periods at once on %s", (engine) => {
  let database: TestDatabase;
  let s: WorkforceScenario;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seedWorkforceScenario(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function expectEachPeriodAlone(spec: ScopeSpec, dimension: Dimension | null, perCompany = false) {
    const scope = await resolveScope(database.db, spec);
    const metrics = METRIC_IDS.filter(
      (m) => dimension === null || definitionOf(m).dimensions.includes(dimension),
    );
    const together = await computeMetricSlots(database.db, metrics, {
      scope,
      periods: PERIODS,
      dimension,
      perCompany,
    });
    expect(together).toHaveLength(PERIODS.length);
    for (const [i, period] of PERIODS.entries()) {
      const alone = await computeMetrics(database.db, metrics, { scope, period, dimension, perCompany });
      expect(together[i], `${JSON.stringify(spec)} ${JSON.stringify(period)} by ${dimension}`).toEqual(alone);
    }
  }

  it("for the group, in total and by every dimension", async () => {
    for (const dimension of [null, ...DIMENSIONS]) await expectEachPeriodAlone({ kind: "group" }, dimension);
  });

  it("for a company, an org unit and the companies side by side", async () => {
    await expectEachPeriodAlone({ kind: "company", companyId: s.companies.hq }, null);
    await expectEachPeriodAlone({ kind: "company", companyId: s.companies.sub }, "gender");
    await expectEachPeriodAlone({ kind: "orgUnit", orgUnitId: s.units.dev }, null);
    await expectEachPeriodAlone({ kind: "orgUnit", orgUnitId: s.units.root }, "managerLevel");
    await expectEachPeriodAlone({ kind: "group" }, "company", true);
  });

  it("gives each company's own figures beside the group's from the same queries", async () => {
    const scope = await resolveScope(database.db, { kind: "group" });
    const eachCompany: MetricId[] = [
      "headcount",
      "women_share",
      "female_manager_ratio",
      "hires",
      "turnover_rate",
    ];
    const metrics: MetricId[] = [...eachCompany, "average_tenure", "training_participation_rate"];
    const together = await computeMetricSlots(database.db, metrics, {
      scope,
      periods: PERIODS,
      dimension: null,
      eachCompany,
    });
    for (const [i, period] of PERIODS.entries()) {
      const group = await computeMetrics(database.db, metrics, { scope, period, dimension: null });
      const companies = await computeMetrics(database.db, eachCompany, {
        scope,
        period,
        dimension: "company",
        perCompany: true,
      });
      for (const metric of metrics) {
        const figure = together[i]!.get(metric)!;
        // the group's totals as the group alone counts them (Fumi once, at HQ)
        expect({ ...figure, breakdown: null }, `${metric} ${JSON.stringify(period)}`).toEqual(
          group.get(metric),
        );
        // each company's own rows as the companies side by side count them (Fumi at HQ and at SUB)
        expect(figure.breakdown, `${metric} by company ${JSON.stringify(period)}`).toEqual(
          eachCompany.includes(metric) ? companies.get(metric)!.breakdown : null,
        );
      }
    }
    expect(together[2]!.get("headcount")!.value).toBe(9);
    expect(together[2]!.get("headcount")!.breakdown!.map((row) => row.value)).toEqual([7, 2, 1]);
  });

  it("refuses each company's figure where a company would count differently from the scope", async () => {
    const scope = await resolveScope(database.db, { kind: "group" });
    const periods = [{ kind: "fiscalYear" as const, year: 2025 }];
    for (const metric of ["average_tenure", "transfers_in", "training_participation_rate"] as const) {
      await expect(
        computeMetricSlots(database.db, [metric], { scope, periods, dimension: null, eachCompany: [metric] }),
      ).rejects.toThrow(/does not count alike/);
    }
    await expect(
      computeMetricSlots(database.db, ["headcount"], {
        scope,
        periods,
        dimension: "gender",
        eachCompany: ["headcount"],
      }),
    ).rejects.toThrow(/beside the scope's alone/);
  });

  it("keeps the periods apart: the same people counted in each year they are employed", async () => {
    const scope = await resolveScope(database.db, { kind: "group" });
    const [fy2024, fy2025] = await computeMetricSlots(database.db, ["headcount", "leavers", "hires"], {
      scope,
      periods: [
        { kind: "fiscalYear", year: 2024 },
        { kind: "fiscalYear", year: 2025 },
      ],
      dimension: null,
    });
    expect(fy2025!.get("headcount")!.value).toBe(9);
    expect(fy2025!.get("leavers")!.value).toBe(4);
    expect(fy2024!.get("headcount")!.value).not.toBe(fy2025!.get("headcount")!.value);
  });
});
