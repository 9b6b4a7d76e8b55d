/**
 * Ten fiscal years of training for the demo group: every employee's compliance e-learning each year, layer
 * training at hiring and promotion, one or two role or department courses a year, OJT trainer training for some
 * staff, external seminars and certification preparation; this fiscal year's compliance courses as mandatory
 * enrolments with a due date. About 5–6 training days per employee and year (the seed groups report 5–6).
 */
import { addMonths, type Day, fiscalYearStart, ymdOf } from "./dates";
import type { CourseRow, DemoLibrary } from "./learning-library";
import { type DemoModel, OPEN_END, type SimCompany } from "./model";
import type { Random } from "./random";

export interface Stint {
  from: Day;
  to: Day;
  unit: number;
  position: number;
  grade: number;
  manager: number;
  head: boolean;
}

export interface TrainingRow {
  id: number;
  personId: number;
  companyId: number;
  courseId: number;
  enrolmentId: number | null;
  completedOn: Day;
  days: number;
  hours: number;
  score: number | null;
}

export interface EnrolmentRow {
  id: number;
  courseId: number;
  sessionId: number | null;
  personId: number;
  companyId: number;
  status: "requested" | "enrolled" | "waitlisted" | "completed";
  origin: "self" | "hr";
  dueOn: Day | null;
}

/** What the demo needs to know about people, grades and positions. */
export class DemoIndex {
  readonly stints = new Map<number, Stint[]>();
  readonly rank = new Map<number, { rank: number; manager: boolean }>();
  readonly position = new Map<number, { category: string; soc: string; company: number }>();
  readonly company = new Map<number, SimCompany>();

  constructor(readonly model: DemoModel) {
    const store = model.assignments;
    for (let i = 0; i < store.length; i++) {
      if (store.dropped[i] !== 0 || store.kind[i] !== 0) continue;
      const list = this.stints.get(store.employment[i]!) ?? [];
      list.push({
        from: store.from[i]!,
        to: store.to[i]!,
        unit: store.unit[i]!,
        position: store.position[i]!,
        grade: store.grade[i]!,
        manager: store.manager[i]!,
        head: store.head[i] === 1,
      });
      this.stints.set(store.employment[i]!, list);
    }
    for (const list of this.stints.values()) list.sort((a, b) => a.from - b.from);
    for (const c of model.companies) {
      this.company.set(c.id, c);
      for (const g of c.grades) this.rank.set(g.id, { rank: g.rank, manager: g.isManagerLevel });
      const codes = new Map(c.jobCategories.map((j) => [j.id, j.code]));
      for (const p of c.positions)
        this.position.set(p.id, { category: codes.get(p.jobCategoryId) ?? "", soc: p.soc, company: c.id });
    }
  }

  stintAt(employmentId: number, day: Day): Stint | undefined {
    const list = this.stints.get(employmentId);
    if (!list) return undefined;
    for (const s of list) if (s.from <= day && (s.to === OPEN_END || s.to >= day)) return s;
    return undefined;
  }

  /** Whether someone in this stint is inside the course's audience. */
  fits(course: CourseRow, companyId: number, stint: Stint): boolean {
    const a = course.audience;
    const grade = this.rank.get(stint.grade);
    const rank = grade?.rank ?? 0;
    if (a.companyIds && !a.companyIds.includes(companyId)) return false;
    if (a.gradeRankMin !== undefined && rank < a.gradeRankMin) return false;
    if (a.gradeRankMax !== undefined && rank > a.gradeRankMax) return false;
    if (a.jobCategoryCodes && !a.jobCategoryCodes.includes(this.position.get(stint.position)?.category ?? ""))
      return false;
    if (a.managersOnly && !(grade?.manager || stint.head)) return false;
    return true;
  }
}

const LAYER_BY_RANK: Record<number, string> = { 3: "LYR-MID", 4: "LYR-LEAD", 5: "LYR-MGR", 6: "LYR-SRMGR" };
/** Role and department courses, seminars and certification preparation per employee and year: about 2.3. */
const ELECTIVE_COUNTS = [1, 2, 2, 2, 3, 3, 3];

export interface TrainingHistory {
  records: TrainingRow[];
  enrolments: EnrolmentRow[];
  /** Who completed the OJT trainer training, and when. */
  trainedOn: Map<number, Day>;
}

