/** The training map: which courses build which skills, to which level. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { courseSkills, courses } from "./learning.schema";

export interface CourseForSkill {
  skillId: number;
  targetLevel: number;
  courseId: number;
  code: string;
  titleJa: string;
  titleEn: string;
  kind: (typeof courses.$inferSelect)["kind"];
  delivery: (typeof courses.$inferSelect)["delivery"];
  durationDays: number;
  audience: unknown;
}

/** Active courses that build any of the skills, per skill by target level then code. */
export function coursesForSkills(db: Db, skillIds: number[]): Promise<CourseForSkill[]> {
  if (skillIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      skillId: courseSkills.skillId,
      targetLevel: courseSkills.targetLevel,
      courseId: courses.id,
      code: courses.code,
      titleJa: courses.titleJa,
      titleEn: courses.titleEn,
      kind: courses.kind,
      delivery: courses.delivery,
      durationDays: courses.durationDays,
      audience: courses.audience,
    })
    .from(courseSkills)
    .innerJoin(courses, eq(courses.id, courseSkills.courseId))
    .where(and(inArray(courseSkills.skillId, skillIds), eq(courses.active, true)))
    .orderBy(asc(courseSkills.skillId), asc(courseSkills.targetLevel), asc(courses.code), asc(courses.id));
}

export interface NextSession {
  courseId: number;
  sessionId: number;
  startsOn: string;
  seatsLeft: number;
}

/** The next open session of each course starting after the day, with its free seats. */
export function nextSessions(db: Db, courseIds: number[], after: string): Promise<NextSession[]> {
  if (courseIds.length === 0) return Promise.resolve([]);
  return queryRows<NextSession>(
    db,
    sql`select distinct on (s.course_id) s.course_id as "courseId", s.id as "sessionId", s.starts_on::text as "startsOn",
               (s.capacity - (select count(*) from enrolments e where e.session_id = s.id and e.status in ('enrolled', 'completed')))::int as "seatsLeft"
        from course_sessions s
        where s.course_id = any(${`{${courseIds.join(",")}}`}::int[]) and s.status = 'open' and s.starts_on > ${after}::date
        order by s.course_id, s.starts_on, s.id`,
  );
}
