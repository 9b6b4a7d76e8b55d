/**
 * The group dashboard (group HR): the same figures for every company side by side for one fiscal year, each
 * company's own figures (as its company scope gives them), with outliers marked by Tukey's fences: a value
 * below Q1 − 1.5 × IQR or above Q3 + 1.5 × IQR of the companies that have a number (at least 4), quartiles by
 * linear interpolation. Counts (headcount) are not marked: a big company is not an anomaly. Disability figures
 * follow the report's rules: withheld for small groups, and visible only to HR of the company (so group HR sees
 * them withheld).
 */
import type { Db } from "../../db/client";
import { definitionOf } from "../../metrics/definitions";
import { computeMetrics, presentPeriod } from "../../metrics/engine/engine";
import { resolveScope } from "../../metrics/engine/scope";
import type { Figure, MetricId } from "../../shared/metrics-api";
import type { DashboardCell, GroupDashboard } from "../../shared/metrics-reports-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { canSeeSensitiveFigure, canViewReport } from "./disclosure.policy";

export const DASHBOARD_METRICS: MetricId[] = [
  "headcount",
  "women_share",
  "female_manager_ratio",
  "female_hire_share",
  "new_hire_rate",
  "turnover_rate",
  "voluntary_turnover_rate",
  "average_age",
  "average_tenure",
  "training_days_per_employee",
  "training_participation_rate",
  "reemployment_rate",
  "disability_employment_rate",
];

/** Quantile by linear interpolation between closest ranks (the spreadsheet QUARTILE.INC rule). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function tukeyFences(values: readonly number[]) {
  if (values.length < 4) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  return {
    companies: values.length,
    q1: round(q1),
    median: round(quantile(sorted, 0.5)),
    q3: round(q3),
    lower: round(q1 - 1.5 * iqr),
    upper: round(q3 + 1.5 * iqr),
  };
}

const HIDDEN: Figure["status"] = "withheld";

export async function groupDashboard(db: Db, actor: Actor, fiscalYear: number): Promise<GroupDashboard> {
  assert(canViewReport(actor, null), "Only group HR may see the group dashboard.");
  const scope = await resolveScope(db, { kind: "group" });
  const period = { kind: "fiscalYear" as const, year: fiscalYear };
  const figures = await computeMetrics(db, DASHBOARD_METRICS, {
    scope,
    period,
    dimension: "company",
    perCompany: true,
  });
  const disability = figures.get("disability_employment_rate")!.disability!;
  const companies = [...scope.companies].sort(
    (a, b) =>
      (a.parentCompanyId === null ? 0 : a.isDomestic ? 1 : 2) -
        (b.parentCompanyId === null ? 0 : b.isDomestic ? 1 : 2) ||
      a.code.localeCompare(b.code) ||
      a.id - b.id,
  );

  const cellOf = (metric: MetricId, companyId: number): Figure => {
    const base = { metric, reason: null, numerator: null, denominator: null };
    if (metric === "disability_employment_rate") {
      const unit = disability.units.find((u) => u.kind === "company" && u.id === companyId);
      if (!unit) return { ...base, status: "not_applicable", reason: "overseas", value: null };
      if (unit.status === "not_applicable")
        return { ...base, status: unit.status, reason: unit.reason, value: null };
      if (!canSeeSensitiveFigure(actor, unit.companyIds))
        return { ...base, status: HIDDEN, reason: "restricted", value: null };
      return unit.status === "ok"
        ? {
            ...base,
            status: "ok",
            value: unit.rate,
            numerator: unit.numerator,
            denominator: unit.denominator,
          }
        : { ...base, status: unit.status, reason: unit.reason, value: null };
    }
    const row = figures.get(metric)!.breakdown?.find((r) => r.key === String(companyId));
    if (!row) {
      return definitionOf(metric).computation.kind === "count"
        ? { ...base, status: "ok", value: 0 }
        : { ...base, status: "no_data", reason: "empty", value: null };
    }
    return {
      metric,
      status: row.status,
      reason: row.status === "ok" ? null : "empty",
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
    };
  };

  const grid = companies.map((company) => DASHBOARD_METRICS.map((metric) => cellOf(metric, company.id)));
  const columns = DASHBOARD_METRICS.map((metric, i) => {
    const definition = definitionOf(metric);
    const values = grid.map((cells) => cells[i]!).filter((c) => c.status === "ok" && c.value !== null);
    const stats = definition.kind === "count" ? null : tukeyFences(values.map((c) => c.value!));
    return { metric, unit: definition.unit, decimals: definition.decimals, stats };
  });
  return {
    fiscalYear,
    period: presentPeriod(scope, period),
    outlierRule: "tukey_1.5_iqr",
    columns,
    rows: companies.map((company, r) => ({
      company: { id: company.id, code: company.code, name: { ja: company.nameJa, en: company.nameEn } },
      country: company.country,
      isDomestic: company.isDomestic,
      cells: grid[r]!.map((cell, i): DashboardCell => {
        const stats = columns[i]!.stats;
        const value = cell.status === "ok" ? cell.value : null;
        const outlier =
          stats === null || value === null
            ? null
            : value > stats.upper
              ? "high"
              : value < stats.lower
                ? "low"
                : null;
        return { ...cell, outlier };
      }),
    })),
  };
}
