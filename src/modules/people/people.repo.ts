import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type {
  AssignmentKind,
  DisabilityCategory,
  EmploymentType,
  Gender,
  NameOrder,
  TerminationReason,
} from "../../shared/enums";
import type { DirectoryScope } from "../access/access.policy";
import { assignments, employments, personSensitive, persons } from "./people.schema";

export async function personExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, id));
  return row !== undefined;
}

export type PersonRow = typeof persons.$inferSelect;

export async function findPerson(db: Db, id: number): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

/** Companies the person has (had) employments at, and whether they are assigned today under the given units. */
export async function personRelationRow(
  db: Db,
  personId: number,
  managedOrgUnitIds: number[],
  day: string,
): Promise<{ companyIds: number[]; inManagedUnits: boolean }> {
  const companies = await db
    .selectDistinct({ companyId: employments.companyId })
    .from(employments)
    .where(eq(employments.personId, personId))
    .orderBy(asc(employments.companyId));
  let inManagedUnits = false;
  if (managedOrgUnitIds.length) {
    const rows = await queryRows<{ found: boolean }>(
      db,
      sql`with recursive tree(id) as (
            select unnest(${`{${managedOrgUnitIds.join(",")}}`}::int[])
            union
            select v.org_unit_id from org_unit_versions v join tree t on v.parent_org_unit_id = t.id
            where v.during @> ${day}::date
          )
          select exists (
            select 1 from assignments a join tree t on t.id = a.org_unit_id
            where a.person_id = ${personId} and a.during @> ${day}::date
          ) as found`,
    );
    inManagedUnits = rows[0]?.found === true;
  }
  return { companyIds: companies.map((row) => row.companyId), inManagedUnits };
}

/** One row of the directory (flat; the service shapes it). */
export interface PersonSummaryRow {
  id: number;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
  gender: Gender;
  employmentId: number | null;
  companyId: number | null;
  companyCode: string | null;
  companyNameJa: string | null;
  companyNameEn: string | null;
  employeeNumber: string | null;
  employmentType: EmploymentType | null;
  orgUnitId: number | null;
  orgUnitNameJa: string | null;
  orgUnitNameEn: string | null;
  positionId: number | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  gradeId: number | null;
  gradeCode: string | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
  assignmentKind: AssignmentKind | null;
  isHead: boolean | null;
}

const summaryColumns = sql`
  p.id, p.family_name as "familyName", p.given_name as "givenName",
  p.family_name_kana as "familyNameKana", p.given_name_kana as "givenNameKana",
  p.family_name_latin as "familyNameLatin", p.given_name_latin as "givenNameLatin",
  p.name_order as "nameOrder", p.gender,
  e.id as "employmentId", c.id as "companyId", c.code as "companyCode", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
  e.employee_number as "employeeNumber", e.employment_type as "employmentType",
  a.org_unit_id as "orgUnitId", v.name_ja as "orgUnitNameJa", v.name_en as "orgUnitNameEn",
  pos.id as "positionId", pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn",
  g.id as "gradeId", g.code as "gradeCode", g.name_ja as "gradeNameJa", g.name_en as "gradeNameEn",
  a.kind as "assignmentKind", a.is_head as "isHead"`;

/** Joins of a summary row: the assignment `a` and its unit version, position and grade on the day `point`. */
const summaryJoins = (point: SQL) => sql`
  left join org_unit_versions v on v.org_unit_id = a.org_unit_id and v.during @> ${point}
  left join positions pos on pos.id = a.position_id
  left join grades g on g.id = a.grade_id`;

const subtree = (rootIds: number[], day: string) => sql`
  with recursive tree(id) as (
    select unnest(${`{${rootIds.join(",")}}`}::int[])
    union
    select v.org_unit_id from org_unit_versions v join tree t on v.parent_org_unit_id = t.id
    where v.during @> ${day}::date
  ) select id from tree`;

