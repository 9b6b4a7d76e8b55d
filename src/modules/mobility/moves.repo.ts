/** SQL of scheduled moves: the dated rows a move reads and writes (assignments and employments). */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { AssignmentKind, EmploymentType } from "../../shared/enums";

export interface MoveEmploymentRow {
  id: number;
  personId: number;
  companyId: number;
  companyCode: string;
  employeeNumber: string;
  hireDate: string;
  terminationDate: string | null;
  employmentType: EmploymentType;
  weeklyHours: number;
}

const employmentColumns = sql`e.id, e.person_id as "personId", e.company_id as "companyId", c.code as "companyCode",
  e.employee_number as "employeeNumber", e.hire_date::text as "hireDate", e.termination_date::text as "terminationDate",
  e.employment_type as "employmentType", e.weekly_hours::float8 as "weeklyHours"`;

/** The person's employments running on the day (latest hire first). */
export function employmentsOn(db: Db, personId: number, day: string): Promise<MoveEmploymentRow[]> {
  return queryRows<MoveEmploymentRow>(
    db,
    sql`select ${employmentColumns}
        from employments e join companies c on c.id = e.company_id
        where e.person_id = ${personId} and e.hire_date <= ${day}::date
          and (e.termination_date is null or e.termination_date >= ${day}::date)
        order by e.hire_date desc, e.id desc`,
  );
}

export async function employmentById(db: Db, id: number): Promise<MoveEmploymentRow | undefined> {
  const [row] = await queryRows<MoveEmploymentRow>(
    db,
    sql`select ${employmentColumns} from employments e join companies c on c.id = e.company_id where e.id = ${id}`,
  );
  return row;
}

export interface MoveAssignmentRow {
  id: number;
  employmentId: number;
  companyId: number;
  kind: AssignmentKind;
  orgUnitId: number;
  positionId: number | null;
  gradeId: number | null;
  lineManagerPersonId: number | null;
  isHead: boolean;
  fte: number;
  validFrom: string;
  validTo: string | null;
}

const assignmentColumns = sql`a.id, a.employment_id as "employmentId", a.company_id as "companyId", a.kind,
  a.org_unit_id as "orgUnitId", a.position_id as "positionId", a.grade_id as "gradeId",
  a.line_manager_person_id as "lineManagerPersonId", a.is_head as "isHead", a.fte::float8 as fte,
  a.valid_from::text as "validFrom", a.valid_to::text as "validTo"`;

/** Every assignment of the person (any employment, any kind) that runs on or after the day, in date order. */
export function assignmentsFrom(db: Db, personId: number, day: string): Promise<MoveAssignmentRow[]> {
  return queryRows<MoveAssignmentRow>(
    db,
    sql`select ${assignmentColumns} from assignments a
        where a.person_id = ${personId} and (a.valid_to is null or a.valid_to >= ${day}::date)
        order by a.valid_from, a.id`,
  );
}

/** Locks the person's assignment rows for the rest of the transaction (two moves of one person queue up). */
export async function lockPersonAssignments(db: Db, personId: number): Promise<void> {
  await queryRows(db, sql`select id from assignments where person_id = ${personId} order by id for update`);
}

export interface UnitOnDay {
  orgUnitId: number;
  companyId: number;
  exists: boolean;
}

/** The org unit's company and whether a version of it is in force on the day. */
export async function unitOnDay(db: Db, orgUnitId: number, day: string): Promise<UnitOnDay | undefined> {
  const [row] = await queryRows<UnitOnDay>(
    db,
    sql`select u.id as "orgUnitId", u.company_id as "companyId",
               exists (select 1 from org_unit_versions v where v.org_unit_id = u.id and v.during @> ${day}::date) as exists
        from org_units u where u.id = ${orgUnitId}`,
  );
  return row;
}

/** The person heading the unit on the day (not `exceptPersonId`), lowest person id first when several. */
export async function unitHeadOn(
  db: Db,
  orgUnitId: number,
  day: string,
  exceptPersonId: number,
): Promise<number | null> {
  const [row] = await queryRows<{ personId: number }>(
    db,
    sql`select person_id as "personId" from assignments
        where org_unit_id = ${orgUnitId} and is_head and during @> ${day}::date and person_id <> ${exceptPersonId}
        order by person_id limit 1`,
  );
  return row?.personId ?? null;
}

/** An employee number at the company held by another person (the numbering rule avoids it). */
export async function numberTakenByOther(
  db: Db,
  companyId: number,
  employeeNumber: string,
  personId: number,
): Promise<boolean> {
  const [row] = await queryRows<{ taken: boolean }>(
    db,
    sql`select exists (select 1 from employments where company_id = ${companyId}
          and employee_number = ${employeeNumber} and person_id <> ${personId}) as taken`,
  );
  return row?.taken === true;
}

/** The person's latest earlier employee number at the company (a returning employee keeps it). */
export async function earlierNumberAt(db: Db, companyId: number, personId: number): Promise<string | null> {
  const [row] = await queryRows<{ employeeNumber: string }>(
    db,
    sql`select employee_number as "employeeNumber" from employments
        where company_id = ${companyId} and person_id = ${personId} order by hire_date desc, id desc limit 1`,
  );
  return row?.employeeNumber ?? null;
}

export async function setAssignmentPeriod(
  db: Db,
  id: number,
  period: { validFrom: string; validTo: string | null; fte?: number },
): Promise<void> {
  await db.execute(
    sql`update assignments set valid_from = ${period.validFrom}::date, valid_to = ${period.validTo}::date
        ${period.fte === undefined ? sql`` : sql`, fte = ${period.fte}`}
        where id = ${id}`,
  );
}

export async function insertAssignmentRow(
  db: Db,
  row: Omit<MoveAssignmentRow, "id"> & { personId: number },
): Promise<number> {
  const [inserted] = await queryRows<{ id: number }>(
    db,
    sql`insert into assignments (employment_id, company_id, person_id, kind, org_unit_id, position_id, grade_id,
          line_manager_person_id, is_head, fte, valid_from, valid_to)
        values (${row.employmentId}, ${row.companyId}, ${row.personId}, ${row.kind}, ${row.orgUnitId}, ${row.positionId},
          ${row.gradeId}, ${row.lineManagerPersonId}, ${row.isHead}, ${row.fte}, ${row.validFrom}::date, ${row.validTo}::date)
        returning id`,
  );
  return inserted!.id;
}

export async function terminateEmploymentOn(db: Db, employmentId: number, lastDay: string): Promise<void> {
  await db.execute(
    sql`update employments set termination_date = ${lastDay}::date, termination_reason = 'transfer_within_group'
        where id = ${employmentId}`,
  );
}

export async function insertEmploymentRow(
  db: Db,
  row: {
    personId: number;
    companyId: number;
    employeeNumber: string;
    hireDate: string;
    employmentType: EmploymentType;
    weeklyHours: number;
  },
): Promise<number> {
  const [inserted] = await queryRows<{ id: number }>(
    db,
    sql`insert into employments (person_id, company_id, employee_number, hire_date, employment_type, weekly_hours)
        values (${row.personId}, ${row.companyId}, ${row.employeeNumber}, ${row.hireDate}::date, ${row.employmentType},
          ${row.weeklyHours})
        returning id`,
  );
  return inserted!.id;
}
