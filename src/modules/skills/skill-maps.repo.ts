import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { skillCategories, skillRequirements, skills } from "./skills.schema";

export interface RequirementRow {
  id: number;
  companyId: number;
  positionId: number | null;
  jobCategoryId: number | null;
  gradeId: number | null;
  skillId: number;
  requiredLevel: number;
  desirableLevel: number | null;
  validFrom: string;
  validTo: string | null;
  skillCode: string;
  skillNameJa: string;
  skillNameEn: string;
  categoryNameJa: string;
  categoryNameEn: string;
  categorySort: number;
}

const columns = {
  id: skillRequirements.id,
  companyId: skillRequirements.companyId,
  positionId: skillRequirements.positionId,
  jobCategoryId: skillRequirements.jobCategoryId,
  gradeId: skillRequirements.gradeId,
  skillId: skillRequirements.skillId,
  requiredLevel: skillRequirements.requiredLevel,
  desirableLevel: skillRequirements.desirableLevel,
  validFrom: skillRequirements.validFrom,
  validTo: skillRequirements.validTo,
  skillCode: skills.code,
  skillNameJa: skills.nameJa,
  skillNameEn: skills.nameEn,
  categoryNameJa: skillCategories.nameJa,
  categoryNameEn: skillCategories.nameEn,
  categorySort: skillCategories.sortOrder,
};

/** Skill-map lines in force on the day for any of the positions or job categories. */
export function requirementsInForce(
  db: Db,
  targets: { positionIds: number[]; jobCategoryIds: number[] },
  day: string,
): Promise<RequirementRow[]> {
  const parts: SQL[] = [];
  if (targets.positionIds.length) parts.push(inArray(skillRequirements.positionId, targets.positionIds));
  if (targets.jobCategoryIds.length) {
    parts.push(
      and(
        isNull(skillRequirements.positionId),
        inArray(skillRequirements.jobCategoryId, targets.jobCategoryIds),
      )!,
    );
  }
  if (parts.length === 0) return Promise.resolve([]);
  return db
    .select(columns)
    .from(skillRequirements)
    .innerJoin(skills, eq(skills.id, skillRequirements.skillId))
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(and(or(...parts), sql`${skillRequirements.during} @> ${day}::date`))
    .orderBy(asc(skillCategories.sortOrder), asc(skills.code), asc(skillRequirements.id));
}

/**
 * The skill-map lines in force on the day for the position of a person's primary assignment (the one
 * personContextAt picks) and, optionally, another position (an aspired one), with their job categories: a
 * condition on `r` (skill_requirements), so that a query need not wait for the person's context.
 */
export function personRequirementLines(
  personId: number,
  day: string,
  otherPositionId: number | undefined,
): SQL {
  const primary = sql`(select a.position_id from assignments a
    where a.person_id = ${personId} and a.kind = 'primary' and a.during @> ${day}::date
    order by a.valid_from desc, a.id desc limit 1)`;
  const targets =
    otherPositionId === undefined ? sql`p.id = ${primary}` : sql`p.id in (${primary}, ${otherPositionId})`;
  return sql`(r.during @> ${day}::date
    and (r.position_id = any(array(select p.id from positions p where ${targets}))
      or (r.position_id is null and r.job_category_id = any(array(
        select p.job_category_id from positions p where ${targets} and p.job_category_id is not null)))))`;
}

/** `requirementsInForce` for a person's position on the day and another position (`personRequirementLines`). */
export function requirementsForPerson(
  db: Db,
  personId: number,
  day: string,
  otherPositionId: number | undefined,
): Promise<RequirementRow[]> {
  return queryRows<RequirementRow>(
    db,
    sql`select r.id, r.company_id as "companyId", r.position_id as "positionId",
               r.job_category_id as "jobCategoryId", r.grade_id as "gradeId", r.skill_id as "skillId",
               r.required_level as "requiredLevel", r.desirable_level as "desirableLevel",
               r.valid_from::text as "validFrom", r.valid_to::text as "validTo",
               s.code as "skillCode", s.name_ja as "skillNameJa", s.name_en as "skillNameEn",
               c.name_ja as "categoryNameJa", c.name_en as "categoryNameEn", c.sort_order as "categorySort"
        from skill_requirements r
        join skills s on s.id = r.skill_id
        join skill_categories c on c.id = s.category_id
        where ${personRequirementLines(personId, day, otherPositionId)}
        order by c.sort_order, s.code, r.id`,
  );
}

