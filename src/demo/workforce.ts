/**
 * The mechanics of the simulated workforce: people, employments and dated primary assignments, and the
 * moves that change them. Every change closes the open assignment on the day before and opens a new version,
 * so the rows satisfy the database's rules (one primary assignment at a time, inside the employment).
 */
import type { EmploymentType, Gender, TerminationReason } from "../shared/enums";
import { addMonths, type Day, lastOfMonth, ymdOf } from "./dates";
import {
  disabilityRate,
  pickDisability,
  pickEmploymentType,
  pickGender,
  ageForRank,
  birthForAge,
  newGraduateAge,
  partTimeHours,
  standardHours,
} from "./demographics";
import {
  AssignmentStore,
  type Emp,
  type EmploymentRecord,
  OPEN_END,
  type PersonRecord,
  type SimCompany,
  type SimUnit,
} from "./model";
import { asciiSlug, makeName, type NamePoolKey, pickPool } from "./names";
import { CHIEF_EXECUTIVE_SOC, FUNCTIONS, type FunctionKey } from "./occupations";
import type { Random } from "./random";

export interface AssignmentPatch {
  unit?: SimUnit;
  rank?: number;
  positionId?: number;
  head?: boolean;
  manager?: number;
  fte100?: number;
}

export interface HireOptions {
  rank: number;
  type?: EmploymentType;
  newGraduate?: boolean;
  head?: boolean;
  /** Name pool (e.g. "ja" for a Japanese manager hired abroad). */
  pool?: NamePoolKey;
}

export class Workforce {
  readonly store = new AssignmentStore(1 << 14);
  readonly persons: PersonRecord[] = [];
  readonly employments: EmploymentRecord[] = [];
  private readonly emailCounts = new Map<string, number>();

  constructor(
    readonly companies: SimCompany[],
    /** Events (who leaves, moves, gets promoted). */
    readonly rng: Random,
    /** Names and e-mail addresses only, so that tuning the events does not rename everybody. */
    private readonly nameRng: Random,
    readonly historyStart: Day,
    readonly today: Day,
  ) {}

  gradeId(company: SimCompany, rank: number): number {
    const grade = company.grades[rank - 1];
    if (!grade) throw new Error(`Company ${company.def.code} has no grade of rank ${rank}`);
    return grade.id;
  }

  isExecutiveRank(company: SimCompany, rank: number): boolean {
    return company.grades[rank - 1]?.isExecutive ?? false;
  }

  /** The position (O*NET occupation) of a head or of a staff member of a unit with function `fn`. */
  positionFor(company: SimCompany, fn: FunctionKey, role: "root" | "head" | "staff"): number {
    const f = FUNCTIONS[fn];
    let soc: string;
    if (role === "root") soc = CHIEF_EXECUTIVE_SOC;
    else if (role === "head") soc = f.head;
    else soc = (f.staff[this.rng.weightedIndex(f.staff.map(([, w]) => w))] as readonly [string, number])[0];
    const id = company.positionBySoc.get(soc);
    if (id === undefined) throw new Error(`No position ${soc} at ${company.def.code}`);
    return id;
  }

  headPosition(unit: SimUnit): number {
    return this.positionFor(unit.company, unit.fn, unit.level === "root" ? "root" : "head");
  }

  // ---------------------------------------------------------------- people and employments

  newPerson(company: SimCompany, gender: Gender, birth: Day, pool?: NamePoolKey): PersonRecord {
    const { year, month } = ymdOf(birth);
    const key = pool ?? pickPool(company.country.names, this.nameRng);
    const name = makeName(key, gender, year, this.nameRng);
    const local = `${asciiSlug(name.givenNameLatin) || "staff"}.${asciiSlug(name.familyNameLatin) || "member"}`;
    const seen = this.emailCounts.get(local) ?? 0;
    this.emailCounts.set(local, seen + 1);
    const person: PersonRecord = {
      id: this.persons.length + 1,
      name,
      gender,
      birth,
      birthYear: year,
      birthMonth: month,
      email: `${local}${seen === 0 ? "" : seen + 1}@tekizai.example`,
      disability: this.rng.chance(disabilityRate(company)) ? pickDisability(company, this.rng) : null,
      numbers: null,
    };
    this.persons.push(person);
    return person;
  }

