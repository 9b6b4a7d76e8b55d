/**
 * Who gets hired: ages, genders, contract types, hours and disabilities, with shares that resemble a
 * Japanese IT group (women ~25-30% overall and rising among hires; ~2.5% of domestic staff with disabilities,
 * concentrated in the special subsidiary) and its overseas affiliates.
 */
import type { DisabilityCategory, EmploymentType, Gender } from "../shared/enums";
import type { Day } from "./dates";
import type { SimCompany } from "./model";
import type { Random } from "./random";

const FEMALE_FACTOR: Partial<Record<string, number>> = {
  manufacturing: 0.8,
  logistics: 0.7,
  facilities: 0.8,
  sharedServices: 1.8,
  special: 1.3,
  staffing: 1.5,
  education: 1.4,
  overseasMfg: 1.2,
  overseasDev: 0.8,
  overseasBps: 1.4,
};

const DIVERSE_GENDER_COUNTRIES = new Set(["US", "GB", "AU", "NZ", "CA", "NL", "DE", "SE"]);

/** Share of women among people hired in `year` (or, for the initial workforce, born in `birthYear`). */
function femaleShare(company: SimCompany, year: number, birthYear: number | null, partTime: boolean): number {
  if (partTime) return 0.7;
  let base: number;
  if (!company.isDomestic) base = 0.38;
  else if (birthYear !== null)
    base =
      birthYear < 1965
        ? 0.08
        : birthYear < 1975
          ? 0.13
          : birthYear < 1985
            ? 0.22
            : birthYear < 1995
              ? 0.3
              : 0.34;
  else base = 0.28 + 0.011 * (year - 2017);
  return Math.min(0.75, base * (FEMALE_FACTOR[company.def.profile] ?? 1));
}

export function pickGender(
  company: SimCompany,
  rng: Random,
  year: number,
  birthYear: number | null,
  partTime = false,
): Gender {
  const r = rng.next();
  if (DIVERSE_GENDER_COUNTRIES.has(company.def.country)) {
    if (r < 0.004) return "undisclosed";
    if (r < 0.007) return "other";
  } else if (company.isDomestic && r < 0.002) {
    return "undisclosed";
  }
  return rng.next() < femaleShare(company, year, birthYear, partTime) ? "female" : "male";
}

/** Probability that a new person at a Japanese company has a registered disability. */
export function disabilityRate(company: SimCompany): number {
  if (!company.isDomestic) return 0;
  return company.def.profile === "special" ? 0.55 : 0.017;
}

export function pickDisability(
  company: SimCompany,
  rng: Random,
): { category: DisabilityCategory; severe: boolean } {
  const special = company.def.profile === "special";
  const shares: [DisabilityCategory, number][] = special
    ? [
        ["physical", 0.25],
        ["intellectual", 0.45],
        ["mental", 0.3],
      ]
    : [
        ["physical", 0.55],
        ["intellectual", 0.2],
        ["mental", 0.25],
      ];
  const category = (shares[rng.weightedIndex(shares.map(([, w]) => w))] as [DisabilityCategory, number])[0];
  const severe =
    category === "physical" ? rng.chance(0.3) : category === "intellectual" ? rng.chance(0.35) : false;
  return { category, severe };
}

const PART_TIME_HOURS = [20, 22.5, 24, 25, 27.5, 28, 30];

export function standardHours(company: SimCompany): number {
  return company.isParent ? 37.5 : company.country.weeklyHours;
}

export function partTimeHours(rng: Random): number {
  return rng.pick(PART_TIME_HOURS);
}

/** Contract type of a mid-career (non-graduate) hire below manager level. */
export function pickEmploymentType(company: SimCompany, rng: Random): EmploymentType {
  const r = rng.next();
  if (company.isDomestic) {
    if (company.def.profile === "special") return r < 0.5 ? "regular" : r < 0.85 ? "part_time" : "contract";
    return r < 0.74 ? "regular" : r < 0.86 ? "contract" : "part_time";
  }
  return r < 0.86 ? "regular" : r < 0.94 ? "part_time" : "temporary";
}

/** Rank of a mid-career hire below manager level. */
export function pickHireRank(rng: Random): number {
  const r = rng.next();
  return r < 0.15 ? 1 : r < 0.5 ? 2 : r < 0.85 ? 3 : 4;
}

/** A plausible age for someone at `rank` (1-4 staff, 5+ manager and above). */
export function ageForRank(rank: number, domestic: boolean, rng: Random): number {
  const ranges: Record<number, [number, number]> = domestic
    ? {
        1: [22, 28],
        2: [25, 34],
        3: [28, 42],
        4: [32, 52],
        5: [40, 55],
        6: [45, 57],
        7: [48, 58],
        8: [52, 62],
        9: [55, 63],
        10: [56, 63],
      }
    : {
        1: [21, 30],
        2: [24, 38],
        3: [27, 45],
        4: [30, 50],
        5: [33, 55],
        6: [38, 57],
        7: [40, 58],
        8: [42, 60],
      };
  const [min, max] = ranges[Math.min(rank, domestic ? 10 : 8)] as [number, number];
  return rng.int(min, max);
}

/** Age of a Japanese new graduate: university (22), master's (24) or high school (18, mostly in plants). */
export function newGraduateAge(company: SimCompany, rng: Random): number {
  const plant = company.def.profile === "manufacturing" || company.def.profile === "logistics";
  const r = rng.next();
  if (r < (plant ? 0.35 : 0.05)) return 18;
  return r < (plant ? 0.9 : 0.8) ? 22 : 24;
}

/** A birth date for someone who is `age` on `day`. */
export function birthForAge(day: Day, age: number, rng: Random): Day {
  return day - Math.floor(age * 365.2425) - rng.int(0, 364);
}

/** Yearly voluntary turnover of one employee. */
export function voluntaryRate(
  company: SimCompany,
  type: EmploymentType,
  age: number,
  tenureYears: number,
  isHead: boolean,
): number {
  if (type === "reemployed") return 0.08;
  let rate = company.country.turnover;
  if (type === "part_time") rate *= 2.5;
  else if (type === "contract" || type === "temporary") rate *= 1.5;
  if (age < 30) rate *= 1.6;
  else if (age < 40) rate *= 1.1;
  else if (age >= 50) rate *= 0.6;
  if (!company.isDomestic && company.country.retirementAge === null && age >= 63) rate = 0.35;
  if (tenureYears < 3) rate *= 1.3;
  if (isHead) rate *= 0.4;
  if (company.def.profile === "special") rate *= 0.6;
  return rate;
}
