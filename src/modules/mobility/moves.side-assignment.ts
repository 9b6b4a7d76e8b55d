/**
 * Side assignments (Select Job, projects): a secondary assignment (a secondment when the unit belongs to another
 * group company) with the approved FTE share and an end date; the primary assignment gives up that share for the
 * period (new dated versions with the lower FTE, back to the former FTE the day after the end). Refused when the
 * person's total FTE would exceed 100% on any day or the primary assignment cannot give up the share.
 * `checkSideShare` is also the check of the manager's release (application-release.service.ts).
 */
import type { Db } from "../../db/client";
import { addDays, overlaps } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import { insertAssignmentRow, type MoveAssignmentRow, setAssignmentPeriod, unitHeadOn } from "./moves.repo";
import {
  coversDay,
  EPSILON,
  isPrimaryOf,
  type MoveContext,
  percent,
  refuseBeyondEmployment,
  refuseSameUnit,
  round2,
  type ScheduledMove,
  type SideAssignmentMove,
} from "./moves.rules";

/** Days on which the total FTE may change within [from, to]: the period's start and every start/end+1 inside. */
function breakpoints(rows: MoveAssignmentRow[], from: string, to: string | null): string[] {
  const days = new Set([from]);
  for (const row of rows) {
    if (row.validFrom > from && (to === null || row.validFrom <= to)) days.add(row.validFrom);
    if (row.validTo !== null && row.validTo >= from && (to === null || row.validTo < to))
      days.add(addDays(row.validTo, 1));
  }
  return [...days].sort();
}

/**
 * The FTE check of a side assignment: on every day of the period, the person's total (all assignments, the
 * primary one lowered by the share) plus the share stays within 100%, and the primary keeps some time.
 */
export function checkSideShare(
  rows: MoveAssignmentRow[],
  employmentId: number,
  share: number,
  from: string,
  to: string | null,
): FieldError | null {
  for (const day of breakpoints(rows, from, to)) {
    const inForce = rows.filter((row) => coversDay(row, day));
    const primary = inForce.find((row) => isPrimaryOf(row, employmentId));
    if (primary && primary.fte - share < 0.01 - EPSILON)
      return {
        path: "fte",
        message: `the primary assignment has an FTE of ${percent(primary.fte)} on ${day}; it cannot give up ${percent(share)}`,
      };
    const total = inForce.reduce((sum, row) => sum + row.fte, 0) - (primary ? share : 0) + share;
    if (total > 1 + EPSILON)
      return {
        path: "fte",
        message: `the person's total FTE would be ${percent(total)} on ${day} (at most 100%)`,
      };
  }
  return null;
}

/** Lowers (or raises, with a negative share) the primary versions over [from, to] by splitting them at the edges. */
async function shiftPrimaryShare(
  tx: Db,
  context: MoveContext,
  share: number,
  from: string,
  to: string | null,
): Promise<void> {
  const primaries = context.running.filter(
    (row) =>
      isPrimaryOf(row, context.employment.id) &&
      overlaps({ from: row.validFrom, to: row.validTo }, { from, to }),
  );
  for (const row of primaries) {
    const pieces: { validFrom: string; validTo: string | null; fte: number }[] = [];
    if (row.validFrom < from)
      pieces.push({ validFrom: row.validFrom, validTo: addDays(from, -1), fte: row.fte });
    const innerFrom = row.validFrom < from ? from : row.validFrom;
    const innerTo = to === null ? row.validTo : row.validTo === null || row.validTo > to ? to : row.validTo;
    pieces.push({ validFrom: innerFrom, validTo: innerTo, fte: round2(row.fte - share) });
    if (to !== null && (row.validTo === null || row.validTo > to))
      pieces.push({ validFrom: addDays(to, 1), validTo: row.validTo, fte: row.fte });
    const [first, ...rest] = pieces;
    await setAssignmentPeriod(tx, row.id, first!);
    for (const piece of rest)
      await insertAssignmentRow(tx, { ...row, ...piece, personId: context.move.personId });
  }
}

export async function sideAssignment(
  tx: Db,
  context: MoveContext,
  request: SideAssignmentMove,
): Promise<ScheduledMove> {
  const { employment } = context;
  if (!(request.fte > 0 && request.fte < 1))
    throw AppError.validation([{ path: "fte", message: "must be more than 0 and less than 1" }]);
  if (request.endsOn !== null && request.endsOn < request.effectiveOn)
    throw AppError.validation([{ path: "endsOn", message: "must not be before the effective date" }]);
  refuseBeyondEmployment(context, request.endsOn);
  refuseSameUnit(context, employment.id, request.effectiveOn, request.endsOn);
  const share = round2(request.fte);
  const problem = checkSideShare(context.running, employment.id, share, request.effectiveOn, request.endsOn);
  if (problem) throw AppError.validation([problem]);
  await shiftPrimaryShare(tx, context, share, request.effectiveOn, request.endsOn);
  const lineManagerPersonId = await unitHeadOn(
    tx,
    request.toOrgUnitId,
    request.effectiveOn,
    request.personId,
  );
  const assignmentId = await insertAssignmentRow(tx, {
    employmentId: employment.id,
    companyId: employment.companyId,
    personId: request.personId,
    kind: context.unitCompanyId === employment.companyId ? "secondary" : "secondment",
    orgUnitId: request.toOrgUnitId,
    positionId: context.positionId,
    gradeId: null,
    lineManagerPersonId,
    isHead: false,
    fte: share,
    validFrom: request.effectiveOn,
    validTo: request.endsOn,
  });
  return {
    kind: "side_assignment",
    personId: request.personId,
    effectiveOn: request.effectiveOn,
    endsOn: request.endsOn,
    assignmentId,
    employmentId: employment.id,
    newEmploymentId: null,
    employeeNumber: null,
  };
}
