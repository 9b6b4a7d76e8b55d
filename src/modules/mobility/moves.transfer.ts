/**
 * Transfers (a posting's transfer, a rotation plan's move):
 *
 * - within the company: the primary assignment in force on the effective date ends the day before and a new
 *   primary one starts in the new unit (same FTE; grade kept unless given; line manager = head of the new unit
 *   unless given);
 * - to another group company: every running assignment of the employment and the employment itself end the day
 *   before (termination reason `transfer_within_group`, not a group leaver) and a new employment with a primary
 *   assignment starts at the new company. Employee number: the person's earlier number at that company when they
 *   had one, else their current number when nobody else holds it there, else `<number>-<person id>`.
 */
import type { Db } from "../../db/client";
import { addDays } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { findGrade } from "../org/org.repo";
import {
  earlierNumberAt,
  insertAssignmentRow,
  insertEmploymentRow,
  type MoveEmploymentRow,
  numberTakenByOther,
  setAssignmentPeriod,
  terminateEmploymentOn,
  unitHeadOn,
} from "./moves.repo";
import {
  currentPrimary,
  type MoveContext,
  refuseLaterPrimary,
  refuseSameUnit,
  type ScheduledMove,
  type TransferMove,
} from "./moves.rules";

async function gradeFor(tx: Db, gradeId: number | null | undefined, companyId: number, keep: number | null) {
  if (gradeId === undefined) return keep;
  if (gradeId === null) return null;
  const grade = await findGrade(tx, gradeId);
  if (!grade) throw AppError.validation([{ path: "toGradeId", message: `grade ${gradeId} does not exist` }]);
  if (grade.companyId !== companyId)
    throw AppError.validation([
      { path: "toGradeId", message: "the grade belongs to another company than the new employment" },
    ]);
  return gradeId;
}

export async function transferWithin(
  tx: Db,
  context: MoveContext,
  move: TransferMove,
): Promise<ScheduledMove> {
  const { employment } = context;
  const primary = currentPrimary(context);
  refuseLaterPrimary(context, move.effectiveOn, null);
  const gradeId = await gradeFor(tx, move.toGradeId, employment.companyId, primary.gradeId);
  if (
    primary.orgUnitId === move.toOrgUnitId &&
    primary.positionId === context.positionId &&
    primary.gradeId === gradeId
  )
    throw AppError.validation([
      { path: "toOrgUnitId", message: "the person already holds this place (same unit, position and grade)" },
    ]);
  refuseSameUnit(context, employment.id, move.effectiveOn, primary.validTo, primary.id);
  const lineManagerPersonId =
    move.lineManagerPersonId !== undefined
      ? move.lineManagerPersonId
      : await unitHeadOn(tx, move.toOrgUnitId, move.effectiveOn, move.personId);
  await setAssignmentPeriod(tx, primary.id, {
    validFrom: primary.validFrom,
    validTo: addDays(move.effectiveOn, -1),
  });
  const assignmentId = await insertAssignmentRow(tx, {
    employmentId: employment.id,
    companyId: employment.companyId,
    personId: move.personId,
    kind: "primary",
    orgUnitId: move.toOrgUnitId,
    positionId: context.positionId,
    gradeId,
    lineManagerPersonId,
    isHead: false,
    fte: primary.fte,
    validFrom: move.effectiveOn,
    validTo: primary.validTo,
  });
  return {
    kind: "transfer",
    personId: move.personId,
    effectiveOn: move.effectiveOn,
    endsOn: null,
    assignmentId,
    employmentId: employment.id,
    newEmploymentId: null,
    employeeNumber: null,
  };
}

/** The employee number at the new company (see the rule at the top of this file). */
async function numberAt(tx: Db, companyId: number, employment: MoveEmploymentRow): Promise<string> {
  const earlier = await earlierNumberAt(tx, companyId, employment.personId);
  if (earlier) return earlier;
  if (!(await numberTakenByOther(tx, companyId, employment.employeeNumber, employment.personId)))
    return employment.employeeNumber;
  return `${employment.employeeNumber}-${employment.personId}`.slice(0, 32);
}

export async function transferAcross(
  tx: Db,
  context: MoveContext,
  move: TransferMove,
): Promise<ScheduledMove> {
  const { employment } = context;
  const primary = currentPrimary(context);
  const lastDay = addDays(move.effectiveOn, -1);
  if (employment.terminationDate !== null)
    throw AppError.validation([
      {
        path: "effectiveOn",
        message: `the employment already ends on ${employment.terminationDate}; a transfer needs an open employment`,
      },
    ]);
  const later = context.running.find((row) => row.employmentId === employment.id && row.validFrom > lastDay);
  if (later)
    throw AppError.validation([
      {
        path: "effectiveOn",
        message: `an assignment from ${later.validFrom} is already recorded at the current company; change or remove it first`,
      },
    ]);
  const gradeId = await gradeFor(tx, move.toGradeId, context.unitCompanyId, null);
  const lineManagerPersonId =
    move.lineManagerPersonId !== undefined
      ? move.lineManagerPersonId
      : await unitHeadOn(tx, move.toOrgUnitId, move.effectiveOn, move.personId);
  for (const row of context.running) {
    if (row.employmentId === employment.id && (row.validTo === null || row.validTo > lastDay))
      await setAssignmentPeriod(tx, row.id, { validFrom: row.validFrom, validTo: lastDay });
  }
  await terminateEmploymentOn(tx, employment.id, lastDay);
  const employeeNumber = await numberAt(tx, context.unitCompanyId, employment);
  const newEmploymentId = await insertEmploymentRow(tx, {
    personId: move.personId,
    companyId: context.unitCompanyId,
    employeeNumber,
    hireDate: move.effectiveOn,
    employmentType: employment.employmentType,
    weeklyHours: employment.weeklyHours,
  });
  const assignmentId = await insertAssignmentRow(tx, {
    employmentId: newEmploymentId,
    companyId: context.unitCompanyId,
    personId: move.personId,
    kind: "primary",
    orgUnitId: move.toOrgUnitId,
    positionId: context.positionId,
    gradeId,
    lineManagerPersonId,
    isHead: false,
    fte: primary.fte,
    validFrom: move.effectiveOn,
    validTo: null,
  });
  return {
    kind: "transfer",
    personId: move.personId,
    effectiveOn: move.effectiveOn,
    endsOn: null,
    assignmentId,
    employmentId: newEmploymentId,
    newEmploymentId,
    employeeNumber,
  };
}
