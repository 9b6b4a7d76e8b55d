/**
 * OJT: HR pairs a new graduate with a trained OJT trainer (someone who completed the OJT trainer training, is
 * employed at the same company and is not the trainee's line manager) for a year; the pair sets capability-
 * development goals, records check-ins, and closes the year with a review. Figures: trainers trained per fiscal
 * year and in total, pairs active.
 */
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  CreateOjtPairRequest,
  OjtPair,
  OjtPairDetail,
  ZCloseOjtPairRequest,
  ZCreateOjtCheckinRequest,
  ZCreateOjtGoalRequest,
} from "../../shared/skills-api";
import type { OjtGoalStatus } from "../../shared/skills-vocab";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany } from "../org/org.repo";
import { presentName } from "../people/people.presenter";
import { levelErrors, maxScaleLevel } from "../skills/library.service";
import { personContextAt } from "../skills/person-context";
import { isHrOf, isManagerOf, relationTo } from "../skills/skills.policy";
import { loc } from "../skills/skills.presenter";
import { findSkill, listSkills } from "../skills/skills.repo";
import { translateSkillsDbError } from "../skills/skills.errors";
import {
  checkinsOf,
  closePair,
  findGoal,
  findPair,
  goalsOf,
  headsUnitAbove,
  insertCheckin,
  insertGoal,
  insertPair,
  type PairView,
  pairViews,
  setGoalStatus,
  trainedOn,
} from "./ojt.repo";

function presentPair(row: PairView): OjtPair {
  return {
    id: row.id,
    companyId: row.companyId,
    fiscalYear: row.fiscalYear,
    trainee: { personId: row.traineePersonId, name: presentName(row.trainee) },
    trainer: { personId: row.trainerPersonId, name: presentName(row.trainer) },
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: row.status,
    reviewNote: row.reviewNote,
    reviewedOn: row.reviewedOn,
    goals: row.goals,
    checkins: row.checkins,
    lastCheckinOn: row.lastCheckinOn,
  };
}

export function fiscalYearStarting(day: string, startMonth: number): number {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m >= startMonth ? y : y - 1;
}

export async function createPair(
  db: Db,
  actor: Actor,
  request: CreateOjtPairRequest,
): Promise<OjtPairDetail> {
  const trainee = await personContextAt(db, request.traineePersonId, request.validFrom);
  if (!trainee) {
    throw AppError.validation([
      { path: "traineePersonId", message: `the trainee has no assignment on ${request.validFrom}` },
    ]);
  }
  assert(
    canManageCompany(actor, trainee.companyId),
    "Only the company's HR may pair trainees with trainers.",
  );
  const fields: FieldError[] = [];
  const trainer = await personContextAt(db, request.trainerPersonId, request.validFrom);
  if (!trainer || trainer.companyId !== trainee.companyId) {
    fields.push({
      path: "trainerPersonId",
      message: "the trainer must work at the trainee's company on the start day",
    });
  } else {
    if (!(await trainedOn(db, request.trainerPersonId, request.validFrom))) {
      fields.push({
        path: "trainerPersonId",
        message: "the trainer has not completed the OJT trainer training",
      });
    }
    if (
      trainee.lineManagerPersonId === request.trainerPersonId ||
      (await headsUnitAbove(db, request.trainerPersonId, trainee.orgUnitId, request.validFrom))
    ) {
      fields.push({ path: "trainerPersonId", message: "the trainer may not be the trainee's line manager" });
    }
  }
  if (fields.length) throw AppError.validation(fields);
  const company = (await findCompany(db, trainee.companyId))!;
  const [y, m, d] = request.validFrom.split("-");
  const validTo =
    request.validTo ?? addDays(`${Number(y) + 1}-${m}-${d === "29" && m === "02" ? "28" : d}`, -1);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const pairId = await insertPair(tx, {
        companyId: trainee.companyId,
        traineePersonId: request.traineePersonId,
        trainerPersonId: request.trainerPersonId,
        fiscalYear: fiscalYearStarting(request.validFrom, company.fiscalYearStartMonth),
        validFrom: request.validFrom,
        validTo,
        createdByUserId: actor.kind === "user" ? actor.userId : null,
      });
      await audit(tx, actor, "ojt.pair.create", {
        entity: "ojt_pair",
        entityId: pairId,
        detail: { ...request, validTo },
      });
      return pairId;
    }),
  );
  return getPair(db, actor, id);
}

