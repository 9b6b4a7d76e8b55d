/**
 * The disclosure report for a fiscal year, for the whole group or one company, laid out like the tables of the
 * seed pages: five fiscal years of employees and leavers, diversity, managers, hires, disability employment,
 * training, reemployment, pay and leave, plus (group) the leaver reasons and the companies side by side.
 * Computed with full rights; readers get it redacted to theirs (see the disclosure service).
 */
import type { Db } from "../../db/client";
import { addDays } from "../../shared/dates";
import type {
  Dimension,
  DisabilityUnit,
  DisclosureReport,
  MetricId,
  ReportCell,
  ReportRow,
  ReportTable,
  ReportTableId,
  ScopeSpec,
} from "../../shared/metrics-api";
import { definitionOf } from "../definitions";
import type { DisabilityResult } from "../engine/disability";
import { computeMetricSlots, computeMetrics, presentPeriod } from "../engine/engine";
import type { EngineFigure } from "../engine/figures";
import { companyPeriods } from "../engine/period";
import { LINK_WINDOW_DAYS } from "../engine/populations";
import { presentScope, resolveScope, type ScopeContext } from "../engine/scope";
import { sideBySide } from "../engine/side-by-side";
import { cachedSlots } from "./report-cache";

export type ReportScope = { kind: "group" } | { kind: "company"; companyId: number };

/** How many fiscal years the trend tables show (the report's year and the four before it). */
export const TREND_YEARS = 5;

const TRENDS: { id: ReportTableId; metrics: MetricId[]; companyOnly?: MetricId[] }[] = [
  {
    id: "workforce",
    metrics: ["headcount", "leavers", "voluntary_leavers", "turnover_rate", "voluntary_turnover_rate"],
    companyOnly: ["transfers_in", "transfers_out"],
  },
  { id: "diversity", metrics: ["women_share", "average_age", "average_tenure"] },
  { id: "managers", metrics: ["managers", "female_managers", "female_manager_ratio"] },
  { id: "hires", metrics: ["hires", "female_hires", "female_hire_share", "new_hire_rate"] },
  {
    id: "disability",
    metrics: [
      "disability_employment_rate",
      "statutory_disability_rate",
      "disability_required_number",
      "disability_surplus",
    ],
  },
  {
    id: "training",
    metrics: [
      "training_days_per_employee",
      "training_hours_per_employee",
      "training_participation_rate",
      "mandatory_training_completion_rate",
      "ojt_trainers_trained",
      "ojt_trainers_total",
    ],
  },
  { id: "reemployment", metrics: ["retirees", "reemployed_after_retirement", "reemployment_rate"] },
  {
    id: "pay_and_leave",
    metrics: [
      "gender_wage_gap_all",
      "gender_wage_gap_regular",
      "gender_wage_gap_non_regular",
      "male_childcare_leave_uptake",
    ],
  },
];

const COMPANY_COLUMNS: MetricId[] = [
  "headcount",
  "women_share",
  "managers",
  "female_manager_ratio",
  "hires",
  "female_hire_share",
  "turnover_rate",
];
const DISABILITY_COLUMNS = TRENDS.find((t) => t.id === "disability")!.metrics;

const column = (metric: MetricId) => {
  const d = definitionOf(metric);
  return { metric, unit: d.unit, decimals: d.decimals };
};

interface CellTarget {
  scope: ScopeSpec;
  fiscalYear: number;
  by?: Dimension;
  key?: string;
  restrictedTo?: number[] | null;
}

function cell(
  metric: MetricId,
  figure: Pick<EngineFigure, "status" | "reason" | "value" | "numerator" | "denominator">,
  target: CellTarget,
): ReportCell {
  const definition = definitionOf(metric);
  // no people behind a figure without data, or behind the law's rate
  const drillable = definition.computation.kind !== "no_data" && metric !== "statutory_disability_rate";
  return {
    metric,
    status: figure.status,
    reason: figure.reason,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    drill: drillable
      ? {
          metric,
          scope: target.scope,
          fiscalYear: target.fiscalYear,
          by: target.by ?? null,
          key: target.key ?? null,
        }
      : null,
    restrictedTo: definition.sensitive ? (target.restrictedTo ?? []) : null,
  };
}

/** The four disability columns of one unit (company, group application or the combined scope). */
function disabilityCells(unit: DisabilityUnit, target: CellTarget): ReportCell[] {
  const ok = unit.status === "ok";
  const figure = (value: number | null, ratio = false) => ({
    status: unit.status,
    reason: unit.reason,
    value: ok ? value : null,
    numerator: ok && ratio ? unit.numerator : null,
    denominator: ok && ratio ? unit.denominator : null,
  });
  const restricted = { ...target, restrictedTo: unit.companyIds };
  return [
    cell("disability_employment_rate", figure(unit.rate, true), restricted),
    cell(
      "statutory_disability_rate",
      unit.statutoryRate === null
        ? { status: "not_applicable", reason: unit.reason, value: null, numerator: null, denominator: null }
        : { status: "ok", reason: null, value: unit.statutoryRate, numerator: null, denominator: null },
      target,
    ),
    cell("disability_required_number", figure(unit.requiredNumber), restricted),
    cell("disability_surplus", figure(unit.surplus), restricted),
  ];
}

