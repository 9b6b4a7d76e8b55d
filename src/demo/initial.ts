/**
 * The workforce on the first day of the history: heads first (senior people with long careers), then staff,
 * each with a plausible hire date, one or two earlier assignment versions (without a recorded line manager,
 * as if migrated from an older system) and, in Japan, reemployed workers aged 60-64 whose regular employment
 * ended at retirement.
 */
import { addMonths, type Day, dayOf, lastOfMonth, ymdOf } from "./dates";
import { ageForRank, partTimeHours, pickGender, standardHours } from "./demographics";
import type { Emp, SimCompany, SimUnit } from "./model";
import type { Workforce } from "./workforce";

const JP_AGE_WEIGHTS: [from: number, to: number, weight: number][] = [
  [22, 29, 1.0],
  [30, 39, 1.0],
  [40, 44, 1.15],
  [45, 54, 1.4],
  [55, 59, 0.9],
];
const WORLD_AGE_WEIGHTS: [number, number, number][] = [
  [21, 29, 1.4],
  [30, 39, 1.3],
  [40, 49, 0.9],
  [50, 59, 0.5],
  [60, 64, 0.15],
];

function sampleAge(wf: Workforce, company: SimCompany): number {
  const table = company.isDomestic ? JP_AGE_WEIGHTS : WORLD_AGE_WEIGHTS;
  const band = table[wf.rng.weightedIndex(table.map(([, , w]) => w))] as [number, number, number];
  return wf.rng.int(band[0], band[1]);
}

function firstOfMonthBetween(wf: Workforce, from: Day, to: Day): Day {
  const day = from + Math.floor(wf.rng.next() * Math.max(1, to - from));
  const { year, month } = ymdOf(day);
  const first = dayOf(year, month, 1);
  return first < from ? addMonths(first, 1) : first;
}

/** Hire date for someone who is `age` at the start: a new graduate in April, or a mid-career hire. */
function hireDate(wf: Workforce, company: SimCompany, birth: Day, start: Day): Day {
  const birthYear = ymdOf(birth).year;
  const earliest = Math.max(company.founded, addMonths(birth, 12 * 22));
  if (company.isDomestic && wf.rng.chance(0.7)) {
    const graduate = dayOf(birthYear + 23, 4, 1);
    if (graduate >= company.founded && graduate < start) return graduate;
  }
  if (earliest >= start - 31) return Math.max(company.founded, addMonths(start, -1));
  // Mid-career hires lean towards recent years.
  const span = start - earliest;
  const recentness = Math.sqrt(wf.rng.next());
  return firstOfMonthBetween(wf, earliest + Math.floor(span * recentness * 0.9), start - 1);
}

/** A staff rank from years of service. */
function tenureRank(wf: Workforce, company: SimCompany, years: number, age: number): number {
  let rank = years < 2 ? 1 : years < 5 ? 2 : years < 9 ? 3 : 4;
  if (company.isDomestic && rank === 4 && age >= 42 && years >= 12 && wf.rng.chance(0.2)) rank = 5;
  return rank;
}

