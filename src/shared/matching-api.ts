/**
 * API shapes of matching and scouting (issue 7, helper M3): the explained match of a person and a posting,
 * "candidates for this posting" (recruiters), "postings that fit me" (employees), the scouting search, scouts,
 * rotation plans and the mobility figures. Recruiters only ever receive people who opted in to scouting for them.
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import { MOVE_TIMINGS, OVERSEAS_PROGRAMS, POSTING_KINDS, SCOUT_STATUSES } from "./mobility-vocab";

// ---------- the explained match ----------

/** has: at or above the posting's level; gap: below it; missing: no current level. */
export const MATCH_SKILL_STATUSES = ["has", "gap", "missing"] as const;
export type MatchSkillStatus = (typeof MATCH_SKILL_STATUSES)[number];

export const ZMatchSkillLine = z.object({
  skill: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }),
  required: z.boolean(),
  /** The level the posting asks for. */
  level: z.number().int(),
  /** The person's current level by the group's current-level rule; null = none. */
  personLevel: z.number().int().nullable(),
  status: z.enum(MATCH_SKILL_STATUSES),
  /** level − personLevel, 0 when met (missing counts from 0). */
  gap: z.number().int(),
});
export type MatchSkillLine = z.infer<typeof ZMatchSkillLine>;

export const ZMatchExperienceEntry = z.object({
  id: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  organisation: z.string(),
  role: z.string(),
  /** The posting's skills this entry used. */
  skillIds: z.array(z.number().int()),
});

/** What a wish is about, and whether it fits or conflicts with the posting. */
export const MATCH_WISH_KINDS = [
  "job_category",
  "position",
  "location",
  "transfer",
  "overseas",
  "timing",
] as const;
export type MatchWishKind = (typeof MATCH_WISH_KINDS)[number];
export const ZMatchWish = z.object({
  kind: z.enum(MATCH_WISH_KINDS),
  fits: z.boolean(),
  /** The stated value the judgement rests on (a place, a timing), when there is one. */
  detail: z.string().nullable(),
});
export type MatchWish = z.infer<typeof ZMatchWish>;

export const ZMatchCourse = z.object({
  id: z.number().int(),
  code: z.string(),
  title: ZLocalizedName,
  targetLevel: z.number().int(),
  durationDays: z.number(),
});

export const ZMatchExplanation = z.object({
  /** 0–100: the weighted share of the posting's skill levels the person reaches (required count twice). */
  score: z.number(),
  skills: z.array(ZMatchSkillLine),
  experience: z.object({
    /** Months in the posting position's job category over the person's assignment history. */
    monthsInJobCategory: z.number().int(),
    /** Work-history entries that used any of the posting's skills (newest first, at most 5). */
    entries: z.array(ZMatchExperienceEntry),
  }),
  /** From the person's latest submitted career report; empty when there is none. */
  wishes: z.array(ZMatchWish),
  careerReportYear: z.number().int().nullable(),
  /** Courses of the training map that close a gap, per skill with a gap (at most 3 each). */
  courses: z.array(z.object({ skillId: z.number().int(), courses: z.array(ZMatchCourse) })),
});
export type MatchExplanation = z.infer<typeof ZMatchExplanation>;

export const ZMatchPerson = z.object({
  id: z.number().int(),
  name: ZPersonName,
  company: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  position: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
});
export type MatchPerson = z.infer<typeof ZMatchPerson>;

export const ZPostingRef = z.object({
  id: z.number().int(),
  kind: z.enum(POSTING_KINDS),
  title: ZLocalizedName,
  company: z.object({ id: z.number().int(), name: ZLocalizedName }),
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }),
  location: z.string().nullable(),
  status: z.string(),
  overseasProgram: z.enum(OVERSEAS_PROGRAMS).nullable(),
});
export type PostingRef = z.infer<typeof ZPostingRef>;

export const ZCandidate = z.object({
  person: ZMatchPerson,
  explanation: ZMatchExplanation,
  /** The latest scout of this posting to the person, if any. */
  scout: z.object({ id: z.number().int(), status: z.enum(SCOUT_STATUSES) }).nullable(),
});
export type Candidate = z.infer<typeof ZCandidate>;

export const ZCandidatesQuery = z.object({
  limit: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(50),
});
export const ZCandidatesResponse = z.object({
  asOf: z.string(),
  posting: ZPostingRef,
  candidates: z.array(ZCandidate),
});
export type CandidatesResponse = z.infer<typeof ZCandidatesResponse>;

export const ZCandidateResponse = z.object({ asOf: z.string(), posting: ZPostingRef, candidate: ZCandidate });
export type CandidateResponse = z.infer<typeof ZCandidateResponse>;

