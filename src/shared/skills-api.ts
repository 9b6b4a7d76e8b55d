/**
 * Request and response shapes of the skills, learning and OJT API (zod), shared by the server, the web app and
 * the CLI. Same conventions as api.ts: Z<Thing>, Z<Action>Request / Z<Action>Response, ISO dates, inclusive
 * last days. This file holds the skills shapes and re-exports the learning and OJT ones (one import for all).
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import { text, optionalText, code, level, ZRef, ZPersonRef } from "./skills-api-fields";
import { ASSESSMENT_SOURCES, COURSE_DELIVERIES, COURSE_KINDS, CURRENT_LEVEL_RULES } from "./skills-vocab";

export * from "./learning-api";
export * from "./ojt-api";
export * from "./skills-vocab";

// ---------- proficiency scale ----------

export const ZScaleLevel = z.object({
  level: z.number().int(),
  name: ZLocalizedName,
  description: ZLocalizedName,
});
export type ScaleLevel = z.infer<typeof ZScaleLevel>;
export const ZSkillScale = z.object({
  levels: z.array(ZScaleLevel),
  maxLevel: z.number().int(),
  currentLevelRule: z.enum(CURRENT_LEVEL_RULES),
});
export type SkillScale = z.infer<typeof ZSkillScale>;

export const ZUpdateSkillScaleRequest = z
  .object({
    levels: z
      .array(
        z.object({
          level,
          nameJa: text(100),
          nameEn: text(100),
          descriptionJa: text(2000),
          descriptionEn: text(2000),
        }),
      )
      .min(2, "give at least two levels")
      .max(11, "give at most 11 levels"),
    currentLevelRule: z.enum(CURRENT_LEVEL_RULES),
  })
  .refine((v) => v.levels.every((l, i) => l.level === i), {
    message: "levels must run 0, 1, 2 ... without gaps, in order",
    path: ["levels"],
  });

// ---------- group skill settings ----------

/** Bounds of the certification-expiry reminder lead times (skill_settings.certification_reminder_days). */
export const REMINDER_DAYS_BOUNDS = { minCount: 1, maxCount: 5, minDays: 1, maxDays: 366 } as const;

/** The group's skill settings (group HR): the current-level rule and the certification reminder lead times. */
export const ZSkillSettings = z.object({
  currentLevelRule: z.enum(CURRENT_LEVEL_RULES),
  /** Days before a certification expires that its holder, their manager and company HR are reminded, largest first. */
  certificationReminderDays: z.array(z.number().int()),
});
export type SkillSettings = z.infer<typeof ZSkillSettings>;

/** Either setting or both; the lead times are checked by the service (1–5 whole numbers of days, 1–366). */
export const ZUpdateSkillSettingsRequest = z.object({
  currentLevelRule: z.enum(CURRENT_LEVEL_RULES).optional(),
  certificationReminderDays: z
    .array(z.number({ error: "each lead time must be a number of days" }), {
      error: "must be a list of 1 to 5 numbers of days, e.g. [90, 30]",
    })
    .optional(),
});
export type UpdateSkillSettingsRequest = z.infer<typeof ZUpdateSkillSettingsRequest>;

// ---------- library ----------

export const ZSkillCategory = z.object({
  id: z.number().int(),
  companyId: z.number().int().nullable(),
  code: z.string(),
  name: ZLocalizedName,
  sortOrder: z.number().int(),
});
export const ZSkillCategoryList = z.object({ items: z.array(ZSkillCategory) });
export const ZCreateSkillCategoryRequest = z.object({
  companyId: z.number().int().positive().nullable().default(null),
  code,
  nameJa: text(200),
  nameEn: text(200),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});

export const ZSkillAnchor = z.object({ level: z.number().int(), description: ZLocalizedName });
export const ZSkill = z.object({
  id: z.number().int(),
  categoryId: z.number().int(),
  category: ZLocalizedName,
  companyId: z.number().int().nullable(),
  code: z.string(),
  name: ZLocalizedName,
  description: ZLocalizedName,
  onetElementId: z.string().nullable(),
  active: z.boolean(),
});
export type Skill = z.infer<typeof ZSkill>;
export const ZSkillDetail = ZSkill.extend({
  anchors: z.array(ZSkillAnchor),
  /** Courses that build the skill (the training map from the skill's side). */
  courses: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: ZLocalizedName,
      targetLevel: z.number().int(),
    }),
  ),
});
export type SkillDetail = z.infer<typeof ZSkillDetail>;
export const ZSkillList = z.object({ items: z.array(ZSkill) });
export const ZSkillQuery = z.object({
  /** Also the skills this company added (default: the group library only, unless q matches). */
  companyId: ZId.optional(),
  q: z.string().trim().max(100).optional(),
});

