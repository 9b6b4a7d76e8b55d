/**
 * Scheduled moves: a confirmed application (and a committed rotation plan) becomes dated assignments, written at
 * once even when the effective date lies ahead (the model is dated; every "as of" screen shows the move from its
 * first day). One function, `scheduleMove`, called inside the caller's transaction:
 *
 * - transfer within the company: the primary assignment in force on the effective date ends the day before and a
 *   new primary one starts in the new unit (same FTE; grade kept unless given; line manager = head of the new
 *   unit unless given);
 * - transfer to another group company: every running assignment of the employment and the employment itself end
 *   the day before (termination reason `transfer_within_group`, not a group leaver) and a new employment with a
 *   primary assignment starts at the new company. Employee number: the person's earlier number at that company
 *   when they had one, else their current number when nobody else holds it there, else `<number>-<person id>`;
 * - side assignment (Select Job, project): a secondary assignment (a secondment when the unit belongs to another
 *   group company) with the approved FTE share and an end date; the primary assignment gives up that share for
 *   the period (new dated versions with the lower FTE, back to the former FTE the day after the end). Refused when
 *   the person's total FTE would exceed 100% on any day or the primary assignment cannot give up the share;
 * - overseas: a full-time secondment to a unit of the host company with an end date; the home primary assignment
 *   ends the day before and resumes with the same values the day after the secondment (the return).
 *
 * Refused with field errors (nothing written): an effective date in the past, a person not employed then, a unit
 * without a version in force, a position of another company, assignments already recorded after the date that
 * the move would contradict.
 */

import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { addDays, overlaps, today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findGrade, findPosition } from "../org/org.repo";
import {
  assignmentsFrom,
  earlierNumberAt,
  employmentById,
  employmentsOn,
  insertAssignmentRow,
  insertEmploymentRow,
  lockPersonAssignments,
  type MoveAssignmentRow,
  type MoveEmploymentRow,
  numberTakenByOther,
  setAssignmentPeriod,
  terminateEmploymentOn,
  unitHeadOn,
  unitOnDay,
} from "./moves.repo";

interface MoveBase {
  personId: number;
  /** First day in the new place (today or later). */
  effectiveOn: string;
  toOrgUnitId: number;
  toPositionId?: number | null;
  /** The employment the person moves from; default: the one running on the effective date. */
  fromEmploymentId?: number;
}

export interface TransferMove extends MoveBase {
  kind: "transfer";
  /** Grade at the new place; undefined keeps the current grade within the company (none across companies). */
  toGradeId?: number | null;
  /** Undefined: the head of the new unit on the effective date. */
  lineManagerPersonId?: number | null;
}

export interface SideAssignmentMove extends MoveBase {
  kind: "side_assignment";
  /** Share of working time, 0.01–0.99. */
  fte: number;
  /** Last day (inclusive); null = open-ended. */
  endsOn: string | null;
}

export interface OverseasMove extends MoveBase {
  kind: "overseas";
  /** Last day of the secondment (inclusive). */
  endsOn: string;
}

export type Move = TransferMove | SideAssignmentMove | OverseasMove;

export interface ScheduledMove {
  kind: Move["kind"];
  personId: number;
  effectiveOn: string;
  endsOn: string | null;
  /** The assignment the person holds in the new place. */
  assignmentId: number;
  /** The employment of that assignment (new for a transfer to another company). */
  employmentId: number;
  newEmploymentId: number | null;
  employeeNumber: string | null;
}

/** Last day of a period of `months` months starting on `from` (e.g. 2025-04-01 + 6 → 2025-09-30). */
export function periodEnd(from: string, months: number): string {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastOfMonth);
  return addDays(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, -1);
}

const EPSILON = 1e-9;
const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (value: number) => `${Math.round(value * 100)}%`;

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

interface MoveContext {
  move: Move;
  employment: MoveEmploymentRow;
  unitCompanyId: number;
  positionId: number | null;
  /** The person's assignments running on the day before the effective date or later. */
  running: MoveAssignmentRow[];
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

const isPrimaryOf = (row: MoveAssignmentRow, employmentId: number) =>
  row.kind === "primary" && row.employmentId === employmentId;
const coversDay = (row: MoveAssignmentRow, day: string) =>
  row.validFrom <= day && (row.validTo === null || row.validTo >= day);

/** The primary assignment in force on the effective date, which must have started before it. */
function currentPrimary(context: MoveContext): MoveAssignmentRow {
  const { move, employment, running } = context;
  const primary = running.find((row) => isPrimaryOf(row, employment.id) && coversDay(row, move.effectiveOn));
  if (!primary)
    throw AppError.validation([
      { path: "effectiveOn", message: `the person has no primary assignment on ${move.effectiveOn}` },
    ]);
  if (primary.validFrom >= move.effectiveOn)
    throw AppError.validation([
      {
        path: "effectiveOn",
        message: `another primary assignment already starts on ${primary.validFrom}; choose a later date`,
      },
    ]);
  return primary;
}

function refuseLaterPrimary(context: MoveContext, after: string, until: string | null): void {
  const later = context.running.find(
    (row) =>
      isPrimaryOf(row, context.employment.id) &&
      row.validFrom > after &&
      (until === null || row.validFrom <= until),
  );
  if (later)
    throw AppError.validation([
      {
        path: "effectiveOn",
        message: `a later primary assignment from ${later.validFrom} is already recorded; change or remove it first`,
      },
    ]);
}

/** Refuses a second assignment of the employment to the same unit in the period (the database would too). */
function refuseSameUnit(
  context: MoveContext,
  employmentId: number,
  from: string,
  to: string | null,
  except?: number,
): void {
  const clash = context.running.find(
    (row) =>
      row.employmentId === employmentId &&
      row.id !== except &&
      row.orgUnitId === context.move.toOrgUnitId &&
      overlaps({ from: row.validFrom, to: row.validTo }, { from, to }),
  );
  if (clash)
    throw AppError.validation([
      {
        path: "toOrgUnitId",
        message: `the person is already assigned (${clash.kind}) to this org unit from ${clash.validFrom}`,
      },
    ]);
}

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

async function transferWithin(tx: Db, context: MoveContext, move: TransferMove): Promise<ScheduledMove> {
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

async function transferAcross(tx: Db, context: MoveContext, move: TransferMove): Promise<ScheduledMove> {
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

function refuseBeyondEmployment(context: MoveContext, endsOn: string | null): void {
  const end = context.employment.terminationDate;
  if (end !== null && (endsOn === null || endsOn > end))
    throw AppError.validation([
      { path: "endsOn", message: `must be on or before the end of the employment (${end})` },
    ]);
}

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

async function sideAssignment(
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

async function overseas(tx: Db, context: MoveContext, request: OverseasMove): Promise<ScheduledMove> {
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
