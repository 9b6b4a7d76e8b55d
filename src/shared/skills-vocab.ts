/**
 * Closed vocabularies of skills, learning and OJT, shared by the database (check constraints), the API, the CLI
 * and the web app. Kept apart from skills-api.ts so that table definitions do not import zod schemas.
 */

/** Who recorded a skill level. `self` is the person's own view; the others count as confirmed. */
export const ASSESSMENT_SOURCES = ["self", "manager", "hr", "course", "import"] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];
export const CONFIRMED_SOURCES: readonly AssessmentSource[] = ["manager", "hr", "course", "import"];

/** Which assessment gives a person's current level of a skill. */
export const CURRENT_LEVEL_RULES = ["latest_confirmed", "latest_any"] as const;
export type CurrentLevelRule = (typeof CURRENT_LEVEL_RULES)[number];

export const COURSE_KINDS = [
  "layer",
  "role",
  "department",
  "compliance",
  "ojt_trainer",
  "external_seminar",
  "certification_prep",
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_DELIVERIES = ["classroom", "online_live", "e_learning"] as const;
export type CourseDelivery = (typeof COURSE_DELIVERIES)[number];

export const COURSE_LANGUAGES = ["ja", "en", "ja_en"] as const;
export type CourseLanguage = (typeof COURSE_LANGUAGES)[number];

export const SESSION_STATUSES = ["open", "closed", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * requested: waiting for the manager's approval; enrolled: has a seat (or, for e-learning, access);
 * waitlisted: approved but the session is full; completed / not_completed: attendance recorded;
 * rejected / cancelled: closed without training.
 */
export const ENROLMENT_STATUSES = [
  "requested",
  "enrolled",
  "waitlisted",
  "completed",
  "not_completed",
  "rejected",
  "cancelled",
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** Statuses that hold a place (an enrolment in one of these blocks a second one for the same session). */
export const OPEN_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ["requested", "enrolled", "waitlisted"];

/** self: the employee asked (manager approves); hr: assigned by HR (optionally mandatory with a due date). */
export const ENROLMENT_ORIGINS = ["self", "hr"] as const;
export type EnrolmentOrigin = (typeof ENROLMENT_ORIGINS)[number];

/** Where a training record came from. */
export const TRAINING_RECORD_SOURCES = ["session", "e_learning", "import", "demo"] as const;
export type TrainingRecordSource = (typeof TRAINING_RECORD_SOURCES)[number];

export const OJT_GOAL_STATUSES = ["open", "achieved", "partly_achieved", "not_achieved"] as const;
export type OjtGoalStatus = (typeof OJT_GOAL_STATUSES)[number];

export const OJT_PAIR_STATUSES = ["active", "closed"] as const;
export type OjtPairStatus = (typeof OJT_PAIR_STATUSES)[number];