const ZAnchorInput = z.object({ level, descriptionJa: text(2000), descriptionEn: text(2000) });
export const ZCreateSkillRequest = z.object({
  categoryId: z.number().int().positive(),
  companyId: z.number().int().positive().nullable().default(null),
  code,
  nameJa: text(200),
  nameEn: text(200),
  descriptionJa: optionalText(4000),
  descriptionEn: optionalText(4000),
  anchors: z.array(ZAnchorInput).max(11).default([]),
});
export type CreateSkillRequest = z.infer<typeof ZCreateSkillRequest>;
export const ZUpdateSkillRequest = z.object({
  nameJa: text(200).optional(),
  nameEn: text(200).optional(),
  descriptionJa: z.string().trim().max(4000).optional(),
  descriptionEn: z.string().trim().max(4000).optional(),
  active: z.boolean().optional(),
  anchors: z.array(ZAnchorInput).max(11).optional(),
});

export const ZLoadOnetResponse = z.object({
  attribution: z.string(),
  categories: z.object({ created: z.number().int(), existing: z.number().int() }),
  skills: z.object({ created: z.number().int(), existing: z.number().int() }),
  anchors: z.number().int(),
});
export type LoadOnetResponse = z.infer<typeof ZLoadOnetResponse>;

// ---------- skill maps and job descriptions ----------

export const ZSkillMapEntry = z.object({
  skill: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName, category: ZLocalizedName }),
  requiredLevel: z.number().int(),
  desirableLevel: z.number().int().nullable(),
  /** Where the line comes from: the position (for all grades or this grade) or the job category at a grade. */
  source: z.enum(["position", "position_grade", "category_grade"]),
  gradeId: z.number().int().nullable(),
  validFrom: z.string(),
  /** What the required level means for this skill (its own anchor, else the scale's description). */
  requiredAnchor: ZLocalizedName,
  desirableAnchor: ZLocalizedName.nullable(),
});
export type SkillMapEntry = z.infer<typeof ZSkillMapEntry>;

export const ZJobDescription = z.object({
  asOf: z.string(),
  position: z.object({
    id: z.number().int(),
    code: z.string(),
    name: ZLocalizedName,
    onetSocCode: z.string().nullable(),
    company: ZRef,
    jobCategory: ZRef.nullable(),
  }),
  /** The grade the map was resolved for (null = the position's map for every grade). */
  gradeId: z.number().int().nullable(),
  grades: z.array(z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName })),
  entries: z.array(ZSkillMapEntry),
  scale: z.array(ZScaleLevel),
  /** People holding the position on the date (a count, not names). */
  holders: z.number().int(),
  canEdit: z.boolean(),
  attribution: z.string().nullable(),
});
export type JobDescription = z.infer<typeof ZJobDescription>;
export const ZJobDescriptionQuery = z.object({ asOf: ZIsoDate.optional(), gradeId: ZId.optional() });

export const ZPositionCatalog = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: ZLocalizedName,
      jobCategory: ZRef.nullable(),
      skills: z.number().int(),
    }),
  ),
});

export const ZSetSkillMapRequest = z.object({
  /** The new map applies from this day; the lines in force end the day before. */
  validFrom: ZIsoDate,
  /** Only for this grade (null = the position's map for every grade). */
  gradeId: z.number().int().positive().nullable().default(null),
  entries: z
    .array(
      z.object({
        skillId: z.number().int().positive(),
        requiredLevel: level,
        desirableLevel: level.nullable().default(null),
      }),
    )
    .max(60, "give at most 60 skills"),
});
export type SetSkillMapRequest = z.infer<typeof ZSetSkillMapRequest>;

// ---------- assessments and gaps ----------

export const ZAssessment = z.object({
  id: z.number().int(),
  skillId: z.number().int(),
  level: z.number().int(),
  source: z.enum(ASSESSMENT_SOURCES),
  assessedOn: z.string(),
  assessor: ZPersonRef.nullable(),
  note: z.string().nullable(),
  course: z.object({ id: z.number().int(), title: ZLocalizedName }).nullable(),
});
export type Assessment = z.infer<typeof ZAssessment>;
export const ZAssessmentHistory = z.object({ skill: ZSkill, items: z.array(ZAssessment) });

