/**
 * Periods of figures, as pure date arithmetic (ISO `YYYY-MM-DD` strings, no time zones).
 *
 * - Fiscal year N of a company whose year starts in month m runs from N-m-01 to the day before (N+1)-m-01:
 *   "FY2025" is the year that starts in calendar 2025 (April: 2025-04-01 – 2026-03-31; January: the calendar
 *   year 2025).
 * - An "as of" date D: stock figures are taken on D, flow figures over the twelve months ending on D.
 * - The disability employment figures are taken on June 1 (the statutory reporting day) within the fiscal year.
 */
import { addDays } from "../../shared/dates";
import type { PeriodSpec } from "../../shared/metrics-api";

export interface CompanyPeriod {
  companyId: number;
  /** First day of the period. */
  from: string;
  /** Last day of the period: stock figures are taken on this day. */
  to: string;
  /** The day disability figures are taken on. */
  disabilityDate: string;
  fiscalYearStartMonth: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function fiscalYearStart(year: number, startMonth: number): string {
  return `${pad(year, 4)}-${pad(startMonth)}-01`;
}

export function fiscalYearEnd(year: number, startMonth: number): string {
  return addDays(fiscalYearStart(year + 1, startMonth), -1);
}

/** The fiscal year (by its starting calendar year) that contains the day. */
export function fiscalYearOf(day: string, startMonth: number): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** June 1 within the fiscal year (the disability employment report's day). */
export function disabilityReferenceDate(year: number, startMonth: number): string {
  return startMonth <= 6 ? `${pad(year, 4)}-06-01` : `${pad(year + 1, 4)}-06-01`;
}

/** The same day one year earlier (Feb 29 → Feb 28). */
export function oneYearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const monthDay = day.slice(5);
  if (monthDay === "02-29") return `${pad(year, 4)}-02-28`;
  return `${pad(year, 4)}-${monthDay}`;
}

/** Each company's period for the spec. */
export function companyPeriods(
  spec: PeriodSpec,
  companies: readonly { id: number; fiscalYearStartMonth: number }[],
): CompanyPeriod[] {
  return companies.map((company) => {
    const month = company.fiscalYearStartMonth;
    if (spec.kind === "fiscalYear") {
      return {
        companyId: company.id,
        from: fiscalYearStart(spec.year, month),
        to: fiscalYearEnd(spec.year, month),
        disabilityDate: disabilityReferenceDate(spec.year, month),
        fiscalYearStartMonth: month,
      };
    }
    return {
      companyId: company.id,
      from: addDays(oneYearBefore(spec.date), 1),
      to: spec.date,
      disabilityDate: spec.date,
      fiscalYearStartMonth: month,
    };
  });
}

/** The distinct date ranges among the companies' periods (for display), most companies first. */
export function periodRanges(spec: PeriodSpec, periods: readonly CompanyPeriod[]) {
  const byRange = new Map<
    string,
    { from: string; to: string; fiscalYearStartMonth: number | null; companyCount: number }
  >();
  for (const period of periods) {
    const key = `${period.from}/${period.to}`;
    const range = byRange.get(key);
    if (range) range.companyCount += 1;
    else
      byRange.set(key, {
        from: period.from,
        to: period.to,
        fiscalYearStartMonth: spec.kind === "fiscalYear" ? period.fiscalYearStartMonth : null,
        companyCount: 1,
      });
  }
  return [...byRange.values()].sort(
    (a, b) => b.companyCount - a.companyCount || a.from.localeCompare(b.from),
  );
}
