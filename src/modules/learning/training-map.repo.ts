/** The training map: which courses build which skills, to which level. */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
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

/** A course that builds a skill, with its next open session after a day (null: none scheduled). */
export interface CourseWithNextSession extends CourseForSkill {
  nextSession: { sessionId: number; startsOn: string; seatsLeft: number } | null;
}

/**
 * `coursesForSkills` and `nextSessions` in one query (a person's gap view asks both): the active courses that
 * build any of the skills (ids, or a query returning them), per skill by target level then code, each with its
 * next open session starting after the day and its free seats.
 */
export async function coursesWithNextSession(
  db: Db,
  skillIds: number[] | SQL,
  after: string,
): Promise<CourseWithNextSession[]> {
  if (Array.isArray(skillIds) && skillIds.length === 0) return [];
  const skills = Array.isArray(skillIds) ? sql`${`{${skillIds.join(",")}}`}::int[]` : sql`array(${skillIds})`;
  const rows = await queryRows<
    CourseForSkill & { sessionId: number | null; startsOn: string | null; seatsLeft: number | null }
  >(
    db,
    sql`select cs.skill_id as "skillId", cs.target_level as "targetLevel", c.id as "courseId", c.code,
               c.title_ja as "titleJa", c.title_en as "titleEn", c.kind, c.delivery,
               c.duration_days::float8 as "durationDays", c.audience,
               ns.id as "sessionId", ns.starts_on::text as "startsOn", ns.seats_left as "seatsLeft"
        from course_skills cs
        join courses c on c.id = cs.course_id and c.active
        left join lateral (
          select s.id, s.starts_on,
                 (s.capacity - (select count(*) from enrolments e
                                where e.session_id = s.id and e.status in ('enrolled', 'completed')))::int as seats_left
          from course_sessions s
          where s.course_id = c.id and s.status = 'open' and s.starts_on > ${after}::date
          order by s.starts_on, s.id
          limit 1
        ) ns on true
        where cs.skill_id = any(${skills})
        order by cs.skill_id, cs.target_level, c.code, c.id`,
  );
  return rows.map(({ sessionId, startsOn, seatsLeft, ...course }) => ({
    ...course,
    nextSession:
      sessionId === null || startsOn === null ? null : { sessionId, startsOn, seatsLeft: seatsLeft ?? 0 },
  }));
}