export const ZCreateAssessmentRequest = z.object({
  skillId: z.number().int().positive(),
  level,
  /** self: the person themself; manager: their manager; hr: company HR. */
  source: z.enum(["self", "manager", "hr"]),
  assessedOn: ZIsoDate.optional(),
  note: z.string().trim().max(2000, "must be at most 2000 characters").nullable().default(null),
});
export type CreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

export const ZSuggestedCourse = z.object({
  id: z.number().int(),
  code: z.string(),
  title: ZLocalizedName,
  kind: z.enum(COURSE_KINDS),
  delivery: z.enum(COURSE_DELIVERIES),
  durationDays: z.number(),
  targetLevel: z.number().int(),
  nextSession: z
    .object({ id: z.number().int(), startsOn: z.string(), seatsLeft: z.number().int() })
    .nullable(),
});
export type SuggestedCourse = z.infer<typeof ZSuggestedCourse>;

export const ZSkillGapLine = z.object({
  skill: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName, category: ZLocalizedName }),
  requiredLevel: z.number().int().nullable(),
  desirableLevel: z.number().int().nullable(),
  /** The current level by the group's rule; null = never assessed. */
  currentLevel: z.number().int().nullable(),
  currentSource: z.enum(ASSESSMENT_SOURCES).nullable(),
  currentOn: z.string().nullable(),
  /** The latest self-assessment (shown beside the confirmed level). */
  selfLevel: z.number().int().nullable(),
  /** required − current (0 when met; unassessed counts as 0). */
  gap: z.number().int(),
  suggestedCourses: z.array(ZSuggestedCourse),
});
export type SkillGapLine = z.infer<typeof ZSkillGapLine>;

export const ZPersonSkills = z.object({
  asOf: z.string(),
  personId: z.number().int(),
  name: ZPersonName,
  position: z.object({ id: z.number().int(), name: ZLocalizedName, companyId: z.number().int() }).nullable(),
  aspiredPosition: z
    .object({ id: z.number().int(), name: ZLocalizedName, companyId: z.number().int() })
    .nullable(),
  currentLevelRule: z.enum(CURRENT_LEVEL_RULES),
  scale: z.array(ZScaleLevel),
  /** Required by the current position (with gaps). */
  lines: z.array(ZSkillGapLine),
  /** Required by the aspired position, when asked for. */
  aspiredLines: z.array(ZSkillGapLine),
  /** Other skills the person has been assessed on. */
  otherSkills: z.array(ZSkillGapLine),
  canSelfAssess: z.boolean(),
  canManagerAssess: z.boolean(),
  canHrAssess: z.boolean(),
});
export type PersonSkills = z.infer<typeof ZPersonSkills>;
export const ZPersonSkillsQuery = z.object({ asOf: ZIsoDate.optional(), aspiredPositionId: ZId.optional() });

export const ZHeatmapQuery = z.object({ orgUnitId: ZId, asOf: ZIsoDate.optional() });
export const ZHeatmap = z.object({
  asOf: z.string(),
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }),
  skills: z.array(
    z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName, requiredBy: z.number().int() }),
  ),
  people: z.array(
    z.object({
      personId: z.number().int(),
      name: ZPersonName,
      position: ZLocalizedName.nullable(),
      /** One cell per skill, in the order of `skills`. */
      cells: z.array(
        z.object({ required: z.number().int().nullable(), current: z.number().int().nullable() }),
      ),
    }),
  ),
  truncated: z.boolean(),
});
export type Heatmap = z.infer<typeof ZHeatmap>;

export const ZScarcityQuery = z.object({ companyId: ZId.optional(), asOf: ZIsoDate.optional() });
export const ZScarcity = z.object({
  asOf: z.string(),
  companyId: z.number().int().nullable(),
  items: z.array(
    z.object({
      skill: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }),
      /** People whose position requires the skill (level ≥ 1) on the date. */
      required: z.number().int(),
      /** Of those, people whose current level meets the requirement. */
      meeting: z.number().int(),
      /** meeting ÷ required (0–1). */
      coverage: z.number(),
      /** Everyone in scope at level ≥ 4 (experts), required or not. */
      experts: z.number().int(),
    }),
  ),
});
export type Scarcity = z.infer<typeof ZScarcity>;
