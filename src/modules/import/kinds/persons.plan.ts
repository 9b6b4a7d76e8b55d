import type { EmploymentType, TerminationReason } from "../../../shared/enums";
import type { KindContext, PlannedStep, PlanResult, RowIssue } from "../import.types";
import { importMessage } from "../messages";
import { diff, keepAbsent } from "./helpers";
import type { AssignmentInsert, PersonOp } from "./persons.apply";
import { planMove } from "./persons.move";
import type { EmploymentState, PeopleState, PersonValues } from "./persons.state";

/** Planning of the persons kind: a hire (or rehire), or the changes to a known employee. */

export interface PersonRow {
  employeeNumber: string;
  person: PersonValues;
  hireDate: string;
  employmentType: EmploymentType;
  weeklyHours: number;
  terminationDate: string | null;
  terminationReason: TerminationReason | null;
  orgUnitCode: string | null;
  positionCode: string | null;
  gradeCode: string | null;
  /** A person of the group this new employee is (their person id), or "new"; see persons.match.ts. */
  groupPersonId: string | null;
  /** From when a changed org unit, position or grade of a known employee applies (default: the import's today). */
  effectiveDate: string | null;
}

export const PERSON_OPTIONAL_FIELDS = [
  "familyNameKana",
  "givenNameKana",
  "familyNameLatin",
  "givenNameLatin",
  "nameOrder",
  "birthDate",
  "email",
] as const;

export function planFirstAssignment(
  row: PersonRow,
  state: PeopleState,
  ctx: KindContext,
): { insert: AssignmentInsert | null } | { issues: RowIssue[] } {
  const unit = state.orgUnits.resolve(row.orgUnitCode, "orgUnitCode", ctx);
  const position = state.positions.resolve(row.positionCode, "positionCode", ctx);
  const grade = state.grades.resolve(row.gradeCode, "gradeCode", ctx);
  const found = [unit, position, grade].flatMap((r) => ("issue" in r ? [r.issue] : []));
  if (found.length) return { issues: found };
  const orgUnitId = (unit as { id: number | null }).id;
  if (orgUnitId === null) return { insert: null };
  return {
    insert: {
      orgUnitId,
      positionId: (position as { id: number | null }).id,
      gradeId: (grade as { id: number | null }).id,
      validFrom: row.hireDate,
      validTo: row.terminationDate,
    },
  };
}

export function planHire(
  row: PersonRow,
  state: PeopleState,
  assignment: AssignmentInsert | null,
  rehiredPersonId: number | undefined,
  matchedVia?: string,
): PlanResult<PersonOp> {
  const tempEmploymentId = state.nextTempId--;
  const personId = rehiredPersonId ?? state.nextTempId--;
  if (rehiredPersonId === undefined) state.persons.set(personId, row.person);
  const employment: EmploymentState = {
    id: tempEmploymentId,
    personId,
    employeeNumber: row.employeeNumber,
    hireDate: row.hireDate,
    terminationDate: row.terminationDate,
    terminationReason: row.terminationReason,
    employmentType: row.employmentType,
    weeklyHours: row.weeklyHours,
    assignments: assignment
      ? [
          {
            id: state.nextTempId--,
            kind: "primary",
            lineManagerPersonId: null,
            isHead: false,
            fte: 1,
            ...assignment,
          },
        ]
      : [],
  };
  const list = state.byNumber.get(row.employeeNumber) ?? [];
  list.push(employment);
  state.byNumber.set(row.employeeNumber, list);
  const { id: _id, assignments: _a, personId: _p, ...employmentValues } = employment;
  return {
    outcome: "new",
    termination: row.terminationDate !== null,
    steps: [
      {
        op: {
          type: "hire",
          tempEmploymentId,
          personId,
          person: rehiredPersonId === undefined ? row.person : null,
          employment: employmentValues,
          assignment,
        },
        change: {
          entity: "employment",
          action: "insert",
          before: null,
          after: {
            ...(rehiredPersonId === undefined
              ? row.person
              : matchedVia
                ? { groupPersonId: rehiredPersonId, matchedBy: matchedVia }
                : { rehireOfPersonId: rehiredPersonId }),
            ...employmentValues,
            ...(assignment
              ? { orgUnitCode: row.orgUnitCode, positionCode: row.positionCode, gradeCode: row.gradeCode }
              : {}),
          },
        },
      },
    ],
  };
}

