/**
 * Request and response shapes of the careers API (issue 7, helper M1): career-report cycles and reports,
 * work-history records, scouting consent and notifications. Same conventions as api.ts: Z<Thing>,
 * Z<Action>Request, ISO dates, inclusive last days.
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import {
  CAREER_CYCLE_STATUSES,
  CAREER_REPORT_STATUSES,
  MOVE_TIMINGS,
  WORK_HISTORY_SOURCES,
} from "./mobility-vocab";

const text = (max: number) =>
  z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).default("");
const idList = (max: number, what: string) =>
  z
    .array(z.number().int("must be a whole number").positive("must be a positive whole number"))
    .max(max, `give at most ${max} ${what}`)
    .default([])
    .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));
const queryBoolean = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((value) => value === "true");
const fiscalYear = z.coerce
  .number({ error: "must be a year" })
  .int("must be a year")
  .min(1990, "must be 1990 or later")
  .max(2999, "must be 2999 or earlier");

const ZRef = z.object({ id: z.number().int(), name: ZLocalizedName });
const ZPersonRef = z.object({ personId: z.number().int(), name: ZPersonName });

// ---------- work history ----------

export const ZWorkHistoryEntry = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  organisation: z.string(),
  role: z.string(),
  achievements: z.string(),
  skills: z.array(ZRef),
  source: z.enum(WORK_HISTORY_SOURCES),
  assignmentId: z.number().int().nullable(),
});
export type WorkHistoryEntry = z.infer<typeof ZWorkHistoryEntry>;
export const ZWorkHistory = z.object({ personId: z.number().int(), items: z.array(ZWorkHistoryEntry) });
export type WorkHistory = z.infer<typeof ZWorkHistory>;

export const ZWorkHistoryEntryRequest = z
  .object({
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate.nullable().default(null),
    organisation: text(200),
    role: text(200),
    achievements: optionalText(4000),
    skillIds: idList(30, "skills"),
  })
  .superRefine((value, ctx) => {
    if (value.periodTo !== null && value.periodTo < value.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "must be on or after periodFrom" });
    }
  });
export type WorkHistoryEntryRequest = z.infer<typeof ZWorkHistoryEntryRequest>;

export const ZFillFromAssignmentsResponse = z.object({
  created: z.number().int(),
  items: z.array(ZWorkHistoryEntry),
});

// ---------- scouting consent ----------

export const ZScoutingConsent = z.object({
  id: z.number().int(),
  allCompanies: z.boolean(),
  companies: z.array(ZRef.extend({ code: z.string() })),
  orgUnits: z.array(ZRef.extend({ companyId: z.number().int() })),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type ScoutingConsent = z.infer<typeof ZScoutingConsent>;
export const ZScoutingConsentState = z.object({
  /** The active consent, or null when the person is not open to scouting. */
  current: ZScoutingConsent.nullable(),
  /** Every consent given, newest first (withdrawn ones included). */
  history: z.array(ZScoutingConsent),
});
export type ScoutingConsentState = z.infer<typeof ZScoutingConsentState>;

export const ZGrantScoutingConsentRequest = z
  .object({
    allCompanies: z.boolean().default(false),
    companyIds: idList(50, "companies"),
    orgUnitIds: idList(100, "divisions"),
  })
  .superRefine((value, ctx) => {
    if (value.allCompanies && (value.companyIds.length || value.orgUnitIds.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["allCompanies"],
        message: "with allCompanies, leave companyIds and orgUnitIds empty",
      });
    }
    if (!value.allCompanies && value.companyIds.length === 0 && value.orgUnitIds.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["companyIds"],
        message: "choose all companies, or at least one company or division",
      });
    }
  });
export type GrantScoutingConsentRequest = z.infer<typeof ZGrantScoutingConsentRequest>;

/** What a consent can name: the group's companies and the recruiting divisions (units with a recruiter). */
export const ZScoutingScopeOptions = z.object({
  companies: z.array(ZRef.extend({ code: z.string() })),
  divisions: z.array(ZRef.extend({ companyId: z.number().int() })),
});

// ---------- career-report cycles ----------

export const ZCareerCycle = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  company: ZRef.extend({ code: z.string() }),
  fiscalYear: z.number().int(),
  opensOn: z.string(),
  dueOn: z.string(),
  reminderDays: z.array(z.number().int()),
  status: z.enum(CAREER_CYCLE_STATUSES),
});
export type CareerCycle = z.infer<typeof ZCareerCycle>;
export const ZCareerCycleList = z.object({ items: z.array(ZCareerCycle) });

const reminderDays = z
  .array(
    z
      .number()
      .int("must be a whole number of days")
      .min(0, "must be 0 or more days")
      .max(90, "must be at most 90 days"),
  )
  .max(5, "give at most 5 reminder days")
  .default([14, 3])
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const ZCreateCareerCycleRequest = z
  .object({
    companyId: z.number().int().positive(),
    fiscalYear: fiscalYear,
    opensOn: ZIsoDate,
    dueOn: ZIsoDate,
    reminderDays,
  })
  .superRefine((value, ctx) => {
    if (value.dueOn < value.opensOn) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "must be on or after opensOn" });
    }
  });
export type CreateCareerCycleRequest = z.infer<typeof ZCreateCareerCycleRequest>;

export const ZUpdateCareerCycleRequest = z.object({
  status: z.enum(CAREER_CYCLE_STATUSES).optional(),
  dueOn: ZIsoDate.optional(),
  reminderDays: reminderDays.optional(),
});
export type UpdateCareerCycleRequest = z.infer<typeof ZUpdateCareerCycleRequest>;

