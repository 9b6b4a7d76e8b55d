import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { isoDate } from "../../db/columns";
import { sqlList } from "../../shared/enums";
import {
  APPLICATION_STATUSES,
  CAREER_CYCLE_STATUSES,
  CAREER_REPORT_STATUSES,
  MOVE_TIMINGS,
  OVERSEAS_PROGRAMS,
  POSTING_KINDS,
  POSTING_STATUSES,
  ROTATION_PLAN_STATUSES,
  SCOUT_STATUSES,
  WORK_HISTORY_SOURCES,
} from "../../shared/mobility-vocab";
import { users } from "../auth/auth.schema";
import { companies, grades, orgUnits, positions } from "../org/org.schema";
import { assignments, employments, persons } from "../people/people.schema";
import { skills } from "../skills/skills.schema";

/* ------------------------------------------------------------------ career reports */

/** A company's yearly career-report round: open from `opens_on`, due on `due_on`, reminders before the due date. */
export const careerReportCycles = pgTable(
  "career_report_cycles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    /** The company's fiscal year (its first calendar year). */
    fiscalYear: smallint("fiscal_year").notNull(),
    opensOn: isoDate("opens_on").notNull(),
    dueOn: isoDate("due_on").notNull(),
    /** Days before `due_on` on which a reminder goes to those who have not submitted (e.g. [14, 3]). */
    reminderDays: jsonb("reminder_days").notNull().default([14, 3]),
    status: text("status", { enum: CAREER_CYCLE_STATUSES }).notNull().default("draft"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("career_report_cycles_company_year_key").on(t.companyId, t.fiscalYear),
    check("career_report_cycles_period_check", sql`${t.dueOn} >= ${t.opensOn}`),
    check("career_report_cycles_status_check", sql.raw(`status in (${sqlList(CAREER_CYCLE_STATUSES)})`)),
  ],
);

/**
 * One employee's career report for a cycle: reflection on the past year, vision, wishes (job categories,
 * positions, locations, timing, transfer, overseas). Career wishes are sensitive: readable by the person, their
 * manager at submission (who comments) and HR of the company; recruiters see wishes only of people who opted in
 * to scouting. `manager_person_id` is fixed at submission so that earlier years stay readable by the same people.
 */
export const careerReports = pgTable(
  "career_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => careerReportCycles.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    status: text("status", { enum: CAREER_REPORT_STATUSES }).notNull().default("draft"),
    reflection: text("reflection").notNull().default(""),
    vision: text("vision").notNull().default(""),
    /** Ids of job categories / positions the person would like (of any group company). */
    desiredJobCategoryIds: jsonb("desired_job_category_ids").notNull().default([]),
    desiredPositionIds: jsonb("desired_position_ids").notNull().default([]),
    /** Free-text places (e.g. "Osaka", "Singapore"), at most a few. */
    desiredLocations: jsonb("desired_locations").notNull().default([]),
    moveTiming: text("move_timing", { enum: MOVE_TIMINGS }).notNull().default("no_wish"),
    wantsTransfer: boolean("wants_transfer").notNull().default(false),
    openToOverseas: boolean("open_to_overseas").notNull().default(false),
    managerPersonId: integer("manager_person_id").references(() => persons.id),
    managerComment: text("manager_comment"),
    managerCommentedAt: timestamp("manager_commented_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("career_reports_cycle_person_key").on(t.cycleId, t.personId),
    index("career_reports_person_idx").on(t.personId, t.id),
    index("career_reports_company_idx").on(t.companyId, t.cycleId, t.id),
    index("career_reports_manager_idx").on(t.managerPersonId, t.id),
    check("career_reports_status_check", sql.raw(`status in (${sqlList(CAREER_REPORT_STATUSES)})`)),
    check("career_reports_timing_check", sql.raw(`move_timing in (${sqlList(MOVE_TIMINGS)})`)),
  ],
);

/* ------------------------------------------------------------------ work history and consent */

/**
 * One entry of a person's work-history record: a project or role over a period, with the organisation, the role,
 * achievements and the skills used. Entries from Tekizai's own assignment history carry `assignment_id` and
 * `source = 'assignment'`. `search_text` feeds free-text search (pg_trgm) in Japanese and English.
 */