export function buildTrainingHistory(index: DemoIndex, library: DemoLibrary, rng: Random): TrainingHistory {
  const { model } = index;
  const records: TrainingRow[] = [];
  const enrolments: EnrolmentRow[] = [];
  const trainedOn = new Map<number, Day>();
  const course = (code: string) => library.courseByCode.get(code)!;
  const electives = library.courses.filter(
    (c) =>
      c.kind === "role" ||
      c.kind === "department" ||
      c.kind === "certification_prep" ||
      c.kind === "external_seminar" ||
      c.def.code === "CMP-INSIDER",
  );
  const today = model.today;
  const add = (
    personId: number,
    companyId: number,
    c: CourseRow,
    day: Day,
    enrolmentId: number | null = null,
  ) => {
    records.push({
      id: records.length + 1,
      personId,
      companyId,
      courseId: c.id,
      enrolmentId,
      completedOn: day,
      days: c.def.days,
      hours: c.def.hours,
      score: c.delivery === "e_learning" || c.kind === "certification_prep" ? 60 + rng.int(0, 40) : null,
    });
  };
  const between = (from: Day, to: Day): Day | null => (to < from ? null : rng.int(from, to));

  for (const employment of model.employments) {
    const company = index.company.get(employment.companyId)!;
    const start = Math.max(employment.hire, model.historyStart);
    const end = Math.min(employment.termination ?? today, today);
    if (end < start) continue;
    /** Elective courses taken, and when: a course is taken again as a refresher after three years. */
    const taken = new Map<number, Day>();
    let previousRank = 0;
    const newGraduate =
      company.isDomestic &&
      employment.type === "regular" &&
      ymdOf(employment.hire).month === 4 &&
      ymdOf(employment.hire).day === 1;
    for (
      let fy = fiscalYearStart(start, company.def.fiscalYearStartMonth);
      fy <= end;
      fy = addMonths(fy, 12)
    ) {
      const from = Math.max(fy, start);
      const to = Math.min(addMonths(fy, 12) - 1, end);
      const reference = Math.min(Math.max(addMonths(fy, 6), from), to);
      const stint = index.stintAt(employment.id, reference) ?? index.stintAt(employment.id, from);
      if (!stint) continue;
      const rank = index.rank.get(stint.grade)?.rank ?? 0;
      const currentYear = fy <= today && today < addMonths(fy, 12);
      const p = employment.personId;
      // Compliance e-learning: the annual course every year (mandatory with a due date this year), harassment
      // prevention for managers every other year.
      const annual = course("CMP-ANNUAL");
      const day = between(Math.max(from, addMonths(fy, 1)), Math.min(to, addMonths(fy, 9)));
      const done = day !== null && rng.chance(0.95);
      if (currentYear && (employment.termination ?? OPEN_END) >= today) {
        const enrolmentId = enrolments.length + 1;
        const completed = done && day !== null && day <= today;
        enrolments.push({
          id: enrolmentId,
          courseId: annual.id,
          sessionId: null,
          personId: p,
          companyId: company.id,
          status: completed ? "completed" : "enrolled",
          origin: "hr",
          dueOn: addMonths(fy, 6) - 1,
        });
        if (completed) add(p, company.id, annual, day!, enrolmentId);
      } else if (done && day! <= today) add(p, company.id, annual, day!);
      const harassment = course("CMP-HARASS");
      if (ymdOf(fy).year % 2 === 0 && index.fits(harassment, company.id, stint)) {
        const on = between(from, to);
        if (on !== null && on <= today) add(p, company.id, harassment, on);
      }
      // Layer training: induction for new graduates, the second-year follow-up, and at each promotion.
      if (newGraduate && fy === fiscalYearStart(employment.hire, company.def.fiscalYearStartMonth)) {
        add(p, company.id, course("LYR-NEW"), Math.min(employment.hire + 13, end));
      } else if (
        newGraduate &&
        fy === addMonths(fiscalYearStart(employment.hire, company.def.fiscalYearStartMonth), 12) &&
        rng.chance(0.9)
      ) {
        const day = between(addMonths(fy, 5), to);
        if (day !== null) add(p, company.id, course("LYR-2ND"), day);
      }
      if (previousRank > 0 && rank > previousRank) {
        const layer = LAYER_BY_RANK[Math.min(rank, 6)];
        const day = between(Math.max(from, addMonths(fy, 1)), to);
        if (layer && day !== null && rng.chance(0.9)) add(p, company.id, course(layer), day);
        if (rank === 5 && day !== null && index.fits(course("LYR-EVAL"), company.id, stint))
          add(p, company.id, course("LYR-EVAL"), day);
      }
      previousRank = rank;
      if ((index.rank.get(stint.grade)?.manager || stint.head) && rng.chance(0.12)) {
        const day = between(from, to);
        if (day !== null) add(p, company.id, course("LYR-1ON1"), day);
      }
      // OJT trainer training for some staff at grades 2-4.
      const ojt = course("OJT-TRAINER");
      if (
        !trainedOn.has(p) &&
        employment.type === "regular" &&
        index.fits(ojt, company.id, stint) &&
        rng.chance(0.06)
      ) {
        const day = between(Math.max(from, addMonths(fy, 1)), Math.min(to, addMonths(fy, 3)));
        if (day !== null) {
          add(p, company.id, ojt, day);
          trainedOn.set(p, day);
        }
      }
      // Role and department courses, seminars and certification preparation.
      const count = rng.pick(ELECTIVE_COUNTS) * (employment.type === "part_time" ? 0 : 1);
      for (let k = 0; k < count; k++) {
        const fitting = electives.filter(
          (c) =>
            // External seminars differ from year to year; other courses are repeated as refreshers only.
            (c.kind === "external_seminar" || (taken.get(c.id) ?? -Infinity) < addMonths(fy, -36)) &&
            index.fits(c, company.id, stint) &&
            (c.kind === "role" || c.kind === "department" || rng.chance(0.3)),
        );
        if (fitting.length === 0) break;
        const c = rng.pick(fitting);
        const day = between(from, to);
        if (day === null) break;
        taken.set(c.id, day);
        add(p, company.id, c, day);
      }
    }
  }
  return { records, enrolments, trainedOn };
}
