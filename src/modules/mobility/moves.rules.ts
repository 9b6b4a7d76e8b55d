/**
 * What every kind of scheduled move shares (moves.service.ts dispatches to moves.transfer.ts,
 * moves.side-assignment.ts and moves.overseas.ts): the move requests and their result, the context a move is
 * checked against (the person's assignments running from the day before the effective date), and the checks
 * that more than one kind of move makes — each refusal a field error, nothing written.
 */
import { addDays, overlaps } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { MoveAssignmentRow, MoveEmploymentRow } from "./moves.repo";

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

export interface MoveContext {
  move: Move;
  employment: MoveEmploymentRow;
  unitCompanyId: number;
  positionId: number | null;
  /** The person's assignments running on the day before the effective date or later. */
  running: MoveAssignmentRow[];
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

export const EPSILON = 1e-9;
export const round2 = (value: number) => Math.round(value * 100) / 100;
export const percent = (value: number) => `${Math.round(value * 100)}%`;

export const isPrimaryOf = (row: MoveAssignmentRow, employmentId: number) =>
  row.kind === "primary" && row.employmentId === employmentId;
export const coversDay = (row: MoveAssignmentRow, day: string) =>
  row.validFrom <= day && (row.validTo === null || row.validTo >= day);

/** The primary assignment in force on the effective date, which must have started before it. */
export function currentPrimary(context: MoveContext): MoveAssignmentRow {
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

/** Refuses a move when a later primary assignment (after `after`, up to `until`) is already recorded. */
export function refuseLaterPrimary(context: MoveContext, after: string, until: string | null): void {
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
export function refuseSameUnit(
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

/** Refuses a period that runs past the end of the employment (or is open-ended when the employment ends). */
export function refuseBeyondEmployment(context: MoveContext, endsOn: string | null): void {
  const end = context.employment.terminationDate;
  if (end !== null && (endsOn === null || endsOn > end))
    throw AppError.validation([
      { path: "endsOn", message: `must be on or before the end of the employment (${end})` },
    ]);
}
