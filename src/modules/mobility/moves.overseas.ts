/**
 * Overseas assignments: a full-time secondment to a unit of the host company with an end date; the home primary
 * assignment ends the day before and resumes with the same values the day after the secondment (the return,
 * recorded at once). Refused when another assignment runs during the secondment (the total would pass 100%).
 */
import type { Db } from "../../db/client";
import { addDays, overlaps } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { insertAssignmentRow, setAssignmentPeriod, unitHeadOn } from "./moves.repo";
import {
  currentPrimary,
  type MoveContext,
  type OverseasMove,
  refuseBeyondEmployment,
  refuseLaterPrimary,
  type ScheduledMove,
} from "./moves.rules";

export async function overseas(tx: Db, context: MoveContext, request: OverseasMove): Promise<ScheduledMove> {
  const { employment } = context;
  if (context.unitCompanyId === employment.companyId)
    throw AppError.validation([
      { path: "toOrgUnitId", message: "an overseas secondment goes to a unit of another group company" },
    ]);
  if (request.endsOn < request.effectiveOn)
    throw AppError.validation([{ path: "endsOn", message: "must not be before the effective date" }]);
  refuseBeyondEmployment(context, request.endsOn);
  const primary = currentPrimary(context);
  refuseLaterPrimary(context, request.effectiveOn, addDays(request.endsOn, 1));
  const others = context.running.filter(
    (row) =>
      row.id !== primary.id &&
      overlaps({ from: row.validFrom, to: row.validTo }, { from: request.effectiveOn, to: request.endsOn }),
  );
  if (others.length)
    throw AppError.validation([
      {
        path: "fte",
        message: `the person's total FTE would exceed 100%: a ${others[0]!.kind} assignment from ${others[0]!.validFrom} runs during the secondment`,
      },
    ]);
  await setAssignmentPeriod(tx, primary.id, {
    validFrom: primary.validFrom,
    validTo: addDays(request.effectiveOn, -1),
  });
  const assignmentId = await insertAssignmentRow(tx, {
    employmentId: employment.id,
    companyId: employment.companyId,
    personId: request.personId,
    kind: "secondment",
    orgUnitId: request.toOrgUnitId,
    positionId: context.positionId,
    gradeId: primary.gradeId,
    lineManagerPersonId: await unitHeadOn(tx, request.toOrgUnitId, request.effectiveOn, request.personId),
    isHead: false,
    fte: primary.fte,
    validFrom: request.effectiveOn,
    validTo: request.endsOn,
  });
  if (primary.validTo === null || primary.validTo > request.endsOn) {
    await insertAssignmentRow(tx, {
      ...primary,
      personId: request.personId,
      isHead: false,
      validFrom: addDays(request.endsOn, 1),
      validTo: primary.validTo,
    });
  }
  return {
    kind: "overseas",
    personId: request.personId,
    effectiveOn: request.effectiveOn,
    endsOn: request.endsOn,
    assignmentId,
    employmentId: employment.id,
    newEmploymentId: null,
    employeeNumber: null,
  };
}
