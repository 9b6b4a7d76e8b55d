/**
 * Closed vocabularies of internal mobility (issue 7) and notifications, shared by the database (check
 * constraints), the API, the CLI and the web app. Kept apart from the zod API schemas so that table definitions
 * do not import zod.
 */

/** When a career report's author would like to move. */
export const MOVE_TIMINGS = ["within_1y", "within_3y", "later", "no_wish"] as const;
export type MoveTiming = (typeof MOVE_TIMINGS)[number];

export const CAREER_CYCLE_STATUSES = ["draft", "open", "closed"] as const;
export type CareerCycleStatus = (typeof CAREER_CYCLE_STATUSES)[number];

/** draft → submitted (to manager and HR) → commented (the manager added comments). */
export const CAREER_REPORT_STATUSES = ["draft", "submitted", "commented"] as const;
export type CareerReportStatus = (typeof CAREER_REPORT_STATUSES)[number];

/** Where a work-history entry came from: typed by the employee, or derived from Tekizai's assignment history. */
export const WORK_HISTORY_SOURCES = ["self", "assignment"] as const;
export type WorkHistorySource = (typeof WORK_HISTORY_SOURCES)[number];

/**
 * Kinds of posting. `side_assignment` is the "Select Job" (about 20% of time for about half a year in another
 * department): it becomes a secondary assignment with an FTE share and an end date. `overseas` becomes a
 * secondment to the host company. `transfer` ends one primary assignment and starts another.
 */
export const POSTING_KINDS = ["transfer", "side_assignment", "overseas", "project"] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** Overseas programs: young employees for 1.5–2 years, mid-career employees for up to 5 years. */
export const OVERSEAS_PROGRAMS = ["young_talent", "mid_career"] as const;
export type OverseasProgram = (typeof OVERSEAS_PROGRAMS)[number];

export const POSTING_STATUSES = ["draft", "open", "closed"] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/**
 * The steps of an application, in order. A company's workflow may skip `interviewing` and `offered`; `released`
 * (the current manager releases the person, or approves the share of time for a side assignment) and
 * `confirmed` (HR) are always required; `moved` is reached on the effective date when the dated assignments are
 * written. `rejected`, `withdrawn` and `declined` end an application.
 */
export const APPLICATION_STATUSES = [
  "applied",
  "in_review",
  "interviewing",
  "offered",
  "released",
  "confirmed",
  "moved",
  "rejected",
  "withdrawn",
  "declined",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  "applied",
  "in_review",
  "interviewing",
  "offered",
  "released",
  "confirmed",
];

/** Optional steps a company can switch off in its application workflow. */
export const OPTIONAL_APPLICATION_STEPS = ["in_review", "interviewing", "offered"] as const;
export type OptionalApplicationStep = (typeof OPTIONAL_APPLICATION_STEPS)[number];

export const SCOUT_STATUSES = ["sent", "accepted", "declined", "withdrawn"] as const;
export type ScoutStatus = (typeof SCOUT_STATUSES)[number];

export const ROTATION_PLAN_STATUSES = ["draft", "approved", "committed", "discarded"] as const;
export type RotationPlanStatus = (typeof ROTATION_PLAN_STATUSES)[number];

/** Channels a notification is delivered on. In-app always; e-mail where SMTP is configured. */
export const NOTIFICATION_CHANNELS = ["in_app", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
