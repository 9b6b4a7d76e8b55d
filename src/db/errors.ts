import { AppError, type ErrorCode } from "../shared/errors";

/**
 * Turns a PostgreSQL constraint violation (from either engine, possibly wrapped by drizzle) into an AppError
 * that names the field, so that a rule the database enforces reads like one the service checked.
 */
const CONSTRAINTS: Record<string, { code: ErrorCode; path: string; message: string }> = {
  companies_code_key: { code: "CONFLICT", path: "code", message: "a company with this code already exists" },
  org_units_company_code_key: {
    code: "CONFLICT",
    path: "code",
    message: "this company already has an org unit with this code",
  },
  org_unit_versions_no_overlap: {
    code: "DATED_OVERLAP",
    path: "validFrom",
    message: "overlaps another version of this org unit",
  },
  grades_company_code_key: {
    code: "CONFLICT",
    path: "code",
    message: "this company already has a grade with this code",
  },
  grades_company_rank_key: {
    code: "CONFLICT",
    path: "rank",
    message: "this company already has a grade at this rank",
  },
  employments_no_overlap: {
    code: "DATED_OVERLAP",
    path: "hireDate",
    message: "overlaps another employment of this person at this company",
  },
  employments_number_one_person: {
    code: "CONFLICT",
    path: "employeeNumber",
    message: "this employee number belongs to another person at this company",
  },
  employments_period_check: {
    code: "VALIDATION_FAILED",
    path: "terminationDate",
    message: "must not be before the hire date",
  },
  assignments_one_primary: {
    code: "DATED_OVERLAP",
    path: "validFrom",
    message: "overlaps another primary assignment of this employment",
  },
  assignments_unit_no_overlap: {
    code: "DATED_OVERLAP",
    path: "orgUnitId",
    message: "this employment is already assigned to this org unit in that period",
  },
  assignments_within_employment: {
    code: "VALIDATION_FAILED",
    path: "validFrom",
    message: "the assignment must lie within the employment's period",
  },
  assignments_unit_company: {
    code: "VALIDATION_FAILED",
    path: "orgUnitId",
    message: "the org unit belongs to another company (only a secondment may do that)",
  },
  assignments_grade_company: {
    code: "VALIDATION_FAILED",
    path: "gradeId",
    message: "the grade belongs to another company",
  },
  assignments_position_company: {
    code: "VALIDATION_FAILED",
    path: "positionId",
    message: "the position belongs to another company than the org unit",
  },
  assignments_period_check: {
    code: "VALIDATION_FAILED",
    path: "validTo",
    message: "must not be before validFrom",
  },
  users_email_key: { code: "CONFLICT", path: "email", message: "a user with this email already exists" },
};

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

function findPgError(err: unknown): PgLikeError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgLikeError & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

export function translateDbError(err: unknown): AppError | undefined {
  const pgError = findPgError(err);
  if (!pgError?.code) return undefined;
  const known = pgError.constraint ? CONSTRAINTS[pgError.constraint] : undefined;
  if (known) {
    return new AppError(known.code, { fields: [{ path: known.path, message: known.message }], cause: err });
  }
  switch (pgError.code) {
    case "23503":
      return AppError.validation([
        { path: pgError.column ?? "id", message: "refers to a record that does not exist" },
      ]);
    case "23505":
      return new AppError("CONFLICT", { cause: err });
    case "23P01":
      return new AppError("DATED_OVERLAP", { cause: err });
    case "23514":
    case "23502":
    case "22001":
    case "22007":
    case "22008":
      return AppError.validation([
        { path: pgError.constraint ?? pgError.column ?? "body", message: "is not valid" },
      ]);
    default:
      return undefined;
  }
}

/** Runs a database operation, rethrowing constraint violations as AppErrors. */
export async function withDbErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw translateDbError(err) ?? err;
  }
}