/** A company with no one in a population has no breakdown row: counts are 0, ratios and averages have no number. */
function emptyFigure(metric: MetricId) {
  const kind = definitionOf(metric).computation.kind;
  return kind === "count"
    ? { status: "ok" as const, reason: null, value: 0, numerator: null, denominator: null }
    : {
        status: "no_data" as const,
        reason: "empty" as const,
        value: null,
        numerator: null,
        denominator: null,
      };
}

const REASON_LABELS: Record<string, { ja: string; en: string }> = {
  voluntary: { ja: "自己都合", en: "Voluntary resignation" },
  involuntary: { ja: "解雇", en: "Dismissal" },
  mandatory_retirement: { ja: "定年退職", en: "Mandatory retirement" },
  death: { ja: "死亡", en: "Death" },
  end_of_contract: { ja: "契約期間満了", en: "End of contract" },
  transfer_within_group: { ja: "グループ内転籍", en: "Transfer within the group" },
};

const fyLabel = (year: number) => ({ ja: `${year}年度`, en: `FY${year}` });

/**
 * The figures behind the report's tables: every population queried once per report, the queries side by side.
 * Each company's own figures (group reports) come from the same queries as the group's, as the companies
 * breakdown of COMPANY_COLUMNS in each year (computeFigureSlots, eachCompany): the report's year's table reads
 * them from there, cached with the year.
 */
interface ReportFigures {
  /** The trend metrics of each fiscal year, in the order of the years. */
  trends: Map<MetricId, EngineFigure>[];
  /** Leavers by reason in the report's year. */
  reasons: EngineFigure;
}

/**
 * The last day (ISO) a change can touch and still change the scope's figures of the fiscal year: the latest end
 * of that year among the scope's companies (each its own fiscal year), plus the days figures look past a period's
 * end (moves between group companies, reemployment). The report cache counts only the changes up to it.
 */
export function yearHorizon(scope: ScopeContext, year: number): string {
  const end = latestYearEnd(scope, year);
  return end === undefined ? "infinity" : addDays(end, LINK_WINDOW_DAYS);
}

/** The last day of the fiscal year among the scope's companies (each its own fiscal year). */
export function latestYearEnd(scope: ScopeContext, year: number): string | undefined {
  return companyPeriods({ kind: "fiscalYear", year }, scope.companies)
    .map((p) => p.to)
    .sort()
    .at(-1);
}

/** What a computation of the report did (for the bench and the tests). */
export interface ReportTrace {
  /** How many trend years came from the report cache (the years no change has touched since). */
  reusedYears: number;
}

async function reportFigures(
  db: Db,
  scope: ScopeContext,
  years: number[],
  isCompany: boolean,
  trace: ReportTrace,
): Promise<ReportFigures> {
  const metrics = TRENDS.flatMap((t) => [...t.metrics, ...(isCompany ? (t.companyOnly ?? []) : [])]);
  const period = { kind: "fiscalYear" as const, year: years.at(-1)! };
  const figures: Partial<ReportFigures> = {};
  const scopeKey = JSON.stringify(scope.spec);
  await sideBySide(db, [
    async () => {
      // Each year's trend figures are kept apart: a change dated this year recomputes this year's alone.
      const slots = years.map((year) => ({ key: `${scopeKey}:${year}`, horizon: yearHorizon(scope, year) }));
      const { values, reused } = await cachedSlots(db, slots, (missing) =>
        computeMetricSlots(db, metrics, {
          scope,
          periods: missing.map((i) => ({ kind: "fiscalYear", year: years[i]! })),
          dimension: null,
          eachCompany: isCompany ? [] : COMPANY_COLUMNS,
        }),
      );
      figures.trends = values;
      trace.reusedYears = reused;
    },
    async () => {
      figures.reasons = (await computeMetrics(db, ["leavers"], { scope, period, dimension: "reason" })).get(
        "leavers",
      )!;
    },
  ]);
  return figures as ReportFigures;
}

function trendTables(
  scope: ScopeContext,
  years: number[],
  isCompany: boolean,
  perYear: Map<MetricId, EngineFigure>[],
): ReportTable[] {
  return TRENDS.map((trend) => {
    const columns = [...trend.metrics, ...(isCompany ? (trend.companyOnly ?? []) : [])];
    const rows: ReportRow[] = years.map((year, i) => {
      const figures = perYear[i]!;
      const target: CellTarget = { scope: scope.spec, fiscalYear: year };
      const cells =
        trend.id === "disability"
          ? disabilityCells(figures.get("disability_employment_rate")!.disability!.headline, target)
          : columns.map((metric) => cell(metric, figures.get(metric)!, target));
      return { key: String(year), label: fyLabel(year), fiscalYear: year, cells };
    });
    return { id: trend.id, rowKind: "fiscalYear", columns: columns.map(column), rows };
  });
}

