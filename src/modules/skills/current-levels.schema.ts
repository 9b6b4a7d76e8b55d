import { bigint, index, integer, pgTable, primaryKey, smallint } from "drizzle-orm/pg-core";
import { isoDate } from "../../db/columns";
import { persons } from "../people/people.schema";
import { skills } from "./skills.schema";

/**
 * Each person's current level per skill, derived from `skill_assessments` by a statement-level trigger (see
 * migration 0010): the latest confirmed assessment (any source but `self`) and the latest of any source, each by
 * (assessed_on, id). Read it where many people are compared at once (matching candidates to a posting, heat maps
 * at scale); a single person's view may read the assessments directly. Never written by the application.
 */
export const personSkillLevels = pgTable(
  "person_skill_levels",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    confirmedLevel: smallint("confirmed_level"),
    confirmedOn: isoDate("confirmed_on"),
    confirmedAssessmentId: bigint("confirmed_assessment_id", { mode: "number" }),
    anyLevel: smallint("any_level").notNull(),
    anyOn: isoDate("any_on").notNull(),
    anyAssessmentId: bigint("any_assessment_id", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.skillId], name: "person_skill_levels_pkey" }),
    index("person_skill_levels_confirmed_idx").on(t.skillId, t.confirmedLevel, t.personId),
    index("person_skill_levels_any_idx").on(t.skillId, t.anyLevel, t.personId),
  ],
);

/**
 * Per person, "skill s at level ≥ k" as integer tokens `s * 16 + k` (k = 1 ... level), once for the confirmed
 * and once for the any-source current level: "meets every level of a posting" is then one GIN containment
 * (`any_tokens @> array[...]`), a bitmap AND of posting lists, instead of one self-join per skill. Derived from
 * `person_skill_levels` by a statement-level trigger (migration 0012); never written by the application.
 */
export const personSkillTokens = pgTable(
  "person_skill_tokens",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => persons.id),
    confirmedTokens: integer("confirmed_tokens").array().notNull(),
    anyTokens: integer("any_tokens").array().notNull(),
  },
  (t) => [
    index("person_skill_tokens_confirmed_idx").using("gin", t.confirmedTokens),
    index("person_skill_tokens_any_idx").using("gin", t.anyTokens),
  ],
);

/** The token of "skill at level ≥ k" in person_skill_tokens (levels are 0..10, see skill_scale_levels). */
export const skillLevelToken = (skillId: number, atLeast: number): number => skillId * 16 + atLeast;
