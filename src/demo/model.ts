/** The in-memory demo group: companies, org units, people, employments and assignments, before it is written. */
import type {
  AssignmentKind,
  DisabilityCategory,
  EmploymentType,
  Gender,
  TerminationReason,
} from "../shared/enums";
import type { CompanyDef, CountryDef } from "./companies";
import type { Day } from "./dates";
import type { PersonName } from "./names";
import type { FunctionKey } from "./occupations";

/** `valid_to` of an open-ended assignment or org unit version. */
export const OPEN_END = 2_147_483_647;

export interface GradeDef {
  id: number;
  code: string;
  nameJa: string;
  nameEn: string;
  rank: number;
  isManagerLevel: boolean;
  isExecutive: boolean;
  description: string;
}

export interface JobCategoryRow {
  id: number;
  companyId: number;
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface PositionRow {
  id: number;
  companyId: number;
  jobCategoryId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  soc: string;
}

export type UnitLevel = "root" | "division" | "department" | "section";

export interface UnitVersion {
  from: Day;
  to: Day;
  parentId: number | null;
  nameJa: string;
  nameEn: string;
}

export interface SimUnit {
  id: number;
  company: SimCompany;
  code: string;
  level: UnitLevel;
  fn: FunctionKey;
  parent: SimUnit | null;
  children: SimUnit[];
  /** Staff sit in leaves; heads sit in the unit they head. */
  isLeaf: boolean;
  /** Relative staffing weight of a leaf. */
  weight: number;
  fixed: number | null;
  min: number;
  headRank: number;
  /** Subtree target headcount from which the unit needs a head. */
  headThreshold: number;
  open: boolean;
  opensOn: Day;
  versions: UnitVersion[];
  head: Emp | null;
  members: Emp[];
  /** Target headcount (leaf) or subtree target (other units), recomputed every simulated month. */
  target: number;
}

export interface PersonRecord {
  id: number;
  name: PersonName;
  gender: Gender;
  birth: Day;
  birthYear: number;
  birthMonth: number;
  email: string;
  disability: { category: DisabilityCategory; severe: boolean } | null;
  /** Employee number per company id, kept when the person returns (reemployment, transfer back). */
  numbers: Map<number, string> | null;
}

export interface EmploymentRecord {
  id: number;
  personId: number;
  companyId: number;
  employeeNumber: string;
  hire: Day;
  termination: Day | null;
  reason: TerminationReason | null;
  type: EmploymentType;
  weeklyHours: number;
}

export interface SimCompany {
  index: number;
  id: number;
  def: CompanyDef;
  country: CountryDef;
  isDomestic: boolean;
  isParent: boolean;
  founded: Day;
  targetToday: number;
  targetStart: number;
  grades: GradeDef[];
  /** Highest rank reached by ordinary promotion (the rest only by heading a unit). */
  maxStaffRank: number;
  jobCategories: JobCategoryRow[];
  positions: PositionRow[];
  positionBySoc: Map<string, number>;
  root: SimUnit;
  units: SimUnit[];
  leaves: SimUnit[];
  active: Emp[];
  /** Next employee number per hire year (domestic) or overall (overseas, key 0). */
  numberCounters: Map<number, number>;
  /** Target headcount this month. */
  target: number;
}

/** One employment being simulated (removed from its company's list when it ends). */
export interface Emp {
  person: PersonRecord;
  employment: EmploymentRecord;
  company: SimCompany;
  unit: SimUnit;
  /** Index in unit.members. */
  slot: number;
  rank: number;
  positionId: number;
  isHead: boolean;
  /** Index of the open primary assignment in the store. */
  rec: number;
  /** Latest valid_from among this employment's assignments (a termination may not precede it). */
  lastChange: Day;
  rankSince: Day;
  unitSince: Day;
  /** Moves and promotions so far (to pick a demo employee with an interesting timeline). */
  moves: number;
  promotions: number;
  fte100: number;
  side: number;
  sideUnit: SimUnit | null;
  sideEnd: Day;
  secondment: number;
  secondmentEnd: Day;
  /** Last day before mandatory retirement (or the end of a reemployment contract at 65). */
  retireDay: Day | null;
  /** Last day of a fixed-term contract. */
  contractEnd: Day | null;
  active: boolean;
}

const KIND_CODES: readonly AssignmentKind[] = ["primary", "secondary", "secondment"];

/** Assignments in columns (typed arrays): there are up to a few million of them at the large scale. */
export class AssignmentStore {
  length = 0;
  private capacity: number;
  employment: Int32Array;
  company: Int32Array;
  person: Int32Array;
  kind: Uint8Array;
  unit: Int32Array;
  position: Int32Array;
  grade: Int32Array;
  /** 0 = none */
  manager: Int32Array;
  head: Uint8Array;
  fte100: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  dropped: Uint8Array;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.employment = new Int32Array(capacity);
    this.company = new Int32Array(capacity);
    this.person = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.unit = new Int32Array(capacity);
    this.position = new Int32Array(capacity);
    this.grade = new Int32Array(capacity);
    this.manager = new Int32Array(capacity);
    this.head = new Uint8Array(capacity);
    this.fte100 = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.dropped = new Uint8Array(capacity);
  }

