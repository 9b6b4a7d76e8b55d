import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import { SYSTEM_ACTOR } from "../../modules/access/actor";
import {
  computeReport,
  computeReportTraced,
  getPublication,
  publishReport,
} from "../../modules/disclosure/report.service";
import type { DisclosureReport, ReportTableId } from "../../shared/metrics-api";
import { ZDisclosureReport } from "../../shared/metrics-api";
import { allCompanies } from "../engine/scope.repo";
import { setSmallGroupThreshold } from "../engine/settings.repo";
import { seedWorkforceScenario, type WorkforceScenario } from "../test-scenario";
import { buildDisclosureReport } from "./disclosure";
import {
  cachedReport,
  metricDataVersion,
  pruneMetricDataChanges,
  REFRESH_OPENED_WITHIN_MS,
  refreshStaleReports,
} from "./report-cache";

const table = (report: DisclosureReport, id: ReportTableId) => report.tables.find((t) => t.id === id)!;
/** The values of a table row as { metric: value }. */
function row(report: DisclosureReport, id: ReportTableId, key: string) {
  const t = table(report, id);
  const r = t.rows.find((x) => x.key === key)!;
  return Object.fromEntries(
    r.cells.map((cell) => [cell.metric, cell.status === "ok" ? cell.value : cell.status]),
  );
}

