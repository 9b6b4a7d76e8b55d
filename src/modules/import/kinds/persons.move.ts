import { addDays, overlaps } from "../../../shared/dates";
import type { KindContext, PlannedStep, RowIssue } from "../import.types";
import { importMessage } from "../messages";
import type { AssignmentInsert, PersonOp } from "./persons.apply";
import type { PersonRow } from "./persons.plan";
import type { AssignmentState, EmploymentState, PeopleState } from "./persons.state";

/**
 * A known employee's org unit, position or grade in a persons file, dated like the assignments kind does: the
 * primary assignment in force on the effective date (the `effectiveDate` column, by default the import's today)
 * is compared; a difference becomes a new version from that date and the version in force ends the day before
 * (on the version's first day, the version is corrected). Position and grade are compared only when given.
 */
export function planMove(
  row: PersonRow,
  state: PeopleState,
  employment: EmploymentState,
  given: AssignmentInsert,
  ctx: KindContext,
): { steps: PlannedStep<PersonOp>[] } | { issues: RowIssue[] } {
  const personId = employment.personId;
  const lastDay = employment.terminationDate ?? row.terminationDate;
  const explicit = row.effectiveDate;
  if (explicit !== null && (explicit < employment.hireDate || (lastDay !== null && explicit > lastDay))) {
    return {
      issues: [
        importMessage("effectiveDate", "move.outsideEmployment", {
          date: explicit,
          hireDate: employment.hireDate,
          lastDay: lastDay ?? "",
        }),
      ],
    };
  }
  let day = explicit ?? ctx.today;
  if (day < employment.hireDate) day = employment.hireDate;
  const defaultedToLastDay = explicit === null && lastDay !== null && day > lastDay;
  if (defaultedToLastDay) day = lastDay!;

  const primaries = employment.assignments
    .filter((a) => a.kind === "primary")
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const current = primaries.find((a) => a.validFrom <= day && (a.validTo === null || a.validTo >= day));
  const values = {
    orgUnitId: given.orgUnitId,
    positionId: row.positionCode !== null ? given.positionId : (current?.positionId ?? null),
    gradeId: row.gradeCode !== null ? given.gradeId : (current?.gradeId ?? null),
  };
  const present = (
    a: Pick<AssignmentState, "orgUnitId" | "positionId" | "gradeId" | "validFrom" | "validTo">,
  ) => ({
    orgUnitCode: state.orgUnits.codeOf.get(a.orgUnitId) ?? null,
    positionCode: a.positionId === null ? null : (state.positions.codeOf.get(a.positionId) ?? null),
    gradeCode: a.gradeId === null ? null : (state.grades.codeOf.get(a.gradeId) ?? null),
    validFrom: a.validFrom,
    validTo: a.validTo,
  });
  if (
    current &&
    current.orgUnitId === values.orgUnitId &&
    current.positionId === values.positionId &&
    current.gradeId === values.gradeId
  ) {
    return { steps: [] };
  }
  if (defaultedToLastDay && current) {
    return { issues: [importMessage("effectiveDate", "move.needsDate", { lastDay: lastDay! })] };
  }
  const next = primaries.find((a) => a.validFrom > day);
  const from = current ? day : explicit === null && !primaries.length ? employment.hireDate : day;
  const end = current ? current.validTo : next ? addDays(next.validFrom, -1) : lastDay;
  const clash = employment.assignments.find(
    (a) =>
      a.kind !== "primary" &&
      a.orgUnitId === values.orgUnitId &&
      overlaps({ from: a.validFrom, to: a.validTo }, { from, to: end }),
  );
  if (clash) {
    return {
      issues: [
        importMessage("orgUnitCode", "assignment.unitTaken", { kind: clash.kind, from: clash.validFrom }),
      ],
    };
  }
  if (current && current.validFrom === day) {
    const before = present(current);
    Object.assign(current, values);
    return {
      steps: [
        {
          op: { type: "correctAssignment", id: current.id, personId, values },
          change: { entity: "assignment", personId, action: "update", before, after: present(current) },
        },
      ],
    };
  }
  const version: AssignmentState = {
    id: state.nextTempId--,
    kind: "primary",
    ...values,
    lineManagerPersonId: current?.lineManagerPersonId ?? null,
    isHead: current?.isHead ?? false,
    fte: current?.fte ?? 1,
    validFrom: from,
    validTo: end,
  };
  employment.assignments.push(version);
  if (!current) {
    return {
      steps: [
        {
          op: {
            type: "addAssignment",
            employmentId: employment.id,
            personId,
            assignment: { ...values, validFrom: from, validTo: end },
          },
          change: { entity: "assignment", personId, action: "insert", before: null, after: present(version) },
        },
      ],
    };
  }
  const before = present(current);
  current.validTo = addDays(day, -1);
  return {
    steps: [
      {
        op: {
          type: "moveAssignment",
          endId: current.id,
          employmentId: employment.id,
          personId,
          version: {
            orgUnitId: version.orgUnitId,
            positionId: version.positionId,
            gradeId: version.gradeId,
            lineManagerPersonId: version.lineManagerPersonId,
            isHead: version.isHead,
            fte: version.fte,
            validFrom: version.validFrom,
            validTo: version.validTo,
          },
        },
        change: { entity: "assignment", personId, action: "new_version", before, after: present(version) },
      },
    ],
  };
}
