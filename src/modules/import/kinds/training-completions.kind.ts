import type { TrainingRecordSource } from "../../../shared/skills-vocab";
import { recordTrainingCompletion } from "../../learning/completion.service";
import {
  completionKey,
  completionsOfCompany,
  coursesForCompany,
  type EmploymentSpan,
  type ExistingCompletion,
  employmentSpans,
  type ImportCourse,
  type ImportSession,
  sessionsOfCourses,
  updateTrainingRecordValues,
} from "../../learning/import-state.repo";
import type { ImportKind, PlanResult, RowIssue, WrittenRecord } from "../import.types";
import { importMessage } from "../messages";
import {
  CodeTable,
  diff,
  employmentSpansText,
  field,
  futureDateIssue,
  optionalNum,
  optionalText,
  text,
} from "./helpers";

/**
 * Completed trainings from a group company's own training system. A row says "employee N completed course C on
 * day D" (optionally in the session of C that started on S, with days, hours and a score). New rows are written
 * through `recordTrainingCompletion`, so a completion raises the person's skill levels exactly as a completion
 * recorded in Tekizai does. Identity: employee, course and day; a re-imported row with other days, hours, score
 * or session corrects the record (levels already raised stay).
 */
interface CompletionRow {
  employeeNumber: string;
  courseCode: string;
  completedOn: string;
  sessionStartsOn: string | null;
  days: number | null;
  hours: number | null;
  score: number | null;
}

interface CompletionState {
  employees: Map<string, EmploymentSpan[]>;
  courses: CodeTable;
  courseById: Map<number, ImportCourse>;
  sessionsByCourse: Map<number, ImportSession[]>;
  existing: Map<string, ExistingCompletion>;
}

interface CompletionValues {
  sessionId: number | null;
  days: number;
  hours: number;
  score: number | null;
}

type CompletionOp =
  | {
      type: "insert";
      personId: number;
      courseId: number;
      completedOn: string;
      values: CompletionValues;
    }
  | { type: "update"; id: number; personId: number; values: Partial<CompletionValues> };

const SOURCE: TrainingRecordSource = "import";

/** The employment of the number that covers the day, or an issue naming what the employee's spans are. */
export function employmentOn(
  employees: Map<string, EmploymentSpan[]>,
  employeeNumber: string,
  day: string,
  dayField: string,
): { employment: EmploymentSpan } | { issues: RowIssue[] } {
  const spans = employees.get(employeeNumber);
  if (!spans)
    return {
      issues: [importMessage("employeeNumber", "employee.unknown", { number: employeeNumber })],
    };
  const employment = spans.find(
    (e) => e.hireDate <= day && (e.terminationDate === null || e.terminationDate >= day),
  );
  if (employment) return { employment };
  return {
    issues: [
      importMessage(dayField, "employee.notEmployed", {
        number: employeeNumber,
        date: day,
        spans: employmentSpansText(spans),
      }),
    ],
  };
}