/** Trainee, trainer, the trainee's managers and HR may read a pair; trainer and HR write goals, check-ins and the review; the trainee too for goals and check-ins. */
async function pairAccess(db: Db, actor: Actor, pairId: number) {
  const pair = await findPair(db, pairId);
  if (!pair) throw AppError.notFound("OJT pair", pairId);
  const relation = await relationTo(db, actor, pair.traineePersonId);
  const me = actor.kind === "user" ? actor.personId : null;
  const isTrainer = me !== null && me === pair.trainerPersonId;
  const isTrainee = me !== null && me === pair.traineePersonId;
  const hr = isHrOf(actor, relation) || canManageCompany(actor, pair.companyId);
  const read = isTrainer || isTrainee || hr || isManagerOf(actor, relation);
  assert(read, "You may not see this OJT pair.");
  return { pair, isTrainer, isTrainee, hr };
}

export async function getPair(db: Db, actor: Actor, pairId: number): Promise<OjtPairDetail> {
  const { pair, isTrainer, isTrainee, hr } = await pairAccess(db, actor, pairId);
  const [view] = await pairViews(db, sql`o.id = ${pairId}`, 1);
  const [goals, checkins] = await Promise.all([goalsOf(db, pairId), checkinsOf(db, pairId)]);
  const skills = new Map(
    (await listSkills(db, { ids: goals.flatMap((g) => (g.skillId ? [g.skillId] : [])) })).map((s) => [
      s.id,
      s,
    ]),
  );
  return {
    ...presentPair(view!),
    goalItems: goals.map((g) => {
      const skill = g.skillId === null ? undefined : skills.get(g.skillId);
      return {
        id: g.id,
        title: g.title,
        description: g.description,
        skill: skill ? { id: skill.id, name: loc(skill.nameJa, skill.nameEn) } : null,
        targetLevel: g.targetLevel,
        status: g.status,
      };
    }),
    checkinItems: checkins.map((c) => ({
      id: c.id,
      heldOn: c.heldOn,
      progress: c.progress,
      advice: c.advice,
    })),
    canEdit: pair.status === "active" && (isTrainer || isTrainee || hr),
  };
}

/** Pairs of a company (HR), of a person (the person, their managers, HR), or the caller's own. */
export async function listPairs(
  db: Db,
  actor: Actor,
  query: { companyId?: number | undefined; fiscalYear?: number | undefined; personId?: number | undefined },
): Promise<{ items: OjtPair[] }> {
  const conditions = [sql`true`];
  if (query.fiscalYear !== undefined) conditions.push(sql`o.fiscal_year = ${query.fiscalYear}`);
  if (query.companyId !== undefined) {
    assert(canManageCompany(actor, query.companyId), "Only the company's HR may list its OJT pairs.");
    conditions.push(sql`o.company_id = ${query.companyId}`);
  }
  const me = actor.kind === "user" ? actor.personId : null;
  const personId = query.personId ?? (query.companyId === undefined ? me : null);
  if (personId !== null && personId !== undefined) {
    if (personId !== me && query.companyId === undefined) {
      const relation = await relationTo(db, actor, personId);
      assert(
        isHrOf(actor, relation) || isManagerOf(actor, relation),
        "You may not see this person's OJT pairs.",
      );
    }
    conditions.push(sql`(o.trainee_person_id = ${personId} or o.trainer_person_id = ${personId})`);
  } else if (query.companyId === undefined) {
    return { items: [] };
  }
  return { items: (await pairViews(db, sql.join(conditions, sql` and `))).map(presentPair) };
}