export interface DirectoryFilter {
  q?: string | undefined;
  companyId?: number | undefined;
  orgUnitId?: number | undefined;
  gradeId?: number | undefined;
  employmentType?: EmploymentType | undefined;
  asOf: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

/**
 * The people directory: one row per person — their latest employment matching the filters (employed on
 * `asOf` unless former employees are included) with its primary assignment on that day (or on the last day
 * employed). Ordered by Latin/native name, then id.
 */
export async function searchDirectory(
  db: Db,
  filter: DirectoryFilter,
  scope: DirectoryScope,
  scopeDay: string,
): Promise<{ total: number; rows: PersonSummaryRow[] }> {
  const day = sql`${filter.asOf}::date`;
  const point = sql`least(coalesce(e.termination_date, ${day}), ${day})`;
  const conditions: SQL[] = [];
  if (!filter.includeInactive) {
    conditions.push(
      sql`e.hire_date <= ${day} and (e.termination_date is null or e.termination_date >= ${day})`,
    );
  }
  if (filter.companyId !== undefined) conditions.push(sql`e.company_id = ${filter.companyId}`);
  if (filter.employmentType !== undefined) conditions.push(sql`e.employment_type = ${filter.employmentType}`);
  if (filter.gradeId !== undefined) conditions.push(sql`a.grade_id = ${filter.gradeId}`);
  if (filter.orgUnitId !== undefined)
    conditions.push(sql`a.org_unit_id in (${subtree([filter.orgUnitId], filter.asOf)})`);
  // A name or employee-number search starts from the matching people (trigram index on persons.search_text,
  // expression index on lower(employee_number)) instead of testing every employment row.
  let nameMatch = sql``;
  if (filter.q) {
    const needle = filter.q.toLowerCase().replace(/[\s\u3000]+/g, "");
    const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    nameMatch = sql`join (
      select id as person_id from persons where search_text like ${pattern}
      union
      select person_id from employments where lower(employee_number) = ${needle}
    ) name_match on name_match.person_id = p.id`;
  }
  if (!scope.all) {
    const parts: SQL[] = [sql`false`];
    if (scope.companyIds.length)
      parts.push(sql`e.company_id = any(${`{${scope.companyIds.join(",")}}`}::int[])`);
    if (scope.personId !== null) parts.push(sql`p.id = ${scope.personId}`);
    if (scope.managedOrgUnitIds.length) {
      parts.push(sql`exists (select 1 from assignments ma where ma.person_id = p.id and ma.during @> ${scopeDay}::date
        and ma.org_unit_id in (${subtree(scope.managedOrgUnitIds, scopeDay)}))`);
    }
    conditions.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const matches = sql`
    select distinct on (p.id) ${summaryColumns},
      lower(coalesce(p.family_name_latin, p.family_name)) as sort_family,
      lower(coalesce(p.given_name_latin, p.given_name)) as sort_given
    from employments e
    join persons p on p.id = e.person_id
    ${nameMatch}
    join companies c on c.id = e.company_id
    left join assignments a on a.employment_id = e.id and a.kind = 'primary' and a.during @> ${point}
    ${summaryJoins(point)}
    ${where}
    order by p.id, e.hire_date desc, e.id desc`;
  // The total needs only the rows the conditions look at: no names, units or grades to join and no sort.
  const assignmentJoin =
    filter.gradeId !== undefined || filter.orgUnitId !== undefined
      ? sql`left join assignments a on a.employment_id = e.id and a.kind = 'primary' and a.during @> ${point}`
      : sql``;
  const [countRow] = await queryRows<{ total: number }>(
    db,
    sql`select count(distinct p.id)::int as total
        from employments e join persons p on p.id = e.person_id ${nameMatch} ${assignmentJoin} ${where}`,
  );
  const rows = await queryRows<PersonSummaryRow>(
    db,
    sql`select * from (${matches}) m order by sort_family, sort_given, id limit ${filter.limit} offset ${filter.offset}`,
  );
  return { total: countRow?.total ?? 0, rows };
}

/** People assigned (any kind) to the org unit on the date, heads first. */
export function orgUnitMembers(db: Db, orgUnitId: number, asOf: string): Promise<PersonSummaryRow[]> {
  const day = sql`${asOf}::date`;
  return queryRows<PersonSummaryRow>(
    db,
    sql`select ${summaryColumns}
        from assignments a
        join employments e on e.id = a.employment_id
        join persons p on p.id = a.person_id
        join companies c on c.id = e.company_id
        ${summaryJoins(day)}
        where a.org_unit_id = ${orgUnitId} and a.during @> ${day}
        order by a.is_head desc, g.rank desc nulls last, lower(coalesce(p.family_name_latin, p.family_name)), p.id, a.id`,
  );
}

export interface AssignmentDetailRow {
  id: number;
  employmentId: number;
  kind: AssignmentKind;
  orgUnitId: number;
  orgUnitCompanyId: number;
  orgUnitCode: string;
  orgUnitNameJa: string | null;
  orgUnitNameEn: string | null;
  positionId: number | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  gradeId: number | null;
  gradeCode: string | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
  gradeIsManagerLevel: boolean | null;
  lineManagerPersonId: number | null;
  isHead: boolean;
  fte: number;
  validFrom: string;
  validTo: string | null;
}

/** A person's assignments, newest first; each org unit named as it was on the assignment's last day (or today). */
export function assignmentsOfPerson(db: Db, personId: number, asOf: string): Promise<AssignmentDetailRow[]> {
  return queryRows<AssignmentDetailRow>(
    db,
    sql`select a.id, a.employment_id as "employmentId", a.kind, a.org_unit_id as "orgUnitId",
               u.company_id as "orgUnitCompanyId", u.code as "orgUnitCode",
               v.name_ja as "orgUnitNameJa", v.name_en as "orgUnitNameEn",
               pos.id as "positionId", pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn",
               g.id as "gradeId", g.code as "gradeCode", g.name_ja as "gradeNameJa", g.name_en as "gradeNameEn",
               g.is_manager_level as "gradeIsManagerLevel",
               a.line_manager_person_id as "lineManagerPersonId", a.is_head as "isHead", a.fte::float8 as fte,
               a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
        from assignments a
        join org_units u on u.id = a.org_unit_id
        left join lateral (
          select name_ja, name_en from org_unit_versions ov
          where ov.org_unit_id = a.org_unit_id and ov.valid_from <= least(coalesce(a.valid_to, ${asOf}::date), ${asOf}::date)
          order by ov.valid_from desc limit 1
        ) v on true
        left join positions pos on pos.id = a.position_id
        left join grades g on g.id = a.grade_id
        where a.person_id = ${personId}
        order by a.valid_from desc, a.id desc`,
  );
}

export interface EmploymentDetailRow {
  id: number;
  companyId: number;
  companyCode: string;
  companyNameJa: string;
  companyNameEn: string;
  employeeNumber: string;
  hireDate: string;
  terminationDate: string | null;
  terminationReason: TerminationReason | null;
  employmentType: EmploymentType;
  weeklyHours: number;
}

export function employmentsOfPerson(db: Db, personId: number): Promise<EmploymentDetailRow[]> {
  return queryRows<EmploymentDetailRow>(
    db,
    sql`select e.id, c.id as "companyId", c.code as "companyCode", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
               e.employee_number as "employeeNumber", e.hire_date::text as "hireDate",
               e.termination_date::text as "terminationDate", e.termination_reason as "terminationReason",
               e.employment_type as "employmentType", e.weekly_hours::float8 as "weeklyHours"
        from employments e join companies c on c.id = e.company_id
        where e.person_id = ${personId}
        order by e.hire_date desc, e.id desc`,
  );
}

export function personsByIds(db: Db, ids: number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<PersonRow>(
    db,
    sql`select id, family_name as "familyName", given_name as "givenName", family_name_kana as "familyNameKana",
               given_name_kana as "givenNameKana", family_name_latin as "familyNameLatin", given_name_latin as "givenNameLatin",
               name_order as "nameOrder", gender, birth_date::text as "birthDate", email
        from persons where id = any(${`{${ids.join(",")}}`}::int[]) order by id`,
  );
}

export async function findSensitive(db: Db, personId: number) {
  const [row] = await db.select().from(personSensitive).where(eq(personSensitive.personId, personId));
  return row;
}

export async function upsertSensitive(
  db: Db,
  personId: number,
  values: { disabilityCategory: DisabilityCategory | null; disabilitySevere: boolean | null },
): Promise<void> {
  await db
    .insert(personSensitive)
    .values({ personId, ...values })
    .onConflictDoUpdate({ target: personSensitive.personId, set: { ...values, updatedAt: sql`now()` } });
}

export async function insertPerson(db: Db, person: typeof persons.$inferInsert): Promise<number> {
  const [row] = await db.insert(persons).values(person).returning({ id: persons.id });
  return row!.id;
}

export async function insertEmployment(db: Db, employment: typeof employments.$inferInsert): Promise<number> {
  const [row] = await db.insert(employments).values(employment).returning({ id: employments.id });
  return row!.id;
}

export async function findEmployment(db: Db, id: number) {
  const [row] = await db.select().from(employments).where(eq(employments.id, id));
  return row;
}

export async function insertAssignment(db: Db, assignment: typeof assignments.$inferInsert): Promise<number> {
  const [row] = await db.insert(assignments).values(assignment).returning({ id: assignments.id });
  return row!.id;
}

export async function findAssignment(db: Db, id: number) {
  const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
  return row;
}

export async function setAssignmentEnd(db: Db, id: number, validTo: string | null): Promise<void> {
  await db.update(assignments).set({ validTo }).where(eq(assignments.id, id));
}

/** Ends every assignment of the employment still running after `lastDay` (on termination). */
export async function endAssignmentsAfter(db: Db, employmentId: number, lastDay: string): Promise<number[]> {
  const rows = await db
    .update(assignments)
    .set({ validTo: lastDay })
    .where(
      and(
        eq(assignments.employmentId, employmentId),
        sql`${assignments.validFrom} <= ${lastDay}::date and (${assignments.validTo} is null or ${assignments.validTo} > ${lastDay}::date)`,
      ),
    )
    .returning({ id: assignments.id });
  return rows.map((row) => row.id);
}

export async function assignmentsStartingAfter(
  db: Db,
  employmentId: number,
  lastDay: string,
): Promise<number> {
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.employmentId, employmentId), sql`${assignments.validFrom} > ${lastDay}::date`));
  return rows.length;
}

export async function terminateEmploymentRow(
  db: Db,
  id: number,
  terminationDate: string,
  terminationReason: TerminationReason,
): Promise<void> {
  await db.update(employments).set({ terminationDate, terminationReason }).where(eq(employments.id, id));
}
