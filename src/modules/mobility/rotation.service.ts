/**
 * Rotation planning: group HR (group-wide plans, `company_id` null) or company HR (plans of their company) draft
 * a plan — a set of moves with one effective date — see each move's fit, wishes and tenure and the plan's effect
 * per unit (rotation.effect.ts), approve it, and commit it: every move becomes dated assignments through
 * scheduleMove, all in one transaction (one refused move refuses the commit, naming the move; nothing is
 * written). A plan of a company only moves that company's people within that company. Its name, date and note
 * can be changed until it is committed (`updatePlan`). Plans outside the actor's scope are "not found"; people
 * other than HR are refused.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  AddRotationMoveRequest,
  CreateRotationPlanRequest,
  RotationPlan,
  RotationPlanSummary,
  UpdateRotationPlanRequest,
} from "../../shared/matching-api";
import type { RotationPlanStatus } from "../../shared/mobility-vocab";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findGrade, findPosition } from "../org/org.repo";
import { currentLevelRule } from "../skills/skills.repo";
import { scheduleMove } from "./moves.service";
import { describeMoves, type MoveRow, planEffect } from "./rotation.effect";

interface PlanRow {
  id: number;
  name: string;
  companyId: number | null;
  effectiveOn: string;
  status: RotationPlanStatus;
  note: string | null;
  moveCount: number;
}

const isHr = (actor: Actor) => actor.kind === "system" || actor.isGroupHr || actor.hrCompanyIds.length > 0;

function mayHandle(actor: Actor, companyId: number | null): boolean {
  if (actor.kind === "system" || actor.isGroupHr) return true;
  return companyId !== null && actor.hrCompanyIds.includes(companyId);
}

const planColumns = sql`p.id, p.name, p.company_id as "companyId", p.effective_on::text as "effectiveOn", p.status, p.note,
  (select count(*) from rotation_moves m where m.plan_id = p.id)::int as "moveCount"`;

async function planFor(db: Db, actor: Actor, planId: number): Promise<PlanRow> {
  assert(isHr(actor), "Rotation plans are for group HR and company HR.");
  const [plan] = await queryRows<PlanRow>(
    db,
    sql`select ${planColumns} from rotation_plans p where p.id = ${planId}`,
  );
  if (!plan || !mayHandle(actor, plan.companyId)) throw AppError.notFound("Rotation plan", planId);
  return plan;
}

function moveRows(db: Db, planId: number): Promise<MoveRow[]> {
  return queryRows<MoveRow>(
    db,
    sql`select id, person_id as "personId", to_company_id as "toCompanyId", to_org_unit_id as "toOrgUnitId",
               to_position_id as "toPositionId", to_grade_id as "toGradeId", note,
               resulting_assignment_id as "resultingAssignmentId"
        from rotation_moves where plan_id = ${planId} order by id`,
  );
}

export async function listPlans(db: Db, actor: Actor): Promise<{ plans: RotationPlanSummary[] }> {
  assert(isHr(actor), "Rotation plans are for group HR and company HR.");
  const scope =
    actor.kind === "system" || actor.isGroupHr
      ? sql`true`
      : sql`p.company_id = any(${`{${actor.hrCompanyIds.join(",")}}`}::int[])`;
  return {
    plans: await queryRows<PlanRow>(
      db,
      sql`select ${planColumns} from rotation_plans p where ${scope} order by p.effective_on desc, p.id desc`,
    ),
  };
}

export async function getPlan(db: Db, actor: Actor, planId: number): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  const [moves, rule] = await Promise.all([moveRows(db, planId), currentLevelRule(db)]);
  const [described, effect] = await Promise.all([
    describeMoves(db, moves, plan.effectiveOn, rule),
    planEffect(db, moves, plan.effectiveOn, rule),
  ]);
  return { ...plan, moves: described, effect };
}

export async function createPlan(
  db: Db,
  actor: Actor,
  request: CreateRotationPlanRequest,
): Promise<RotationPlan> {
  assert(isHr(actor), "Rotation plans are for group HR and company HR.");
  assert(
    mayHandle(actor, request.companyId),
    request.companyId === null ? "Group-wide plans are for group HR." : "You are not HR of this company.",
  );
  if (request.effectiveOn < today())
    throw AppError.validation([
      { path: "effectiveOn", message: `must not be in the past (today is ${today()})` },
    ]);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      const [row] = await queryRows<{ id: number }>(
        tx,
        sql`insert into rotation_plans (company_id, name, effective_on, note, created_by_user_id)
            values (${request.companyId}, ${request.name}, ${request.effectiveOn}::date, ${request.note},
                    ${actor.kind === "user" ? actor.userId : null})
            returning id`,
      );
      await audit(tx, actor, "mobility.rotation.create", {
        entity: "rotation_plan",
        entityId: row!.id,
        detail: request,
      });
      return row!.id;
    }),
  );
  return getPlan(db, actor, id);
}

/**
 * Renames, re-dates or re-notes a plan while it is a draft or approved; a committed plan (its moves are dated
 * assignments) and a discarded one no longer change. A new effective date must be today or later and every move
 * must still hold on it (each refusal names the move, on `effectiveOn`). Re-dating an approved plan withdraws its
 * approval: the plan is a draft again and is approved anew for the new date. A rename keeps the approval.
 */
