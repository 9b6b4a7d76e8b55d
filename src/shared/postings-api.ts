/**
 * Request and response shapes of internal postings and applications (issue 7), shared by the server, the web app
 * and the CLI. Same conventions as api.ts: Z<Thing>, Z<Action>Request, ISO dates, inclusive last days.
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import {
  APPLICATION_STATUSES,
  OPTIONAL_APPLICATION_STEPS,
  OVERSEAS_PROGRAMS,
  POSTING_KINDS,
  POSTING_STATUSES,
} from "./mobility-vocab";
import { optionalText, text } from "./skills-api-fields";

const share = z
  .number({ error: "must be a number" })
  .min(0.01, "must be at least 0.01 (1%)")
  .max(0.99, "must be below 1 (100%)")
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, "use at most two decimals (e.g. 0.2)");
const rank = z
  .number()
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  .max(99, "must be at most 99");

// ---------- postings ----------

/** Who may apply: minimum group tenure in months, grade ranks (inclusive), companies of the applicant. */
export const ZEligibility = z
  .object({
    minTenureMonths: z.number().int("must be a whole number").min(0).max(600).optional(),
    gradeRanks: z.object({ min: rank.optional(), max: rank.optional() }).optional(),
    companyIds: z.array(ZId).max(200, "at most 200 companies").optional(),
  })
  .strict();
export type Eligibility = z.infer<typeof ZEligibility>;

export const ZPostingSkillInput = z.object({
  skillId: ZId,
  level: z.number().int("must be a whole number").min(1, "must be 1 or more").max(10),
  required: z.boolean(),
});

const postingFields = {
  orgUnitId: ZId,
  kind: z.enum(POSTING_KINDS),
  titleJa: text(200),
  titleEn: text(200),
  descriptionJa: optionalText(10000),
  descriptionEn: optionalText(10000),
  positionId: ZId.nullable().default(null),
  gradeRankMin: rank.nullable().default(null),
  gradeRankMax: rank.nullable().default(null),
  fteShare: share.nullable().default(null),
  durationMonths: z.number().int("must be a whole number").min(1).max(120).nullable().default(null),
  hostCompanyId: ZId.nullable().default(null),
  overseasProgram: z.enum(OVERSEAS_PROGRAMS).nullable().default(null),
  location: z.string().trim().max(200).nullable().default(null),
  eligibility: ZEligibility.default({}),
  ownerUserId: ZId.nullable().default(null),
  skills: z.array(ZPostingSkillInput).max(100, "at most 100 skills").default([]),
};

export const ZCreatePostingRequest = z.object({ companyId: ZId, ...postingFields });
export type CreatePostingRequest = z.infer<typeof ZCreatePostingRequest>;

/** Every field of the posting except its company; absent fields keep their value. */
export const ZUpdatePostingRequest = z.object({
  orgUnitId: postingFields.orgUnitId.optional(),
  kind: postingFields.kind.optional(),
  titleJa: postingFields.titleJa.optional(),
  titleEn: postingFields.titleEn.optional(),
  descriptionJa: z.string().trim().max(10000).optional(),
  descriptionEn: z.string().trim().max(10000).optional(),
  positionId: ZId.nullable().optional(),
  gradeRankMin: rank.nullable().optional(),
  gradeRankMax: rank.nullable().optional(),
  fteShare: share.nullable().optional(),
  durationMonths: z.number().int().min(1).max(120).nullable().optional(),
  hostCompanyId: ZId.nullable().optional(),
  overseasProgram: z.enum(OVERSEAS_PROGRAMS).nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  eligibility: ZEligibility.optional(),
  ownerUserId: ZId.nullable().optional(),
  skills: z.array(ZPostingSkillInput).max(100).optional(),
});
export type UpdatePostingRequest = z.infer<typeof ZUpdatePostingRequest>;

