import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import type {
  CreatePersonRequest,
  NewAssignment,
  NewEmployment,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
} from "../../shared/api";
import { addDays, today } from "../../shared/dates";
import type { DisabilityCategory, TerminationReason } from "../../shared/enums";
import { AppError, type FieldError } from "../../shared/errors";
import {
  assert,
  canEditSensitive,
  canManageCompany,
  canViewSensitive,
  directoryScope,
  personAccess,
  type PersonRelation,
} from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany, findGrade, findOrgUnit, findPosition } from "../org/org.repo";
import { presentAssignment, presentEmployment, presentName, presentSummary } from "./people.presenter";
import {
  assignmentsOfPerson,
  assignmentsStartingAfter,
  employmentsOfPerson,
  endAssignmentsAfter,
  findAssignment,
  findEmployment,
  findPerson,
  findSensitive,
  insertAssignment,
  insertEmployment,
  insertPerson,
  personExists,
  personRelationRow,
  personsByIds,
  searchDirectory,
  setAssignmentEnd,
  terminateEmploymentRow,
  upsertSensitive,
} from "./people.repo";

async function relationTo(db: Db, actor: Actor, personId: number): Promise<PersonRelation> {
  if (!(await personExists(db, personId))) throw AppError.notFound("Person", personId);
  const managed = actor.kind === "user" ? actor.managedOrgUnitIds : [];
  const row = await personRelationRow(db, personId, managed, today());
  return { personId, ...row };
}

export async function searchPeople(
  db: Db,
  actor: Actor,
  query: PeopleQuery,
): Promise<{ asOf: string; total: number; items: PersonSummary[] }> {
  const asOf = query.asOf ?? today();
  const { total, rows } = await searchDirectory(
    db,
    {
      q: query.q,
      companyId: query.companyId,
      orgUnitId: query.orgUnitId,
      gradeId: query.gradeId,
      employmentType: query.employmentType,
      asOf,
      includeInactive: query.includeInactive ?? false,
      limit: query.limit,
      offset: query.offset,
    },
    directoryScope(actor),
    today(),
  );
  return { asOf, total, items: rows.map(presentSummary) };
}

export async function getPerson(
  db: Db,
  actor: Actor,
  personId: number,
  asOf = today(),
): Promise<PersonDetail> {
  const relation = await relationTo(db, actor, personId);
  const access = personAccess(actor, relation);
  assert(access !== "none", "You may not see this person.");
  const person = (await findPerson(db, personId))!;
  const [employmentRows, assignmentRows] = await Promise.all([
    employmentsOfPerson(db, personId),
    assignmentsOfPerson(db, personId, asOf),
  ]);
  const managerIds = [
    ...new Set(assignmentRows.flatMap((row) => (row.lineManagerPersonId ? [row.lineManagerPersonId] : []))),
  ];
  const managers = new Map((await personsByIds(db, managerIds)).map((row) => [row.id, row]));
  const assignments = assignmentRows.map((row) => presentAssignment(row, managers));
  return {
    id: person.id,
    name: presentName(person),
    gender: person.gender,
    birthDate: person.birthDate,
    email: person.email,
    employments: employmentRows.map((row) => presentEmployment(row, assignments)),
    canViewSensitive: canViewSensitive(actor, relation),
    canEdit: access === "edit",
  };
}

/** Reads the sensitive attributes; every read is audited. */
export async function getSensitive(db: Db, actor: Actor, personId: number) {
  const relation = await relationTo(db, actor, personId);
  assert(
    canViewSensitive(actor, relation),
    "Sensitive attributes are visible only to company HR and the person.",
  );
  return db.transaction(async (tx) => {
    const row = await findSensitive(tx, personId);
    await audit(tx, actor, "person.sensitive.read", { entity: "person", entityId: personId });
    return {
      personId,
      disabilityCategory: row?.disabilityCategory ?? null,
      disabilitySevere: row?.disabilitySevere ?? null,
    };
  });
}

export async function updateSensitive(
  db: Db,
  actor: Actor,
  personId: number,
  values: { disabilityCategory: DisabilityCategory | null; disabilitySevere: boolean | null },
) {
  const relation = await relationTo(db, actor, personId);
  assert(canEditSensitive(actor, relation), "Only company HR may change sensitive attributes.");
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      await upsertSensitive(tx, personId, values);
      await audit(tx, actor, "person.sensitive.update", { entity: "person", entityId: personId });
    }),
  );
  return { personId, ...values };
}

