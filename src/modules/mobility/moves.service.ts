/**
 * Scheduled moves: a confirmed application (and a committed rotation plan) becomes dated assignments, written at
 * once even when the effective date lies ahead (the model is dated; every "as of" screen shows the move from its
 * first day). One function, `scheduleMove`, called inside the caller's transaction, checks what every move shares
 * and hands the move to its kind:
 *
 * - transfer within the company or to another group company: moves.transfer.ts;
 * - side assignment (Select Job, project): moves.side-assignment.ts;
 * - overseas secondment: moves.overseas.ts;
 *
 * with the request types and the shared checks in moves.rules.ts.
 *
 * Refused with field errors (nothing written): an effective date in the past, a person not employed then, a unit
 * without a version in force, a position of another company, assignments already recorded after the date that
 * the move would contradict.
 */

import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findPosition } from "../org/org.repo";
import { overseas } from "./moves.overseas";
import {
  assignmentsFrom,
  employmentById,
  employmentsOn,
  lockPersonAssignments,
  type MoveEmploymentRow,
  unitOnDay,
} from "./moves.repo";
import type { Move, MoveContext, ScheduledMove } from "./moves.rules";
import { sideAssignment } from "./moves.side-assignment";
import { transferAcross, transferWithin } from "./moves.transfer";

export type { Move, OverseasMove, ScheduledMove, SideAssignmentMove, TransferMove } from "./moves.rules";

/**
 * Writes a move as dated assignments, inside the caller's transaction. The caller checks who may ask for the move
 * (HR confirming an application, HR committing a rotation plan); this checks that the actor is HR of the source
 * or the target company and that the move fits the person's dated records. `options.today` is the day before
 * which effective dates are refused (the demo generator passes its own calendar).
 */
export async function scheduleMove(
  tx: Db,
  actor: Actor,
  move: Move,
  options: { today?: string } = {},
): Promise<ScheduledMove> {
  const day = options.today ?? today();
  const fail = (path: string, message: string): never => {
    throw AppError.validation([{ path, message }]);
  };
  if (move.effectiveOn < day) fail("effectiveOn", `must not be in the past (today is ${day})`);
  const employment = await sourceEmployment(tx, move);
  const unit = await unitOnDay(tx, move.toOrgUnitId, move.effectiveOn);
  if (!unit) fail("toOrgUnitId", `org unit ${move.toOrgUnitId} does not exist`);
  if (!unit!.exists)
    fail("toOrgUnitId", `org unit ${move.toOrgUnitId} does not exist on ${move.effectiveOn}`);
  assert(
    canManageCompany(actor, employment.companyId) || canManageCompany(actor, unit!.companyId),
    "Only HR of the person's company or of the receiving company may schedule a move.",
  );
  const positionId = move.toPositionId ?? null;
  if (positionId !== null) {
    const position = await findPosition(tx, positionId);
    if (!position) fail("toPositionId", `position ${positionId} does not exist`);
    if (position!.companyId !== unit!.companyId)
      fail("toPositionId", "the position belongs to another company than the org unit");
  }
  await lockPersonAssignments(tx, move.personId);
  const running = await assignmentsFrom(tx, move.personId, addDays(move.effectiveOn, -1));
  const context: MoveContext = { move, employment, unitCompanyId: unit!.companyId, positionId, running };
  const result = await withDbErrors(() => {
    switch (move.kind) {
      case "transfer":
        return unit!.companyId === employment.companyId
          ? transferWithin(tx, context, move)
          : transferAcross(tx, context, move);
      case "side_assignment":
        return sideAssignment(tx, context, move);
      case "overseas":
        return overseas(tx, context, move);
    }
  });
  await audit(tx, actor, "mobility.move.schedule", {
    entity: "assignment",
    entityId: result.assignmentId,
    detail: { ...move, fromEmploymentId: employment.id, result },
  });
  return result;
}

async function sourceEmployment(tx: Db, move: Move): Promise<MoveEmploymentRow> {
  if (move.fromEmploymentId !== undefined) {
    const employment = await employmentById(tx, move.fromEmploymentId);
    if (!employment || employment.personId !== move.personId)
      throw AppError.validation([
        { path: "fromEmploymentId", message: "is not an employment of this person" },
      ]);
    if (
      employment.hireDate > move.effectiveOn ||
      (employment.terminationDate !== null && employment.terminationDate < move.effectiveOn)
    )
      throw AppError.validation([
        {
          path: "effectiveOn",
          message: `the employment runs from ${employment.hireDate} to ${employment.terminationDate ?? "now"}`,
        },
      ]);
    return employment;
  }
  const [employment] = await employmentsOn(tx, move.personId, move.effectiveOn);
  if (!employment)
    throw AppError.validation([
      { path: "personId", message: `person ${move.personId} is not employed on ${move.effectiveOn}` },
    ]);
  return employment;
}
