/** Learning API shapes: catalog, sessions, enrolments, training records, certifications (see skills-api.ts). */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName } from "./api";
import { code, level, optionalText, text, ZPersonRef } from "./skills-api-fields";
import {
  COURSE_DELIVERIES,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  ENROLMENT_ORIGINS,
  ENROLMENT_STATUSES,
  SESSION_STATUSES,
} from "./skills-vocab";

// ---------- learning catalog ----------

export const ZCourseAudience = z
  .object({
    companyIds: z.array(z.number().int().positive()).max(200).optional(),
    gradeRankMin: z.number().int().min(0).max(100).optional(),
    gradeRankMax: z.number().int().min(0).max(100).optional(),
    jobCategoryCodes: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    orgUnitIds: z.array(z.number().int().positive()).max(200).optional(),
    managersOnly: z.boolean().optional(),
  })
  .refine(
    (a) => a.gradeRankMin === undefined || a.gradeRankMax === undefined || a.gradeRankMin <= a.gradeRankMax,
    {
      message: "gradeRankMin must not be above gradeRankMax",
      path: ["gradeRankMax"],
    },
  );
export type CourseAudience = z.infer<typeof ZCourseAudience>;

export const ZCourse = z.object({
  id: z.number().int(),
  companyId: z.number().int().nullable(),
  code: z.string(),
  title: ZLocalizedName,
  description: ZLocalizedName,
  kind: z.enum(COURSE_KINDS),
  delivery: z.enum(COURSE_DELIVERIES),
  durationDays: z.number(),
  durationHours: z.number(),
  language: z.enum(COURSE_LANGUAGES),
  audience: ZCourseAudience,
  active: z.boolean(),
  skills: z.array(
    z.object({
      skillId: z.number().int(),
      code: z.string(),
      name: ZLocalizedName,
      targetLevel: z.number().int(),
    }),
  ),
  upcomingSessions: z.number().int(),
});
export type Course = z.infer<typeof ZCourse>;
export const ZCourseList = z.object({ total: z.number().int(), items: z.array(ZCourse) });
export const ZCourseQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  skillId: ZId.optional(),
  /** Only courses the signed-in person is in the audience of. */
  forMe: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Courses no longer offered too (for the HR who administer the catalog). */
  includeInactive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const ZCourseSkillInput = z.object({
  skillId: z.number().int().positive(),
  targetLevel: level.min(1, "must be 1 or more"),
});
export const ZCreateCourseRequest = z.object({
  companyId: z.number().int().positive().nullable().default(null),
  code,
  titleJa: text(200),
  titleEn: text(200),
  descriptionJa: optionalText(4000),
  descriptionEn: optionalText(4000),
  kind: z.enum(COURSE_KINDS),
  delivery: z.enum(COURSE_DELIVERIES),
  durationDays: z.number().min(0, "must be 0 or more").max(365, "must be at most 365"),
  durationHours: z.number().gt(0, "must be more than 0").max(2000, "must be at most 2000"),
  language: z.enum(COURSE_LANGUAGES).default("ja"),
  audience: ZCourseAudience.default({}),
  skills: z.array(ZCourseSkillInput).max(30).default([]),
});
export type CreateCourseRequest = z.infer<typeof ZCreateCourseRequest>;
export const ZUpdateCourseRequest = ZCreateCourseRequest.omit({ companyId: true, code: true })
  .partial()
  .extend({ active: z.boolean().optional() });

export const ZSession = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  companyId: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  url: z.string().nullable(),
  capacity: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  seatsLeft: z.number().int(),
});
export type Session = z.infer<typeof ZSession>;

export const ZCreateSessionRequest = z
  .object({
    companyId: z.number().int().positive(),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    place: z.string().trim().max(200).nullable().default(null),
    url: z.string().trim().url("must be a URL").max(500).nullable().default(null),
    capacity: z.number().int().min(1, "must be at least 1").max(10_000, "must be at most 10000"),
  })
  .refine((s) => s.endsOn >= s.startsOn, { message: "must not be before startsOn", path: ["endsOn"] });