/** Checks the references of an assignment (company, unit, grade, position, manager); returns field errors. */
async function checkAssignment(
  db: Db,
  employment: { companyId: number; hireDate: string; terminationDate: string | null },
  assignment: Omit<NewAssignment, "validFrom" | "validTo"> & { validFrom: string; validTo: string | null },
  prefix: string,
): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const unit = await findOrgUnit(db, assignment.orgUnitId);
  if (!unit)
    fields.push({ path: `${prefix}orgUnitId`, message: `org unit ${assignment.orgUnitId} does not exist` });
  else if (unit.companyId !== employment.companyId && assignment.kind !== "secondment") {
    fields.push({
      path: `${prefix}orgUnitId`,
      message: "the org unit belongs to another company (only a secondment may do that)",
    });
  }
  if (assignment.gradeId !== null) {
    const grade = await findGrade(db, assignment.gradeId);
    if (!grade)
      fields.push({ path: `${prefix}gradeId`, message: `grade ${assignment.gradeId} does not exist` });
    else if (grade.companyId !== employment.companyId) {
      fields.push({
        path: `${prefix}gradeId`,
        message: "the grade belongs to another company than the employment",
      });
    }
  }
  if (assignment.positionId !== null) {
    const position = await findPosition(db, assignment.positionId);
    if (!position)
      fields.push({
        path: `${prefix}positionId`,
        message: `position ${assignment.positionId} does not exist`,
      });
    else if (unit && position.companyId !== unit.companyId) {
      fields.push({
        path: `${prefix}positionId`,
        message: "the position belongs to another company than the org unit",
      });
    }
  }
  if (assignment.lineManagerPersonId !== null && !(await personExists(db, assignment.lineManagerPersonId))) {
    fields.push({
      path: `${prefix}lineManagerPersonId`,
      message: `person ${assignment.lineManagerPersonId} does not exist`,
    });
  }
  if (assignment.validTo !== null && assignment.validTo < assignment.validFrom) {
    fields.push({ path: `${prefix}validTo`, message: "must not be before validFrom" });
  }
  if (assignment.validFrom < employment.hireDate) {
    fields.push({
      path: `${prefix}validFrom`,
      message: `must not be before the hire date ${employment.hireDate}`,
    });
  }
  if (
    employment.terminationDate !== null &&
    (assignment.validTo === null || assignment.validTo > employment.terminationDate)
  ) {
    fields.push({
      path: `${prefix}validTo`,
      message: `must end by the termination date ${employment.terminationDate}`,
    });
  }
  return fields;
}

async function checkEmployment(
  db: Db,
  actor: Actor,
  employment: NewEmployment,
  prefix: string,
): Promise<FieldError[]> {
  const company = await findCompany(db, employment.companyId);
  if (!company)
    return [{ path: `${prefix}companyId`, message: `company ${employment.companyId} does not exist` }];
  assert(canManageCompany(actor, company.id), "You may not add people to this company.");
  if (!employment.assignment) return [];
  return checkAssignment(
    db,
    { companyId: company.id, hireDate: employment.hireDate, terminationDate: null },
    { ...employment.assignment, validFrom: employment.hireDate, validTo: null },
    `${prefix}assignment.`,
  );
}

async function writeEmployment(db: Db, personId: number, employment: NewEmployment): Promise<number> {
  const employmentId = await insertEmployment(db, {
    personId,
    companyId: employment.companyId,
    employeeNumber: employment.employeeNumber,
    hireDate: employment.hireDate,
    employmentType: employment.employmentType,
    weeklyHours: employment.weeklyHours,
  });
  if (employment.assignment) {
    await insertAssignment(db, {
      ...employment.assignment,
      employmentId,
      personId,
      companyId: employment.companyId,
      validFrom: employment.hireDate,
      validTo: null,
    });
  }
  return employmentId;
}

