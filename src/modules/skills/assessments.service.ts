/** Skill assessments (self, manager, HR) with their history, and the current level by the group's rule. */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import {
  type Assessment,
  type AssessmentSource,
  CONFIRMED_SOURCES,
  type CreateAssessmentRequest,
  type CurrentLevelRule,
} from "../../shared/skills-api";
import { ASSESSMENT_SOURCES } from "../../shared/skills-vocab";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { presentName } from "../people/people.presenter";
import { assessmentHistory, insertAssessment } from "./assessments.repo";
import { levelErrors, maxScaleLevel } from "./library.service";
import { personContextAt } from "./person-context";
import { canSeePerson, isHrOf, isManagerOf, isSelf, relationTo } from "./skills.policy";
import { loc, presentSkill } from "./skills.presenter";
import { findSkill } from "./skills.repo";
import { translateSkillsDbError } from "./skills.errors";

/** The sources whose latest assessment is the current level under a rule. */
export function sourcesFor(rule: CurrentLevelRule): readonly AssessmentSource[] {
  return rule === "latest_any" ? ASSESSMENT_SOURCES : CONFIRMED_SOURCES;
}

/**
 * Records what someone sees of a person's skill on a day: the person (self), a manager whose units hold the
 * person (manager) or company HR (hr). A new row every time: the history stays.
 */
export async function recordAssessment(
  db: Db,
  actor: Actor,
  personId: number,
  request: CreateAssessmentRequest,
): Promise<Assessment> {
  const relation = await relationTo(db, actor, personId);
  assert(canSeePerson(actor, relation), "You may not see this person.");
  const allowed =
    request.source === "self"
      ? isSelf(actor, relation)
      : request.source === "manager"
        ? isManagerOf(actor, relation)
        : isHrOf(actor, relation);
  assert(
    allowed,
    request.source === "self"
      ? "Only the person may record a self-assessment."
      : request.source === "manager"
        ? "Only the person's manager may record a manager assessment."
        : "Only company HR may record an HR assessment.",
  );
  const assessedOn = request.assessedOn ?? today();
  const fields = levelErrors([{ path: "level", level: request.level }], await maxScaleLevel(db));
  const skill = await findSkill(db, request.skillId);
  if (!skill) fields.push({ path: "skillId", message: `skill ${request.skillId} does not exist` });
  else if (!skill.active) fields.push({ path: "skillId", message: "the skill is no longer in use" });
  if (assessedOn > today()) fields.push({ path: "assessedOn", message: "must not be in the future" });
  if (fields.length) throw AppError.validation(fields);
  const context = await personContextAt(db, personId, assessedOn);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const assessmentId = await insertAssessment(tx, {
        personId,
        companyId: context?.companyId ?? null,
        skillId: request.skillId,
        level: request.level,
        source: request.source,
        assessedOn,
        assessorPersonId: actor.kind === "user" ? actor.personId : null,
        assessorUserId: actor.kind === "user" ? actor.userId : null,
        note: request.note,
      });
      await audit(tx, actor, "skills.assessment.create", {
        entity: "person",
        entityId: personId,
        detail: { assessmentId, ...request, assessedOn },
      });
      return assessmentId;
    }),
  );
  const history = await historyItems(db, personId, request.skillId);
  return history.find((item) => item.id === id)!;
}

async function historyItems(db: Db, personId: number, skillId: number): Promise<Assessment[]> {
  const rows = await assessmentHistory(db, personId, skillId);
  return rows.map((row) => ({
    id: row.id,
    skillId: row.skillId,
    level: row.level,
    source: row.source,
    assessedOn: row.assessedOn,
    assessor:
      row.assessorPersonId !== null && row.assessor?.familyName
        ? {
            personId: row.assessorPersonId,
            name: presentName({
              ...row.assessor,
              familyName: row.assessor.familyName,
              givenName: row.assessor.givenName ?? "",
              nameOrder: row.assessor.nameOrder ?? "family_first",
            }),
          }
        : null,
    note: row.note,
    course:
      row.courseId === null
        ? null
        : { id: row.courseId, title: loc(row.courseTitleJa ?? "", row.courseTitleEn ?? "") },
  }));
}

export async function getAssessmentHistory(db: Db, actor: Actor, personId: number, skillId: number) {
  const relation = await relationTo(db, actor, personId);
  assert(canSeePerson(actor, relation), "You may not see this person.");
  const skill = await findSkill(db, skillId);
  if (!skill) throw AppError.notFound("Skill", skillId);
  return { skill: presentSkill(skill), items: await historyItems(db, personId, skillId) };
}