export async function updatePlan(
  db: Db,
  actor: Actor,
  planId: number,
  request: UpdateRotationPlanRequest,
): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  if (plan.status !== "draft" && plan.status !== "approved")
    throw new AppError("CONFLICT", {
      message:
        plan.status === "committed"
          ? `Rotation plan ${planId} is committed: its moves are dated assignments, so it can no longer change.`
          : `Rotation plan ${planId} is discarded; it can no longer change.`,
    });
  const redated = request.effectiveOn !== undefined && request.effectiveOn !== plan.effectiveOn;
  if (redated) {
    const effectiveOn = request.effectiveOn!;
    if (effectiveOn < today())
      throw AppError.validation([
        { path: "effectiveOn", message: `must not be in the past (today is ${today()})` },
      ]);
    const fields: FieldError[] = [];
    for (const [index, move] of (await moveRows(db, planId)).entries()) {
      try {
        await checkMove(db, actor, { companyId: plan.companyId, effectiveOn }, move);
      } catch (err) {
        if (!(err instanceof AppError && err.fields)) throw err;
        for (const field of err.fields)
          fields.push({
            path: "effectiveOn",
            message: `move ${index + 1} (person ${move.personId}) would not hold on ${effectiveOn} (${field.path}: ${field.message})`,
          });
      }
    }
    if (fields.length) throw AppError.validation(fields);
  }
  const changes = {
    ...(request.name !== undefined && request.name !== plan.name ? { name: request.name } : {}),
    ...(redated ? { effectiveOn: request.effectiveOn } : {}),
    ...(request.note !== undefined && request.note !== plan.note ? { note: request.note } : {}),
  };
  if (Object.keys(changes).length === 0) return getPlan(db, actor, planId);
  const withdrawApproval = redated && plan.status === "approved";
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const updated = await queryRows<{ id: number }>(
        tx,
        sql`update rotation_plans
            set name = ${changes.name ?? plan.name}, effective_on = ${changes.effectiveOn ?? plan.effectiveOn}::date,
                note = ${"note" in changes ? changes.note : plan.note}, updated_at = now()
                ${withdrawApproval ? sql`, status = 'draft', approved_by_user_id = null, approved_at = null` : sql``}
            where id = ${planId} and status = ${plan.status}
            returning id`,
      );
      // Committed or discarded meanwhile: refuse as if it had been so from the start.
      if (updated.length === 0)
        throw new AppError("CONFLICT", { message: `Rotation plan ${planId} changed meanwhile; reload it.` });
      await audit(tx, actor, "mobility.rotation.update", {
        entity: "rotation_plan",
        entityId: planId,
        detail: {
          from: { name: plan.name, effectiveOn: plan.effectiveOn, note: plan.note, status: plan.status },
          changes,
          approvalWithdrawn: withdrawApproval,
        },
      });
    }),
  );
  return getPlan(db, actor, planId);
}

