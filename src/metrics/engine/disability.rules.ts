/**
 * The counting rules of the Act on Employment Promotion of Persons with Disabilities, as pure functions
 * (reference/metrics.md "Disability employment rate"). Weights are kept in halves (integers) so that every
 * sum, the required number and the surplus are exact.
 */
import type { DisabilityCategory, EmploymentType } from "../../shared/enums";
import { oneYearBefore } from "./period";

/** The statutory employment rate for private employers, by effective date (percent × 10). Never a constant. */
export const STATUTORY_DISABILITY_RATES: readonly { from: string; tenthsOfPercent: number }[] = [
  { from: "2013-04-01", tenthsOfPercent: 20 },
  { from: "2018-04-01", tenthsOfPercent: 22 },
  { from: "2021-03-01", tenthsOfPercent: 23 },
  { from: "2024-04-01", tenthsOfPercent: 25 },
  { from: "2026-07-01", tenthsOfPercent: 27 },
];

/** Workers on 10–20 hours a week count (severe and mental disabilities) from this day. */
export const SHORT_HOURS_COUNT_FROM = "2024-04-01";

/** The rate in force on the day (percent × 10), or null before the table starts. */
export function statutoryRateOn(day: string): number | null {
  let rate: number | null = null;
  for (const entry of STATUTORY_DISABILITY_RATES) if (entry.from <= day) rate = entry.tenthsOfPercent;
  return rate;
}

export type HoursBand = "30_plus" | "20_to_30" | "10_to_20" | "under_10";

export function hoursBand(weeklyHours: number): HoursBand {
  if (weeklyHours >= 30) return "30_plus";
  if (weeklyHours >= 20) return "20_to_30";
  if (weeklyHours >= 10) return "10_to_20";
  return "under_10";
}

/**
 * A regular worker (常用労働者): employed or expected to be employed for more than one year. Executive officers
 * (役員) are not workers; a temporary employment counts once it has lasted more than one year (its expected
 * length is not recorded). Workers on leave count (leave does not end an employment).
 */
export function isRegularWorker(employmentType: EmploymentType, hireDate: string, day: string): boolean {
  if (employmentType === "executive_officer") return false;
  if (employmentType === "temporary") return hireDate < oneYearBefore(day);
  return true;
}

/** Denominator weight in halves: 30 h+ counts 1, 20–30 h counts 0.5, under 20 h not counted. */
export function denominatorHalves(band: HoursBand): number {
  if (band === "30_plus") return 2;
  if (band === "20_to_30") return 1;
  return 0;
}

/**
 * Numerator weight in halves, from the table in reference/metrics.md:
 *
 * | worker                       | 30 h+ | 20–30 h | 10–20 h (from 2024-04-01) |
 * | physical / intellectual      | 1     | 0.5     | —                         |
 * | severe physical/intellectual | 2     | 1       | 0.5                       |
 * | mental (any severity)        | 1     | 1       | 0.5                       |
 */
export function numeratorHalves(
  category: DisabilityCategory,
  severe: boolean,
  band: HoursBand,
  day: string,
): number {
  const shortHours = day >= SHORT_HOURS_COUNT_FROM;
  if (category === "mental") {
    if (band === "30_plus" || band === "20_to_30") return 2;
    return band === "10_to_20" && shortHours ? 1 : 0;
  }
  if (severe) {
    if (band === "30_plus") return 4;
    if (band === "20_to_30") return 2;
    return band === "10_to_20" && shortHours ? 1 : 0;
  }
  if (band === "30_plus") return 2;
  if (band === "20_to_30") return 1;
  return 0;
}

export interface DisabilityTotals {
  /** Regular workers, weighted, in halves. */
  denominatorHalves: number;
  /** Workers with disabilities, weighted, in halves. */
  numeratorHalves: number;
}

export interface DisabilityOutcome {
  denominator: number;
  numerator: number;
  /** Percent, truncated to two decimals; null when there is no denominator. */
  rate: number | null;
  statutoryRate: number;
  /** floor(denominator × statutory rate). */
  requiredNumber: number;
  /** numerator − required number (negative = shortfall). */
  surplus: number;
}

export function disabilityOutcome(totals: DisabilityTotals, tenthsOfPercent: number): DisabilityOutcome {
  const { denominatorHalves: den, numeratorHalves: num } = totals;
  // den/2 × tenths/1000 = den × tenths / 2000, floored in integers.
  const requiredNumber = Math.floor((den * tenthsOfPercent) / 2000);
  return {
    denominator: den / 2,
    numerator: num / 2,
    rate: den === 0 ? null : Math.floor((num * 10_000) / den) / 100,
    statutoryRate: tenthsOfPercent / 10,
    requiredNumber,
    surplus: num / 2 - requiredNumber,
  };
}