describe.each(TEST_ENGINES)("the disclosure report on %s", (engine) => {
  let database: TestDatabase;
  let s: WorkforceScenario;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    s = await seedWorkforceScenario(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("lays out five fiscal years of the group's figures, the leaver reasons and the companies", async () => {
    const report = ZDisclosureReport.parse(await computeReport(database.db, 2025, null));
    expect(report.fiscalYears).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(row(report, "workforce", "2025")).toEqual({
      headcount: 9,
      leavers: 4,
      voluntary_leavers: 2,
      turnover_rate: 44.4,
      voluntary_turnover_rate: 22.2,
    });
    expect(row(report, "managers", "2025")).toEqual({
      managers: 3,
      female_managers: 2,
      female_manager_ratio: 66.7,
    });
    expect(row(report, "hires", "2025")).toEqual({
      hires: 4,
      female_hires: 1,
      female_hire_share: 25,
      new_hire_rate: 44.4,
    });
    expect(row(report, "reemployment", "2025")).toEqual({
      retirees: 2,
      reemployed_after_retirement: 1,
      reemployment_rate: 50,
    });
    // no training records in this scenario: zero days per employee, no mandatory training due
    expect(row(report, "training", "2025")).toEqual({
      training_days_per_employee: 0,
      training_hours_per_employee: 0,
      training_participation_rate: 0,
      mandatory_training_completion_rate: "no_data",
      ojt_trainers_trained: 0,
      ojt_trainers_total: 0,
    });
    // FY2021 (April 2021 – March 2022): Ken left on 2022-03-31
    expect(row(report, "workforce", "2021")).toMatchObject({ leavers: 1, voluntary_leavers: 1 });
    expect(table(report, "leaver_reasons").rows.map((r) => [r.key, r.cells[0]!.value])).toEqual([
      ["voluntary", 2],
      ["mandatory_retirement", 2],
    ]);
    expect(table(report, "companies").rows.map((r) => [r.label.en, r.cells[0]!.value])).toEqual([
      ["HQ Inc.", 7],
      ["SUB Inc.", 2],
      ["US Inc.", 1],
    ]);
    // every cell that has people behind it drills to the same figure
    const cell = table(report, "workforce").rows.at(-1)!.cells[1]!;
    expect(cell.drill).toEqual({
      metric: "leavers",
      scope: { kind: "group" },
      fiscalYear: 2025,
      by: null,
      key: null,
    });
    expect(table(report, "pay_and_leave").rows[0]!.cells[0]!.drill).toBeNull();
  });

  it("shows a company's transfers apart from its turnover", async () => {
    const report = await computeReport(database.db, 2025, s.companies.hq);
    expect(row(report, "workforce", "2025")).toEqual({
      headcount: 7,
      leavers: 2,
      voluntary_leavers: 1,
      turnover_rate: 28.6,
      voluntary_turnover_rate: 14.3,
      transfers_in: 0,
      transfers_out: 1,
    });
    expect(report.tables.map((t) => t.id)).not.toContain("companies");
  });

  it("freezes a published report and shows what a back-dated correction would change", async () => {
    const published = await publishReport(database.db, SYSTEM_ACTOR, {
      fy: 2025,
      companyId: null,
      note: "Integrated report 2025",
    });
    expect(published).toMatchObject({
      version: 1,
      fiscalYear: 2025,
      companyId: null,
      note: "Integrated report 2025",
    });
    expect(published.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await getPublication(database.db, SYSTEM_ACTOR, published.id)).toMatchObject({
      dataStatus: "unchanged",
      changes: [],
    });

    // a hire after the report's window changes nothing the report counts
    const late = await s.builder.person("Late", "female", "1999-09-09");
    await s.builder.employ(late, s.companies.hq, { hire: "2026-08-01", unit: s.units.root });
    expect((await getPublication(database.db, SYSTEM_ACTOR, published.id)).dataStatus).toBe("unchanged");

    // back-dated correction: Ken was rehired in May 2024, not May 2025
    await database.db.execute(sql`update employments set hire_date = '2024-05-01'
      where person_id = ${s.people.ken} and hire_date = '2025-05-01'`);
    await database.db.execute(sql`update assignments set valid_from = '2024-05-01'
      where person_id = ${s.people.ken} and valid_from = '2025-05-01'`);
    const detail = await getPublication(database.db, SYSTEM_ACTOR, published.id);
    expect(detail.dataStatus).toBe("changed");
    expect(detail.currentDataHash).not.toBe(published.dataHash);
    // the frozen figures stay as published
    expect(row(detail.report, "hires", "2025")).toMatchObject({ hires: 4 });
    const change = (tableId: string, key: string, metric: string) =>
      detail.changes.find((c) => c.table === tableId && c.rowKey === key && c.metric === metric);
    expect(change("hires", "2025", "hires")).toMatchObject({ frozen: { value: 4 }, current: { value: 3 } });
    expect(change("hires", "2024", "hires")).toMatchObject({
      current: { value: (change("hires", "2024", "hires")?.frozen.value ?? 0) + 1 },
    });
    expect(change("workforce", "2024", "headcount")).toBeDefined();

    const again = await publishReport(database.db, SYSTEM_ACTOR, { fy: 2025, companyId: null, note: null });
    expect(again.version).toBe(2);
    expect(await getPublication(database.db, SYSTEM_ACTOR, again.id)).toMatchObject({
      dataStatus: "unchanged",
    });
  });

  it("serves the report from the cache until a record it counts changes", async () => {
    const first = await computeReportTraced(database.db, 2025, null);
    const second = await computeReportTraced(database.db, 2025, null);
    expect(second.cached).toBe(true);
    expect(second.report).toEqual(first.report);
    // each caller gets a copy of its own
    second.report.tables.length = 0;
    expect((await computeReportTraced(database.db, 2025, null)).report).toEqual(first.report);
    // another year or scope is another report
    expect((await computeReportTraced(database.db, 2024, null)).cached).toBe(false);

    // a write that is rolled back changes nothing
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update persons set gender = 'male' where id = ${s.people.aiko}`);
        // inside the transaction the report is computed afresh, with its own writes
        const inside = await computeReportTraced(tx, 2025, null);
        expect(inside.cached).toBe(false);
        expect(inside.report).not.toEqual(first.report);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(true);

    // a change dated after the report's horizon (its year's end, plus the days figures look past it) keeps it:
    // this year's hire does not touch last year's report, but does the report of this year
    const beforeHire = await computeReportTraced(database.db, 2026, null);
    expect(beforeHire.cached).toBe(false);
    const newcomer = await s.builder.person("Newcomer", "female", "2000-02-02");
    await s.builder.employ(newcomer, s.companies.hq, { hire: "2026-08-01", unit: s.units.root });
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(true);
    // ... and of this year's report only this year is computed again, the four years before come from the cache
    const thisYear = await computeReportTraced(database.db, 2026, null);
    expect(thisYear).toMatchObject({ cached: false, reusedYears: 4 });
    const whole = await database.db.transaction((tx) => buildDisclosureReport(tx, { kind: "group" }, 2026));
    expect(thisYear.report).toEqual(whole);
    expect(row(thisYear.report, "hires", "2026").hires).toBe(
      Number(row(beforeHire.report, "hires", "2026").hires) + 1,
    );
    // a statement that changes nothing, or changes only what no figure reads, keeps both reports
    await database.db.execute(sql`update persons set gender = gender`);
    await database.db.execute(sql`update persons set email = 'aiko@example.com' where id = ${s.people.aiko}`);
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(true);
    expect((await computeReportTraced(database.db, 2026, null)).cached).toBe(true);

    // a committed correction: the next report is computed again and shows it
    const before = row(first.report, "diversity", "2025").women_share;
    await database.db.execute(sql`update persons set gender = 'male' where id = ${s.people.aiko}`);
    const after = await computeReportTraced(database.db, 2025, null);
    expect(after).toMatchObject({ cached: false, reusedYears: 0 });
    expect(row(after.report, "diversity", "2025").women_share).not.toBe(before);
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(true);

    // so does a setting the figures depend on
    await setSmallGroupThreshold(database.db, 3);
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(false);

    // emptying the change log (when it has grown) moves the epoch: no version after it equals one before
    const beforePrune = await metricDataVersion(database.db);
    await pruneMetricDataChanges(database.db);
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from metric_data_changes`,
    );
    expect(left?.n).toBe(0);
    expect(await metricDataVersion(database.db)).not.toBe(beforePrune);
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(false);
    expect((await computeReportTraced(database.db, 2025, null)).cached).toBe(true);
  });

  it("computes stale reports again in the background, and shares one computation between callers", async () => {
    await computeReportTraced(database.db, 2025, null);
    await computeReportTraced(database.db, 2025, s.companies.hq);
    await refreshStaleReports(database.db); // (reports the earlier tests opened)
    expect(await refreshStaleReports(database.db)).toBe(0);

    await database.db.execute(sql`update persons set gender = 'female' where id = ${s.people.aiko}`);
    // while the records are still changing (the last change younger than the quiet time asked for), it waits
    expect(await refreshStaleReports(database.db, Date.now(), 60 * 60 * 1000)).toBe(0);
    // both reports were opened within the day: both are computed again, and the next opens find them ready
    expect(await refreshStaleReports(database.db)).toBeGreaterThanOrEqual(2);
    const group = await computeReportTraced(database.db, 2025, null);
    expect(group.cached).toBe(true);
    expect(group.report).toEqual((await computeReportTraced(database.db, 2025, null)).report);
    expect((await computeReportTraced(database.db, 2025, s.companies.hq)).cached).toBe(true);
    expect(await refreshStaleReports(database.db)).toBe(0);

    // a report nobody opened for more than a day is left until someone opens it
    await database.db.execute(sql`update persons set gender = 'male' where id = ${s.people.aiko}`);
    const later = Date.now() + REFRESH_OPENED_WITHIN_MS + 60_000;
    expect(await refreshStaleReports(database.db, later)).toBe(0);

    // two callers opening the same stale report at once: one computation, a copy of its result for each
    let computations = 0;
    const compute = () => {
      computations++;
      return buildDisclosureReport(database.db, { kind: "group" }, 2023);
    };
    const [a, b] = await Promise.all([
      cachedReport(database.db, "shared:2023", "2024-05-01", compute),
      cachedReport(database.db, "shared:2023", "2024-05-01", compute),
    ]);
    expect(computations).toBe(1);
    expect(a.report).toEqual(b.report);
    expect(a.report).not.toBe(b.report);
  });
});