  /** The person's number at this company if they had one, else the next one: "170042" (hired 2017) or "US000123". */
  private employeeNumber(company: SimCompany, person: PersonRecord, hire: Day): string {
    const kept = person.numbers?.get(company.id);
    if (kept) return kept;
    let number: string;
    if (company.isDomestic) {
      const year = ymdOf(hire).year;
      const seq = (company.numberCounters.get(year) ?? 0) + 1;
      company.numberCounters.set(year, seq);
      number = `${String(year % 100).padStart(2, "0")}${String(seq).padStart(4, "0")}`;
    } else {
      const seq = (company.numberCounters.get(0) ?? 0) + 1;
      company.numberCounters.set(0, seq);
      number = `${company.def.country}${String(seq).padStart(6, "0")}`;
    }
    person.numbers ??= new Map();
    person.numbers.set(company.id, number);
    return number;
  }

  startEmployment(
    person: PersonRecord,
    company: SimCompany,
    hire: Day,
    type: EmploymentType,
    weeklyHours: number,
  ): EmploymentRecord {
    const employment: EmploymentRecord = {
      id: this.employments.length + 1,
      personId: person.id,
      companyId: company.id,
      employeeNumber: this.employeeNumber(company, person, hire),
      hire,
      termination: null,
      reason: null,
      type,
      weeklyHours,
    };
    this.employments.push(employment);
    return employment;
  }

  /** Starts simulating an employment with a first primary assignment from `from`. */
  addEmp(
    person: PersonRecord,
    employment: EmploymentRecord,
    company: SimCompany,
    unit: SimUnit,
    rank: number,
    positionId: number,
    from: Day,
  ): Emp {
    const rec = this.store.add({
      employment: employment.id,
      company: company.id,
      person: person.id,
      kind: "primary",
      unit: unit.id,
      position: positionId,
      grade: this.gradeId(company, rank),
      manager: 0,
      head: false,
      fte100: 100,
      from,
      to: OPEN_END,
    });
    const emp: Emp = {
      person,
      employment,
      company,
      unit,
      slot: 0,
      rank,
      positionId,
      isHead: false,
      rec,
      lastChange: from,
      rankSince: from,
      unitSince: from,
      moves: 0,
      promotions: 0,
      fte100: 100,
      side: -1,
      sideUnit: null,
      sideEnd: 0,
      secondment: -1,
      secondmentEnd: 0,
      retireDay: null,
      contractEnd: null,
      active: true,
    };
    emp.retireDay = this.retireDayFor(emp);
    this.joinUnit(emp, unit);
    company.active.push(emp);
    return emp;
  }

  /** Last day before retirement: 60 in Japan (65 for executives and reemployed workers), or the country's custom. */
  retireDayFor(emp: Emp): Day | null {
    const { person, company } = emp;
    if (emp.employment.type === "reemployed") return lastOfMonth(person.birthYear + 65, person.birthMonth);
    const age = company.isDomestic ? 60 : company.country.retirementAge;
    if (age === null) return null;
    const executive = this.isExecutiveRank(company, emp.rank);
    return lastOfMonth(person.birthYear + (executive ? Math.max(age, 65) : age), person.birthMonth);
  }

  /** Hires someone from outside the group into `unit` on `day`. */
  hire(company: SimCompany, day: Day, unit: SimUnit, options: HireOptions): Emp {
    const rng = this.rng;
    const type =
      options.type ?? (options.head || options.rank >= 4 ? "regular" : pickEmploymentType(company, rng));
    let age = options.newGraduate
      ? newGraduateAge(company, rng)
      : ageForRank(options.rank, company.isDomestic, rng);
    const retirementAge = company.isDomestic ? 60 : company.country.retirementAge;
    if (retirementAge !== null && !this.isExecutiveRank(company, options.rank)) {
      age = Math.min(age, retirementAge - 2);
    }
    const birth = birthForAge(day, age, rng);
    const partTime = type === "part_time";
    // Senior hires come from older cohorts, where fewer women worked in the industry.
    const gender = pickGender(
      company,
      rng,
      ymdOf(day).year,
      options.rank >= 4 ? ymdOf(birth).year : null,
      partTime,
    );
    const person = this.newPerson(company, gender, birth, options.pool);
    const hours = partTime ? partTimeHours(rng) : standardHours(company);
    const employment = this.startEmployment(person, company, day, type, hours);
    const role = options.head ? (unit.level === "root" ? "root" : "head") : "staff";
    const emp = this.addEmp(
      person,
      employment,
      company,
      unit,
      options.rank,
      this.positionFor(company, unit.fn, role),
      day,
    );
    if (type === "contract") emp.contractEnd = addMonths(day, 12) - 1;
    if (type === "temporary") emp.contractEnd = addMonths(day, 6) - 1;
    if (options.head) {
      unit.head = emp;
      emp.isHead = true;
      this.store.head[emp.rec] = 1;
    }
    return emp;
  }

