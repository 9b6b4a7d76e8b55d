import { withDbErrors } from "../../db/errors";
import { AppError, type ErrorCode } from "../../shared/errors";

/**
 * The constraints of the skills, learning and OJT tables, named like the shared catalogue in db/errors.ts does
 * for the people model, so that a rule the database enforces reads like one the service checked.
 */
const CONSTRAINTS: Record<string, { code: ErrorCode; path: string; message: string }> = {
  skill_categories_code_key: {
    code: "CONFLICT",
    path: "code",
    message: "a skill category with this code already exists",
  },
  skills_code_key: { code: "CONFLICT", path: "code", message: "a skill with this code already exists" },
  skill_requirements_no_overlap: {
    code: "DATED_OVERLAP",
    path: "validFrom",
    message: "overlaps another version of this skill-map line",
  },
  courses_code_key: { code: "CONFLICT", path: "code", message: "a course with this code already exists" },
  course_skills_pkey: {
    code: "VALIDATION_FAILED",
    path: "skills",
    message: "a course may build each skill only once",
  },
  enrolments_open_session_key: {
    code: "CONFLICT",
    path: "sessionId",
    message: "already enrolled (or waiting) on this session",
  },
  enrolments_open_course_key: {
    code: "CONFLICT",
    path: "courseId",
    message: "already enrolled (or waiting) on this course",
  },
  training_records_enrolment_key: {
    code: "CONFLICT",
    path: "enrolmentId",
    message: "the completion of this enrolment is already recorded",
  },
  certifications_code_key: {
    code: "CONFLICT",
    path: "code",
    message: "a certification with this code already exists",
  },
  person_certifications_once_key: {
    code: "CONFLICT",
    path: "certificationId",
    message: "already recorded for this date",
  },
  skill_settings_reminder_days_check: {
    code: "VALIDATION_FAILED",
    path: "certificationReminderDays",
    message: "must be 1 to 5 whole numbers of days, each from 1 to 366",
  },
  ojt_pairs_one_trainer: {
    code: "DATED_OVERLAP",
    path: "validFrom",
    message: "the trainee already has an OJT trainer in this period",
  },
};

interface PgLike {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function constraintOf(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as PgLike;
    if (typeof candidate.constraint === "string") return candidate.constraint;
    current = candidate.cause;
  }
  return undefined;
}

/** Runs a write, turning this module's constraint violations (then the shared ones) into AppErrors. */
export async function translateSkillsDbError<T>(operation: () => Promise<T>): Promise<T> {
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
