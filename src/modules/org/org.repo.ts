import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { companies, grades, jobCategories, orgUnits, orgUnitVersions, positions } from "./org.schema";

export type CompanyRow = typeof companies.$inferSelect;

export async function companyExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, id));
  return row !== undefined;
}

export function listCompanies(db: Db): Promise<CompanyRow[]> {
  return db.select().from(companies).orderBy(asc(companies.code), asc(companies.id));
}

export async function findCompany(db: Db, id: number): Promise<CompanyRow | undefined> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id));
  return row;
}

export async function insertCompany(db: Db, company: typeof companies.$inferInsert): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(company).returning();
  return row!;
}

export function listGrades(db: Db, companyId: number) {
  return db
    .select()
    .from(grades)
    .where(eq(grades.companyId, companyId))
    .orderBy(asc(grades.rank), asc(grades.id));
}

export async function findGrade(db: Db, id: number) {
  const [row] = await db.select().from(grades).where(eq(grades.id, id));
  return row;
}

export function listPositions(db: Db, companyId: number) {
  return db
    .select()
    .from(positions)
    .where(eq(positions.companyId, companyId))
    .orderBy(asc(positions.code), asc(positions.id));
}

export async function findPosition(db: Db, id: number) {
  const [row] = await db.select().from(positions).where(eq(positions.id, id));
  return row;
}

export function listJobCategories(db: Db, companyId: number) {
  return db
    .select()
    .from(jobCategories)
    .where(eq(jobCategories.companyId, companyId))
    .orderBy(asc(jobCategories.code), asc(jobCategories.id));
}

export async function findOrgUnit(db: Db, id: number) {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export interface OrgUnitVersionRow {
  versionId: number;
  orgUnitId: number;
  companyId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

const versionColumns = {
  versionId: orgUnitVersions.id,
  orgUnitId: orgUnitVersions.orgUnitId,
  companyId: orgUnitVersions.companyId,
  code: orgUnits.code,
  nameJa: orgUnitVersions.nameJa,
  nameEn: orgUnitVersions.nameEn,
  parentId: orgUnitVersions.parentOrgUnitId,
  validFrom: orgUnitVersions.validFrom,
  validTo: orgUnitVersions.validTo,
};

export function orgUnitVersionsOf(db: Db, orgUnitId: number): Promise<OrgUnitVersionRow[]> {
  return db
    .select(versionColumns)
    .from(orgUnitVersions)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitVersions.orgUnitId))
    .where(eq(orgUnitVersions.orgUnitId, orgUnitId))
    .orderBy(asc(orgUnitVersions.validFrom), asc(orgUnitVersions.id));
}

export async function orgUnitVersionAt(
  db: Db,
  orgUnitId: number,
  date: string,
): Promise<OrgUnitVersionRow | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(orgUnitVersions)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitVersions.orgUnitId))
    .where(and(eq(orgUnitVersions.orgUnitId, orgUnitId), sql`${orgUnitVersions.during} @> ${date}::date`));
  return row;
}

export async function insertOrgUnit(db: Db, unit: { companyId: number; code: string }): Promise<number> {
  const [row] = await db.insert(orgUnits).values(unit).returning({ id: orgUnits.id });
  return row!.id;
}

export async function insertOrgUnitVersion(
  db: Db,
  version: typeof orgUnitVersions.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(orgUnitVersions).values(version).returning({ id: orgUnitVersions.id });
  return row!.id;
}

export async function endOrgUnitVersion(db: Db, versionId: number, lastDay: string): Promise<void> {
  await db.update(orgUnitVersions).set({ validTo: lastDay }).where(eq(orgUnitVersions.id, versionId));
}

export interface OrgChartRow extends OrgUnitVersionRow {
  headcount: number;
  headPersonId: number | null;
}

/** Every unit valid on the date (one company or all), with the people assigned to it and its head. */
export function orgChartUnits(db: Db, asOf: string, companyId: number | undefined): Promise<OrgChartRow[]> {
  return queryRows<OrgChartRow>(
    db,
    sql`
      select v.id as "versionId", v.org_unit_id as "orgUnitId", v.company_id as "companyId", u.code,
             v.name_ja as "nameJa", v.name_en as "nameEn", v.parent_org_unit_id as "parentId",
             v.valid_from::text as "validFrom", v.valid_to::text as "validTo",
             coalesce(m.headcount, 0)::int as headcount, m.head_person_id as "headPersonId"
      from org_unit_versions v
      join org_units u on u.id = v.org_unit_id
      left join (
        select a.org_unit_id, count(distinct a.person_id)::int as headcount,
               min(a.person_id) filter (where a.is_head) as head_person_id
        from assignments a
        where a.during @> ${asOf}::date
        group by a.org_unit_id
      ) m on m.org_unit_id = v.org_unit_id
      where v.during @> ${asOf}::date
        ${companyId === undefined ? sql`` : sql`and v.company_id = ${companyId}`}
      order by v.company_id, u.code, v.org_unit_id`,
  );
}

/** People employed on the date per company. */
export async function companyHeadcounts(db: Db, asOf: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ companyId: number; headcount: number }>(
    db,
    sql`select company_id as "companyId", count(distinct person_id)::int as headcount
        from employments
        where hire_date <= ${asOf}::date and (termination_date is null or termination_date >= ${asOf}::date)
        group by company_id order by company_id`,
  );
  return new Map(rows.map((row) => [row.companyId, row.headcount]));
}

/** The org units in the subtrees rooted at the given units, as the tree stands on the date (roots included). */
export async function subtreeOrgUnitIds(db: Db, rootIds: number[], asOf: string): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with recursive tree(id) as (
          select unnest(${`{${rootIds.join(",")}}`}::int[])
          union
          select v.org_unit_id from org_unit_versions v join tree t on v.parent_org_unit_id = t.id
          where v.during @> ${asOf}::date
        )
        select id from tree order by id`,
  );
  return rows.map((row) => row.id);
}