function requireDraft(plan: PlanRow): void {
  if (plan.status !== "draft")
    throw new AppError("CONFLICT", {
      message: `Rotation plan ${plan.id} is ${plan.status}; only a draft can change.`,
    });
}

/**
 * Checks a move against the plan on its effective date (the unit exists then, the person has a primary
 * assignment then and is not in the unit already, a company plan stays within its company, the position and
 * grade belong to the receiving company) and that the actor is HR of the person's or the receiving company.
 * Returns the receiving company. Refusals are field errors named after the request's fields.
 */
async function checkMove(
  db: Db,
  actor: Actor,
  plan: Pick<PlanRow, "companyId" | "effectiveOn">,
  request: AddRotationMoveRequest,
): Promise<{ toCompanyId: number }> {
  const [unit] = await queryRows<{ companyId: number; exists: boolean }>(
    db,
    sql`select u.company_id as "companyId",
               exists (select 1 from org_unit_versions v where v.org_unit_id = u.id and v.during @> ${plan.effectiveOn}::date) as exists
        from org_units u where u.id = ${request.toOrgUnitId}`,
  );
  if (!unit?.exists)
    throw AppError.validation([
      {
        path: "toOrgUnitId",
        message: `org unit ${request.toOrgUnitId} does not exist on ${plan.effectiveOn}`,
      },
    ]);
  const [current] = await queryRows<{ companyId: number; orgUnitId: number }>(
    db,
    sql`select company_id as "companyId", org_unit_id as "orgUnitId" from assignments
        where person_id = ${request.personId} and kind = 'primary' and during @> ${plan.effectiveOn}::date
        order by valid_from desc, id desc limit 1`,
  );
  if (!current)
    throw AppError.validation([
      {
        path: "personId",
        message: `person ${request.personId} has no primary assignment on ${plan.effectiveOn}`,
      },
    ]);
  if (current.orgUnitId === request.toOrgUnitId)
    throw AppError.validation([{ path: "toOrgUnitId", message: "is the person's unit already" }]);
  if (plan.companyId !== null && (current.companyId !== plan.companyId || unit.companyId !== plan.companyId))
    throw AppError.validation([
      { path: "toOrgUnitId", message: `a plan of company ${plan.companyId} moves its own people within it` },
    ]);
  assert(
    mayHandle(actor, current.companyId) || mayHandle(actor, unit.companyId),
    "You are not HR of this company.",
  );
  if (request.toPositionId !== null) {
    const position = await findPosition(db, request.toPositionId);
    if (!position || position.companyId !== unit.companyId)
      throw AppError.validation([
        {
          path: "toPositionId",
          message: `position ${request.toPositionId} is not a position of company ${unit.companyId}`,
        },
      ]);
  }
  if (request.toGradeId !== null) {
    const grade = await findGrade(db, request.toGradeId);
    if (!grade || grade.companyId !== unit.companyId)
      throw AppError.validation([
        {
          path: "toGradeId",
          message: `grade ${request.toGradeId} is not a grade of company ${unit.companyId}`,
        },
      ]);
  }
  return { toCompanyId: unit.companyId };
}

export async function addMove(
  db: Db,
  actor: Actor,
  planId: number,
  request: AddRotationMoveRequest,
): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  requireDraft(plan);
  const { toCompanyId } = await checkMove(db, actor, plan, request);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const taken = await queryRows<{ id: number }>(
        tx,
        sql`select id from rotation_moves where plan_id = ${planId} and person_id = ${request.personId}`,
      );
      if (taken.length > 0)
        throw new AppError("CONFLICT", {
          message: `Person ${request.personId} already has a move (${taken[0]!.id}) in this plan.`,
          fields: [{ path: "personId", message: "already moves in this plan" }],
        });
      await tx.execute(
        sql`insert into rotation_moves (plan_id, person_id, to_company_id, to_org_unit_id, to_position_id, to_grade_id, note)
            values (${planId}, ${request.personId}, ${toCompanyId}, ${request.toOrgUnitId}, ${request.toPositionId},
                    ${request.toGradeId}, ${request.note})`,
      );
      await tx.execute(sql`update rotation_plans set updated_at = now() where id = ${planId}`);
      await audit(tx, actor, "mobility.rotation.add_move", {
        entity: "rotation_plan",
        entityId: planId,
        detail: request,
      });
    }),
  );
  return getPlan(db, actor, planId);
}

