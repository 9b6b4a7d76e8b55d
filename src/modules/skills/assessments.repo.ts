import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { AssessmentSource } from "../../shared/skills-vocab";
import { courses, trainingRecords } from "../learning/learning.schema";
import { persons } from "../people/people.schema";
import { skillAssessments } from "./skills.schema";

export async function insertAssessment(db: Db, row: typeof skillAssessments.$inferInsert): Promise<number> {
  const [created] = await db.insert(skillAssessments).values(row).returning({ id: skillAssessments.id });
  return created!.id;
}

/** Every assessment of one person's skill, newest first. */
export function assessmentHistory(db: Db, personId: number, skillId: number) {
  return db
    .select({
      id: skillAssessments.id,
      skillId: skillAssessments.skillId,
      level: skillAssessments.level,
      source: skillAssessments.source,
      assessedOn: skillAssessments.assessedOn,
      note: skillAssessments.note,
      assessorPersonId: skillAssessments.assessorPersonId,
      courseId: courses.id,
      courseTitleJa: courses.titleJa,
      courseTitleEn: courses.titleEn,
      assessor: {
        familyName: persons.familyName,
        givenName: persons.givenName,
        familyNameKana: persons.familyNameKana,
        givenNameKana: persons.givenNameKana,
        familyNameLatin: persons.familyNameLatin,
        givenNameLatin: persons.givenNameLatin,
        nameOrder: persons.nameOrder,
      },
    })
    .from(skillAssessments)
    .leftJoin(persons, eq(persons.id, skillAssessments.assessorPersonId))
    .leftJoin(trainingRecords, eq(trainingRecords.id, skillAssessments.trainingRecordId))
    .leftJoin(courses, eq(courses.id, trainingRecords.courseId))
    .where(and(eq(skillAssessments.personId, personId), eq(skillAssessments.skillId, skillId)))
    .orderBy(desc(skillAssessments.assessedOn), desc(skillAssessments.id));
}

export interface LevelRow {
  personId: number;
  skillId: number;
  level: number;
  source: AssessmentSource;
  assessedOn: string;
}

/**
 * The latest assessment on or before the day per person and skill, among the given sources (the current level
 * under the group's rule, or the latest self-assessment). Skills null = every skill assessed.
 */
export function latestLevels(
  db: Db,
  personIds: number[],
  skillIds: number[] | null,
  day: string,
  sources: readonly AssessmentSource[],
): Promise<LevelRow[]> {
  if (personIds.length === 0 || skillIds?.length === 0) return Promise.resolve([]);
  return queryRows<LevelRow>(
    db,
    sql`select distinct on (person_id, skill_id) person_id as "personId", skill_id as "skillId", level, source,
               assessed_on::text as "assessedOn"
        from skill_assessments
        where person_id = any(${`{${personIds.join(",")}}`}::int[])
          ${skillIds ? sql`and skill_id = any(${`{${skillIds.join(",")}}`}::int[])` : sql``}
          and assessed_on <= ${day}::date
          and source = any(${`{${sources.join(",")}}`}::text[])
        order by person_id, skill_id, assessed_on desc, id desc`,
  );
}

export function levelMap(rows: LevelRow[]): Map<string, LevelRow> {
  return new Map(rows.map((row) => [`${row.personId}:${row.skillId}`, row]));
}

export function assessedSkillIds(db: Db, personId: number) {
  return db
    .selectDistinct({ skillId: skillAssessments.skillId })
    .from(skillAssessments)
    .where(eq(skillAssessments.personId, personId))
    .orderBy(asc(skillAssessments.skillId));
}
