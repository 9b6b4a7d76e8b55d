/** OJT API shapes: pairs, goals, check-ins, figures (see skills-api.ts). */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import { text, optionalText, level, ZPersonRef } from "./skills-api-fields";
import { OJT_GOAL_STATUSES, OJT_PAIR_STATUSES } from "./skills-vocab";

// ---------- OJT ----------

export const ZOjtGoal = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  skill: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  targetLevel: z.number().int().nullable(),
  status: z.enum(OJT_GOAL_STATUSES),
});
export const ZOjtCheckin = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  progress: z.string(),
  advice: z.string(),
});
export const ZOjtPair = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  fiscalYear: z.number().int(),
  trainee: ZPersonRef,
  trainer: ZPersonRef,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(OJT_PAIR_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  goals: z.number().int(),
  checkins: z.number().int(),
  lastCheckinOn: z.string().nullable(),
});
export type OjtPair = z.infer<typeof ZOjtPair>;
export const ZOjtPairDetail = ZOjtPair.extend({
  goalItems: z.array(ZOjtGoal),
  checkinItems: z.array(ZOjtCheckin),
  canEdit: z.boolean(),
});
export type OjtPairDetail = z.infer<typeof ZOjtPairDetail>;
export const ZOjtPairList = z.object({ items: z.array(ZOjtPair) });
export const ZOjtPairQuery = z.object({
  companyId: ZId.optional(),
  fiscalYear: z.coerce.number().int().min(1990).max(2999).optional(),
  /** Pairs where this person is the trainee or the trainer. */
  personId: ZId.optional(),
});

export const ZCreateOjtPairRequest = z
  .object({
    traineePersonId: z.number().int().positive(),
    trainerPersonId: z.number().int().positive(),
    validFrom: ZIsoDate,
    /** Default: one year less a day. */
    validTo: ZIsoDate.nullable().optional(),
  })
  .refine((p) => p.traineePersonId !== p.trainerPersonId, {
    message: "the trainer cannot be the trainee",
    path: ["trainerPersonId"],
  })
  .refine((p) => !p.validTo || p.validTo >= p.validFrom, {
    message: "must not be before validFrom",
    path: ["validTo"],
  });
export type CreateOjtPairRequest = z.infer<typeof ZCreateOjtPairRequest>;

export const ZCreateOjtGoalRequest = z
  .object({
    title: text(200),
    description: optionalText(4000),
    skillId: z.number().int().positive().nullable().default(null),
    targetLevel: level.nullable().default(null),
  })
  .refine((g) => (g.skillId === null) === (g.targetLevel === null), {
    message: "give both skillId and targetLevel, or neither",
    path: ["targetLevel"],
  });
export const ZUpdateOjtGoalRequest = z.object({ status: z.enum(OJT_GOAL_STATUSES) });
export const ZCreateOjtCheckinRequest = z.object({
  heldOn: ZIsoDate,
  progress: text(4000),
  advice: optionalText(4000),
});
export const ZCloseOjtPairRequest = z.object({ reviewedOn: ZIsoDate, reviewNote: text(4000) });

export const ZOjtFiguresQuery = z.object({
  companyId: ZId.optional(),
  fiscalYear: z.coerce.number().int().min(1990).max(2999),
});
export const ZOjtFigures = z.object({
  fiscalYear: z.number().int(),
  companyId: z.number().int().nullable(),
  /** People who first completed an OJT trainer training in the fiscal year. */
  trainersTrainedInYear: z.number().int(),
  /** People who have completed it by the end of the fiscal year (cumulative, still employed or not). */
  trainersTrainedTotal: z.number().int(),
  /** Pairs active on any day of the fiscal year. */
  pairsActive: z.number().int(),
});
export const ZOjtTrainerList = z.object({
  items: z.array(
    z.object({
      personId: z.number().int(),
      name: ZPersonName,
      trainedOn: z.string(),
      activePairs: z.number().int(),
    }),
  ),
});