export function planUpdate(
  row: PersonRow,
  state: PeopleState,
  employment: EmploymentState,
  assignment: AssignmentInsert | null,
  ctx: KindContext,
): PlanResult<PersonOp> {
  const steps: PlannedStep<PersonOp>[] = [];
  const issues: RowIssue[] = [];
  let termination = false;
  if (assignment) {
    const moved = planMove(row, state, employment, assignment, ctx);
    if ("issues" in moved) issues.push(...moved.issues);
    else steps.push(...moved.steps);
  }
  if (
    employment.terminationDate !== null &&
    row.terminationDate === null &&
    !ctx.absentFields.has("terminationDate")
  ) {
    issues.push(
      importMessage("terminationDate", "person.reinstatement", {
        number: row.employeeNumber,
        terminationDate: employment.terminationDate,
      }),
    );
  }
  if (row.terminationDate !== null) {
    const late = employment.assignments.filter((a) => a.validFrom > row.terminationDate!);
    if (late.length)
      issues.push(
        importMessage("terminationDate", "person.assignmentsAfterTermination", {
          terminationDate: row.terminationDate,
          from: late[0]!.validFrom,
        }),
      );
  }
  if (issues.length) return { issues };

  const personId = employment.personId;
  const before = state.persons.get(personId)!;
  const person = keepAbsent<PersonValues>(
    ctx,
    PERSON_OPTIONAL_FIELDS.map((f): [string, keyof PersonValues] => [f, f]),
    row.person,
    before,
  );
  const personDiff = diff({ ...before }, person);
  if (personDiff) {
    state.persons.set(personId, person);
    steps.push({
      op: { type: "updatePerson", personId, values: personDiff.after },
      change: {
        entity: "person",
        personId,
        action: "update",
        before: personDiff.before,
        after: personDiff.after,
      },
    });
  }
  const current = { employmentType: employment.employmentType, weeklyHours: employment.weeklyHours };
  const given = keepAbsent(
    ctx,
    [
      ["employmentType", "employmentType"],
      ["weeklyHours", "weeklyHours"],
    ],
    { employmentType: row.employmentType, weeklyHours: row.weeklyHours },
    current,
  );
  const employmentDiff = diff(current, given);
  if (employmentDiff) {
    Object.assign(employment, employmentDiff.after);
    steps.push({
      op: { type: "updateEmployment", employmentId: employment.id, values: employmentDiff.after },
      change: {
        entity: "employment",
        personId,
        action: "update",
        before: employmentDiff.before,
        after: employmentDiff.after,
      },
    });
  }
  if (
    row.terminationDate !== null &&
    (row.terminationDate !== employment.terminationDate ||
      row.terminationReason !== employment.terminationReason)
  ) {
    termination = employment.terminationDate === null;
    const previous = {
      terminationDate: employment.terminationDate,
      terminationReason: employment.terminationReason,
    };
    for (const a of employment.assignments) {
      if (
        a.validTo === null ||
        a.validTo > row.terminationDate ||
        (previous.terminationDate !== null && a.validTo === previous.terminationDate)
      )
        a.validTo = row.terminationDate;
    }
    employment.terminationDate = row.terminationDate;
    employment.terminationReason = row.terminationReason;
    steps.push({
      op: {
        type: "terminate",
        employmentId: employment.id,
        terminationDate: row.terminationDate,
        terminationReason: row.terminationReason!,
        previousDate: previous.terminationDate,
      },
      change: {
        entity: "employment",
        personId,
        action: "terminate",
        before: previous,
        after: { terminationDate: row.terminationDate, terminationReason: row.terminationReason },
      },
    });
  }
  if (!steps.length) return { outcome: "unchanged", steps: [] };
  return { outcome: "changed", termination, steps };
}
