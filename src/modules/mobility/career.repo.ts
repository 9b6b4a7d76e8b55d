import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { NameOrder } from "../../shared/enums";
import type { CareerCycleStatus, CareerReportStatus, MoveTiming } from "../../shared/mobility-vocab";
import { jobCategories, positions } from "../org/org.schema";
import { careerReportCycles, careerReports } from "./mobility.schema";

export type CycleRow = typeof careerReportCycles.$inferSelect;
export type ReportRow = typeof careerReports.$inferSelect;

export interface CycleView {
  id: number;
  companyId: number;
  companyCode: string;
  companyNameJa: string;
  companyNameEn: string;
  fiscalYear: number;
  opensOn: string;
  dueOn: string;
  reminderDays: number[];
  status: CareerCycleStatus;
}

const cycleColumns = sql`cy.id, cy.company_id as "companyId", c.code as "companyCode", c.name_ja as "companyNameJa",
  c.name_en as "companyNameEn", cy.fiscal_year as "fiscalYear", cy.opens_on::text as "opensOn",
  cy.due_on::text as "dueOn", cy.reminder_days as "reminderDays", cy.status`;

export function cycleViews(db: Db, where: SQL): Promise<CycleView[]> {
  return queryRows<CycleView>(
    db,
    sql`select ${cycleColumns} from career_report_cycles cy join companies c on c.id = cy.company_id
        where ${where} order by c.code, cy.fiscal_year desc, cy.id`,
  );
}

export async function findCycle(db: Db, id: number): Promise<CycleView | undefined> {
  const [row] = await cycleViews(db, sql`cy.id = ${id}`);
  return row;
}

export async function insertCycle(db: Db, row: typeof careerReportCycles.$inferInsert): Promise<number> {
  const [created] = await db.insert(careerReportCycles).values(row).returning({ id: careerReportCycles.id });
  return created!.id;
}

export async function updateCycleRow(
  db: Db,
  id: number,
  values: Partial<typeof careerReportCycles.$inferInsert>,
): Promise<void> {
  await db.update(careerReportCycles).set(values).where(eq(careerReportCycles.id, id));
}

/** Open cycles of the companies where the person has a primary assignment on the day. */
export function openCyclesForPerson(db: Db, personId: number, day: string): Promise<CycleView[]> {
  return cycleViews(
    db,
    sql`cy.status = 'open' and cy.opens_on <= ${day}::date and exists (
          select 1 from assignments a where a.person_id = ${personId} and a.company_id = cy.company_id
            and a.kind = 'primary' and a.during @> ${day}::date)`,
  );
}

export async function findReport(db: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(careerReports).where(eq(careerReports.id, id));
  return row;
}

export async function findReportForUpdate(db: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(careerReports).where(eq(careerReports.id, id)).for("update");
  return row;
}

export async function reportOf(db: Db, cycleId: number, personId: number): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(careerReports)
    .where(and(eq(careerReports.cycleId, cycleId), eq(careerReports.personId, personId)))
    .for("update");
  return row;
}

export async function insertReport(db: Db, row: typeof careerReports.$inferInsert): Promise<number> {
  const [created] = await db.insert(careerReports).values(row).returning({ id: careerReports.id });
  return created!.id;
}

export async function updateReportRow(
  db: Db,
  id: number,
  values: Partial<typeof careerReports.$inferInsert>,
): Promise<void> {
  await db
    .update(careerReports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(careerReports.id, id));
}

export interface NameColumns {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
}

const nameOf = (alias: string) =>
  sql.raw(`json_build_object('familyName', ${alias}.family_name, 'givenName', ${alias}.given_name,
    'familyNameKana', ${alias}.family_name_kana, 'givenNameKana', ${alias}.given_name_kana,
    'familyNameLatin', ${alias}.family_name_latin, 'givenNameLatin', ${alias}.given_name_latin,
    'nameOrder', ${alias}.name_order)`);

