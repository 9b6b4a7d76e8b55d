/**
 * Skill levels, certifications, upcoming sessions and OJT pairs of the demo group: manager assessments (and some
 * self-assessments) of every current employee's mapped skills, levels raised by completed courses, sessions in
 * the coming months with enrolments and a waitlist, and a trained OJT trainer for each recent new graduate.
 */
import { addMonths, type Day, fiscalYearStart, ymdOf } from "./dates";
import type { DemoIndex, EnrolmentRow, TrainingHistory } from "./learning-history";
import type { CourseRow, DemoLibrary } from "./learning-library";
import type { SimCompany } from "./model";
import type { Random } from "./random";
import type { DemoUser } from "./users";

export interface AssessmentRow {
  personId: number;
  companyId: number;
  skillId: number;
  level: number;
  source: "self" | "manager" | "course";
  on: Day;
  assessorPersonId: number | null;
  trainingRecordId: number | null;
}

export interface SessionRow {
  id: number;
  courseId: number;
  companyId: number;
  startsOn: Day;
  endsOn: Day;
  place: string | null;
  url: string | null;
  capacity: number;
}

export interface PairRow {
  id: number;
  companyId: number;
  trainee: number;
  trainer: number;
  fiscalYear: number;
  from: Day;
  to: Day;
  closed: boolean;
  goals: { title: string; skillId: number | null; level: number | null; status: string }[];
  checkins: { on: Day; progress: string; advice: string }[];
}

interface Current {
  personId: number;
  companyId: number;
  employmentId: number;
  hire: Day;
  stint: NonNullable<ReturnType<DemoIndex["stintAt"]>>;
}

/** Everyone employed today with their primary assignment. */
export function currentStaff(index: DemoIndex): Current[] {
  const today = index.model.today;
  const out: Current[] = [];
  for (const e of index.model.employments) {
    if (e.hire > today || (e.termination !== null && e.termination < today)) continue;
    const stint = index.stintAt(e.id, today);
    if (stint)
      out.push({ personId: e.personId, companyId: e.companyId, employmentId: e.id, hire: e.hire, stint });
  }
  return out;
}

const clamp = (n: number) => Math.max(0, Math.min(5, n));

export function buildAssessments(
  index: DemoIndex,
  library: DemoLibrary,
  history: TrainingHistory,
  staff: Current[],
  focus: { personId: number; skillId: number } | null,
  rng: Random,
): AssessmentRow[] {
  const today = index.model.today;
  const rows: AssessmentRow[] = [];
  const courseSkills = new Map(library.courses.map((c) => [c.id, c.skills]));
  const byPerson = new Map<number, typeof history.records>();
  for (const r of history.records) {
    const list = byPerson.get(r.personId) ?? [];
    list.push(r);
    byPerson.set(r.personId, list);
  }
  for (const person of staff) {
    // New joiners are assessed after their first months; some managers have not assessed yet.
    const focusPerson = focus !== null && focus.personId === person.personId;
    if (!focusPerson && (today - person.hire < 120 || !rng.chance(0.85))) continue;
    const lines = library.mapOf.get(person.stint.position) ?? [];
    const tenure = (today - person.hire) / 365;
    const manager = person.stint.manager || null;
    for (const [skillId, required] of lines) {
      const isFocus = focus !== null && focus.personId === person.personId && focus.skillId === skillId;
      const base = isFocus
        ? Math.max(0, required - 2)
        : clamp(Math.round(required + rng.normal(-0.7 + Math.min(tenure, 10) * 0.09, 0.9)));
      const on = today - rng.int(20, 330);
      if (tenure > 3 && rng.chance(0.15)) {
        rows.push({
          personId: person.personId,
          companyId: person.companyId,
          skillId,
          level: clamp(base - 1),
          source: "manager",
          on: on - rng.int(370, 700),
          assessorPersonId: manager,
          trainingRecordId: null,
        });
      }
      rows.push({
        personId: person.personId,
        companyId: person.companyId,
        skillId,
        level: base,
        source: "manager",
        on,
        assessorPersonId: manager,
        trainingRecordId: null,
      });
      if (isFocus || rng.chance(0.25)) {
        rows.push({
          personId: person.personId,
          companyId: person.companyId,
          skillId,
          level: isFocus ? Math.max(0, required - 1) : clamp(base + rng.pick([-1, 0, 0, 1, 1])),
          source: "self",
          on: on - rng.int(3, 20),
          assessorPersonId: person.personId,
          trainingRecordId: null,
        });
      }
      if (isFocus) continue;
      // A completed course that builds the skill records the level it attains (the loop from training to skill).
      for (const record of byPerson.get(person.personId) ?? []) {
        const level = courseSkills.get(record.courseId)?.find(([id]) => id === skillId)?.[1];
        if (level !== undefined && record.completedOn > on && level > base) {
          rows.push({
            personId: person.personId,
            companyId: record.companyId,
            skillId,
            level,
            source: "course",
            on: record.completedOn,
            assessorPersonId: null,
            trainingRecordId: record.id,
          });
        }
      }
    }
  }
  return rows;
}