describe("the disclosure report on the tiny demo group", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite", "demo");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("computes for the group and for every company without error", { timeout: 240_000 }, async () => {
    const group = ZDisclosureReport.parse(await computeReport(database.db, 2025, null));
    expect(table(group, "workforce").rows.at(-1)!.cells[0]!.value).toBeGreaterThan(100);
    const companies = await allCompanies(database.db);
    const companiesTable = table(group, "companies");
    for (const company of companies) {
      const report = ZDisclosureReport.parse(await computeReport(database.db, 2025, company.id));
      const headcount = table(report, "workforce").rows.at(-1)!.cells[0]!;
      expect(headcount.status).toBe("ok");
      // the group's companies table shows each company's own figures, as its own report does
      const own = new Map(
        report.tables
          .filter((t) => t.rowKind === "fiscalYear")
          .flatMap((t) => t.rows.at(-1)!.cells.map((c) => [c.metric, [c.status, c.value]] as const)),
      );
      const shown = companiesTable.rows.find((r) => r.key === String(company.id))!;
      expect(shown.cells.map((c) => [c.metric, [c.status, c.value]])).toEqual(
        shown.cells.map((c) => [c.metric, own.get(c.metric)]),
      );
      for (const t of report.tables) {
        for (const r of t.rows) {
          for (const cell of r.cells) {
            if (cell.status === "ok") expect(Number.isFinite(cell.value)).toBe(true);
            else expect(cell.value).toBeNull();
          }
        }
      }
    }
  });
});
