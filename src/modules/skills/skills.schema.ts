import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { isoDate, validity } from "../../db/columns";
import { sqlList } from "../../shared/enums";
import { ASSESSMENT_SOURCES, CURRENT_LEVEL_RULES } from "../../shared/skills-vocab";
import { users } from "../auth/auth.schema";
import { companies, grades, jobCategories, positions } from "../org/org.schema";
import { persons } from "../people/people.schema";

/**
 * The group's proficiency scale: one row per level (0 = none ... 5 = expert by default), with what the level
 * means. Group HR may rename, re-describe, add or remove levels; the levels are always 0..max without gaps.
 */
export const skillScaleLevels = pgTable(
  "skill_scale_levels",
  {
    level: smallint("level").primaryKey(),
    nameJa: varchar("name_ja", { length: 100 }).notNull(),
    nameEn: varchar("name_en", { length: 100 }).notNull(),
    descriptionJa: text("description_ja").notNull(),
    descriptionEn: text("description_en").notNull(),
  },
  (t) => [check("skill_scale_levels_range", sql`${t.level} between 0 and 10`)],
);

/** Group-wide skill settings (a single row, id 1). */
export const skillSettings = pgTable(
  "skill_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** latest_confirmed: the latest manager/HR/course/import assessment; latest_any: self-assessments count too. */
    currentLevelRule: text("current_level_rule", { enum: CURRENT_LEVEL_RULES })
      .notNull()
      .default("latest_confirmed"),
    /** How many days before a certification expires its holder (and their manager) are reminded, largest first. */
    certificationReminderDays: smallint("certification_reminder_days")
      .array()
      .notNull()
      .default(sql`'{90,30}'::smallint[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("skill_settings_single_row", sql`${t.id} = 1`),
    check(
      "skill_settings_reminder_days_check",
      sql`cardinality(${t.certificationReminderDays}) between 1 and 5
          and 1 <= all(${t.certificationReminderDays}) and 366 >= all(${t.certificationReminderDays})`,
    ),
    check("skill_settings_rule_check", sql.raw(`current_level_rule in (${sqlList(CURRENT_LEVEL_RULES)})`)),
  ],
);

/** A group of skills (e.g. "Basic skills: content", "Security"). company_id null = the group's library. */
export const skillCategories = pgTable(
  "skill_categories",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").references(() => companies.id),
    code: varchar("code", { length: 64 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [unique("skill_categories_code_key").on(t.companyId, t.code).nullsNotDistinct()],
);

/**
 * A skill of the library. company_id null = group-wide (e.g. the O*NET starter library); otherwise a skill one
 * company added for itself (network operation, cloud security, consultative selling ...).
 */
export const skills = pgTable(
  "skills",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => skillCategories.id),
    companyId: integer("company_id").references(() => companies.id),
    code: varchar("code", { length: 64 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    descriptionJa: text("description_ja").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    /** O*NET content-model element (e.g. 2.A.1.a) when the skill came from the O*NET starter library. */
    onetElementId: varchar("onet_element_id", { length: 16 }),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("skills_code_key").on(t.companyId, t.code).nullsNotDistinct(),
    index("skills_category_idx").on(t.categoryId, t.id),
  ],
);

/** What a level means for one skill (e.g. O*NET's anchors); falls back to the scale's description. */
export const skillLevelAnchors = pgTable(
  "skill_level_anchors",
  {
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    level: smallint("level").notNull(),
    descriptionJa: text("description_ja").notNull(),
    descriptionEn: text("description_en").notNull(),
  },
  (t) => [primaryKey({ columns: [t.skillId, t.level], name: "skill_level_anchors_pkey" })],
);

/**
 * One line of a skill map: the level a skill is required at (and, optionally, desirable at) for a position
 * (optionally only at one grade), or for a job category at a grade. Dated: a changed map is a new version
 * from a date; the database refuses two versions of the same line at once (exclusion constraint).
 * Resolution for a person (most specific wins per skill): position + grade, position, category + grade.
 */
export const skillRequirements = pgTable(
  "skill_requirements",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    positionId: integer("position_id").references(() => positions.id),
    jobCategoryId: integer("job_category_id").references(() => jobCategories.id),
    gradeId: integer("grade_id").references(() => grades.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    requiredLevel: smallint("required_level").notNull(),
    desirableLevel: smallint("desirable_level"),
    ...validity(),
  },
  (t) => [
    index("skill_requirements_position_idx").on(t.positionId, t.validFrom),
    index("skill_requirements_category_idx").on(t.jobCategoryId, t.gradeId, t.validFrom),
    index("skill_requirements_skill_idx").on(t.skillId),
    check(
      "skill_requirements_target_check",
      sql`(${t.positionId} is not null and ${t.jobCategoryId} is null) or (${t.positionId} is null and ${t.jobCategoryId} is not null and ${t.gradeId} is not null)`,
    ),
    check(
      "skill_requirements_levels_check",
      sql`${t.requiredLevel} between 0 and 10 and (${t.desirableLevel} is null or ${t.desirableLevel} between ${t.requiredLevel} and 10)`,
    ),
    check("skill_requirements_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * A skill level as someone saw it on a day: the person themself, their manager, HR, a completed course or an
 * import. Never updated: a new view is a new row, so the history stays. company_id is the person's employing
 * company on that day (kept on every employment-scoped row).
 */
export const skillAssessments = pgTable(
  "skill_assessments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    companyId: integer("company_id").references(() => companies.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    level: smallint("level").notNull(),
    source: text("source", { enum: ASSESSMENT_SOURCES }).notNull(),
    assessedOn: isoDate("assessed_on").notNull(),
    assessorPersonId: integer("assessor_person_id").references(() => persons.id),
    assessorUserId: integer("assessor_user_id").references(() => users.id),
    /** The training record whose completion raised the level (source course). */
    trainingRecordId: bigint("training_record_id", { mode: "number" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("skill_assessments_person_idx").on(t.personId, t.skillId, t.assessedOn, t.id),
    index("skill_assessments_skill_idx").on(t.skillId, t.personId),
    // 0..10, the bounds of the scale (skill_scale_levels_range); person_skill_tokens packs a level in four bits.
    check("skill_assessments_level_check", sql`${t.level} between 0 and 10`),
    check("skill_assessments_source_check", sql.raw(`source in (${sqlList(ASSESSMENT_SOURCES)})`)),
  ],
);
