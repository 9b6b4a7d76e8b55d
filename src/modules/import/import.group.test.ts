import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { SYSTEM_ACTOR } from "../access/actor";
import { getPerson } from "../people/people.service";
import { csv, dataCounts, importFile } from "./import.test-support";

/** Across group companies: secondments through the assignments kind, and one person moving between companies. */
const PEOPLE = ["employeeNumber", "familyName", "givenName", "gender", "birthDate", "email", "hireDate"];
const SAM = ["S0001", "Smith", "Sam", "male", "1990-01-01", "sam@example.com", "2019-07-01"];

describe.each(TEST_ENGINES)("group imports on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  const assignmentsOf = async (personId: number) =>
    (await getPerson(database.db, SYSTEM_ACTOR, personId)).employments.flatMap((e) =>
      e.assignments.map((a) => [a.kind, a.orgUnit.code, a.validFrom, a.validTo]),
    );

  it("imports a secondment to another group company's org unit, dated, and re-applies without change", async () => {
    const header = ["employeeNumber", "validFrom", "kind", "hostCompanyCode", "orgUnitCode", "gradeCode"];
    const rows = [header, ["H0002", "2025-01-01", "secondment", "SUB", "SROOT", "G1"]];
    const applied = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv(rows),
    });
    expect(applied).toMatchObject({ status: "applied", counts: { inserted: 1 } });
    expect(applied.preview[0]).toMatchObject({ after: { kind: "secondment", orgUnitCode: "SROOT" } });
    expect(await assignmentsOf(group.people.emi)).toContainEqual(["secondment", "SROOT", "2025-01-01", null]);
    const again = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv(rows),
    });
    expect(again.counts).toMatchObject({ unchanged: 1, inserted: 0 });
  });

  it("refuses secondments without a host, to the employer itself, or to a unit the host does not have", async () => {
    const before = await dataCounts(database.db);
    const header = ["employeeNumber", "validFrom", "kind", "hostCompanyCode", "orgUnitCode"];
    const result = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv([
        header,
        ["H0002", "2025-01-01", "secondment", "", "SROOT"],
        ["H0002", "2025-02-01", "secondment", "HQ", "DEV"],
        ["H0002", "2025-03-01", "secondment", "SUB", "DEV1"],
        ["H0002", "2025-04-01", "secondment", "NOPE", "SROOT"],
        ["H0002", "2025-05-01", "primary", "SUB", "DEV1"],
      ]),
    });
    expect(result.status).toBe("rejected");
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "hostCompanyCode", "assignment.hostUnitRequired"],
      [3, "hostCompanyCode", "assignment.hostIsEmployer"],
      [4, "orgUnitCode", "lookup.unknownCode"],
      [5, "hostCompanyCode", "assignment.unknownHost"],
      [6, "hostCompanyCode", "assignment.hostOnlyForSecondment"],
    ]);
    expect(await dataCounts(database.db)).toEqual(before);
  });

  it("matches a person moving from another group company by email and birth date, or by groupPersonId", async () => {
    await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.sub,
      content: csv([PEOPLE, SAM]),
    });
    const persons = (await dataCounts(database.db)).persons;
    const moved = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: csv([
        PEOPLE,
        ["H0100", "Smith", "Sam", "male", "1990-01-01", "SAM@example.com", "2026-04-01"],
      ]),
    });
    expect(moved).toMatchObject({ status: "applied", counts: { inserted: 1 } });
    expect(moved.preview[0]).toMatchObject({
      after: { groupPersonId: group.people.sam, matchedBy: "email+birthDate" },
    });
    expect((await dataCounts(database.db)).persons).toBe(persons);
    const sam = await getPerson(database.db, SYSTEM_ACTOR, group.people.sam);
    expect(sam.employments.map((e) => e.employeeNumber).sort()).toEqual(["H0100", "S0001"]);
  });

  it("never merges on a weak match: the row asks for groupPersonId; new or the id decides", async () => {
    await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.sub,
      content: csv([PEOPLE, SAM]),
    });
    const before = await dataCounts(database.db);
    const weak = ["H0100", "Smith", "Sam", "male", "1990-01-01", "other@example.com", "2026-04-01"];
    const refused = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: csv([
        PEOPLE,
        weak,
        ["H0101", "Other", "Person", "male", "1985-01-01", "sam@example.com", "2026-04-01"],
      ]),
    });
    expect(refused.status).toBe("rejected");
    expect(refused.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "match.ambiguous"],
      [3, "match.ambiguous"],
    ]);
    expect(await dataCounts(database.db)).toEqual(before);

    const decided = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: csv([
        [...PEOPLE, "groupPersonId"],
        [...weak, String(group.people.sam)],
        ["H0101", "Other", "Person", "male", "1985-01-01", "sam@example.com", "2026-04-01", "new"],
        ["H0102", "X", "Y", "male", "1985-01-01", "", "2026-04-01", "99999"],
        ["H0103", "X", "Y", "male", "1985-01-01", "", "2026-04-01", "abc"],
      ]),
      acceptValidRows: true,
    });
    expect(decided.errors.map((e) => [e.row, e.code])).toEqual([
      [4, "match.unknownGroupPerson"],
      [5, "match.badGroupPersonId"],
    ]);
    expect(decided.counts).toMatchObject({ inserted: 2, rejected: 2 });
    expect((await dataCounts(database.db)).persons).toBe(before.persons + 1);
  });
});