function leaverReasons(scope: ScopeContext, year: number, leavers: EngineFigure): ReportTable {
  const rows = (leavers.breakdown ?? [])
    // A move within the group is never a leaver: its reason row would always read 0.
    .filter((row) => row.key !== "none" && row.key !== "transfer_within_group")
    .map((row) => ({
      key: row.key,
      label: REASON_LABELS[row.key] ?? { ja: row.key, en: row.key },
      fiscalYear: year,
      cells: [
        cell(
          "leavers",
          { ...row, reason: null },
          { scope: scope.spec, fiscalYear: year, by: "reason", key: row.key },
        ),
      ],
    }));
  return { id: "leaver_reasons", rowKind: "reason", columns: [column("leavers")], rows };
}

function companyTables(
  scope: ScopeContext,
  year: number,
  figures: Map<MetricId, EngineFigure>,
  disability: DisabilityResult,
): ReportTable[] {
  // The parent first, then domestic subsidiaries, then overseas affiliates, each by code.
  const rank = (c: (typeof scope.companies)[number]) =>
    c.parentCompanyId === null ? 0 : c.isDomestic ? 1 : 2;
  const ordered = [...scope.companies].sort(
    (a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code) || a.id - b.id,
  );
  const companies: ReportRow[] = ordered.map((company) => {
    const target: CellTarget = { scope: { kind: "company", companyId: company.id }, fiscalYear: year };
    return {
      key: String(company.id),
      label: { ja: company.nameJa, en: company.nameEn },
      fiscalYear: year,
      cells: COMPANY_COLUMNS.map((metric) => {
        const row = figures.get(metric)!.breakdown?.find((r) => r.key === String(company.id));
        return cell(
          metric,
          row ? { ...row, reason: row.status === "ok" ? null : "empty" } : emptyFigure(metric),
          target,
        );
      }),
    };
  });
  const units: ReportRow[] = [disability.headline, ...disability.units]
    .filter((unit) => unit.kind !== "company" || unit.status !== "not_applicable")
    .map((unit) => {
      const target: CellTarget = {
        scope:
          unit.kind === "company"
            ? { kind: "company", companyId: unit.id }
            : unit.kind === "application"
              ? { kind: "companies", companyIds: unit.companyIds }
              : scope.spec,
        fiscalYear: year,
      };
      return {
        key: `${unit.kind}:${unit.id}`,
        label: unit.name,
        fiscalYear: year,
        cells: disabilityCells(unit, target),
      };
    });
  return [
    { id: "companies", rowKind: "company", columns: COMPANY_COLUMNS.map(column), rows: companies },
    { id: "disability_units", rowKind: "company", columns: DISABILITY_COLUMNS.map(column), rows: units },
  ];
}

/**
 * The report. Outside a transaction, the trend figures of each year come from the report cache while no change
 * has touched that year (report-cache.ts, cachedSlots); `trace` learns how many did.
 */
export async function buildDisclosureReport(
  db: Db,
  reportScope: ReportScope,
  fiscalYear: number,
  trace: ReportTrace = { reusedYears: 0 },
): Promise<DisclosureReport> {
  const scope = await resolveScope(db, reportScope);
  const years = Array.from({ length: TREND_YEARS }, (_, i) => fiscalYear - TREND_YEARS + 1 + i);
  const isCompany = reportScope.kind === "company";
  const figures = await reportFigures(db, scope, years, isCompany, trace);
  const trends = trendTables(scope, years, isCompany, figures.trends);
  const reasons = leaverReasons(scope, fiscalYear, figures.reasons);
  // Each company's own figures (as its company scope would give them), not the group's split by company, and
  // the disability units of the year.
  const year = figures.trends.at(-1)!;
  const companies = isCompany
    ? []
    : companyTables(scope, fiscalYear, year, year.get("disability_employment_rate")!.disability!);
  const tables = [...trends, reasons, ...companies];
  const order = (id: ReportTableId) =>
    [
      "workforce",
      "leaver_reasons",
      "diversity",
      "managers",
      "hires",
      "companies",
      "disability",
      "disability_units",
      "training",
      "reemployment",
      "pay_and_leave",
    ].indexOf(id);
  tables.sort((a, b) => order(a.id) - order(b.id));
  return {
    fiscalYear,
    fiscalYears: years,
    scope: presentScope(scope),
    period: presentPeriod(scope, { kind: "fiscalYear", year: fiscalYear }),
    tables,
  };
}