/** Hires a new person: the person, their employment and (optionally) the first assignment, in one transaction. */
export async function createPerson(db: Db, actor: Actor, request: CreatePersonRequest): Promise<number> {
  const fields = await checkEmployment(db, actor, request.employment, "employment.");
  if (request.birthDate && request.birthDate > request.employment.hireDate) {
    fields.push({ path: "birthDate", message: "must be before the hire date" });
  }
  if (fields.length) throw AppError.validation(fields);
  const { employment, ...person } = request;
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const personId = await insertPerson(tx, person);
      const employmentId = await writeEmployment(tx, personId, employment);
      await audit(tx, actor, "person.create", {
        entity: "person",
        entityId: personId,
        detail: { employmentId },
      });
      return personId;
    }),
  );
}

export async function addEmployment(
  db: Db,
  actor: Actor,
  personId: number,
  request: NewEmployment,
): Promise<number> {
  await relationTo(db, actor, personId);
  const fields = await checkEmployment(db, actor, request, "");
  if (fields.length) throw AppError.validation(fields);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const employmentId = await writeEmployment(tx, personId, request);
      await audit(tx, actor, "employment.create", {
        entity: "employment",
        entityId: employmentId,
        detail: { personId },
      });
      return employmentId;
    }),
  );
}

async function employmentForEdit(db: Db, actor: Actor, employmentId: number) {
  const employment = await findEmployment(db, employmentId);
  if (!employment) throw AppError.notFound("Employment", employmentId);
  assert(canManageCompany(actor, employment.companyId), "You may not change employments of this company.");
  return employment;
}

/** Ends an employment on its last day; running assignments end with it. */
export async function terminateEmployment(
  db: Db,
  actor: Actor,
  employmentId: number,
  request: { terminationDate: string; terminationReason: TerminationReason },
): Promise<void> {
  const employment = await employmentForEdit(db, actor, employmentId);
  if (request.terminationDate < employment.hireDate) {
    throw AppError.validation([
      { path: "terminationDate", message: `must not be before the hire date ${employment.hireDate}` },
    ]);
  }
  if ((await assignmentsStartingAfter(db, employmentId, request.terminationDate)) > 0) {
    throw AppError.validation([
      { path: "terminationDate", message: "assignments start after this date: remove or move them first" },
    ]);
  }
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const ended = await endAssignmentsAfter(tx, employmentId, request.terminationDate);
      await terminateEmploymentRow(tx, employmentId, request.terminationDate, request.terminationReason);
      await audit(tx, actor, "employment.terminate", {
        entity: "employment",
        entityId: employmentId,
        detail: {
          ...request,
          endedAssignmentIds: ended,
          before: { terminationDate: employment.terminationDate },
        },
      });
    }),
  );
}

/**
 * Adds a dated assignment. With `replacesAssignmentId` it is a transfer or promotion: the replaced assignment
 * ends the day before the new one starts (its history stays), all in one transaction.
 */
export async function addAssignment(
  db: Db,
  actor: Actor,
  employmentId: number,
  request: NewAssignment & { replacesAssignmentId?: number },
): Promise<number> {
  const employment = await employmentForEdit(db, actor, employmentId);
  const fields = await checkAssignment(db, employment, request, "");
  let replaced: Awaited<ReturnType<typeof findAssignment>>;
  if (request.replacesAssignmentId !== undefined) {
    replaced = await findAssignment(db, request.replacesAssignmentId);
    if (!replaced || replaced.employmentId !== employmentId) {
      fields.push({ path: "replacesAssignmentId", message: "is not an assignment of this employment" });
    } else if (replaced.validFrom >= request.validFrom) {
      fields.push({
        path: "validFrom",
        message: `must be after the replaced assignment's start ${replaced.validFrom}`,
      });
    }
  }
  if (fields.length) throw AppError.validation(fields);
  const { replacesAssignmentId, ...assignment } = request;
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      if (replaced) await setAssignmentEnd(tx, replaced.id, addDays(request.validFrom, -1));
      const id = await insertAssignment(tx, {
        ...assignment,
        employmentId,
        personId: employment.personId,
        companyId: employment.companyId,
      });
      await audit(tx, actor, "assignment.create", {
        entity: "assignment",
        entityId: id,
        detail: {
          employmentId,
          replacesAssignmentId: replacesAssignmentId ?? null,
          before: replaced ?? null,
        },
      });
      return id;
    }),
  );
}
