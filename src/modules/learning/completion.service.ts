/**
 * Attendance and completion: a completed enrolment becomes a training record (with the days and hours it counts
 * for) and raises the person's level of every skill the course builds to the course's level, recorded as an
 * assessment from the course, so that the loop from gap to training to skill closes by itself.
 */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type { Enrolment } from "../../shared/skills-api";
import { assert } from "../access/access.policy";
import { actorUserId, type Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { insertAssessment, latestLevels } from "../skills/assessments.repo";
import { sourcesFor } from "../skills/assessments.service";
import { personContextAt } from "../skills/person-context";
import { isHrOf, isSelf, relationTo } from "../skills/skills.policy";
import { currentLevelRule } from "../skills/skills.repo";
import { translateSkillsDbError } from "../skills/skills.errors";
import { requireCourse } from "./catalog.service";
import { enrolmentView } from "./enrolment.service";
import {
  findEnrolment,
  findSession,
  insertTrainingRecord,
  setEnrolmentStatus,
  skillsOfCourses,
} from "./learning.repo";
import type { TrainingRecordSource } from "../../shared/skills-vocab";

export interface CompletionInput {
  personId: number;
  /** The employing company on the day (falls back to the person's assignment then). */
  companyId: number;
  courseId: number;
  sessionId: number | null;
  enrolmentId: number | null;
  completedOn: string;
  days: number;
  hours: number;
  score: number | null;
  source: TrainingRecordSource;
  recordedByUserId: number | null;
}

/**
 * Writes one training record and the skill levels it raises; call inside the caller's transaction (the
 * enrolment flow here, and imports of completions from group companies' systems).
 */
export async function recordTrainingCompletion(
  tx: Db,
  input: CompletionInput,
): Promise<{ recordId: number; raised: { skillId: number; level: number }[] }> {
  const recordId = await insertTrainingRecord(tx, input);
  const targets = await skillsOfCourses(tx, [input.courseId]);
  if (targets.length === 0) return { recordId, raised: [] };
  const rule = await currentLevelRule(tx);
  const current = await latestLevels(
    tx,
    [input.personId],
    targets.map((t) => t.skillId),
    input.completedOn,
    sourcesFor(rule),
  );
  const levelOf = new Map(current.map((row) => [row.skillId, row.level]));
  const raised: { skillId: number; level: number }[] = [];
  for (const target of targets) {
    if ((levelOf.get(target.skillId) ?? -1) >= target.targetLevel) continue;
    await insertAssessment(tx, {
      personId: input.personId,
      companyId: input.companyId,
      skillId: target.skillId,
      level: target.targetLevel,
      source: "course",
      assessedOn: input.completedOn,
      trainingRecordId: recordId,
      assessorUserId: input.recordedByUserId,
    });
    raised.push({ skillId: target.skillId, level: target.targetLevel });
  }
  return { recordId, raised };
}

/**
 * HR records whether the person completed (with a score) or did not; the person may mark their own e-learning
 * as finished. Only an enrolled place can be completed, not before the session starts or in the future.
 */
export async function completeEnrolment(
  db: Db,
  actor: Actor,
  enrolmentId: number,
  request: { completed: boolean; completedOn: string; score: number | null },
): Promise<Enrolment> {
  const enrolment = await findEnrolment(db, enrolmentId);
  if (!enrolment) throw AppError.notFound("Enrolment", enrolmentId);
  const course = await requireCourse(db, enrolment.courseId);
  const relation = await relationTo(db, actor, enrolment.personId);
  const selfELearning =
    isSelf(actor, relation) &&
    course.delivery === "e_learning" &&
    request.completed &&
    request.score === null;
  assert(
    isHrOf(actor, relation) || selfELearning,
    "Only HR records attendance (you may finish your own e-learning).",
  );
  if (enrolment.status === "completed" || enrolment.status === "not_completed") {
    throw new AppError("CONFLICT", {
      fields: [{ path: "id", message: "the completion of this enrolment is already recorded" }],
    });
  }
  if (enrolment.status !== "enrolled") {
    throw AppError.validation([
      {
        path: "id",
        message: `the enrolment is ${enrolment.status}; only an enrolled place can be completed`,
      },
    ]);
  }
  const fields: FieldError[] = [];
  if (request.completedOn > today())
    fields.push({ path: "completedOn", message: "must not be in the future" });
  if (enrolment.sessionId !== null) {
    const session = (await findSession(db, enrolment.sessionId))!;
    if (request.completedOn < session.startsOn)
      fields.push({
        path: "completedOn",
        message: `must not be before the session started (${session.startsOn})`,
      });
  } else if (request.completedOn < enrolment.createdAt.toISOString().slice(0, 10)) {
    fields.push({ path: "completedOn", message: "must not be before the enrolment" });
  }
  if (fields.length) throw AppError.validation(fields);
  const context = await personContextAt(db, enrolment.personId, request.completedOn);
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      let detail: unknown = { completed: false };
      if (request.completed) {
        const result = await recordTrainingCompletion(tx, {
          personId: enrolment.personId,
          companyId: context?.companyId ?? enrolment.companyId,
          courseId: course.id,
          sessionId: enrolment.sessionId,
          enrolmentId,
          completedOn: request.completedOn,
          days: Number(course.durationDays),
          hours: Number(course.durationHours),
          score: request.score,
          source: enrolment.sessionId === null ? "e_learning" : "session",
          recordedByUserId: actorUserId(actor),
        });
        detail = { ...request, ...result };
      }
      await setEnrolmentStatus(tx, enrolmentId, {
        status: request.completed ? "completed" : "not_completed",
      });
      await audit(tx, actor, "learning.enrolment.complete", {
        entity: "enrolment",
        entityId: enrolmentId,
        detail,
      });
    }),
  );
  return enrolmentView(db, enrolmentId);
}
