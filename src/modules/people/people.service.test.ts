import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../access/actor";
import { ZCreatePersonRequest } from "../../shared/api";
import { AppError } from "../../shared/errors";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows, seedFixtureGroup, type FixtureGroup } from "../../../test/support/fixtures";
import {
  addAssignment,
  addEmployment,
  createPerson,
  getPerson,
  searchPeople,
  terminateEmployment,
} from "./people.service";

async function expectAppError(promise: Promise<unknown>, code: string, path?: string) {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error, "expected the operation to be refused").toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (path) expect(appError.fields?.map((field) => field.path)).toContain(path);
  return appError;
}

describe.each(TEST_ENGINES)("people rules on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  const employmentOf = async (personId: number) =>
    (await getPerson(database.db, SYSTEM_ACTOR, personId)).employments[0]!;

  it("a promotion ends the old assignment the day before and keeps its history", async () => {
    const before = await employmentOf(group.people.emi);
    const old = before.assignments[0]!;
    await addAssignment(database.db, SYSTEM_ACTOR, before.id, {
      kind: "primary",
      orgUnitId: group.units.dev1,
      positionId: null,
      gradeId: group.grades.m1,
      lineManagerPersonId: group.people.mana,
      isHead: false,
      fte: 1,
      validFrom: "2024-04-01",
      validTo: null,
      replacesAssignmentId: old.id,
    });
    const after = await employmentOf(group.people.emi);
    expect(after.assignments.map((a) => [a.validFrom, a.validTo, a.grade?.code])).toEqual([
      ["2024-04-01", null, "M1"],
      ["2020-04-01", "2024-03-31", "G1"],
    ]);
    const asOf2023 = await searchPeople(database.db, SYSTEM_ACTOR, {
      q: "emi",
      asOf: "2023-01-01",
      limit: 10,
      offset: 0,
    });
    expect(asOf2023.items.map((p) => p.grade?.code)).toEqual(["G1"]);
  });

  it("refuses an overlapping primary assignment in the database, writing nothing", async () => {
    const employment = await employmentOf(group.people.emi);
    const assignmentsBefore = await countRows(database.db, "assignments");
    await expectAppError(
      addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
        kind: "primary",
        orgUnitId: group.units.sales,
        positionId: null,
        gradeId: null,
        lineManagerPersonId: null,
        isHead: false,
        fte: 1,
        validFrom: "2022-01-01",
        validTo: null,
      }),
      "DATED_OVERLAP",
      "validFrom",
    );
    expect(await countRows(database.db, "assignments")).toBe(assignmentsBefore);
  });

  it("allows a secondary assignment beside the primary one, and refuses the same unit twice at once", async () => {
    const employment = await employmentOf(group.people.emi);
    await addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
      kind: "secondary",
      orgUnitId: group.units.sales,
      positionId: null,
      gradeId: null,
      lineManagerPersonId: null,
      isHead: false,
      fte: 0.2,
      validFrom: "2025-04-01",
      validTo: "2025-09-30",
    });
    await expectAppError(
      addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
        kind: "secondary",
        orgUnitId: group.units.sales,
        positionId: null,
        gradeId: null,
        lineManagerPersonId: null,
        isHead: false,
        fte: 0.2,
        validFrom: "2025-06-01",
        validTo: null,
      }),
      "DATED_OVERLAP",
      "orgUnitId",
    );
  });

  it("refuses a grade of another company and an org unit of another company (except a secondment)", async () => {
    const employment = await employmentOf(group.people.oto);
    await expectAppError(
      addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
        kind: "secondary",
        orgUnitId: group.units.dev1,
        positionId: null,
        gradeId: group.grades.s1,
        lineManagerPersonId: null,
        isHead: false,
        fte: 0.5,
        validFrom: "2025-01-01",
        validTo: null,
      }),
      "VALIDATION_FAILED",
      "gradeId",
    );
    await expectAppError(
      addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
        kind: "secondary",
        orgUnitId: group.units.subRoot,
        positionId: null,
        gradeId: null,
        lineManagerPersonId: null,
        isHead: false,
        fte: 0.5,
        validFrom: "2025-01-01",
        validTo: null,
      }),
      "VALIDATION_FAILED",
      "orgUnitId",
    );
    const id = await addAssignment(database.db, SYSTEM_ACTOR, employment.id, {
      kind: "secondment",
      orgUnitId: group.units.subRoot,
      positionId: null,
      gradeId: null,
      lineManagerPersonId: null,
      isHead: false,
      fte: 1,
      validFrom: "2025-01-01",
      validTo: "2026-12-31",
    });
    expect(id).toBeGreaterThan(0);
  });

  it("terminates an employment on its last day and ends its running assignments; refuses a date before the hire", async () => {
    const employment = await employmentOf(group.people.oto);
    await expectAppError(
      terminateEmployment(database.db, SYSTEM_ACTOR, employment.id, {
        terminationDate: "2017-01-01",
        terminationReason: "voluntary",
      }),
      "VALIDATION_FAILED",
      "terminationDate",
    );
    await terminateEmployment(database.db, SYSTEM_ACTOR, employment.id, {
      terminationDate: "2025-03-31",
      terminationReason: "voluntary",
    });
    const after = await employmentOf(group.people.oto);
    expect([after.terminationDate, after.terminationReason, after.assignments[0]!.validTo]).toEqual([
      "2025-03-31",
      "voluntary",
      "2025-03-31",
    ]);
    const onLastDay = await searchPeople(database.db, SYSTEM_ACTOR, {
      q: "oto",
      asOf: "2025-03-31",
      limit: 10,
      offset: 0,
    });
    const dayAfter = await searchPeople(database.db, SYSTEM_ACTOR, {
      q: "oto",
      asOf: "2025-04-01",
      limit: 10,
      offset: 0,
    });
    expect([onLastDay.total, dayAfter.total]).toEqual([1, 0]);
  });

  it("a move to another group company is a new employment; an employee number belongs to one person per company", async () => {
    const employment = await employmentOf(group.people.oto);
    await terminateEmployment(database.db, SYSTEM_ACTOR, employment.id, {
      terminationDate: "2025-06-30",
      terminationReason: "transfer_within_group",
    });
    await addEmployment(database.db, SYSTEM_ACTOR, group.people.oto, {
      companyId: group.companies.sub,
      employeeNumber: "S0002",
      hireDate: "2025-07-01",
      employmentType: "regular",
      weeklyHours: 40,
      assignment: {
        kind: "primary",
        orgUnitId: group.units.subRoot,
        positionId: null,
        gradeId: group.grades.s1,
        lineManagerPersonId: null,
        isHead: false,
        fte: 1,
      },
    });
    const person = await getPerson(database.db, SYSTEM_ACTOR, group.people.oto);
    expect(person.employments.map((e) => e.company.code)).toEqual(["SUB", "HQ"]);
    const employmentsBefore = await countRows(database.db, "employments");
    await expectAppError(
      addEmployment(database.db, SYSTEM_ACTOR, group.people.emi, {
        companyId: group.companies.sub,
        employeeNumber: "S0002",
        hireDate: "2026-01-01",
        employmentType: "contract",
        weeklyHours: 30,
      }),
      "CONFLICT",
      "employeeNumber",
    );
    expect(await countRows(database.db, "employments")).toBe(employmentsBefore);
  });

  it("refuses overlapping employments of one person at one company", async () => {
    await expectAppError(
      addEmployment(database.db, SYSTEM_ACTOR, group.people.emi, {
        companyId: group.companies.hq,
        employeeNumber: "H0002",
        hireDate: "2024-01-01",
        employmentType: "contract",
        weeklyHours: 40,
      }),
      "DATED_OVERLAP",
      "hireDate",
    );
  });

  it("validates a new hire's references and writes nothing when one is wrong", async () => {
    const personsBefore = await countRows(database.db, "persons");
    const request = ZCreatePersonRequest.parse({
      familyName: "新",
      givenName: "人",
      gender: "male",
      birthDate: "2030-01-01",
      employment: {
        companyId: group.companies.hq,
        employeeNumber: "H0100",
        hireDate: "2026-04-01",
        employmentType: "regular",
        assignment: { orgUnitId: group.units.subRoot, gradeId: group.grades.s1, positionId: 999_999 },
      },
    });
    const error = await expectAppError(createPerson(database.db, SYSTEM_ACTOR, request), "VALIDATION_FAILED");
    expect(error.fields?.map((f) => f.path).sort()).toEqual([
      "birthDate",
      "employment.assignment.gradeId",
      "employment.assignment.orgUnitId",
      "employment.assignment.positionId",
    ]);
    expect(await countRows(database.db, "persons")).toBe(personsBefore);
  });

  it("finds people by kanji, kana, Latin name in either order, and employee number", async () => {
    const names = async (q: string) =>
      (await searchPeople(database.db, SYSTEM_ACTOR, { q, limit: 10, offset: 0 })).items.map(
        (p) => p.name.familyLatin,
      );
    expect(await names("江美")).toEqual(["E"]);
    expect(await names("江 美")).toEqual(["E"]);
    expect(await names("えみ")).toEqual(["E"]);
    expect(await names("Mi E")).toEqual(["E"]);
    expect(await names("h0002")).toEqual(["E"]);
    expect(await names("smith")).toEqual(["Smith"]);
    expect(await names("%")).toEqual([]);
  });
});