/** For the demo employee: a required skill below its level that a course with an upcoming session closes. */
export function focusGap(
  index: DemoIndex,
  library: DemoLibrary,
  staff: Current[],
  employee: DemoUser | undefined,
): { personId: number; skillId: number; courseId: number } | null {
  const person = employee && staff.find((s) => s.personId === employee.personId);
  if (!person) return null;
  for (const [skillId, required] of library.mapOf.get(person.stint.position) ?? []) {
    const course = library.courses.find(
      (c) =>
        c.delivery !== "e_learning" &&
        c.skills.some(([id, level]) => id === skillId && level >= required) &&
        index.fits(c, person.companyId, person.stint),
    );
    if (course) return { personId: person.personId, skillId, courseId: course.id };
  }
  return null;
}

/** Two sessions of every classroom and live-online course at the parent in the coming months, partly booked. */
export function buildSessions(
  index: DemoIndex,
  library: DemoLibrary,
  history: TrainingHistory,
  staff: Current[],
  users: DemoUser[],
  focusCourse: number | null,
  rng: Random,
): SessionRow[] {
  const parent = index.model.companies[0] as SimCompany;
  const today = index.model.today;
  const sessions: SessionRow[] = [];
  const reserved = new Set(users.map((u) => u.personId));
  const parentStaff = staff.filter((s) => s.companyId === parent.id && !reserved.has(s.personId));
  for (const course of library.courses) {
    if (course.delivery === "e_learning") continue;
    for (const weeks of [rng.int(3, 7), rng.int(9, 16)]) {
      const startsOn = today + weeks * 7 + rng.int(0, 4);
      const days = Math.max(1, Math.ceil(course.def.days));
      const online = course.delivery === "online_live";
      sessions.push({
        id: sessions.length + 1,
        courseId: course.id,
        companyId: parent.id,
        startsOn,
        endsOn: startsOn + days - 1,
        place: online ? null : "本社 研修センター / Head office training centre",
        url: online ? `https://learning.example.com/live/${course.def.code.toLowerCase()}` : null,
        capacity: course.id === focusCourse ? 24 : rng.pick([12, 16, 20, 24, 30]),
      });
    }
  }
  // Book seats: HR places and approved requests, one full session with a waitlist, and a few requests waiting.
  const booked = new Set<string>();
  const fill = (session: SessionRow, course: CourseRow, share: number) => {
    const fitting = parentStaff.filter((s) => index.fits(course, s.companyId, s.stint));
    const seats = Math.min(fitting.length, Math.round(session.capacity * share));
    let taken = 0;
    for (const person of rng.shuffled(fitting).slice(0, seats + (share >= 1 ? 3 : 0))) {
      const key = `${person.personId}:${course.id}`;
      if (booked.has(key)) continue;
      booked.add(key);
      const status: EnrolmentRow["status"] =
        taken < session.capacity ? (rng.chance(0.1) ? "requested" : "enrolled") : "waitlisted";
      if (status === "enrolled") taken++;
      history.enrolments.push({
        id: history.enrolments.length + 1,
        courseId: course.id,
        sessionId: session.id,
        personId: person.personId,
        companyId: person.companyId,
        status,
        origin: status === "requested" ? "self" : rng.chance(0.5) ? "hr" : "self",
        dueOn: null,
      });
    }
  };
  sessions.forEach((session, i) => {
    const course = library.courses.find((c) => c.id === session.courseId)!;
    if (course.id === focusCourse) fill(session, course, 0.4);
    else fill(session, course, i === 2 ? 1 : rng.next() * 0.7);
  });
  return sessions;
}

const GOALS: Record<string, readonly string[]> = {
  ENG: [
    "担当システムの監視と一次対応を一人でできる",
    "小さな機能を設計から本番リリースまで担当する",
    "障害報告書を書き、再発防止策を提案する",
  ],
  SAL: [
    "既存顧客を一人で訪問し、要望を整理できる",
    "サービスの提案書を作成し、先輩の商談に同席して説明する",
    "四半期の個人目標を達成する",
  ],
  ADM: [
    "月次の定型業務を期日どおり一人で処理できる",
    "業務マニュアルを一つ改訂する",
    "社内からの問い合わせに正確に回答する",
  ],
  MFG: [
    "担当工程の作業標準を守り、一人で作業できる",
    "設備の日常点検を行い、異常を報告できる",
    "改善提案を一件出す",
  ],
  SVC: ["問い合わせの一次対応を一人でできる", "FAQ を三件作成する", "顧客満足度アンケートで目標を達成する"],
  MGT: ["部門の業務全体を理解する", "関係部署との調整を一人で行う", "改善提案を一件出す"],
};

