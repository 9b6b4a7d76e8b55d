import type { Assignment, Employment, PersonDetail } from "../../../src/shared/api";
import { covers } from "./dates";

/** Employments newest first (by hire date, then id). */
export function employmentsNewestFirst(person: PersonDetail): Employment[] {
  return [...person.employments].sort((a, b) => b.hireDate.localeCompare(a.hireDate) || b.id - a.id);
}

export function assignmentsNewestFirst(employment: Employment): Assignment[] {
  const kindOrder = { primary: 0, secondment: 1, secondary: 2 } as const;
  return [...employment.assignments].sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom) || kindOrder[a.kind] - kindOrder[b.kind] || b.id - a.id,
  );
}

export function isEmployedOn(employment: Employment, asOf: string): boolean {
  return covers(employment.hireDate, employment.terminationDate, asOf);
}

/** The employment and primary assignment on a date (a secondment if there is no primary). */
export function currentPosition(
  person: PersonDetail,
  asOf: string,
): { employment: Employment | null; assignment: Assignment | null } {
  const employments = employmentsNewestFirst(person).filter((e) => isEmployedOn(e, asOf));
  for (const employment of employments) {
    const active = employment.assignments.filter((a) => covers(a.validFrom, a.validTo, asOf));
    const assignment =
      active.find((a) => a.kind === "primary") ?? active.find((a) => a.kind === "secondment") ?? null;
    if (assignment) return { employment, assignment };
  }
  return { employment: employments[0] ?? null, assignment: null };
}
