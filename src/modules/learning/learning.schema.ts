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
  COURSE_DELIVERIES,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  ENROLMENT_ORIGINS,
  ENROLMENT_STATUSES,
  SESSION_STATUSES,
  TRAINING_RECORD_SOURCES,
} from "../../shared/skills-vocab";
import { users } from "../auth/auth.schema";
import { companies } from "../org/org.schema";
import { persons } from "../people/people.schema";
import { skills } from "../skills/skills.schema";

/**
 * A course of the training catalog. company_id null = offered group-wide (e.g. compliance e-learning); else a
 * company's own course. Duration: `duration_days` are the training days it counts for (what "training days per
 * employee" adds up), `duration_hours` the hours of learning.
 */
export const courses = pgTable(
  "courses",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").references(() => companies.id),
    code: varchar("code", { length: 64 }).notNull(),
    titleJa: varchar("title_ja", { length: 200 }).notNull(),
    titleEn: varchar("title_en", { length: 200 }).notNull(),
    descriptionJa: text("description_ja").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    kind: text("kind", { enum: COURSE_KINDS }).notNull(),
    delivery: text("delivery", { enum: COURSE_DELIVERIES }).notNull(),
    durationDays: numeric("duration_days", { precision: 5, scale: 2, mode: "number" }).notNull(),
    durationHours: numeric("duration_hours", { precision: 6, scale: 2, mode: "number" }).notNull(),
    language: text("language", { enum: COURSE_LANGUAGES }).notNull().default("ja"),
    /** Who the course is for (see ZCourseAudience): companies, grade ranks, job categories, org units. */
    audience: jsonb("audience").notNull().default({}),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("courses_code_key").on(t.code),
    index("courses_kind_idx").on(t.kind, t.code),
    check("courses_kind_check", sql.raw(`kind in (${sqlList(COURSE_KINDS)})`)),
    check("courses_delivery_check", sql.raw(`delivery in (${sqlList(COURSE_DELIVERIES)})`)),
    check("courses_language_check", sql.raw(`language in (${sqlList(COURSE_LANGUAGES)})`)),
    check("courses_duration_check", sql`${t.durationDays} >= 0 and ${t.durationHours} > 0`),
  ],
);

/** The skills a course builds and the level a completion attains (the training map). */
export const courseSkills = pgTable(
  "course_skills",
  {
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    skillId: integer("skill_id")
      .notNull()
      .references(() => skills.id),
    targetLevel: smallint("target_level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.skillId], name: "course_skills_pkey" }),
    index("course_skills_skill_idx").on(t.skillId, t.targetLevel),
    check("course_skills_level_check", sql`${t.targetLevel} between 1 and 10`),
  ],
);

/** One run of a course: dates, place or link, seats. E-learning needs no session. */
export const courseSessions = pgTable(
  "course_sessions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    /** The company that runs the session (its HR administers it). */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    startsOn: isoDate("starts_on").notNull(),
    endsOn: isoDate("ends_on").notNull(),
    place: varchar("place", { length: 200 }),
    url: varchar("url", { length: 500 }),
    capacity: integer("capacity").notNull(),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("course_sessions_course_idx").on(t.courseId, t.startsOn, t.id),
    index("course_sessions_company_idx").on(t.companyId, t.startsOn),
    check("course_sessions_period_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check("course_sessions_capacity_check", sql`${t.capacity} >= 1`),
    check("course_sessions_status_check", sql.raw(`status in (${sqlList(SESSION_STATUSES)})`)),
  ],
);

/**
 * A person's place on a course (a session, or self-paced e-learning): requested by the employee and approved
 * by the manager, or assigned by HR (mandatory when `due_on` is set). One open enrolment per person and
 * session (or per person and course without a session).
 */
export const enrolments = pgTable(
  "enrolments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    sessionId: integer("session_id").references(() => courseSessions.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    /** The person's employing company when enrolled. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull(),
    origin: text("origin", { enum: ENROLMENT_ORIGINS }).notNull(),
    /** Mandatory training: complete by this day (overdue after it). */
    dueOn: isoDate("due_on"),
    requestedByUserId: integer("requested_by_user_id").references(() => users.id),
    requestNote: text("request_note"),
    decidedByUserId: integer("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enrolments_open_session_key")
      .on(t.personId, t.sessionId)
      .where(sql`session_id is not null and status in ('requested', 'enrolled', 'waitlisted')`),
    uniqueIndex("enrolments_open_course_key")
      .on(t.personId, t.courseId)
      .where(sql`session_id is null and status in ('requested', 'enrolled', 'waitlisted')`),
    index("enrolments_person_idx").on(t.personId, t.id),
    index("enrolments_session_idx").on(t.sessionId, t.status, t.id),
    index("enrolments_company_due_idx").on(t.companyId, t.dueOn),
    check("enrolments_status_check", sql.raw(`status in (${sqlList(ENROLMENT_STATUSES)})`)),
    check("enrolments_origin_check", sql.raw(`origin in (${sqlList(ENROLMENT_ORIGINS)})`)),
  ],
);

