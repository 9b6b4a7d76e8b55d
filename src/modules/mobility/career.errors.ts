import { withDbErrors } from "../../db/errors";
import { AppError, type ErrorCode } from "../../shared/errors";

/**
 * The constraints of the career-report, work-history and consent tables, so that a rule the database enforces
 * (usually a race between two requests) reads like one the service checked.
 */
const CONSTRAINTS: Record<string, { code: ErrorCode; path: string; message: string }> = {
  career_report_cycles_company_year_key: {
    code: "CONFLICT",
    path: "fiscalYear",
    message: "this company already has a career-report cycle for this fiscal year",
  },
  career_reports_cycle_person_key: {
    code: "CONFLICT",
    path: "cycleId",
    message: "a career report for this cycle already exists",
  },
  scouting_consents_active_key: {
    code: "CONFLICT",
    path: "allCompanies",
    message: "a scouting consent is already active; withdraw it or change it",
  },
  work_history_entries_assignment_key: {
    code: "CONFLICT",
    path: "assignmentId",
    message: "this assignment is already in the work history",
  },
};

function constraintOf(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as { constraint?: unknown; cause?: unknown };
    if (typeof candidate.constraint === "string") return candidate.constraint;
    current = candidate.cause;
  }
  return undefined;
}

/** Runs a write, turning this area's constraint violations (then the shared ones) into AppErrors. */
export async function translateCareerDbError<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const name = constraintOf(err);
    const known = name ? CONSTRAINTS[name] : undefined;
    if (known)
      throw new AppError(known.code, { fields: [{ path: known.path, message: known.message }], cause: err });
    return withDbErrors(() => Promise.reject(err));
  }
}
