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

/** One person's levels of one skill, from person_skill_levels (their current levels) with the skill's names. */
export interface PersonLevelRow {
  skillId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  categoryJa: string;
  categoryEn: string;
  confirmed: { level: number; assessedOn: string; source: AssessmentSource } | null;
  any: { level: number; assessedOn: string; source: AssessmentSource };
  /** The latest self-assessment on or before the day. */
  selfLevel: number | null;
}

/**
 * Every skill a person has been assessed in, with their current levels (the latest confirmed and the latest of
 * any source, as person_skill_levels keeps them) and their latest self-assessment on or before the day: one
 * query, read through person_skill_levels' primary key and the assessments' person index. The current levels
 * are the latest overall; a caller asking about a day before one of them reads the history instead
 * (`latestLevels`). Ordered like the library (category, code).
 */
export async function personLevels(db: Db, personId: number, day: string): Promise<PersonLevelRow[]> {
  const rows = await queryRows<{
    skillId: number;
    code: string;
    nameJa: string;
    nameEn: string;
    categoryJa: string;
    categoryEn: string;
    confirmedLevel: number | null;
    confirmedOn: string | null;
    confirmedSource: AssessmentSource | null;
    anyLevel: number;
    anyOn: string;
    anySource: AssessmentSource;
    selfLevel: number | null;
  }>(
    db,
    sql`select p.skill_id as "skillId", s.code, s.name_ja as "nameJa", s.name_en as "nameEn",
               c.name_ja as "categoryJa", c.name_en as "categoryEn",
               p.confirmed_level as "confirmedLevel", p.confirmed_on::text as "confirmedOn",
               ca.source as "confirmedSource",
               p.any_level as "anyLevel", p.any_on::text as "anyOn", aa.source as "anySource",
               (select sa.level from skill_assessments sa
                 where sa.person_id = p.person_id and sa.skill_id = p.skill_id and sa.source = 'self'
                   and sa.assessed_on <= ${day}::date
                 order by sa.assessed_on desc, sa.id desc limit 1) as "selfLevel"
        from person_skill_levels p
        join skills s on s.id = p.skill_id
        join skill_categories c on c.id = s.category_id
        join skill_assessments aa on aa.id = p.any_assessment_id
        left join skill_assessments ca on ca.id = p.confirmed_assessment_id
        where p.person_id = ${personId}
        order by c.sort_order, c.id, s.code, s.id`,
  );
  return rows.map((r) => ({
    skillId: r.skillId,
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    categoryJa: r.categoryJa,
    categoryEn: r.categoryEn,
    confirmed:
      r.confirmedLevel === null || r.confirmedOn === null || r.confirmedSource === null
        ? null
        : { level: r.confirmedLevel, assessedOn: r.confirmedOn, source: r.confirmedSource },
    any: { level: r.anyLevel, assessedOn: r.anyOn, source: r.anySource },
    selfLevel: r.selfLevel,
  }));
}