/**
 * A completed training (the training record): who, which course, when, how many days and hours it counts for.
 * Written when HR records attendance, when e-learning is finished, by imports from group companies' systems,
 * and by the demo. The figures "training days/hours per employee" sum `days` / `hours` per company
 * (`company_id`, the employing company on `completed_on`) and fiscal year of `completed_on`.
 */
export const trainingRecords = pgTable(
  "training_records",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id),
    sessionId: integer("session_id").references(() => courseSessions.id),
    enrolmentId: integer("enrolment_id").references(() => enrolments.id),
    completedOn: isoDate("completed_on").notNull(),
    days: numeric("days", { precision: 5, scale: 2, mode: "number" }).notNull(),
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }).notNull(),
    score: numeric("score", { precision: 5, scale: 1, mode: "number" }),
    source: text("source", { enum: TRAINING_RECORD_SOURCES }).notNull(),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_records_company_idx").on(t.companyId, t.completedOn),
    index("training_records_person_idx").on(t.personId, t.completedOn, t.id),
    index("training_records_course_idx").on(t.courseId, t.completedOn),
    uniqueIndex("training_records_enrolment_key").on(t.enrolmentId),
    check("training_records_amount_check", sql`${t.days} >= 0 and ${t.hours} >= 0`),
    check("training_records_score_check", sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`),
    check("training_records_source_check", sql.raw(`source in (${sqlList(TRAINING_RECORD_SOURCES)})`)),
  ],
);

/** A certification the group recognises (CISSP, 情報処理安全確保支援士 ...). */
export const certifications = pgTable(
  "certifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: varchar("code", { length: 64 }).notNull(),
    nameJa: varchar("name_ja", { length: 200 }).notNull(),
    nameEn: varchar("name_en", { length: 200 }).notNull(),
    issuer: varchar("issuer", { length: 200 }).notNull().default(""),
    /** How long it stays valid after it is obtained (null = does not expire). */
    validityMonths: smallint("validity_months"),
  },
  (t) => [
    uniqueIndex("certifications_code_key").on(t.code),
    check("certifications_validity_check", sql`${t.validityMonths} is null or ${t.validityMonths} > 0`),
  ],
);

/** A certification a person holds: obtained on, expires on (null = never). */
export const personCertifications = pgTable(
  "person_certifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    certificationId: integer("certification_id")
      .notNull()
      .references(() => certifications.id),
    companyId: integer("company_id").references(() => companies.id),
    obtainedOn: isoDate("obtained_on").notNull(),
    expiresOn: isoDate("expires_on"),
    credentialId: varchar("credential_id", { length: 100 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("person_certifications_person_idx").on(t.personId, t.obtainedOn, t.id),
    index("person_certifications_expiry_idx").on(t.expiresOn),
    uniqueIndex("person_certifications_once_key").on(t.personId, t.certificationId, t.obtainedOn),
    check(
      "person_certifications_period_check",
      sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.obtainedOn}`,
    ),
  ],
);