/** A trained trainer for every new graduate of the last two fiscal years at the domestic companies. */
export function buildPairs(
  index: DemoIndex,
  history: TrainingHistory,
  library: DemoLibrary,
  rng: Random,
): PairRow[] {
  const { model } = index;
  const today = model.today;
  const pairs: PairRow[] = [];
  const cutoff = addMonths(fiscalYearStart(today, 4), -12);
  const busy = new Map<number, number>();
  // Employments of people who took the OJT trainer training, per company (the trainer pool).
  const pool = new Map<number, typeof model.employments>();
  for (const t of model.employments) {
    if (!history.trainedOn.has(t.personId)) continue;
    const list = pool.get(t.companyId) ?? [];
    list.push(t);
    pool.set(t.companyId, list);
  }
  for (const e of model.employments) {
    const company = index.company.get(e.companyId)!;
    const hire = ymdOf(e.hire);
    if (
      !company.isDomestic ||
      e.type !== "regular" ||
      hire.month !== 4 ||
      hire.day !== 1 ||
      e.hire < cutoff ||
      e.hire > today
    )
      continue;
    const stint = index.stintAt(e.id, e.hire);
    if (!stint || (index.rank.get(stint.grade)?.rank ?? 0) !== 1) continue;
    const to = addMonths(e.hire, 12) - 1;
    const candidates = (pool.get(e.companyId) ?? []).filter((t) => {
      if (t.personId === e.personId || t.hire > e.hire) return false;
      if (t.termination !== null && t.termination < Math.min(to, today)) return false;
      const trained = history.trainedOn.get(t.personId)!;
      if (trained > e.hire) return false;
      const ts = index.stintAt(t.id, e.hire);
      return !!ts && !ts.head && t.personId !== stint.manager && (busy.get(t.personId) ?? 0) < 2;
    });
    if (candidates.length === 0) continue;
    const sameUnit = candidates.filter((t) => index.stintAt(t.id, e.hire)?.unit === stint.unit);
    const trainer = rng.pick(sameUnit.length ? sameUnit : candidates);
    busy.set(trainer.personId, (busy.get(trainer.personId) ?? 0) + 1);
    const category = index.position.get(stint.position)?.category ?? "ADM";
    const closed = to < today;
    const skillLine = library.mapOf.get(stint.position)?.[0];
    const goals = (GOALS[category] ?? GOALS.ADM!).map((title, i) => ({
      title,
      skillId: i === 0 && skillLine ? skillLine[0] : null,
      level: i === 0 && skillLine ? Math.min(skillLine[1], 3) : null,
      status: closed
        ? rng.pick(["achieved", "achieved", "partly_achieved"])
        : rng.pick(["open", "open", "achieved"]),
    }));
    const checkins: PairRow["checkins"] = [];
    for (let m = 2; m <= 12; m += 2) {
      const on = addMonths(e.hire, m) - rng.int(1, 10);
      if (on > Math.min(to, today)) break;
      checkins.push({
        on,
        progress: `${m}か月目: 目標に向けて順調に進んでいる。 / Month ${m}: on track.`,
        advice: "次の目標を具体的な行動に分けて進めること。 / Break the next goal into concrete steps.",
      });
    }
    pairs.push({
      id: pairs.length + 1,
      companyId: e.companyId,
      trainee: e.personId,
      trainer: trainer.personId,
      fiscalYear: hire.year,
      from: e.hire,
      to,
      closed,
      goals,
      checkins,
    });
  }
  return pairs;
}

export interface HeldCertificationRow {
  personId: number;
  companyId: number;
  certificationId: number;
  obtainedOn: Day;
  expiresOn: Day | null;
}

/** About one in six current staff in the matching job categories hold a certification; some expire soon. */
export function buildCertifications(
  index: DemoIndex,
  library: DemoLibrary,
  staff: Current[],
  rng: Random,
): HeldCertificationRow[] {
  const today = index.model.today;
  const rows: HeldCertificationRow[] = [];
  for (const person of staff) {
    const category = index.position.get(person.stint.position)?.category ?? "";
    const fitting = library.certifications.filter((c) =>
      (c.categories as readonly string[]).includes(category),
    );
    if (fitting.length === 0 || !rng.chance(0.17)) continue;
    const cert = rng.pick(fitting);
    const obtainedOn = Math.max(person.hire, today - rng.int(60, 6 * 365));
    rows.push({
      personId: person.personId,
      companyId: person.companyId,
      certificationId: cert.id,
      obtainedOn,
      expiresOn: cert.validityMonths === null ? null : addMonths(obtainedOn, cert.validityMonths) - 1,
    });
  }
  return rows;
}