export const ZPostingQuery = z.object({
  /** board: open postings for everyone; manage: the postings the caller manages or owns (any status). */
  view: z.enum(["board", "manage"]).default("board"),
  kind: z.enum(POSTING_KINDS).optional(),
  companyId: ZId.optional(),
  status: z.enum(POSTING_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PostingQuery = z.infer<typeof ZPostingQuery>;

const ZNamedRef = z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName });

export const ZPostingSkill = z.object({
  skillId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  level: z.number().int(),
  required: z.boolean(),
});

/** Why the caller may not apply; `code` is a message key of the web app (postings.ineligible.<code>). */
export const ZIneligibility = z.object({
  code: z.enum(["not_employed", "tenure", "grade", "company", "same_unit", "host_company", "closed"]),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  message: z.string(),
});
export type Ineligibility = z.infer<typeof ZIneligibility>;

export const ZPosting = z.object({
  id: z.number().int(),
  company: ZNamedRef,
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }),
  kind: z.enum(POSTING_KINDS),
  status: z.enum(POSTING_STATUSES),
  title: ZLocalizedName,
  description: ZLocalizedName,
  position: ZNamedRef.nullable(),
  gradeRankMin: z.number().int().nullable(),
  gradeRankMax: z.number().int().nullable(),
  fteShare: z.number().nullable(),
  durationMonths: z.number().int().nullable(),
  hostCompany: ZNamedRef.nullable(),
  overseasProgram: z.enum(OVERSEAS_PROGRAMS).nullable(),
  location: z.string().nullable(),
  eligibility: ZEligibility,
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  ownerUserId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  skills: z.array(ZPostingSkill),
  /** Open applications (only for those who manage the posting; null otherwise). */
  applicationCount: z.number().int().nullable(),
  canManage: z.boolean(),
});
export type Posting = z.infer<typeof ZPosting>;

export const ZPostingList = z.object({ total: z.number().int(), items: z.array(ZPosting) });

export const ZPostingDetail = ZPosting.extend({
  /** The caller's open (or latest) application to this posting. */
  myApplication: z.object({ id: z.number().int(), status: z.enum(APPLICATION_STATUSES) }).nullable(),
  /** Empty when the caller may apply. */
  ineligible: z.array(ZIneligibility),
});
export type PostingDetail = z.infer<typeof ZPostingDetail>;

// ---------- applications ----------

export const ZApplyRequest = z.object({
  motivation: z.string().trim().max(4000, "must be at most 4000 characters").default(""),
  scoutId: ZId.nullable().default(null),
});

export const ZStepRequest = z.object({
  note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().default(null),
});
export const ZReleaseRequest = ZStepRequest.extend({
  /** Side assignments: the share of time the manager approves (default: the posting's share). */
  approvedFteShare: share.nullable().default(null),
});
export const ZConfirmRequest = ZStepRequest.extend({
  effectiveOn: ZIsoDate,
  /** Side assignments and secondments: last day; default from the posting's duration. */
  endsOn: ZIsoDate.nullable().default(null),
});

export const ZApplicationQuery = z.object({
  /** mine: the caller's applications; release: waiting for the caller's release; confirm: waiting for HR. */
  view: z.enum(["mine", "release", "confirm"]).default("mine"),
});

export const ZApplicationEvent = z.object({
  id: z.number().int(),
  fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
  toStatus: z.enum(APPLICATION_STATUSES),
  /** release_requested: sent to the current manager (the status does not change). */
  marker: z.enum(["release_requested"]).nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const ZApplicationActions = z.object({
  advance: z.boolean(),
  reject: z.boolean(),
  withdraw: z.boolean(),
  decline: z.boolean(),
  release: z.boolean(),
  confirm: z.boolean(),
});

export const ZApplication = z.object({
  id: z.number().int(),
  posting: z.object({
    id: z.number().int(),
    kind: z.enum(POSTING_KINDS),
    title: ZLocalizedName,
    company: ZLocalizedName,
    orgUnit: ZLocalizedName,
    fteShare: z.number().nullable(),
    durationMonths: z.number().int().nullable(),
  }),
  person: z.object({ personId: z.number().int(), name: ZPersonName }),
  status: z.enum(APPLICATION_STATUSES),
  /** The next step of the company's workflow, or `release` when it waits for the manager. */
  nextStep: z.enum(APPLICATION_STATUSES).nullable(),
  awaitingRelease: z.boolean(),
  /** Hidden (null) from the releasing manager. */
  motivation: z.string().nullable(),
  scoutId: z.number().int().nullable(),
  releasingManager: z.object({ personId: z.number().int(), name: ZPersonName }).nullable(),
  approvedFteShare: z.number().nullable(),
  effectiveOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
  events: z.array(ZApplicationEvent),
  can: ZApplicationActions,
});
export type Application = z.infer<typeof ZApplication>;
export const ZApplicationList = z.object({ items: z.array(ZApplication) });

// ---------- workflow settings ----------

export const ZMobilitySettings = z.object({
  companyId: z.number().int(),
  applicationSteps: z.array(z.enum(OPTIONAL_APPLICATION_STEPS)),
});
export type MobilitySettings = z.infer<typeof ZMobilitySettings>;
export const ZUpdateMobilitySettingsRequest = z.object({
  applicationSteps: z
    .array(z.enum(OPTIONAL_APPLICATION_STEPS))
    .max(3)
    .refine((steps) => new Set(steps).size === steps.length, "name each step once"),
});
export const ZCompanyParams = z.object({ companyId: ZId });

export const ZRunMovesResponse = z.object({ asOf: z.string(), moved: z.array(z.number().int()) });