export const workHistoryEntries = pgTable(
  "work_history_entries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    periodFrom: isoDate("period_from").notNull(),
    /** Last day (inclusive); null = ongoing. */
    periodTo: isoDate("period_to"),
    organisation: varchar("organisation", { length: 200 }).notNull(),
    role: varchar("role", { length: 200 }).notNull(),
    achievements: text("achievements").notNull().default(""),
    /** Ids of skills used (from the skill library). */
    skillIds: jsonb("skill_ids").notNull().default([]),
    source: text("source", { enum: WORK_HISTORY_SOURCES }).notNull().default("self"),
    assignmentId: integer("assignment_id").references(() => assignments.id),
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql`lower(organisation || ' ' || role || ' ' || achievements)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("work_history_entries_person_idx").on(t.personId, t.periodFrom, t.id),
    uniqueIndex("work_history_entries_assignment_key").on(t.assignmentId),
    index("work_history_entries_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check(
      "work_history_entries_period_check",
      sql`${t.periodTo} is null or ${t.periodTo} >= ${t.periodFrom}`,
    ),
    check("work_history_entries_source_check", sql.raw(`source in (${sqlList(WORK_HISTORY_SOURCES)})`)),
  ],
);

/**
 * A person's consent to be scouted: while `withdrawn_at` is null, recruiters of the companies in `company_ids`
 * or of the divisions (org units, with their sub-units) in `org_unit_ids` — or of every group company when
 * `all_companies` — may see the person's work-history record, wishes and skills. Withdrawal ends it at once; a
 * new consent is a new row (the history is kept). At most one active consent per person.
 */
export const scoutingConsents = pgTable(
  "scouting_consents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    allCompanies: boolean("all_companies").notNull().default(false),
    companyIds: jsonb("company_ids").notNull().default([]),
    orgUnitIds: jsonb("org_unit_ids").notNull().default([]),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("scouting_consents_active_key").on(t.personId).where(sql`withdrawn_at is null`),
    index("scouting_consents_person_idx").on(t.personId, t.id),
  ],
);

/* ------------------------------------------------------------------ postings and applications */

/**
 * A company's application workflow: which optional steps (review, interviews, offer) it uses. Release by the
 * current manager and HR confirmation are always required. A company without a row uses every step.
 */
export const mobilitySettings = pgTable("mobility_settings", {
  companyId: integer("company_id")
    .primaryKey()
    .references(() => companies.id),
  /** Optional steps switched on (subset of OPTIONAL_APPLICATION_STEPS). */
  applicationSteps: jsonb("application_steps").notNull().default(["in_review", "interviewing", "offered"]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An internal posting, open all year unless closed. The posting company and unit receive the person; for
 * `overseas` the host company is where the secondment goes. Eligibility is a JSON rule (min tenure in months,
 * grade ranks, companies). Required and preferred skills are in `posting_skills`.
 */
export const postings = pgTable(
  "postings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    kind: text("kind", { enum: POSTING_KINDS }).notNull(),
    status: text("status", { enum: POSTING_STATUSES }).notNull().default("draft"),
    titleJa: varchar("title_ja", { length: 200 }).notNull(),
    titleEn: varchar("title_en", { length: 200 }).notNull(),
    descriptionJa: text("description_ja").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    positionId: integer("position_id").references(() => positions.id),
    /** Grade range of the role (by rank of the posting company's ladder), inclusive; null = open. */
    gradeRankMin: smallint("grade_rank_min"),
    gradeRankMax: smallint("grade_rank_max"),
    /** Side assignments: share of working time (e.g. 0.2) and duration. */
    fteShare: numeric("fte_share", { precision: 3, scale: 2, mode: "number" }),
    durationMonths: smallint("duration_months"),
    /** Overseas: the host group company and the program. */
    hostCompanyId: integer("host_company_id").references(() => companies.id),
    overseasProgram: text("overseas_program", { enum: OVERSEAS_PROGRAMS }),
    location: varchar("location", { length: 200 }),
    /** { minTenureMonths?: number, gradeRanks?: { min?: number, max?: number }, companyIds?: number[] } */
    eligibility: jsonb("eligibility").notNull().default({}),
    openedOn: isoDate("opened_on"),
    closedOn: isoDate("closed_on"),
    /** The posting owner (recruiting division's person) who reviews applications. */
    ownerUserId: integer("owner_user_id").references(() => users.id),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("postings_status_idx").on(t.status, t.id),
    index("postings_company_idx").on(t.companyId, t.status, t.id),
    check("postings_kind_check", sql.raw(`kind in (${sqlList(POSTING_KINDS)})`)),
    check("postings_status_check", sql.raw(`status in (${sqlList(POSTING_STATUSES)})`)),
    check(
      "postings_program_check",
      sql.raw(`overseas_program is null or overseas_program in (${sqlList(OVERSEAS_PROGRAMS)})`),
    ),
    check("postings_fte_check", sql`${t.fteShare} is null or (${t.fteShare} > 0 and ${t.fteShare} < 1)`),
    check(
      "postings_duration_check",
      sql`${t.durationMonths} is null or ${t.durationMonths} between 1 and 120`,
    ),
    check(
      "postings_grade_range_check",
      sql`${t.gradeRankMin} is null or ${t.gradeRankMax} is null or ${t.gradeRankMin} <= ${t.gradeRankMax}`,
    ),
    check(
      "postings_side_assignment_check",
      sql`${t.kind} <> 'side_assignment' or (${t.fteShare} is not null and ${t.durationMonths} is not null)`,
    ),
    check(
      "postings_overseas_check",
      sql`${t.kind} <> 'overseas' or (${t.hostCompanyId} is not null and ${t.durationMonths} is not null)`,
    ),
  ],
);

/** The skills a posting asks for, each required or preferred, with a level on the group's scale. */
export const postingSkills = pgTable(
  "posting_skills",
  {
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id, { onDelete: "cascade" }),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    level: smallint("level").notNull(),
    required: boolean("required").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postingId, t.skillId], name: "posting_skills_pkey" }),
    index("posting_skills_skill_idx").on(t.skillId, t.level),
    check("posting_skills_level_check", sql`${t.level} >= 1`),
  ],
);

/**
 * A person's application to a posting and where it stands. The current manager (`releasing_manager_person_id`) is
 * determined, and told, only at the release step. On confirmation the move is scheduled for `effective_on`; on
 * that day the dated assignments are written (`resulting_assignment_id`) and the status becomes `moved`.
 * One open application per person and posting.
 */
export const applications = pgTable(
  "applications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    /** The employment the person applies from. */
    employmentId: integer("employment_id")
      .notNull()
      .references(() => employments.id),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("applied"),
    motivation: text("motivation").notNull().default(""),
    /** The scout that led to this application, if any. */
    scoutId: integer("scout_id"),
    releasingManagerPersonId: integer("releasing_manager_person_id").references(() => persons.id),
    /** Side assignments: the share of time the manager approved. */
    approvedFteShare: numeric("approved_fte_share", { precision: 3, scale: 2, mode: "number" }),
    effectiveOn: isoDate("effective_on"),
    /** Last day of a side assignment or secondment (null for a transfer). */
    endsOn: isoDate("ends_on"),
    resultingAssignmentId: integer("resulting_assignment_id").references(() => assignments.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_open_key")
      .on(t.postingId, t.personId)
      .where(sql.raw(`status not in ('moved', 'rejected', 'withdrawn', 'declined')`)),
    index("applications_person_idx").on(t.personId, t.id),
    index("applications_posting_idx").on(t.postingId, t.status, t.id),
    index("applications_manager_idx").on(t.releasingManagerPersonId, t.id),
    index("applications_effective_idx").on(t.status, t.effectiveOn),
    check("applications_status_check", sql.raw(`status in (${sqlList(APPLICATION_STATUSES)})`)),
    check(
      "applications_fte_check",
      sql`${t.approvedFteShare} is null or (${t.approvedFteShare} > 0 and ${t.approvedFteShare} < 1)`,
    ),
    check("applications_period_check", sql`${t.endsOn} is null or ${t.effectiveOn} <= ${t.endsOn}`),
  ],
);

/** Every step of an application: who moved it from which status to which, when, with what note (audit trail). */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    fromStatus: text("from_status", { enum: APPLICATION_STATUSES }),
    toStatus: text("to_status", { enum: APPLICATION_STATUSES }).notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.id)],
);

/** A recruiter's message to an opted-in person about a posting; the person accepts (and applies) or declines. */
export const scouts = pgTable(
  "scouts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    recruiterUserId: integer("recruiter_user_id")
      .notNull()
      .references(() => users.id),
    message: text("message").notNull(),
    status: text("status", { enum: SCOUT_STATUSES }).notNull().default("sent"),
    responseNote: text("response_note"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("scouts_open_key").on(t.postingId, t.personId).where(sql`status = 'sent'`),
    index("scouts_person_idx").on(t.personId, t.id),
    index("scouts_posting_idx").on(t.postingId, t.status, t.id),
    check("scouts_status_check", sql.raw(`status in (${sqlList(SCOUT_STATUSES)})`)),
  ],
);

/* ------------------------------------------------------------------ rotation planning */

/**
 * A rotation plan drafted by group HR (`company_id` null) or company HR: a set of moves with one effective date.
 * Approved plans are committed in one step as dated assignments.
 */
export const rotationPlans = pgTable(
  "rotation_plans",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").references(() => companies.id),
    name: varchar("name", { length: 200 }).notNull(),
    effectiveOn: isoDate("effective_on").notNull(),
    status: text("status", { enum: ROTATION_PLAN_STATUSES }).notNull().default("draft"),
    note: text("note"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    approvedByUserId: integer("approved_by_user_id").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rotation_plans_company_idx").on(t.companyId, t.id),
    check("rotation_plans_status_check", sql.raw(`status in (${sqlList(ROTATION_PLAN_STATUSES)})`)),
  ],
);

/** One move of a rotation plan: a person to a new org unit (and optionally position and grade) of a company. */
export const rotationMoves = pgTable(
  "rotation_moves",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    planId: integer("plan_id")
      .notNull()
      .references(() => rotationPlans.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    toCompanyId: integer("to_company_id")
      .notNull()
      .references(() => companies.id),
    toOrgUnitId: integer("to_org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    toPositionId: integer("to_position_id").references(() => positions.id),
    toGradeId: integer("to_grade_id").references(() => grades.id),
    note: text("note"),
    resultingAssignmentId: integer("resulting_assignment_id").references(() => assignments.id),
  },
  (t) => [
    uniqueIndex("rotation_moves_plan_person_key").on(t.planId, t.personId),
    index("rotation_moves_person_idx").on(t.personId, t.id),
  ],
);