  static kindName(code: number): AssignmentKind {
    return KIND_CODES[code] as AssignmentKind;
  }

  static kindCode(kind: AssignmentKind): number {
    return KIND_CODES.indexOf(kind);
  }

  private grow(): void {
    this.capacity *= 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(this.capacity);
      b.set(a);
      return b;
    };
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(this.capacity);
      b.set(a);
      return b;
    };
    this.employment = grow32(this.employment);
    this.company = grow32(this.company);
    this.person = grow32(this.person);
    this.kind = grow8(this.kind);
    this.unit = grow32(this.unit);
    this.position = grow32(this.position);
    this.grade = grow32(this.grade);
    this.manager = grow32(this.manager);
    this.head = grow8(this.head);
    this.fte100 = grow8(this.fte100);
    this.from = grow32(this.from);
    this.to = grow32(this.to);
    this.dropped = grow8(this.dropped);
  }

  add(row: {
    employment: number;
    company: number;
    person: number;
    kind: AssignmentKind;
    unit: number;
    position: number;
    grade: number;
    manager: number;
    head: boolean;
    fte100: number;
    from: Day;
    to: Day;
  }): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.employment[i] = row.employment;
    this.company[i] = row.company;
    this.person[i] = row.person;
    this.kind[i] = AssignmentStore.kindCode(row.kind);
    this.unit[i] = row.unit;
    this.position[i] = row.position;
    this.grade[i] = row.grade;
    this.manager[i] = row.manager;
    this.head[i] = row.head ? 1 : 0;
    this.fte100[i] = row.fte100;
    this.from[i] = row.from;
    this.to[i] = row.to;
    return i;
  }

  /** A new row equal to row `i`, starting on `from` and open-ended. */
  copy(i: number, from: Day): number {
    if (this.length === this.capacity) this.grow();
    const j = this.length++;
    this.employment[j] = this.employment[i]!;
    this.company[j] = this.company[i]!;
    this.person[j] = this.person[i]!;
    this.kind[j] = this.kind[i]!;
    this.unit[j] = this.unit[i]!;
    this.position[j] = this.position[i]!;
    this.grade[j] = this.grade[i]!;
    this.manager[j] = this.manager[i]!;
    this.head[j] = this.head[i]!;
    this.fte100[j] = this.fte100[i]!;
    this.from[j] = from;
    this.to[j] = OPEN_END;
    return j;
  }
}

/** Identity values assigned by the generator (written with OVERRIDING SYSTEM VALUE). */
export class IdSequence {
  private last = 0;
  next(): number {
    this.last += 1;
    return this.last;
  }
  get current(): number {
    return this.last;
  }
}

export interface DemoModel {
  companies: SimCompany[];
  persons: PersonRecord[];
  employments: EmploymentRecord[];
  assignments: AssignmentStore;
  /** Number of org unit versions (ids are assigned when written). */
  unitVersionCount: number;
  today: Day;
  historyStart: Day;
}