export type CreateSessionRequest = z.infer<typeof ZCreateSessionRequest>;

/** Change a session: dates, place or link, seats, status (closing stops new enrolments). */
export const ZUpdateSessionRequest = z
  .object({
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    place: z.string().trim().max(200).nullable(),
    url: z.string().trim().url("must be a URL").max(500).nullable(),
    capacity: z.number().int().min(1, "must be at least 1").max(10_000, "must be at most 10000"),
    status: z.enum(SESSION_STATUSES),
  })
  .partial()
  .refine((s) => !s.startsOn || !s.endsOn || s.endsOn >= s.startsOn, {
    message: "must not be before startsOn",
    path: ["endsOn"],
  });
export type UpdateSessionRequest = z.infer<typeof ZUpdateSessionRequest>;

export const ZEnrolment = z.object({
  id: z.number().int(),
  course: z.object({
    id: z.number().int(),
    code: z.string(),
    title: ZLocalizedName,
    delivery: z.enum(COURSE_DELIVERIES),
    kind: z.enum(COURSE_KINDS),
  }),
  session: z
    .object({ id: z.number().int(), startsOn: z.string(), endsOn: z.string(), place: z.string().nullable() })
    .nullable(),
  person: ZPersonRef,
  companyId: z.number().int(),
  status: z.enum(ENROLMENT_STATUSES),
  origin: z.enum(ENROLMENT_ORIGINS),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  requestNote: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  /** Place on the waitlist (1 = next), when waitlisted. */
  waitlistPosition: z.number().int().nullable(),
});
export type Enrolment = z.infer<typeof ZEnrolment>;
export const ZEnrolmentList = z.object({ items: z.array(ZEnrolment) });

export const ZCourseDetail = ZCourse.extend({
  sessions: z.array(ZSession),
  /** The signed-in person's open or past enrolments on this course. */
  myEnrolments: z.array(ZEnrolment),
  /** Whether the signed-in person is in the course's audience. */
  inAudience: z.boolean(),
  canManage: z.boolean(),
});
export type CourseDetail = z.infer<typeof ZCourseDetail>;

export const ZEnrolRequest = z.object({
  courseId: z.number().int().positive(),
  sessionId: z.number().int().positive().nullable().default(null),
  /** Omit to enrol yourself (needs your manager's approval); HR may name someone in their companies. */
  personId: z.number().int().positive().optional(),
  note: z.string().trim().max(1000).nullable().default(null),
  dueOn: ZIsoDate.nullable().default(null),
});
export type EnrolRequest = z.infer<typeof ZEnrolRequest>;

export const ZDecisionRequest = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const ZCompletionRequest = z.object({
  /** false = did not attend / did not complete. */
  completed: z.boolean(),
  completedOn: ZIsoDate,
  score: z
    .number()
    .min(0, "must be between 0 and 100")
    .max(100, "must be between 0 and 100")
    .nullable()
    .default(null),
});

export const ZAssignCourseRequest = z.object({
  companyId: z.number().int().positive(),
  /** Assign to these people (of the company); omit to assign to everyone in the course's audience there. */
  personIds: z.array(z.number().int().positive()).max(50_000).optional(),
  /** Only people assigned on the day to this org unit or a unit below it. */
  orgUnitId: z.number().int().positive().optional(),
  /** Only people at one of these grades on the day. */
  gradeIds: z.array(z.number().int().positive()).max(100).optional(),
  sessionId: z.number().int().positive().nullable().default(null),
  dueOn: ZIsoDate.nullable().default(null),
  /** Count who would be assigned, writing nothing. */
  dryRun: z.boolean().default(false),
});
export const ZAssignCourseResponse = z.object({
  assigned: z.number().int(),
  skipped: z.number().int(),
  waitlisted: z.number().int(),
  dryRun: z.boolean(),
});