  // ---------------------------------------------------------------- dated changes

  /** Applies a change from `day`: closes the open assignment on day − 1 and opens a new version (or edits one opened today). */
  change(emp: Emp, day: Day, patch: AssignmentPatch): void {
    const s = this.store;
    let i = emp.rec;
    const from = s.from[i]!;
    // Someone hired later this month: the change applies from their first day.
    const effective = Math.max(day, from);
    if (from !== effective) {
      s.to[i] = effective - 1;
      i = s.copy(i, effective);
      emp.rec = i;
    }
    if (patch.unit) s.unit[i] = patch.unit.id;
    if (patch.rank !== undefined) s.grade[i] = this.gradeId(emp.company, patch.rank);
    if (patch.positionId !== undefined) s.position[i] = patch.positionId;
    if (patch.head !== undefined) s.head[i] = patch.head ? 1 : 0;
    if (patch.manager !== undefined) s.manager[i] = patch.manager;
    if (patch.fte100 !== undefined) s.fte100[i] = patch.fte100;
    if (effective > emp.lastChange) emp.lastChange = effective;
  }

  private joinUnit(emp: Emp, unit: SimUnit): void {
    emp.unit = unit;
    emp.slot = unit.members.length;
    unit.members.push(emp);
  }

  private leaveUnit(emp: Emp): void {
    const members = emp.unit.members;
    const last = members.pop() as Emp;
    if (last !== emp) {
      members[emp.slot] = last;
      last.slot = emp.slot;
    }
  }

  /** Moves a non-head to another unit (a transfer within the company), with a new position if the work differs. */
  moveTo(emp: Emp, unit: SimUnit, day: Day, patch: AssignmentPatch = {}): void {
    const effective = Math.max(day, this.store.from[emp.rec]!);
    if (emp.sideUnit === unit) this.endSide(emp, effective - 1, null);
    if (emp.unit !== unit) {
      this.leaveUnit(emp);
      this.joinUnit(emp, unit);
      emp.unitSince = effective;
    }
    this.change(emp, effective, { unit, ...patch });
  }

  /** Makes `emp` the head of `unit` (promoting to the unit's head grade if needed). */
  appoint(emp: Emp, unit: SimUnit, day: Day): void {
    if (emp.isHead && emp.unit.head === emp) emp.unit.head = null;
    const rank = Math.max(emp.rank, unit.headRank);
    if (rank > emp.rank) {
      emp.promotions += 1;
      emp.rankSince = day;
    }
    if (emp.unit !== unit) emp.moves += 1;
    emp.rank = rank;
    emp.isHead = true;
    unit.head = emp;
    emp.positionId = this.headPosition(unit);
    this.moveTo(emp, unit, day, { rank, head: true, positionId: emp.positionId });
    emp.retireDay = this.retireDayFor(emp);
  }

  promote(emp: Emp, day: Day, rank: number): void {
    emp.rank = rank;
    emp.rankSince = day;
    emp.promotions += 1;
    this.change(emp, day, { rank });
    emp.retireDay = this.retireDayFor(emp);
  }

  /** Ends the employment on `day` (its last day). */
  terminate(emp: Emp, day: Day, reason: TerminationReason): void {
    if (day < emp.lastChange || day < emp.employment.hire) {
      throw new Error(`Demo generator: termination on ${day} before the last change ${emp.lastChange}`);
    }
    emp.employment.termination = day;
    emp.employment.reason = reason;
    this.store.to[emp.rec] = day;
    if (emp.side >= 0) this.closeRow(emp.side, day);
    if (emp.secondment >= 0) this.closeRow(emp.secondment, day);
    emp.side = -1;
    emp.sideUnit = null;
    emp.secondment = -1;
    if (emp.isHead && emp.unit.head === emp) emp.unit.head = null;
    emp.isHead = false;
    this.leaveUnit(emp);
    emp.active = false;
  }