export interface ReportView {
  id: number;
  cycleId: number;
  fiscalYear: number;
  companyId: number;
  personId: number;
  person: NameColumns;
  status: CareerReportStatus;
  reflection: string;
  vision: string;
  desiredJobCategoryIds: number[];
  desiredPositionIds: number[];
  desiredLocations: string[];
  moveTiming: MoveTiming;
  wantsTransfer: boolean;
  openToOverseas: boolean;
  managerPersonId: number | null;
  manager: NameColumns | null;
  managerComment: string | null;
  managerCommentedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
  orgUnitId: number | null;
  orgUnitNameJa: string | null;
  orgUnitNameEn: string | null;
}

/** Reports with names, fiscal year and the org unit at submission (or today for drafts). */
export function reportViews(
  db: Db,
  where: SQL,
  options: { orderBy?: SQL; limit?: number; offset?: number } = {},
): Promise<ReportView[]> {
  return queryRows<ReportView>(
    db,
    sql`select r.id, r.cycle_id as "cycleId", cy.fiscal_year as "fiscalYear", r.company_id as "companyId",
               r.person_id as "personId", ${nameOf("p")} as person, r.status, r.reflection, r.vision,
               r.desired_job_category_ids as "desiredJobCategoryIds", r.desired_position_ids as "desiredPositionIds",
               r.desired_locations as "desiredLocations", r.move_timing as "moveTiming",
               r.wants_transfer as "wantsTransfer", r.open_to_overseas as "openToOverseas",
               r.manager_person_id as "managerPersonId",
               case when m.id is null then null else ${nameOf("m")} end as manager,
               r.manager_comment as "managerComment",
               to_char(r.manager_commented_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "managerCommentedAt",
               to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "submittedAt",
               to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
               unit.org_unit_id as "orgUnitId", unit.name_ja as "orgUnitNameJa", unit.name_en as "orgUnitNameEn"
        from career_reports r
        join career_report_cycles cy on cy.id = r.cycle_id
        join persons p on p.id = r.person_id
        left join persons m on m.id = r.manager_person_id
        left join lateral (
          select a.org_unit_id, v.name_ja, v.name_en
          from assignments a
          left join org_unit_versions v on v.org_unit_id = a.org_unit_id
            and v.during @> coalesce(r.submitted_at::date, current_date)
          where a.person_id = r.person_id and a.company_id = r.company_id and a.kind = 'primary'
            and a.valid_from <= coalesce(r.submitted_at::date, current_date)
          order by a.valid_from desc, a.id desc limit 1
        ) unit on true
        where ${where}
        order by ${options.orderBy ?? sql`cy.fiscal_year desc, r.id desc`}
        ${options.limit !== undefined ? sql`limit ${options.limit}` : sql``}
        ${options.offset !== undefined ? sql`offset ${options.offset}` : sql``}`,
  );
}

export async function countReports(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from career_reports r join career_report_cycles cy on cy.id = r.cycle_id
        where ${where}`,
  );
  return Number(row?.n ?? 0);
}

export interface SummaryRow {
  submitted: number;
  commented: number;
  moveWithinYear: number;
  openToOverseas: number;
  wantsTransfer: number;
  withinOneYear: number;
  withinThreeYears: number;
  later: number;
  noWish: number;
}

/** Counts over the submitted reports of a cycle. */
export async function cycleSummary(db: Db, cycleId: number): Promise<SummaryRow> {
  const [row] = await queryRows<SummaryRow>(
    db,
    sql`select count(*)::int as submitted,
               count(*) filter (where status = 'commented')::int as commented,
               count(*) filter (where move_timing = 'within_1y')::int as "moveWithinYear",
               count(*) filter (where open_to_overseas)::int as "openToOverseas",
               count(*) filter (where wants_transfer)::int as "wantsTransfer",
               count(*) filter (where move_timing = 'within_1y')::int as "withinOneYear",
               count(*) filter (where move_timing = 'within_3y')::int as "withinThreeYears",
               count(*) filter (where move_timing = 'later')::int as later,
               count(*) filter (where move_timing = 'no_wish')::int as "noWish"
        from career_reports where cycle_id = ${cycleId} and status in ('submitted', 'commented')`,
  );
  return row!;
}

/** People with a primary assignment at the company on the day (those a cycle expects a report from). */
export async function expectedCount(db: Db, companyId: number, day: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct person_id)::int as n from assignments
        where company_id = ${companyId} and kind = 'primary' and during @> ${day}::date`,
  );
  return Number(row?.n ?? 0);
}

