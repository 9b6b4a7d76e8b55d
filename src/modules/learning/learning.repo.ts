import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { NameOrder } from "../../shared/enums";
import type {
  CourseDelivery,
  CourseKind,
  EnrolmentOrigin,
  EnrolmentStatus,
  SessionStatus,
} from "../../shared/skills-vocab";
import { skillCategories, skills } from "../skills/skills.schema";
import { courseSessions, courseSkills, courses, enrolments, trainingRecords } from "./learning.schema";

export type CourseRow = typeof courses.$inferSelect;
export type SessionRow = typeof courseSessions.$inferSelect;
export type EnrolmentRowBase = typeof enrolments.$inferSelect;

export function listCourses(
  db: Db,
  filter: {
    q?: string | undefined;
    kind?: CourseKind | undefined;
    skillId?: number | undefined;
    includeInactive?: boolean | undefined;
  },
) {
  const conditions: SQL[] = [];
  if (!filter.includeInactive) conditions.push(eq(courses.active, true));
  if (filter.kind) conditions.push(eq(courses.kind, filter.kind));
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      sql`(lower(${courses.titleEn}) like ${pattern} or ${courses.titleJa} like ${pattern} or lower(${courses.code}) like ${pattern})`,
    );
  }
  if (filter.skillId !== undefined) {
    conditions.push(
      sql`exists (select 1 from course_skills cs where cs.course_id = ${courses.id} and cs.skill_id = ${filter.skillId})`,
    );
  }
  return db
    .select()
    .from(courses)
    .where(and(...conditions))
    .orderBy(asc(courses.kind), asc(courses.code), asc(courses.id));
}

export async function findCourse(db: Db, id: number): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  return row;
}

export async function insertCourse(db: Db, row: typeof courses.$inferInsert): Promise<number> {
  const [created] = await db.insert(courses).values(row).returning({ id: courses.id });
  return created!.id;
}

export async function updateCourseRow(
  db: Db,
  id: number,
  values: Partial<typeof courses.$inferInsert>,
): Promise<void> {
  if (Object.keys(values).length) await db.update(courses).set(values).where(eq(courses.id, id));
}

export async function replaceCourseSkills(
  db: Db,
  courseId: number,
  rows: { skillId: number; targetLevel: number }[],
): Promise<void> {
  await db.delete(courseSkills).where(eq(courseSkills.courseId, courseId));
  if (rows.length) await db.insert(courseSkills).values(rows.map((r) => ({ ...r, courseId })));
}

export interface CourseSkillRow {
  courseId: number;
  skillId: number;
  targetLevel: number;
  code: string;
  nameJa: string;
  nameEn: string;
}

export function skillsOfCourses(db: Db, courseIds: number[]): Promise<CourseSkillRow[]> {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      courseId: courseSkills.courseId,
      skillId: courseSkills.skillId,
      targetLevel: courseSkills.targetLevel,
      code: skills.code,
      nameJa: skills.nameJa,
      nameEn: skills.nameEn,
    })
    .from(courseSkills)
    .innerJoin(skills, eq(skills.id, courseSkills.skillId))
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(inArray(courseSkills.courseId, courseIds))
    .orderBy(asc(courseSkills.courseId), asc(skillCategories.sortOrder), asc(skills.code), asc(skills.id));
}

/** Sessions per course starting on or after the day. */
export async function upcomingSessionCounts(
  db: Db,
  courseIds: number[],
  day: string,
): Promise<Map<number, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await queryRows<{ courseId: number; n: number }>(
    db,
    sql`select course_id as "courseId", count(*)::int as n from course_sessions
        where course_id = any(${`{${courseIds.join(",")}}`}::int[]) and status = 'open' and starts_on >= ${day}::date
        group by course_id order by course_id`,
  );
  return new Map(rows.map((r) => [r.courseId, r.n]));
}

export interface SessionWithCounts extends Omit<SessionRow, "createdAt"> {
  enrolled: number;
  waitlisted: number;
}