export const trainingCompletionsKind: ImportKind<CompletionRow, CompletionState, CompletionOp> = {
  name: "training-completions",
  label: { en: "Training completions", ja: "研修修了実績" },
  description: {
    en: "Completed trainings from a group company's own system: who completed which course on which day. Completing a course raises the person's skill levels to the course's levels.",
    ja: "グループ会社の研修システムからの修了実績（誰がどの講座をいつ修了したか）。講座の修了でスキルレベルが講座の到達レベルまで上がります。",
  },
  scope: "company",
  fields: [
    field(
      "employeeNumber",
      "code-lookup",
      { en: "Employee number", ja: "社員番号" },
      { required: true, lookup: "employee", maxLength: 32, example: "H0001" },
    ),
    field(
      "courseCode",
      "code-lookup",
      { en: "Course code", ja: "講座コード" },
      {
        required: true,
        maxLength: 64,
        example: "SEC-101",
        description: {
          en: "A group-wide course or one of the company's own",
          ja: "グループ共通の講座または自社の講座",
        },
      },
    ),
    field(
      "completedOn",
      "date",
      { en: "Completed on", ja: "修了日" },
      { required: true, example: "2024-06-14" },
    ),
    field(
      "sessionStartsOn",
      "date",
      { en: "Session start date", ja: "開催開始日" },
      {
        example: "2024-06-13",
        description: {
          en: "The session of the course that started on this day; empty when the session is not in Tekizai",
          ja: "その日に始まった講座の開催回。Tekizai に開催回がなければ空欄",
        },
      },
    ),
    field(
      "days",
      "number",
      { en: "Training days", ja: "研修日数" },
      {
        min: 0,
        max: 365,
        example: "2",
        description: { en: "Default: the course's days", ja: "省略時は講座の日数" },
      },
    ),
    field(
      "hours",
      "number",
      { en: "Hours", ja: "研修時間" },
      {
        min: 0,
        max: 2000,
        example: "14",
        description: { en: "Default: the course's hours", ja: "省略時は講座の時間" },
      },
    ),
    field("score", "number", { en: "Score", ja: "得点" }, { min: 0, max: 100, example: "85" }),
  ],

  toRow(values, ctx) {
    const row: CompletionRow = {
      employeeNumber: text(values, "employeeNumber"),
      courseCode: text(values, "courseCode"),
      completedOn: text(values, "completedOn"),
      sessionStartsOn: optionalText(values, "sessionStartsOn"),
      days: optionalNum(values, "days"),
      hours: optionalNum(values, "hours"),
      score: optionalNum(values, "score"),
    };
    const found: RowIssue[] = [];
    if (row.completedOn > ctx.today)
      found.push(
        importMessage("completedOn", "row.inFuture", { field: "completedOn", date: row.completedOn }),
      );
    found.push(...futureDateIssue(ctx, "sessionStartsOn", row.sessionStartsOn));
    if (row.sessionStartsOn !== null && row.completedOn < row.sessionStartsOn) {
      found.push(
        importMessage("completedOn", "training.beforeSession", {
          completedOn: row.completedOn,
          sessionStartsOn: row.sessionStartsOn,
        }),
      );
    }
    return found.length ? { issues: found } : { row };
  },

  key: (row) => `${row.employeeNumber}|${row.courseCode.toUpperCase()}|${row.completedOn}`,

  async loadState(db, ctx) {
    const companyId = ctx.companyId!;
    const [employees, courseRows, existing] = await Promise.all([
      employmentSpans(db, companyId),
      coursesForCompany(db, companyId),
      completionsOfCompany(db, companyId),
    ]);
    const courses = new CodeTable("course");
    const courseById = new Map<number, ImportCourse>();
    for (const course of courseRows) {
      courses.add(course.id, course.code, [course.titleJa, course.titleEn]);
      courseById.set(course.id, course);
    }
    const sessionsByCourse = new Map<number, ImportSession[]>();
    for (const session of await sessionsOfCourses(
      db,
      courseRows.filter((c) => c.delivery !== "e_learning").map((c) => c.id),
    )) {
      const list = sessionsByCourse.get(session.courseId) ?? [];
      list.push(session);
      sessionsByCourse.set(session.courseId, list);
    }
    return { employees, courses, courseById, sessionsByCourse, existing };
  },

  plan(row, state, ctx): PlanResult<CompletionOp> {
    const employed = employmentOn(state.employees, row.employeeNumber, row.completedOn, "completedOn");
    if ("issues" in employed) return employed;
    const resolved = state.courses.resolve(row.courseCode, "courseCode", ctx);
    if ("issue" in resolved) return { issues: [resolved.issue] };
    const course = state.courseById.get(resolved.id!)!;
    let sessionId: number | null = null;
    if (row.sessionStartsOn !== null) {
      if (course.delivery === "e_learning") {
        return {
          issues: [importMessage("sessionStartsOn", "training.eLearningSession", { course: course.code })],
        };
      }
      const candidates = (state.sessionsByCourse.get(course.id) ?? []).filter(
        (s) => s.startsOn === row.sessionStartsOn,
      );
      const own = candidates.filter((s) => s.companyId === ctx.companyId);
      const session = (own.length ? own : candidates)[0];
      if (!session) {
        const known = (state.sessionsByCourse.get(course.id) ?? []).map((s) => s.startsOn);
        const where = { course: course.code, date: row.sessionStartsOn };
        return {
          issues: [
            known.length
              ? importMessage("sessionStartsOn", "training.unknownSessionOf", {
                  ...where,
                  starts: known.slice(-5).join(", "),
                })
              : importMessage("sessionStartsOn", "training.unknownSession", where),
          ],
        };
      }
      sessionId = session.id;
    }
    const personId = employed.employment.personId;
    const values: CompletionValues = {
      sessionId,
      days: row.days ?? course.durationDays,
      hours: row.hours ?? course.durationHours,
      score: row.score,
    };
    const key = completionKey(personId, course.id, row.completedOn);
    const existing = state.existing.get(key);
    if (!existing) {
      state.existing.set(key, {
        id: -1,
        personId,
        courseId: course.id,
        completedOn: row.completedOn,
        ...values,
      });
      return {
        outcome: "new",
        steps: [
          {
            op: { type: "insert", personId, courseId: course.id, completedOn: row.completedOn, values },
            change: {
              entity: "training_record",
              personId,
              action: "insert",
              before: null,
              after: {
                employeeNumber: row.employeeNumber,
                courseCode: course.code,
                completedOn: row.completedOn,
                ...values,
              },
            },
          },
        ],
      };
    }
    if (existing.id < 0) {
      return {
        issues: [
          importMessage("courseCode", "training.recordedTwice", {
            course: course.code,
            date: row.completedOn,
          }),
        ],
      };
    }
    const current: CompletionValues = {
      sessionId: existing.sessionId,
      days: existing.days,
      hours: existing.hours,
      score: existing.score,
    };
    const kept: CompletionValues = {
      sessionId: ctx.absentFields.has("sessionStartsOn") ? current.sessionId : values.sessionId,
      days: ctx.absentFields.has("days") ? current.days : values.days,
      hours: ctx.absentFields.has("hours") ? current.hours : values.hours,
      score: ctx.absentFields.has("score") ? current.score : values.score,
    };
    const changed = diff(current, kept);
    if (!changed) return { outcome: "unchanged", steps: [] };
    Object.assign(existing, kept);
    return {
      outcome: "changed",
      steps: [
        {
          op: { type: "update", id: existing.id, personId, values: changed.after },
          change: {
            entity: "training_record",
            entityId: existing.id > 0 ? existing.id : undefined,
            personId,
            action: "update",
            before: changed.before,
            after: changed.after,
          },
        },
      ],
    };
  },

  async apply(tx, ops, ctx) {
    const companyId = ctx.companyId!;
    const written: WrittenRecord[] = [];
    for (const { op } of ops) {
      if (op.type === "insert") {
        const { recordId } = await recordTrainingCompletion(tx, {
          personId: op.personId,
          companyId,
          courseId: op.courseId,
          sessionId: op.values.sessionId,
          enrolmentId: null,
          completedOn: op.completedOn,
          days: op.values.days,
          hours: op.values.hours,
          score: op.values.score,
          source: SOURCE,
          recordedByUserId: null,
        });
        written.push({ entityId: recordId, personId: op.personId });
      } else {
        await updateTrainingRecordValues(tx, op.id, companyId, op.values);
        written.push({ entityId: op.id, personId: op.personId });
      }
    }
    return written;
  },
};