async function editablePair(db: Db, actor: Actor, pairId: number, who: "pair" | "trainer") {
  const access = await pairAccess(db, actor, pairId);
  const allowed = access.hr || access.isTrainer || (who === "pair" && access.isTrainee);
  assert(
    allowed,
    who === "pair" ? "Only the pair and HR may change this." : "Only the trainer and HR may do this.",
  );
  if (access.pair.status !== "active") throw new AppError("CONFLICT", { message: "The OJT year is closed." });
  return access.pair;
}

export async function addGoal(
  db: Db,
  actor: Actor,
  pairId: number,
  request: z.infer<typeof ZCreateOjtGoalRequest>,
): Promise<OjtPairDetail> {
  await editablePair(db, actor, pairId, "pair");
  const fields = levelErrors([{ path: "targetLevel", level: request.targetLevel }], await maxScaleLevel(db));
  if (request.skillId !== null && !(await findSkill(db, request.skillId))) {
    fields.push({ path: "skillId", message: `skill ${request.skillId} does not exist` });
  }
  if (fields.length) throw AppError.validation(fields);
  await db.transaction(async (tx) => {
    const goalId = await insertGoal(tx, { pairId, ...request });
    await audit(tx, actor, "ojt.goal.create", {
      entity: "ojt_pair",
      entityId: pairId,
      detail: { goalId, ...request },
    });
  });
  return getPair(db, actor, pairId);
}

export async function updateGoal(
  db: Db,
  actor: Actor,
  goalId: number,
  status: OjtGoalStatus,
): Promise<OjtPairDetail> {
  const goal = await findGoal(db, goalId);
  if (!goal) throw AppError.notFound("OJT goal", goalId);
  await editablePair(db, actor, goal.pairId, "trainer");
  await db.transaction(async (tx) => {
    await setGoalStatus(tx, goalId, status);
    await audit(tx, actor, "ojt.goal.update", {
      entity: "ojt_pair",
      entityId: goal.pairId,
      detail: { goalId, status, before: goal.status },
    });
  });
  return getPair(db, actor, goal.pairId);
}

export async function addCheckin(
  db: Db,
  actor: Actor,
  pairId: number,
  request: z.infer<typeof ZCreateOjtCheckinRequest>,
): Promise<OjtPairDetail> {
  const pair = await editablePair(db, actor, pairId, "pair");
  const fields: FieldError[] = [];
  if (request.heldOn < pair.validFrom || (pair.validTo !== null && request.heldOn > pair.validTo)) {
    fields.push({
      path: "heldOn",
      message: `must lie within the pair's year (${pair.validFrom} to ${pair.validTo ?? "open"})`,
    });
  }
  if (request.heldOn > today()) fields.push({ path: "heldOn", message: "must not be in the future" });
  if (fields.length) throw AppError.validation(fields);
  await db.transaction(async (tx) => {
    const checkinId = await insertCheckin(tx, {
      pairId,
      ...request,
      recordedByUserId: actor.kind === "user" ? actor.userId : null,
    });
    await audit(tx, actor, "ojt.checkin.create", {
      entity: "ojt_pair",
      entityId: pairId,
      detail: { checkinId, heldOn: request.heldOn },
    });
  });
  return getPair(db, actor, pairId);
}

/** The year-end review closes the pair (its period ends on the review day if that comes earlier). */
export async function closeYear(
  db: Db,
  actor: Actor,
  pairId: number,
  request: z.infer<typeof ZCloseOjtPairRequest>,
): Promise<OjtPairDetail> {
  const pair = await editablePair(db, actor, pairId, "trainer");
  if (request.reviewedOn < pair.validFrom) {
    throw AppError.validation([
      { path: "reviewedOn", message: `must not be before the pair started (${pair.validFrom})` },
    ]);
  }
  const validTo =
    pair.validTo !== null && pair.validTo < request.reviewedOn ? pair.validTo : request.reviewedOn;
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      await closePair(tx, pairId, { ...request, validTo });
      await audit(tx, actor, "ojt.pair.close", { entity: "ojt_pair", entityId: pairId, detail: request });
    }),
  );
  return getPair(db, actor, pairId);
}