const sessionSelect = sql`
  select s.id, s.course_id as "courseId", s.company_id as "companyId", s.starts_on::text as "startsOn", s.ends_on::text as "endsOn",
         s.place, s.url, s.capacity, s.status,
         (select count(*) from enrolments e where e.session_id = s.id and e.status in ('enrolled', 'completed', 'not_completed'))::int as enrolled,
         (select count(*) from enrolments e where e.session_id = s.id and e.status = 'waitlisted')::int as waitlisted
  from course_sessions s`;

export function sessionsOfCourse(db: Db, courseId: number, from: string): Promise<SessionWithCounts[]> {
  return queryRows<SessionWithCounts>(
    db,
    sql`${sessionSelect} where s.course_id = ${courseId} and s.ends_on >= ${from}::date order by s.starts_on, s.id`,
  );
}

export async function findSession(db: Db, id: number): Promise<SessionWithCounts | undefined> {
  const [row] = await queryRows<SessionWithCounts>(db, sql`${sessionSelect} where s.id = ${id}`);
  return row;
}

/** Locks the session row for the rest of the transaction (seat allocation is then serialised). */
export async function lockSession(db: Db, id: number): Promise<void> {
  await db.execute(sql`select id from course_sessions where id = ${id} for update`);
}

/** Seats taken: enrolled, or attended (completed or not). */
export async function seatsTaken(db: Db, sessionId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from enrolments where session_id = ${sessionId} and status in ('enrolled', 'completed', 'not_completed')`,
  );
  return row?.n ?? 0;
}

export async function insertSession(db: Db, row: typeof courseSessions.$inferInsert): Promise<number> {
  const [created] = await db.insert(courseSessions).values(row).returning({ id: courseSessions.id });
  return created!.id;
}

export async function updateSessionRow(
  db: Db,
  id: number,
  values: Partial<
    Pick<typeof courseSessions.$inferInsert, "startsOn" | "endsOn" | "place" | "url" | "capacity" | "status">
  >,
): Promise<void> {
  if (Object.keys(values).length)
    await db.update(courseSessions).set(values).where(eq(courseSessions.id, id));
}

export async function insertEnrolments(db: Db, rows: (typeof enrolments.$inferInsert)[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const created = await db.insert(enrolments).values(rows).returning({ id: enrolments.id });
  return created.map((r) => r.id);
}

export async function findEnrolment(db: Db, id: number): Promise<EnrolmentRowBase | undefined> {
  const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
  return row;
}

export async function setEnrolmentStatus(
  db: Db,
  id: number,
  values: {
    status: EnrolmentStatus;
    decidedByUserId?: number | null;
    decisionNote?: string | null;
    decided?: boolean;
  },
): Promise<void> {
  await db
    .update(enrolments)
    .set({
      status: values.status,
      updatedAt: sql`now()`,
      ...(values.decided
        ? {
            decidedAt: sql`now()`,
            decidedByUserId: values.decidedByUserId ?? null,
            decisionNote: values.decisionNote ?? null,
          }
        : {}),
    })
    .where(eq(enrolments.id, id));
}

/** The first waitlisted enrolment of a session (first come, first served). */
export async function firstWaitlisted(db: Db, sessionId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, "waitlisted")))
    .orderBy(asc(enrolments.id))
    .limit(1);
  return row?.id;
}

/** People (of the list) who already hold an open enrolment on the course. */
export async function openEnrolmentHolders(
  db: Db,
  courseId: number,
  personIds: number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await queryRows<{ personId: number }>(
    db,
    sql`select distinct person_id as "personId" from enrolments
        where course_id = ${courseId} and status in ('requested', 'enrolled', 'waitlisted')
          and person_id = any(${`{${personIds.join(",")}}`}::int[])
        order by person_id`,
  );
  return new Set(rows.map((r) => r.personId));
}

export async function insertTrainingRecord(
  db: Db,
  row: typeof trainingRecords.$inferInsert,
): Promise<number> {
  const [created] = await db.insert(trainingRecords).values(row).returning({ id: trainingRecords.id });
  return created!.id;
}

/** One enrolment as the API shows it (flat; the presenter shapes it). */
export interface EnrolmentView {
  id: number;
  courseId: number;
  courseCode: string;
  courseTitleJa: string;
  courseTitleEn: string;
  courseDelivery: CourseDelivery;
  courseKind: CourseKind;
  sessionId: number | null;
  sessionStartsOn: string | null;
  sessionEndsOn: string | null;
  sessionPlace: string | null;
  sessionStatus: SessionStatus | null;
  personId: number;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
  companyId: number;
  status: EnrolmentStatus;
  origin: EnrolmentOrigin;
  dueOn: string | null;
  requestNote: string | null;
  decisionNote: string | null;
  createdAt: string;
  waitlistPosition: number | null;
}

/** Enrolments matching a condition on `e` (and `p`, `c`, `s`), ordered by the given SQL then id. */
export function enrolmentViews(db: Db, where: SQL, order: SQL, limit: number): Promise<EnrolmentView[]> {
  return queryRows<EnrolmentView>(
    db,
    sql`select e.id, c.id as "courseId", c.code as "courseCode", c.title_ja as "courseTitleJa", c.title_en as "courseTitleEn",
               c.delivery as "courseDelivery", c.kind as "courseKind",
               s.id as "sessionId", s.starts_on::text as "sessionStartsOn", s.ends_on::text as "sessionEndsOn", s.place as "sessionPlace",
               s.status as "sessionStatus",
               p.id as "personId", p.family_name as "familyName", p.given_name as "givenName",
               p.family_name_kana as "familyNameKana", p.given_name_kana as "givenNameKana",
               p.family_name_latin as "familyNameLatin", p.given_name_latin as "givenNameLatin", p.name_order as "nameOrder",
               e.company_id as "companyId", e.status, e.origin, e.due_on::text as "dueOn",
               e.request_note as "requestNote", e.decision_note as "decisionNote", e.created_at::text as "createdAt",
               case when e.status = 'waitlisted' then
                 (select count(*) from enrolments w where w.session_id = e.session_id and w.status = 'waitlisted' and w.id <= e.id)::int
               end as "waitlistPosition"
        from enrolments e
        join courses c on c.id = e.course_id
        join persons p on p.id = e.person_id
        left join course_sessions s on s.id = e.session_id
        where ${where}
        order by ${order}, e.id
        limit ${limit}`,
  );
}

export interface TrainingRecordView {
  id: number;
  courseId: number;
  code: string;
  titleJa: string;
  titleEn: string;
  kind: CourseKind;
  completedOn: string;
  days: number;
  hours: number;
  score: number | null;
}

export function trainingRecordsOf(db: Db, personId: number, limit: number): Promise<TrainingRecordView[]> {
  return queryRows<TrainingRecordView>(
    db,
    sql`select r.id, c.id as "courseId", c.code, c.title_ja as "titleJa", c.title_en as "titleEn", c.kind,
               r.completed_on::text as "completedOn", r.days::float8 as days, r.hours::float8 as hours, r.score::float8 as score
        from training_records r join courses c on c.id = r.course_id
        where r.person_id = ${personId}
        order by r.completed_on desc, r.id desc
        limit ${limit}`,
  );
}

export async function trainingTotals(db: Db, personId: number, from: string, to: string) {
  const [row] = await queryRows<{ days: number; hours: number; courses: number }>(
    db,
    sql`select coalesce(sum(days), 0)::float8 as days, coalesce(sum(hours), 0)::float8 as hours, count(*)::int as courses
        from training_records where person_id = ${personId} and completed_on between ${from}::date and ${to}::date`,
  );
  return row ?? { days: 0, hours: 0, courses: 0 };
}
