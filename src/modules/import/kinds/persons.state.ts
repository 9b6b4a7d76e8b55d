import { and, asc, eq, exists, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { EmploymentType, Gender, NameOrder, TerminationReason } from "../../../shared/enums";
import { companies, grades, orgUnits, orgUnitVersions, positions } from "../../org/org.schema";
import { assignments, employments, persons } from "../../people/people.schema";
import { CodeTable } from "./helpers";
import { emptyGroupMatch, type GroupMatchState } from "./persons.match";

/** What the persons and assignments kinds know about a company's people while planning an import. */
export interface PersonValues {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
  gender: Gender;
  birthDate: string | null;
  email: string | null;
}

export interface EmploymentValues {
  employmentType: EmploymentType;
  weeklyHours: number;
}

export interface AssignmentState {
  id: number;
  kind: "primary" | "secondary" | "secondment";
  orgUnitId: number;
  positionId: number | null;
  gradeId: number | null;
  lineManagerPersonId: number | null;
  isHead: boolean;
  fte: number;
  validFrom: string;
  validTo: string | null;
}

export interface EmploymentState extends EmploymentValues {
  id: number;
  personId: number;
  employeeNumber: string;
  hireDate: string;
  terminationDate: string | null;
  terminationReason: TerminationReason | null;
  assignments: AssignmentState[];
}

export interface PeopleState {
  /** Employments by employee number, oldest first (a rehire keeps the number). */
  byNumber: Map<string, EmploymentState[]>;
  persons: Map<number, PersonValues>;
  orgUnits: CodeTable;
  positions: CodeTable;
  grades: CodeTable;
  nextTempId: number;
  /** People of other group companies a new employee may be (persons kind, fetched per chunk of rows). */
  groupMatch: GroupMatchState;
  /** The other group companies' org units and positions (secondments), when the file names host companies. */
  hosts?: HostTables;
}

export interface HostCompany {
  id: number;
  code: string;
  orgUnits: CodeTable;
  positions: CodeTable;
}

export interface HostTables {
  /** By lower-cased company code. */
  byCode: Map<string, HostCompany>;
  unitCodes: Map<number, string>;
  positionCodes: Map<number, string>;
}

/** Every group company's org unit and position codes (and unit names), for secondments to a host company. */
export async function loadHostTables(db: Db): Promise<HostTables> {
  const [companyRows, unitRows, versions, positionRows] = await Promise.all([
    db.select().from(companies).orderBy(asc(companies.id)),
    db.select().from(orgUnits).orderBy(asc(orgUnits.id)),
    db
      .select({
        companyId: orgUnitVersions.companyId,
        orgUnitId: orgUnitVersions.orgUnitId,
        nameJa: orgUnitVersions.nameJa,
        nameEn: orgUnitVersions.nameEn,
      })
      .from(orgUnitVersions)
      .orderBy(asc(orgUnitVersions.id)),
    db.select().from(positions).orderBy(asc(positions.id)),
  ]);
  const tables: HostTables = { byCode: new Map(), unitCodes: new Map(), positionCodes: new Map() };
  const byId = new Map<number, HostCompany>();
  for (const c of companyRows) {
    const host = {
      id: c.id,
      code: c.code,
      orgUnits: new CodeTable("org unit"),
      positions: new CodeTable("position"),
    };
    byId.set(c.id, host);
    tables.byCode.set(c.code.toLowerCase(), host);
  }
  for (const u of unitRows) {
    byId.get(u.companyId)?.orgUnits.add(u.id, u.code);
    tables.unitCodes.set(u.id, u.code);
  }
  for (const v of versions) {
    byId.get(v.companyId)?.orgUnits.addName(v.orgUnitId, v.nameJa);
    byId.get(v.companyId)?.orgUnits.addName(v.orgUnitId, v.nameEn);
  }
  for (const p of positionRows) {
    byId.get(p.companyId)?.positions.add(p.id, p.code, [p.nameJa, p.nameEn]);
    tables.positionCodes.set(p.id, p.code);
  }
  return tables;
}

/**
 * Loads the company's employments, their persons and assignments, and the code tables, ordered by id. The
 * queries do not depend on each other: on PostgreSQL they run at once on connections of the pool (a file's
 * fixed cost is mostly these round trips), on PGlite one after the other.
 */
export async function loadPeopleState(
  db: Db,
  companyId: number,
  withAssignments: boolean,
): Promise<PeopleState> {
  const [employmentRows, personRows, assignmentRows, codeTables] = await Promise.all([
    db
      .select()
      .from(employments)
      .where(eq(employments.companyId, companyId))
      .orderBy(asc(employments.employeeNumber), asc(employments.hireDate), asc(employments.id)),
    db
      .select()
      .from(persons)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(employments)
            .where(and(eq(employments.personId, persons.id), eq(employments.companyId, companyId))),
        ),
      )
      .orderBy(asc(persons.id)),
    withAssignments
      ? db
          .select()
          .from(assignments)
          .where(eq(assignments.companyId, companyId))
          .orderBy(asc(assignments.employmentId), asc(assignments.validFrom), asc(assignments.id))
      : Promise.resolve([]),
    loadCodeTables(db, companyId),
  ]);
  const byNumber = new Map<string, EmploymentState[]>();
  const byId = new Map<number, EmploymentState>();
  for (const row of employmentRows) {
    const state: EmploymentState = {
      id: row.id,
      personId: row.personId,
      employeeNumber: row.employeeNumber,
      hireDate: row.hireDate,
      terminationDate: row.terminationDate,
      terminationReason: row.terminationReason,
      employmentType: row.employmentType,
      weeklyHours: Number(row.weeklyHours),
      assignments: [],
    };
    byId.set(row.id, state);
    const list = byNumber.get(row.employeeNumber) ?? [];
    list.push(state);
    byNumber.set(row.employeeNumber, list);
  }
  const personMap = new Map<number, PersonValues>();
  for (const p of personRows) {
    personMap.set(p.id, {
      familyName: p.familyName,
      givenName: p.givenName,
      familyNameKana: p.familyNameKana,
      givenNameKana: p.givenNameKana,
      familyNameLatin: p.familyNameLatin,
      givenNameLatin: p.givenNameLatin,
      nameOrder: p.nameOrder,
      gender: p.gender,
      birthDate: p.birthDate,
      email: p.email,
    });
  }
  for (const a of assignmentRows) {
    byId.get(a.employmentId)?.assignments.push({
      id: a.id,
      kind: a.kind,
      orgUnitId: a.orgUnitId,
      positionId: a.positionId,
      gradeId: a.gradeId,
      lineManagerPersonId: a.lineManagerPersonId,
      isHead: a.isHead,
      fte: Number(a.fte),
      validFrom: a.validFrom,
      validTo: a.validTo,
    });
  }
  return { byNumber, persons: personMap, ...codeTables, nextTempId: -1, groupMatch: emptyGroupMatch() };
}

