import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";

/** Where a person works on a day: their primary assignment (the latest starting one if several employments). */
export interface PersonContext {
  personId: number;
  companyId: number;
  orgUnitId: number;
  positionId: number | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  jobCategoryId: number | null;
  jobCategoryCode: string | null;
  gradeId: number | null;
  gradeRank: number | null;
  isManagerLevel: boolean;
  lineManagerPersonId: number | null;
  isHead: boolean;
}

const contextColumns = sql`
  a.person_id as "personId", a.company_id as "companyId", a.org_unit_id as "orgUnitId",
  a.position_id as "positionId", pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn",
  pos.job_category_id as "jobCategoryId", jc.code as "jobCategoryCode",
  a.grade_id as "gradeId", g.rank as "gradeRank", coalesce(g.is_manager_level, false) as "isManagerLevel",
  a.line_manager_person_id as "lineManagerPersonId", a.is_head as "isHead"`;

const contextJoins = sql`
  left join positions pos on pos.id = a.position_id
  left join job_categories jc on jc.id = pos.job_category_id
  left join grades g on g.id = a.grade_id`;

export async function personContextAt(
  db: Db,
  personId: number,
  day: string,
): Promise<PersonContext | undefined> {
  const [row] = await queryRows<PersonContext>(
    db,
    sql`select ${contextColumns}
        from assignments a ${contextJoins}
        where a.person_id = ${personId} and a.kind = 'primary' and a.during @> ${day}::date
        order by a.valid_from desc, a.id desc
        limit 1`,
  );
  return row;
}

/** The contexts of many people on a day (one row per person). */
export function personContextsAt(db: Db, personIds: number[], day: string): Promise<PersonContext[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return queryRows<PersonContext>(
    db,
    sql`select distinct on (a.person_id) ${contextColumns}
        from assignments a ${contextJoins}
        where a.person_id = any(${`{${personIds.join(",")}}`}::int[]) and a.kind = 'primary' and a.during @> ${day}::date
        order by a.person_id, a.valid_from desc, a.id desc`,
  );
}

/** The unit and its ancestors on a day (for audience rules naming departments). */
export async function orgUnitAncestry(db: Db, orgUnitId: number, day: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with recursive up(id, depth) as (
          select ${orgUnitId}::int, 0
          union all
          select v.parent_org_unit_id, up.depth + 1 from org_unit_versions v join up on v.org_unit_id = up.id
          where v.during @> ${day}::date and v.parent_org_unit_id is not null and up.depth < 50
        )
        select id from up order by depth`,
  );
  return rows.map((row) => row.id);
}

/** `orgUnitAncestry` of the unit of a person's primary assignment on the day, without reading the context first. */
export async function personOrgUnitAncestry(db: Db, personId: number, day: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with recursive up(id, depth) as (
          select (select a.org_unit_id from assignments a
                  where a.person_id = ${personId} and a.kind = 'primary' and a.during @> ${day}::date
                  order by a.valid_from desc, a.id desc limit 1), 0
          union all
          select v.parent_org_unit_id, up.depth + 1 from org_unit_versions v join up on v.org_unit_id = up.id
          where v.during @> ${day}::date and v.parent_org_unit_id is not null and up.depth < 50
        )
        select id from up where id is not null order by depth`,
  );
  return rows.map((row) => row.id);
}