export const ZFittingPosting = z.object({
  posting: ZPostingRef,
  explanation: ZMatchExplanation,
  /** Whether the posting's eligibility rules admit the person today; reasons name the rules that do not. */
  eligible: z.boolean(),
  ineligibleReasons: z.array(z.enum(["tenure", "grade", "company"])),
});
export type FittingPosting = z.infer<typeof ZFittingPosting>;

export const ZFittingPostingsQuery = z.object({
  limit: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(20),
});
export const ZFittingPostingsResponse = z.object({ asOf: z.string(), postings: z.array(ZFittingPosting) });
export type FittingPostingsResponse = z.infer<typeof ZFittingPostingsResponse>;

// ---------- scouting search ----------

const ZSkillFilter = z
  .string()
  .trim()
  .max(400, "is too long")
  .regex(/^(\d+:\d+)(,\d+:\d+)*$/, "must be skillId:minLevel pairs separated by commas, e.g. 12:3,40:2");

export const ZScoutingSearchQuery = z.object({
  /** skillId:minLevel,... — every one must be met. */
  skills: ZSkillFilter.optional(),
  /** Free text over the work-history record (organisation, role, achievements), Japanese or English. */
  q: z.string().trim().min(2, "must be at least 2 characters").max(100, "is too long").optional(),
  companyId: ZId.optional(),
  jobCategoryId: ZId.optional(),
  /** Minimum months in `jobCategoryId` over the assignment history (needs jobCategoryId). */
  minMonthsInJobCategory: z.coerce.number().int().min(1).max(600).optional(),
  wantsTransfer: z.enum(["true"]).optional(),
  openToOverseas: z.enum(["true"]).optional(),
  moveTiming: z.enum(MOVE_TIMINGS).optional(),
  desiredJobCategoryId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The last person id of the previous page. */
  after: ZId.optional(),
});
export type ScoutingSearchQuery = z.infer<typeof ZScoutingSearchQuery>;

export const ZScoutingSearchHit = z.object({
  person: ZMatchPerson,
  skills: z.array(z.object({ skillId: z.number().int(), name: ZLocalizedName, level: z.number().int() })),
  wishes: z
    .object({
      year: z.number().int(),
      wantsTransfer: z.boolean(),
      openToOverseas: z.boolean(),
      moveTiming: z.enum(MOVE_TIMINGS),
    })
    .nullable(),
  /** The newest matching work-history entry (free-text search), else the newest entry. */
  entry: z.object({ organisation: z.string(), role: z.string(), periodFrom: z.string() }).nullable(),
});
export const ZScoutingSearchResponse = z.object({
  hits: z.array(ZScoutingSearchHit),
  /** Pass as `after` for the next page; null at the end. */
  nextAfter: z.number().int().nullable(),
});
export type ScoutingSearchResponse = z.infer<typeof ZScoutingSearchResponse>;

// ---------- scouts ----------

export const ZSendScoutRequest = z.object({
  postingId: ZId,
  personId: ZId,
  message: z.string().trim().min(1, "is required").max(4000, "must be at most 4000 characters"),
});
export const ZAcceptScoutRequest = z.object({
  motivation: z.string().trim().max(4000, "must be at most 4000 characters").default(""),
});
export const ZDeclineScoutRequest = z.object({
  note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().default(null),
});

export const ZScout = z.object({
  id: z.number().int(),
  posting: ZPostingRef,
  /** Present for the recruiter's views; the employee sees their own scouts. */
  person: ZMatchPerson.nullable(),
  message: z.string(),
  status: z.enum(SCOUT_STATUSES),
  responseNote: z.string().nullable(),
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
  /** The application made by accepting, if any. */
  applicationId: z.number().int().nullable(),
});
export type Scout = z.infer<typeof ZScout>;
export const ZScoutList = z.object({ scouts: z.array(ZScout) });
export type ScoutList = z.infer<typeof ZScoutList>;

export const ZScoutCounts = z.object({
  postings: z.array(
    z.object({
      posting: ZPostingRef,
      sent: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      open: z.number().int(),
    }),
  ),
});
export type ScoutCounts = z.infer<typeof ZScoutCounts>;

// ---------- rotation plans ----------

export const ZCreateRotationPlanRequest = z.object({
  name: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  /** Null: a group-wide plan (group HR only). */
  companyId: ZId.nullable().default(null),
  effectiveOn: ZIsoDate,
  note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().default(null),
});
export type CreateRotationPlanRequest = z.infer<typeof ZCreateRotationPlanRequest>;

/** Rename, re-date or re-note a draft or approved plan (see rotation.service.ts `updatePlan`); at least one field. */
export const ZUpdateRotationPlanRequest = z
  .object({
    name: ZCreateRotationPlanRequest.shape.name.optional(),
    effectiveOn: ZCreateRotationPlanRequest.shape.effectiveOn.optional(),
    note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().optional(),
  })
  .refine(
    (value) => value.name !== undefined || value.effectiveOn !== undefined || value.note !== undefined,
    {
      message: "give at least one of name, effectiveOn and note",
    },
  );