export interface RequirementTarget {
  positionId: number | null;
  jobCategoryId: number | null;
  gradeId: number | null;
}

export type RequirementSource = "position" | "position_grade" | "category_grade";

/**
 * The map for one target: per skill the most specific line (position + grade, then position, then job
 * category + grade). Without a grade only the position's all-grade lines apply.
 */
export function resolveRequirements(
  rows: RequirementRow[],
  target: RequirementTarget,
): (RequirementRow & { source: RequirementSource })[] {
  const best = new Map<number, RequirementRow & { source: RequirementSource; rank: number }>();
  for (const row of rows) {
    let source: RequirementSource | undefined;
    let rank = 0;
    if (row.positionId !== null && row.positionId === target.positionId) {
      if (row.gradeId === null) [source, rank] = ["position", 2];
      else if (row.gradeId === target.gradeId) [source, rank] = ["position_grade", 3];
    } else if (
      row.positionId === null &&
      row.jobCategoryId !== null &&
      row.jobCategoryId === target.jobCategoryId &&
      row.gradeId === target.gradeId
    ) {
      [source, rank] = ["category_grade", 1];
    }
    if (!source) continue;
    const current = best.get(row.skillId);
    if (!current || rank > current.rank) best.set(row.skillId, { ...row, source, rank });
  }
  return [...best.values()]
    .sort((a, b) => a.categorySort - b.categorySort || a.skillCode.localeCompare(b.skillCode) || a.id - b.id)
    .map(({ rank: _rank, ...row }) => row);
}

/** Lines of one position map (all grades, or one grade) that are open on or start after the day. */
export function linesFrom(db: Db, positionId: number, gradeId: number | null, day: string) {
  return db
    .select()
    .from(skillRequirements)
    .where(
      and(
        eq(skillRequirements.positionId, positionId),
        gradeId === null ? isNull(skillRequirements.gradeId) : eq(skillRequirements.gradeId, gradeId),
        or(isNull(skillRequirements.validTo), sql`${skillRequirements.validTo} >= ${day}::date`),
      ),
    )
    .orderBy(asc(skillRequirements.validFrom), asc(skillRequirements.id));
}

export async function endLines(db: Db, ids: number[], lastDay: string): Promise<void> {
  if (ids.length)
    await db.update(skillRequirements).set({ validTo: lastDay }).where(inArray(skillRequirements.id, ids));
}

export async function deleteLines(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.delete(skillRequirements).where(inArray(skillRequirements.id, ids));
}

export async function insertLines(db: Db, rows: (typeof skillRequirements.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(skillRequirements).values(rows);
}

export function laterLines(db: Db, positionId: number, gradeId: number | null, day: string) {
  return db
    .select({ id: skillRequirements.id, validFrom: skillRequirements.validFrom })
    .from(skillRequirements)
    .where(
      and(
        eq(skillRequirements.positionId, positionId),
        gradeId === null ? isNull(skillRequirements.gradeId) : eq(skillRequirements.gradeId, gradeId),
        gt(skillRequirements.validFrom, day),
      ),
    )
    .orderBy(asc(skillRequirements.validFrom), asc(skillRequirements.id));
}

/** Positions of a company with the number of skills on their map today. */
export function positionsWithMaps(db: Db, companyId: number, day: string) {
  return queryRows<{
    id: number;
    code: string;
    nameJa: string;
    nameEn: string;
    jobCategoryId: number | null;
    jobCategoryCode: string | null;
    jobCategoryNameJa: string | null;
    jobCategoryNameEn: string | null;
    skills: number;
  }>(
    db,
    sql`select p.id, p.code, p.name_ja as "nameJa", p.name_en as "nameEn", p.job_category_id as "jobCategoryId",
               jc.code as "jobCategoryCode", jc.name_ja as "jobCategoryNameJa", jc.name_en as "jobCategoryNameEn",
               (select count(distinct r.skill_id) from skill_requirements r
                 where r.position_id = p.id and r.during @> ${day}::date)::int as skills
        from positions p left join job_categories jc on jc.id = p.job_category_id
        where p.company_id = ${companyId}
        order by jc.code nulls last, p.code, p.id`,
  );
}

export async function positionHolders(db: Db, positionId: number, day: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct person_id)::int as n from assignments
        where position_id = ${positionId} and kind = 'primary' and during @> ${day}::date`,
  );
  return row?.n ?? 0;
}
