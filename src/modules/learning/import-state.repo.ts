/**
 * What the import kinds `training_completions` and `skill_assessments` read about a company before planning a
 * file (loaded once per import, ordered by unique keys), and the one update a re-imported completion makes.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { AssessmentSource, CourseDelivery } from "../../shared/skills-vocab";

export interface EmploymentSpan {
  employeeNumber: string;
  personId: number;
  hireDate: string;
  terminationDate: string | null;
}

/** The company's employments by employee number, oldest first (a rehire keeps the number). */
export async function employmentSpans(db: Db, companyId: number): Promise<Map<string, EmploymentSpan[]>> {
  const rows = await queryRows<EmploymentSpan>(
    db,
    sql`select employee_number as "employeeNumber", person_id as "personId", hire_date::text as "hireDate",
               termination_date::text as "terminationDate"
        from employments where company_id = ${companyId}
        order by employee_number, hire_date, id`,
  );
  const byNumber = new Map<string, EmploymentSpan[]>();
  for (const row of rows) {
    const list = byNumber.get(row.employeeNumber) ?? [];
    list.push(row);
    byNumber.set(row.employeeNumber, list);
  }
  return byNumber;
}

export interface ImportCourse {
  id: number;
  code: string;
  titleJa: string;
  titleEn: string;
  delivery: CourseDelivery;
  durationDays: number;
  durationHours: number;
}

/** Courses the company's people can have completed: group-wide ones and the company's own. */
export function coursesForCompany(db: Db, companyId: number): Promise<ImportCourse[]> {
  return queryRows<ImportCourse>(
    db,
    sql`select id, code, title_ja as "titleJa", title_en as "titleEn", delivery,
               duration_days::float8 as "durationDays", duration_hours::float8 as "durationHours"
        from courses where company_id is null or company_id = ${companyId}
        order by code, id`,
  );
}

export interface ImportSession {
  id: number;
  courseId: number;
  companyId: number;
  startsOn: string;
  endsOn: string;
}

export function sessionsOfCourses(db: Db, courseIds: number[]): Promise<ImportSession[]> {
  if (courseIds.length === 0) return Promise.resolve([]);
  return queryRows<ImportSession>(
    db,
    sql`select id, course_id as "courseId", company_id as "companyId", starts_on::text as "startsOn", ends_on::text as "endsOn"
        from course_sessions where course_id = any(${`{${courseIds.join(",")}}`}::int[])
        order by course_id, starts_on, id`,
  );
}

export interface ExistingCompletion {
  id: number;
  personId: number;
  courseId: number;
  completedOn: string;
  sessionId: number | null;
  days: number;
  hours: number;
  score: number | null;
}

/**
 * The company's training records, one per person, course and day (the identity an imported completion is
 * compared by; when several exist, the first recorded).
 */
export async function completionsOfCompany(
  db: Db,
  companyId: number,
): Promise<Map<string, ExistingCompletion>> {
  const rows = await queryRows<ExistingCompletion>(
    db,
    sql`select id, person_id as "personId", course_id as "courseId", completed_on::text as "completedOn",
               session_id as "sessionId", days::float8 as days, hours::float8 as hours, score::float8 as score
        from training_records where company_id = ${companyId}
        order by id`,
  );
  const byKey = new Map<string, ExistingCompletion>();
  for (const row of rows) {
    const key = completionKey(row.personId, row.courseId, row.completedOn);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return byKey;
}

export const completionKey = (personId: number, courseId: number, completedOn: string) =>
  `${personId}|${courseId}|${completedOn}`;

/** A re-imported completion with other days, hours, score or session: the record is corrected in place. */
export async function updateTrainingRecordValues(
  db: Db,
  id: number,
  companyId: number,
  values: Partial<{ sessionId: number | null; days: number; hours: number; score: number | null }>,
): Promise<void> {
  const sets = [];
  if (values.sessionId !== undefined) sets.push(sql`session_id = ${values.sessionId}`);
  if (values.days !== undefined) sets.push(sql`days = ${values.days}`);
  if (values.hours !== undefined) sets.push(sql`hours = ${values.hours}`);
  if (values.score !== undefined) sets.push(sql`score = ${values.score}`);
  if (sets.length === 0) return;
  await db.execute(
    sql`update training_records set ${sql.join(sets, sql`, `)} where id = ${id} and company_id = ${companyId}`,
  );
}

export interface ImportSkill {
  id: number;
  companyId: number | null;
  code: string;
  nameJa: string;
  nameEn: string;
  active: boolean;
}

/** Skills the company's people can be assessed in: the group's library, then the company's own. */
export function skillsForCompany(db: Db, companyId: number): Promise<ImportSkill[]> {
  return queryRows<ImportSkill>(
    db,
    sql`select id, company_id as "companyId", code, name_ja as "nameJa", name_en as "nameEn", active
        from skills where company_id is null or company_id = ${companyId}
        order by (company_id is not null), code, id`,
  );
}

export interface ExistingAssessment {
  id: number;
  personId: number;
  skillId: number;
  assessedOn: string;
  source: AssessmentSource;
  level: number;
  note: string | null;
  assessorPersonId: number | null;
}

export const assessmentKey = (personId: number, skillId: number, assessedOn: string, source: string) =>
  `${personId}|${skillId}|${assessedOn}|${source}`;

/** The latest assessment per person, skill, day and source of the company's people (not from courses). */
export async function assessmentsOfCompany(
  db: Db,
  companyId: number,
): Promise<Map<string, ExistingAssessment>> {
  const rows = await queryRows<ExistingAssessment>(
    db,
    sql`select id, person_id as "personId", skill_id as "skillId", assessed_on::text as "assessedOn", source, level,
               note, assessor_person_id as "assessorPersonId"
        from skill_assessments where company_id = ${companyId} and source <> 'course'
        order by id`,
  );
  const byKey = new Map<string, ExistingAssessment>();
  for (const row of rows)
    byKey.set(assessmentKey(row.personId, row.skillId, row.assessedOn, row.source), row);
  return byKey;
}
