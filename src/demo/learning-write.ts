/**
 * Adds skills and learning to the demo group (called by generate.ts inside its transaction, after the people
 * are written): the skill library and maps, the catalog, ten years of training records, current assessments,
 * upcoming sessions with enrolments, mandatory compliance training, certifications and OJT pairs. Deterministic
 * for the seed; written with the same unnest batches as write.ts.
 */
import { buildTrainingHistory, DemoIndex } from "./learning-history";
import { buildLibrary } from "./learning-library";
import {
  buildAssessments,
  buildCertifications,
  buildPairs,
  buildSessions,
  currentStaff,
  focusGap,
} from "./learning-people";
import type { DemoModel } from "./model";
import { Random } from "./random";
import type { DemoUser } from "./users";
import { insertRows, writeAssessmentRows, writeOjtRows, writeSkillRows } from "./learning-rows";
import type { Query } from "./write";

export interface LearningSummary {
  skills: number;
  courses: number;
  trainingRecords: number;
  assessments: number;
  ojtPairs: number;
}

export async function writeLearningDemo(
  query: Query,
  input: {
    model: DemoModel;
    users: DemoUser[];
    seed: number;
    progress: (phase: string, done: number, total: number) => void;
  },
): Promise<LearningSummary> {
  const { model, users, progress } = input;
  progress("skills and learning", 0, 1);
  const rng = Random.derive(input.seed >>> 0, `learning:${input.seed}`);
  const index = new DemoIndex(model);
  const library = buildLibrary(model);
  const history = buildTrainingHistory(index, library, rng);
  const staff = currentStaff(index);
  const employee = users.find((u) => u.email.startsWith("employee@"));
  const focus = focusGap(index, library, staff, employee);
  if (focus)
    history.records = history.records.filter(
      (r) => !(r.personId === focus.personId && r.courseId === focus.courseId),
    );
  const sessions = buildSessions(index, library, history, staff, users, focus?.courseId ?? null, rng);
  const assessments = buildAssessments(index, library, history, staff, focus, rng);
  const pairs = buildPairs(index, history, library, rng);
  const held = buildCertifications(index, library, staff, rng);

  // A request from the demo manager's team waits for their decision.
  const manager = users.find((u) => u.email.startsWith("manager@"));
  const teammate = staff.find(
    (s) => manager && s.stint.manager === manager.personId && s.personId !== employee?.personId,
  );
  const session = sessions.find((s) => library.courses.find((c) => c.id === s.courseId)?.kind === "role");
  if (
    teammate &&
    session &&
    !history.enrolments.some((e) => e.personId === teammate.personId && e.courseId === session.courseId)
  ) {
    history.enrolments.push({
      id: history.enrolments.length + 1,
      courseId: session.courseId,
      sessionId: session.id,
      personId: teammate.personId,
      companyId: teammate.companyId,
      status: "requested",
      origin: "self",
      dueOn: null,
    });
  }

  await writeSkillRows(query, library);
  await insertRows(
    query,
    "courses",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
      ["title_ja", "text"],
      ["title_en", "text"],
      ["kind", "text"],
      ["delivery", "text"],
      ["duration_days", "numeric"],
      ["duration_hours", "numeric"],
      ["language", "text"],
      ["audience", "jsonb"],
    ],
    library.courses.map((c) => [
      c.id,
      c.companyId,
      c.def.code,
      c.def.titleJa,
      c.def.titleEn,
      c.kind,
      c.delivery,
      c.def.days,
      c.def.hours,
      c.language,
      JSON.stringify(c.audience),
    ]),
  );
  await insertRows(
    query,
    "course_skills",
    [
      ["course_id", "int4"],
      ["skill_id", "int4"],
      ["target_level", "int2"],
    ],
    library.courses.flatMap((c) => c.skills.map(([skillId, level]) => [c.id, skillId, level])),
    false,
  );
  await insertRows(
    query,
    "course_sessions",
    [
      ["id", "int4"],
      ["course_id", "int4"],
      ["company_id", "int4"],
      ["starts_on", "date"],
      ["ends_on", "date"],
      ["place", "text"],
      ["url", "text"],
      ["capacity", "int4"],
    ],
    sessions.map((s) => [s.id, s.courseId, s.companyId, s.startsOn, s.endsOn, s.place, s.url, s.capacity]),
  );
  progress("skills and learning", 1, 4);
  await insertRows(
    query,
    "enrolments",
    [
      ["id", "int4"],
      ["course_id", "int4"],
      ["session_id", "int4"],
      ["person_id", "int4"],
      ["company_id", "int4"],
      ["status", "text"],
      ["origin", "text"],
      ["due_on", "date"],
    ],
    history.enrolments.map((e) => [
      e.id,
      e.courseId,
      e.sessionId,
      e.personId,
      e.companyId,
      e.status,
      e.origin,
      e.dueOn,
    ]),
  );
  await insertRows(
    query,
    "training_records",
    [
      ["id", "int8"],
      ["person_id", "int4"],
      ["company_id", "int4"],
      ["course_id", "int4"],
      ["enrolment_id", "int4"],
      ["completed_on", "date"],
      ["days", "numeric"],
      ["hours", "numeric"],
      ["score", "numeric"],
      ["source", "text"],
    ],
    history.records.map((r) => [
      r.id,
      r.personId,
      r.companyId,
      r.courseId,
      r.enrolmentId,
      r.completedOn,
      r.days,
      r.hours,
      r.score,
      "demo",
    ]),
  );
  progress("skills and learning", 2, 4);
  await insertRows(
    query,
    "certifications",
    [
      ["id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["issuer", "text"],
      ["validity_months", "int2"],
    ],
    library.certifications.map((c) => [c.id, c.code, c.nameJa, c.nameEn, c.issuer, c.validityMonths]),
  );
  await insertRows(
    query,
    "person_certifications",
    [
      ["id", "int4"],
      ["person_id", "int4"],
      ["certification_id", "int4"],
      ["company_id", "int4"],
      ["obtained_on", "date"],
      ["expires_on", "date"],
    ],
    held.map((h, i) => [i + 1, h.personId, h.certificationId, h.companyId, h.obtainedOn, h.expiresOn]),
  );
  progress("skills and learning", 3, 4);
  await writeAssessmentRows(query, assessments);
  await writeOjtRows(query, pairs);
  for (const table of [
    "skill_categories",
    "skills",
    "skill_requirements",
    "skill_assessments",
    "courses",
    "course_sessions",
    "enrolments",
    "training_records",
    "certifications",
    "person_certifications",
    "ojt_pairs",
    "ojt_goals",
    "ojt_checkins",
  ]) {
    await query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
    );
  }
  progress("skills and learning", 4, 4);
  return {
    skills: library.skills.length,
    courses: library.courses.length,
    trainingRecords: history.records.length,
    assessments: assessments.length,
    ojtPairs: pairs.length,
  };
}