  private closeRow(i: number, lastDay: Day): void {
    const s = this.store;
    if (s.from[i]! > lastDay) s.dropped[i] = 1;
    else if (s.to[i]! > lastDay) s.to[i] = lastDay;
  }

  /** Ends a side assignment on `lastDay`; the primary assignment goes back to full time from `restoreOn`. */
  endSide(emp: Emp, lastDay: Day, restoreOn: Day | null): void {
    if (emp.side < 0) return;
    this.closeRow(emp.side, lastDay);
    emp.side = -1;
    emp.sideUnit = null;
    if (emp.fte100 !== 100) {
      emp.fte100 = 100;
      this.change(emp, restoreOn ?? lastDay + 1, { fte100: 100 });
    }
  }

  /** The line manager: the unit's head, or the nearest head above (for a head, the one above their unit). */
  managerOf(emp: Emp): number {
    let unit: SimUnit | null = emp.isHead ? emp.unit.parent : emp.unit;
    while (unit) {
      const head = unit.head;
      if (head && head !== emp) return head.person.id;
      unit = unit.parent;
    }
    return 0;
  }

  /** The manager of someone joining `unit` as a member from elsewhere (side assignment, secondment). */
  managerForUnit(unit: SimUnit): number {
    let current: SimUnit | null = unit;
    while (current) {
      if (current.head) return current.head.person.id;
      current = current.parent;
    }
    return 0;
  }

  /** Removes ended employments from the company's list (keeps the order, so runs stay deterministic). */
  compact(company: SimCompany): void {
    if (company.active.some((e) => !e.active)) company.active = company.active.filter((e) => e.active);
  }

  // ---------------------------------------------------------------- staffing targets

  targetAt(company: SimCompany, day: Day): number {
    if (day < company.founded) return 0;
    if (company.founded < this.historyStart) {
      const t = Math.min(1, Math.max(0, (day - this.historyStart) / (this.today - this.historyStart)));
      return company.targetStart + (company.targetToday - company.targetStart) * t;
    }
    const ramp = (day - company.founded) / Math.max(1, this.today - company.founded);
    return company.targetToday * Math.min(1, 0.3 + 0.7 * ramp);
  }

  /** Recomputes the month's target headcount of every open leaf and the subtree targets above them. */
  updateTargets(company: SimCompany, day: Day): void {
    const total = this.targetAt(company, day);
    company.target = total;
    let fixedSum = 0;
    let weightSum = 0;
    for (const leaf of company.leaves) {
      if (!leaf.open) continue;
      if (leaf.fixed !== null) fixedSum += leaf.fixed;
      else weightSum += leaf.weight;
    }
    const variable = Math.max(0, total - fixedSum);
    for (const unit of company.units) unit.target = 0;
    for (const leaf of company.leaves) {
      if (!leaf.open) continue;
      leaf.target =
        leaf.fixed ?? Math.max(leaf.min, weightSum > 0 ? (leaf.weight / weightSum) * variable : 0);
    }
    for (let i = company.units.length - 1; i > 0; i--) {
      const unit = company.units[i] as SimUnit;
      if (unit.open && unit.parent) unit.parent.target += unit.target;
    }
  }

  /** The open leaf most short of its target among a few (all, in small companies), or null. */
  pickLeaf(
    company: SimCompany,
    exclude: SimUnit | null = null,
    exclude2: SimUnit | null = null,
  ): SimUnit | null {
    const leaves = company.leaves;
    let best: SimUnit | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const consider = (leaf: SimUnit) => {
      if (!leaf.open || leaf === exclude || leaf === exclude2) return;
      const score = leaf.target - leaf.members.length + this.rng.next() * 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = leaf;
      }
    };
    if (leaves.length <= 10) {
      for (const leaf of leaves) consider(leaf);
    } else {
      for (let k = 0; k < 8; k++) consider(leaves[Math.floor(this.rng.next() * leaves.length)] as SimUnit);
    }
    return best;
  }
}