function createEmp(
  wf: Workforce,
  company: SimCompany,
  unit: SimUnit,
  start: Day,
  rank: number | null,
  head: boolean,
): Emp {
  const rng = wf.rng;
  const retirementAge = company.isDomestic ? 60 : company.country.retirementAge;
  let age: number;
  if (rank === null) {
    age = sampleAge(wf, company);
    if (retirementAge !== null && age >= retirementAge) age = rng.int(25, retirementAge - 1);
  } else {
    const executive = wf.isExecutiveRank(company, rank);
    age = Math.min(ageForRank(rank, company.isDomestic, rng), executive ? 63 : (retirementAge ?? 64) - 2);
  }
  const birth = start - Math.floor(age * 365.2425) - rng.int(0, 364);
  const birthYear = ymdOf(birth).year;
  const partTimeRoll = !head && rank === null ? rng.next() : 1;
  const type =
    partTimeRoll < 0.07
      ? "part_time"
      : partTimeRoll < 0.12
        ? company.isDomestic
          ? "contract"
          : "temporary"
        : "regular";
  const gender = pickGender(company, rng, ymdOf(start).year, birthYear, type === "part_time");
  const person = wf.newPerson(company, gender, birth);
  const hire = hireDate(wf, company, birth, start);
  const years = (start - hire) / 365.25;
  const finalRank =
    rank ??
    (type === "regular" ? tenureRank(wf, company, years, age) : Math.min(2, 1 + Math.floor(years / 4)));
  const hours = type === "part_time" ? partTimeHours(rng) : standardHours(company);
  const employment = wf.startEmployment(person, company, hire, type, hours);
  const position = wf.positionFor(
    company,
    unit.fn,
    head ? (unit.level === "root" ? "root" : "head") : "staff",
  );
  // An earlier version one grade lower, when the career is long enough to have had one.
  let emp: Emp;
  if (finalRank >= 2 && years >= 3) {
    emp = wf.addEmp(person, employment, company, unit, finalRank - 1, position, hire);
    const promoted = firstOfMonthBetween(wf, addMonths(hire, 12), start - 1);
    emp.rank = finalRank;
    emp.rankSince = promoted;
    wf.change(emp, promoted, { rank: finalRank });
    emp.retireDay = wf.retireDayFor(emp);
  } else {
    emp = wf.addEmp(person, employment, company, unit, finalRank, position, hire);
  }
  if (type === "contract" || type === "temporary") {
    // Renewed every year on the hire anniversary; the current term ends after the start.
    let end = addMonths(hire, 12) - 1;
    while (end < start) end = addMonths(end + 1, 12) - 1;
    emp.contractEnd = end;
  }
  if (head) {
    unit.head = emp;
    emp.isHead = true;
    wf.store.head[emp.rec] = 1;
  }
  return emp;
}

/** A Japanese worker reemployed after retiring at 60: the regular employment ended, a reemployed one runs. */
function createReemployed(wf: Workforce, company: SimCompany, unit: SimUnit, start: Day): void {
  const rng = wf.rng;
  let birth: Day;
  let retired: Day;
  do {
    birth = start - Math.floor(rng.int(60, 64) * 365.2425) - rng.int(0, 364);
    const { year, month } = ymdOf(birth);
    retired = lastOfMonth(year + 60, month);
  } while (retired >= start - 1 || lastOfMonth(ymdOf(birth).year + 65, ymdOf(birth).month) < start);
  if (company.founded > retired - 365 * 5) {
    createEmp(wf, company, unit, start, null, false);
    return;
  }
  const gender = pickGender(company, rng, ymdOf(start).year, ymdOf(birth).year);
  const person = wf.newPerson(company, gender, birth);
  const hire = Math.min(hireDate(wf, company, birth, start), retired - 365 * 5);
  const first = wf.startEmployment(
    person,
    company,
    Math.max(hire, company.founded),
    "regular",
    standardHours(company),
  );
  const old = wf.addEmp(
    person,
    first,
    company,
    unit,
    rng.int(4, 6),
    wf.positionFor(company, unit.fn, "staff"),
    first.hire,
  );
  wf.terminate(old, retired, "mandatory_retirement");
  const hours = rng.chance(0.8) ? standardHours(company) : partTimeHours(rng);
  const second = wf.startEmployment(person, company, retired + 1, "reemployed", hours);
  wf.addEmp(person, second, company, unit, 3, wf.positionFor(company, unit.fn, "staff"), retired + 1);
}

/** Creates the company's workforce on the first day of the history. */
export function createInitialWorkforce(wf: Workforce, company: SimCompany, start: Day): void {
  const units = company.units
    .filter((u) => u.open && u.target >= u.headThreshold)
    .sort((a, b) => a.id - b.id);
  let created = 0;
  for (const unit of units) {
    createEmp(wf, company, unit, start, unit.headRank, true);
    created++;
  }
  const total = Math.round(company.targetStart);
  for (; created < total; created++) {
    const leaf = wf.pickLeaf(company) ?? company.root;
    if (company.isDomestic && company.def.profile !== "special" && wf.rng.chance(0.025)) {
      createReemployed(wf, company, leaf, start);
    } else {
      createEmp(wf, company, leaf, start, null, false);
    }
  }
}