/** People with a primary assignment at the company on the day who have not submitted for the cycle. */
export async function notSubmittedPersonIds(db: Db, cycleId: number, companyId: number, day: string) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct a.person_id as id from assignments a
        where a.company_id = ${companyId} and a.kind = 'primary' and a.during @> ${day}::date
          and not exists (select 1 from career_reports r where r.cycle_id = ${cycleId} and r.person_id = a.person_id
                            and r.status in ('submitted', 'commented'))
        order by a.person_id`,
  );
  return rows.map((row) => row.id);
}

export async function activePersonIds(db: Db, companyId: number, day: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct person_id as id from assignments
        where company_id = ${companyId} and kind = 'primary' and during @> ${day}::date order by person_id`,
  );
  return rows.map((row) => row.id);
}

/**
 * The person's manager at the company on the day: the line manager of their primary assignment, or else the
 * head of their unit or of the nearest unit above it (not the person themself).
 */
export async function managerOf(
  db: Db,
  personId: number,
  companyId: number,
  day: string,
): Promise<number | null> {
  const [row] = await queryRows<{ managerId: number | null }>(
    db,
    sql`with recursive a as (
          select line_manager_person_id, org_unit_id from assignments
          where person_id = ${personId} and company_id = ${companyId} and kind = 'primary' and during @> ${day}::date
          order by valid_from desc, id desc limit 1
        ), up(id, depth) as (
          select org_unit_id, 0 from a
          union all
          select v.parent_org_unit_id, up.depth + 1 from org_unit_versions v join up on v.org_unit_id = up.id
          where v.during @> ${day}::date and v.parent_org_unit_id is not null and up.depth < 50
        )
        select coalesce(
          (select nullif(line_manager_person_id, ${personId}) from a),
          (select h.person_id from up join assignments h on h.org_unit_id = up.id and h.is_head
             and h.during @> ${day}::date and h.person_id <> ${personId}
           order by up.depth, h.id limit 1)
        ) as "managerId"`,
  );
  return row?.managerId ?? null;
}

export function jobCategoryRefs(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: jobCategories.id, nameJa: jobCategories.nameJa, nameEn: jobCategories.nameEn })
    .from(jobCategories)
    .where(inArray(jobCategories.id, ids))
    .orderBy(asc(jobCategories.id));
}

/** Every job category of the group with its company, by company code, category code and id. */
export function groupJobCategories(db: Db) {
  return queryRows<{
    id: number;
    code: string;
    nameJa: string;
    nameEn: string;
    companyId: number;
    companyCode: string;
    companyNameJa: string;
    companyNameEn: string;
  }>(
    db,
    sql`select j.id, j.code, j.name_ja as "nameJa", j.name_en as "nameEn", c.id as "companyId",
               c.code as "companyCode", c.name_ja as "companyNameJa", c.name_en as "companyNameEn"
        from job_categories j join companies c on c.id = j.company_id
        order by c.code, c.id, j.code, j.id`,
  );
}

export function positionRefs(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: positions.id, nameJa: positions.nameJa, nameEn: positions.nameEn })
    .from(positions)
    .where(inArray(positions.id, ids))
    .orderBy(asc(positions.id));
}