export const ZOverdueQuery = z.object({
  companyId: ZId.optional(),
  orgUnitId: ZId.optional(),
  asOf: ZIsoDate.optional(),
});

export const ZTrainingRecord = z.object({
  id: z.number().int(),
  course: z.object({
    id: z.number().int(),
    code: z.string(),
    title: ZLocalizedName,
    kind: z.enum(COURSE_KINDS),
  }),
  completedOn: z.string(),
  days: z.number(),
  hours: z.number(),
  score: z.number().nullable(),
});

export const ZCertification = z.object({
  id: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  issuer: z.string(),
  validityMonths: z.number().int().nullable(),
});
export const ZCertificationList = z.object({ items: z.array(ZCertification) });
export const ZCreateCertificationRequest = z.object({
  code,
  nameJa: text(200),
  nameEn: text(200),
  issuer: optionalText(200),
  validityMonths: z.number().int().min(1).max(600).nullable().default(null),
});
export const ZHeldCertification = z.object({
  id: z.number().int(),
  certification: ZCertification,
  obtainedOn: z.string(),
  expiresOn: z.string().nullable(),
  /** Expires within the longest reminder lead time (90 days by default) of the date asked for. */
  expiringSoon: z.boolean(),
  expired: z.boolean(),
  /** Days from the date asked for to the expiry (negative once expired; null = does not expire). */
  daysLeft: z.number().int().nullable(),
  /** Superseded by a later holding of the same certification (renewed): no reminders. */
  renewed: z.boolean(),
});
export const ZAddCertificationRequest = z.object({
  certificationId: z.number().int().positive(),
  obtainedOn: ZIsoDate,
  /** Default: obtainedOn + the certification's validity. */
  expiresOn: ZIsoDate.nullable().optional(),
  credentialId: z.string().trim().max(100).nullable().default(null),
});

export const ZPersonLearning = z.object({
  asOf: z.string(),
  personId: z.number().int(),
  enrolments: z.array(ZEnrolment),
  records: z.array(ZTrainingRecord),
  certifications: z.array(ZHeldCertification),
  totals: z.object({
    fiscalYear: z.number().int(),
    days: z.number(),
    hours: z.number(),
    courses: z.number().int(),
  }),
});
export type PersonLearning = z.infer<typeof ZPersonLearning>;

export const ZRosterResponse = z.object({ session: ZSession, course: ZCourse, items: z.array(ZEnrolment) });

// ---------- certification expiry ----------

/** Lead times of the expiry reminders, in days before the expiry ("90,30"). */
export const ZLeadDays = z
  .string()
  .regex(/^\d{1,4}(,\d{1,4}){0,4}$/, "must be up to five numbers of days, e.g. 90,30")
  .transform((v) => [...new Set(v.split(",").map(Number))].sort((a, b) => b - a))
  .refine((v) => v.every((d) => d >= 1 && d <= 730), "each lead time must be 1 to 730 days");

export const ZExpiringCertificationsQuery = z.object({
  companyId: ZId.optional(),
  orgUnitId: ZId.optional(),
  asOf: ZIsoDate.optional(),
  leadDays: ZLeadDays.optional(),
});

/** The reminder stage: the smallest lead time the days left fall within, or expired. */
export const ZReminderStage = z.union([z.number().int(), z.literal("expired")]);

export const ZExpiringCertification = z.object({
  personCertificationId: z.number().int(),
  person: ZPersonRef,
  companyId: z.number().int(),
  certification: ZCertification,
  obtainedOn: z.string(),
  expiresOn: z.string(),
  daysLeft: z.number().int(),
  stage: ZReminderStage,
  manager: ZPersonRef.nullable(),
});
export type ExpiringCertification = z.infer<typeof ZExpiringCertification>;
export const ZExpiringCertificationList = z.object({
  asOf: z.string(),
  leadDays: z.array(z.number().int()),
  items: z.array(ZExpiringCertification),
});
export type ExpiringCertificationList = z.infer<typeof ZExpiringCertificationList>;