export async function loadCodeTables(db: Db, companyId: number) {
  const [unitRows, versions, positionRows, gradeRows] = await Promise.all([
    db.select().from(orgUnits).where(eq(orgUnits.companyId, companyId)).orderBy(asc(orgUnits.id)),
    db
      .select({
        orgUnitId: orgUnitVersions.orgUnitId,
        nameJa: orgUnitVersions.nameJa,
        nameEn: orgUnitVersions.nameEn,
      })
      .from(orgUnitVersions)
      .where(eq(orgUnitVersions.companyId, companyId))
      .orderBy(asc(orgUnitVersions.id)),
    db.select().from(positions).where(eq(positions.companyId, companyId)).orderBy(asc(positions.id)),
    db.select().from(grades).where(eq(grades.companyId, companyId)).orderBy(asc(grades.id)),
  ]);
  const orgUnitTable = new CodeTable("org unit");
  for (const unit of unitRows) orgUnitTable.add(unit.id, unit.code);
  for (const v of versions) {
    orgUnitTable.addName(v.orgUnitId, v.nameJa);
    orgUnitTable.addName(v.orgUnitId, v.nameEn);
  }
  const positionTable = new CodeTable("position");
  for (const p of positionRows) positionTable.add(p.id, p.code, [p.nameJa, p.nameEn]);
  const gradeTable = new CodeTable("grade");
  for (const g of gradeRows) gradeTable.add(g.id, g.code, [g.nameJa, g.nameEn]);
  return { orgUnits: orgUnitTable, positions: positionTable, grades: gradeTable };
}

/** The employment with this number that covers the day (or, failing that, the latest one). */
export function employmentOn(
  state: PeopleState,
  employeeNumber: string,
  day: string,
): EmploymentState | undefined {
  const list = state.byNumber.get(employeeNumber);
  if (!list) return undefined;
  return list.find((e) => e.hireDate <= day && (e.terminationDate === null || e.terminationDate >= day));
}