export const ZCareerCycleQuery = z.object({ companyId: ZId.optional() });

// ---------- career reports ----------

export const ZCareerWishes = z.object({
  reflection: optionalText(4000),
  vision: optionalText(4000),
  desiredJobCategoryIds: idList(10, "job categories"),
  desiredPositionIds: idList(10, "positions"),
  desiredLocations: z
    .array(z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"))
    .max(5, "give at most 5 places")
    .default([]),
  moveTiming: z.enum(MOVE_TIMINGS).default("no_wish"),
  wantsTransfer: z.boolean().default(false),
  openToOverseas: z.boolean().default(false),
});
export type CareerWishes = z.infer<typeof ZCareerWishes>;
export const ZSaveCareerReportRequest = ZCareerWishes;
export type SaveCareerReportRequest = z.infer<typeof ZSaveCareerReportRequest>;

/** The choices of the career-report form: every job category of the group with its company (company code order). */
export const ZCareerWishOptions = z.object({
  jobCategories: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: ZLocalizedName,
      company: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }),
    }),
  ),
});
export type CareerWishOptions = z.infer<typeof ZCareerWishOptions>;

export const ZCareerReport = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  companyId: z.number().int(),
  person: ZPersonRef,
  status: z.enum(CAREER_REPORT_STATUSES),
  reflection: z.string(),
  vision: z.string(),
  desiredJobCategories: z.array(ZRef),
  desiredPositions: z.array(ZRef),
  desiredLocations: z.array(z.string()),
  moveTiming: z.enum(MOVE_TIMINGS),
  wantsTransfer: z.boolean(),
  openToOverseas: z.boolean(),
  manager: ZPersonRef.nullable(),
  managerComment: z.string().nullable(),
  managerCommentedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CareerReport = z.infer<typeof ZCareerReport>;

/** The caller's own career reports: the open cycles they may write for, and every report of earlier years. */
export const ZMyCareerReports = z.object({
  open: z.array(z.object({ cycle: ZCareerCycle, report: ZCareerReport.nullable() })),
  reports: z.array(ZCareerReport),
});
export type MyCareerReports = z.infer<typeof ZMyCareerReports>;

export const ZManagerCommentRequest = z.object({ comment: text(4000) });

/** A row of the manager's queue and of HR's list (no long texts). */
export const ZCareerReportRow = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  companyId: z.number().int(),
  person: ZPersonRef,
  orgUnit: ZRef.nullable(),
  status: z.enum(CAREER_REPORT_STATUSES),
  moveTiming: z.enum(MOVE_TIMINGS),
  wantsTransfer: z.boolean(),
  openToOverseas: z.boolean(),
  desiredLocations: z.array(z.string()),
  submittedAt: z.string().nullable(),
  managerCommentedAt: z.string().nullable(),
});
export type CareerReportRow = z.infer<typeof ZCareerReportRow>;
export const ZCareerReportQueue = z.object({ items: z.array(ZCareerReportRow) });

export const ZCareerReportListQuery = z.object({
  companyId: ZId,
  fiscalYear: fiscalYear.optional(),
  /** "wants to move within a year" */
  moveWithinYear: queryBoolean.optional(),
  /** "open to overseas" */
  openToOverseas: queryBoolean.optional(),
  wantsTransfer: queryBoolean.optional(),
  moveTiming: z.enum(MOVE_TIMINGS).optional(),
  status: z.enum(["submitted", "commented"]).optional(),
  limit: z.coerce.number().int().min(1).max(500, "must be at most 500").default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CareerReportListQuery = z.infer<typeof ZCareerReportListQuery>;

export const ZCareerReportSummary = z.object({
  /** People expected to write (a primary assignment at the company on the cycle's opening day). */
  expected: z.number().int(),
  submitted: z.number().int(),
  commented: z.number().int(),
  /** Share of expected people who submitted (0..1), null when nobody was expected. */
  submittedShare: z.number().nullable(),
  moveWithinYear: z.number().int(),
  openToOverseas: z.number().int(),
  wantsTransfer: z.number().int(),
  byMoveTiming: z.record(z.enum(MOVE_TIMINGS), z.number().int()),
});
export type CareerReportSummary = z.infer<typeof ZCareerReportSummary>;

export const ZCareerReportList = z.object({
  cycle: ZCareerCycle.nullable(),
  total: z.number().int(),
  items: z.array(ZCareerReportRow),
  /** Over the whole cycle (not the filters). */
  summary: ZCareerReportSummary,
});
export type CareerReportList = z.infer<typeof ZCareerReportList>;

export const ZCareerRemindersResult = z.object({
  asOf: z.string(),
  cycles: z.array(
    z.object({ cycleId: z.number().int(), reminderDay: z.number().int(), notified: z.number().int() }),
  ),
});
export type CareerRemindersResult = z.infer<typeof ZCareerRemindersResult>;

// ---------- notifications ----------

export const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof ZNotification>;
export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  unread: z.number().int(),
  /** Pass as `before` to read older ones; null when there are no more. */
  nextBefore: z.number().int().nullable(),
});
export type NotificationList = z.infer<typeof ZNotificationList>;
export const ZNotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100, "must be at most 100").default(20),
  before: ZId.optional(),
  unreadOnly: queryBoolean.optional(),
});
export const ZUnreadCount = z.object({ unread: z.number().int() });