export async function removeMove(
  db: Db,
  actor: Actor,
  planId: number,
  moveId: number,
): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  requireDraft(plan);
  await db.transaction(async (tx) => {
    const removed = await queryRows<{ id: number }>(
      tx,
      sql`delete from rotation_moves where id = ${moveId} and plan_id = ${planId} returning id`,
    );
    if (removed.length === 0) throw AppError.notFound("Move", moveId);
    await audit(tx, actor, "mobility.rotation.remove_move", {
      entity: "rotation_plan",
      entityId: planId,
      detail: { moveId },
    });
  });
  return getPlan(db, actor, planId);
}

async function setStatus(
  db: Db,
  actor: Actor,
  plan: PlanRow,
  status: RotationPlanStatus,
  extra: ReturnType<typeof sql> = sql``,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update rotation_plans set status = ${status}, updated_at = now() ${extra} where id = ${plan.id}`,
    );
    await audit(tx, actor, `mobility.rotation.${status}`, { entity: "rotation_plan", entityId: plan.id });
  });
}

export async function approvePlan(db: Db, actor: Actor, planId: number): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  requireDraft(plan);
  if (plan.moveCount === 0)
    throw AppError.validation([{ path: "moves", message: "a plan without moves cannot be approved" }]);
  await setStatus(
    db,
    actor,
    plan,
    "approved",
    sql`, approved_by_user_id = ${actor.kind === "user" ? actor.userId : null}, approved_at = now()`,
  );
  return getPlan(db, actor, planId);
}

export async function discardPlan(db: Db, actor: Actor, planId: number): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  if (plan.status !== "draft" && plan.status !== "approved")
    throw new AppError("CONFLICT", {
      message: `Rotation plan ${planId} is ${plan.status}; it cannot be discarded.`,
    });
  await setStatus(db, actor, plan, "discarded");
  return getPlan(db, actor, planId);
}

/** Commits an approved plan: every move as dated assignments, in one transaction. */
export async function commitPlan(db: Db, actor: Actor, planId: number): Promise<RotationPlan> {
  const plan = await planFor(db, actor, planId);
  if (plan.status !== "approved")
    throw new AppError("CONFLICT", {
      message: `Rotation plan ${planId} is ${plan.status}; only an approved plan is committed.`,
    });
  if (plan.effectiveOn < today())
    throw AppError.validation([
      {
        path: "effectiveOn",
        message: `${plan.effectiveOn} is in the past; change the plan's date to today or later`,
      },
    ]);
  const moves = await moveRows(db, planId);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      for (const [index, move] of moves.entries()) {
        try {
          const scheduled = await scheduleMove(tx, actor, {
            kind: "transfer",
            personId: move.personId,
            effectiveOn: plan.effectiveOn,
            toOrgUnitId: move.toOrgUnitId,
            toPositionId: move.toPositionId,
            ...(move.toGradeId === null ? {} : { toGradeId: move.toGradeId }),
          });
          await tx.execute(
            sql`update rotation_moves set resulting_assignment_id = ${scheduled.assignmentId} where id = ${move.id}`,
          );
        } catch (err) {
          if (err instanceof AppError && err.fields)
            throw AppError.validation(
              err.fields.map((f) => ({
                path: `moves.${index}.${f.path}`,
                message: `person ${move.personId}: ${f.message}`,
              })),
              `Move ${index + 1} of the plan (person ${move.personId}) cannot be scheduled; nothing was committed.`,
            );
          throw err;
        }
      }
      await tx.execute(
        sql`update rotation_plans set status = 'committed', committed_at = now(), updated_at = now() where id = ${planId}`,
      );
      await audit(tx, actor, "mobility.rotation.commit", {
        entity: "rotation_plan",
        entityId: planId,
        detail: { moves: moves.length },
      });
    }),
  );
  return getPlan(db, actor, planId);
}
