import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { isoDate, validity } from "../../db/columns";
import { sqlList } from "../../shared/enums";
import { OJT_GOAL_STATUSES, OJT_PAIR_STATUSES } from "../../shared/skills-vocab";
import { users } from "../auth/auth.schema";
import { companies } from "../org/org.schema";
import { persons } from "../people/people.schema";
import { skills } from "../skills/skills.schema";

/**
 * A new graduate (trainee) paired with a trained OJT trainer for a year. Dated: the database refuses two pairs
 * of one trainee at once (exclusion constraint). The trainer must have completed the OJT trainer training and
 * may not be the trainee's line manager (checked by the service).
 */
export const ojtPairs = pgTable(
  "ojt_pairs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    traineePersonId: integer("trainee_person_id")
      .notNull()
      .references(() => persons.id),
    trainerPersonId: integer("trainer_person_id")
      .notNull()
      .references(() => persons.id),
    /** The company's fiscal year (its first calendar year) the pair works in. */
    fiscalYear: smallint("fiscal_year").notNull(),
    ...validity(),
    status: text("status", { enum: OJT_PAIR_STATUSES }).notNull().default("active"),
    /** The year-end review (written when the pair is closed). */
    reviewNote: text("review_note"),
    reviewedOn: isoDate("reviewed_on"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ojt_pairs_company_idx").on(t.companyId, t.fiscalYear, t.id),
    index("ojt_pairs_trainer_idx").on(t.trainerPersonId, t.validFrom),
    index("ojt_pairs_trainee_idx").on(t.traineePersonId, t.validFrom),
    check("ojt_pairs_not_self", sql`${t.traineePersonId} <> ${t.trainerPersonId}`),
    check("ojt_pairs_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("ojt_pairs_status_check", sql.raw(`status in (${sqlList(OJT_PAIR_STATUSES)})`)),
  ],
);

/** A capability-development goal the pair set for the trainee's year. */
export const ojtGoals = pgTable(
  "ojt_goals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    pairId: integer("pair_id")
      .notNull()
      .references(() => ojtPairs.id),
    title: varchar("title", { length: 200 }).notNull(),
    description: text("description").notNull().default(""),
    skillId: integer("skill_id").references(() => skills.id),
    targetLevel: smallint("target_level"),
    status: text("status", { enum: OJT_GOAL_STATUSES }).notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ojt_goals_pair_idx").on(t.pairId, t.id),
    check("ojt_goals_status_check", sql.raw(`status in (${sqlList(OJT_GOAL_STATUSES)})`)),
    check("ojt_goals_level_check", sql`(${t.skillId} is null) = (${t.targetLevel} is null)`),
  ],
);

/** A periodic check-in: the trainee's progress and the trainer's advice. */
export const ojtCheckins = pgTable(
  "ojt_checkins",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    pairId: integer("pair_id")
      .notNull()
      .references(() => ojtPairs.id),
    heldOn: isoDate("held_on").notNull(),
    progress: text("progress").notNull(),
    advice: text("advice").notNull().default(""),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ojt_checkins_pair_idx").on(t.pairId, t.heldOn, t.id)],
);