export type UpdateRotationPlanRequest = z.infer<typeof ZUpdateRotationPlanRequest>;

export const ZAddRotationMoveRequest = z.object({
  personId: ZId,
  toOrgUnitId: ZId,
  toPositionId: ZId.nullable().default(null),
  toGradeId: ZId.nullable().default(null),
  note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().default(null),
});
export type AddRotationMoveRequest = z.infer<typeof ZAddRotationMoveRequest>;

const ZRef = z.object({ id: z.number().int(), name: ZLocalizedName });

export const ZRotationMove = z.object({
  id: z.number().int(),
  person: ZMatchPerson,
  to: z.object({ company: ZRef, orgUnit: ZRef, position: ZRef.nullable(), grade: ZRef.nullable() }),
  /** Fit to the new position's skill map (null without a position or a map). */
  fit: z.object({ score: z.number(), skills: z.array(ZMatchSkillLine) }).nullable(),
  wishes: z.array(ZMatchWish),
  careerReportYear: z.number().int().nullable(),
  /** Whole months in the current unit and with the current employer, on the plan's effective date. */
  tenure: z.object({ unitMonths: z.number().int(), companyMonths: z.number().int() }).nullable(),
  note: z.string().nullable(),
  resultingAssignmentId: z.number().int().nullable(),
});
export type RotationMove = z.infer<typeof ZRotationMove>;

const ZBeforeAfter = z.object({ before: z.number(), after: z.number() });
export const ZRotationUnitEffect = z.object({
  company: ZRef,
  orgUnit: ZRef,
  headcount: ZBeforeAfter,
  /** Women among the unit's people (share 0–1; null when the unit is empty). */
  womenShare: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
  /** Skills held at level 3 or more by someone in the unit. */
  skillsCovered: ZBeforeAfter,
  skillsLost: z.array(ZRef),
  skillsGained: z.array(ZRef),
});
export type RotationUnitEffect = z.infer<typeof ZRotationUnitEffect>;

export const ZRotationPlanSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  companyId: z.number().int().nullable(),
  effectiveOn: z.string(),
  status: z.enum(["draft", "approved", "committed", "discarded"]),
  note: z.string().nullable(),
  moveCount: z.number().int(),
});
export type RotationPlanSummary = z.infer<typeof ZRotationPlanSummary>;

export const ZRotationPlan = ZRotationPlanSummary.extend({
  moves: z.array(ZRotationMove),
  effect: z.array(ZRotationUnitEffect),
});
export type RotationPlan = z.infer<typeof ZRotationPlan>;
export const ZRotationPlanList = z.object({ plans: z.array(ZRotationPlanSummary) });

// ---------- mobility figures ----------

export const ZMobilityFiguresQuery = z.object({
  fy: z.coerce
    .number({ error: "must be a year" })
    .int("must be a year")
    .min(1990, "must be 1990 or later")
    .max(2999),
  companyId: ZId.optional(),
});
export type MobilityFiguresQuery = z.infer<typeof ZMobilityFiguresQuery>;

export const ZMobilityFigures = z.object({
  /** Internal moves through postings that took effect in the fiscal year (applications moved), by posting kind. */
  internalMoves: z.object({
    total: z.number().int(),
    transfer: z.number().int(),
    side_assignment: z.number().int(),
    overseas: z.number().int(),
    project: z.number().int(),
  }),
  /** People on a Select Job side assignment at any time in the fiscal year. */
  selectJobParticipants: z.number().int(),
  /** People on an overseas assignment on the last day of the fiscal year (or today, if earlier), by program. */
  overseasByProgram: z.object({
    young_talent: z.number().int(),
    mid_career: z.number().int(),
    other: z.number().int(),
  }),
  /** Scouts sent in the fiscal year, and how many of them were accepted / declined. */
  scouts: z.object({ sent: z.number().int(), accepted: z.number().int(), declined: z.number().int() }),
  /** The fiscal year's career-report cycle: reports submitted ÷ people employed on its due date. */
  careerReports: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    share: z.number().nullable(),
  }),
});
export type MobilityFigures = z.infer<typeof ZMobilityFigures>;

export const ZMobilityFiguresResponse = z.object({
  fiscalYear: z.number().int(),
  total: ZMobilityFigures,
  companies: z.array(
    ZMobilityFigures.extend({
      company: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }),
      period: z.object({ from: z.string(), to: z.string() }),
    }),
  ),
});
export type MobilityFiguresResponse = z.infer<typeof ZMobilityFiguresResponse>;
