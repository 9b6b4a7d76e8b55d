import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { SYSTEM_ACTOR } from "../access/actor";
import { getPerson } from "../people/people.service";
import { listImportChanges } from "./import.history";
import { csv, dataCounts, importFile } from "./import.test-support";
import { IMPORT_MESSAGE_CODES, renderImportMessage } from "./messages";

/** The persons kind dates a known employee's move (org unit, position, grade) like the assignments kind. */
const HEADER = [
  "employeeNumber",
  "familyName",
  "givenName",
  "gender",
  "hireDate",
  "orgUnitCode",
  "gradeCode",
];
const EMI = ["H0002", "江", "美", "female", "2020-04-01"];

describe.each(TEST_ENGINES)("persons kind: moves and messages on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  const importPeople = (rows: string[][], extra: Record<string, unknown> = {}) =>
    importFile(database.db, { kind: "persons", companyId: group.companies.hq, content: csv(rows), ...extra });
  const history = async () =>
    (await getPerson(database.db, SYSTEM_ACTOR, group.people.emi)).employments[0]!.assignments.map((a) => [
      a.validFrom,
      a.validTo,
      a.orgUnit.code,
      a.grade?.code ?? null,
    ]);

  it("a changed org unit and grade become a new version from effectiveDate; the old one ends the day before", async () => {
    const rows = [
      [...HEADER, "effectiveDate"],
      [...EMI, "SALES", "M1", "2025-10-01"],
    ];
    const preview = await importPeople(rows, { dryRun: true });
    expect(preview).toMatchObject({ status: "previewed", counts: { updated: 1, rejected: 0 } });
    expect(preview.preview[0]).toMatchObject({
      action: "new_version",
      before: { orgUnitCode: "DEV1", gradeCode: "G1", validFrom: "2020-04-01" },
      after: { orgUnitCode: "SALES", gradeCode: "M1", validFrom: "2025-10-01", validTo: null },
    });
    const applied = await importPeople(rows);
    expect(applied).toMatchObject({ status: "applied", counts: { updated: 1 } });
    expect(await history()).toEqual([
      ["2025-10-01", null, "SALES", "M1"],
      ["2020-04-01", "2025-09-30", "DEV1", "G1"],
    ]);
    // the manager carries over to the new version
    const person = await getPerson(database.db, SYSTEM_ACTOR, group.people.emi);
    expect(person.employments[0]!.assignments[0]!.lineManager?.personId).toBe(group.people.mana);
    const changes = await listImportChanges(database.db, SYSTEM_ACTOR, {
      personId: group.people.emi,
      limit: 10,
      offset: 0,
    });
    expect(changes).toMatchObject([{ importId: applied.id, entity: "assignment", action: "new_version" }]);
    const again = await importPeople(rows);
    expect(again.counts).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it("without effectiveDate the change is dated from the import's date; on a version's first day it corrects it", async () => {
    await importPeople([HEADER, [...EMI, "SALES", ""]]);
    expect(await history()).toEqual([
      ["2026-11-23", null, "SALES", "G1"],
      ["2020-04-01", "2026-11-22", "DEV1", "G1"],
    ]);
    const corrected = await importPeople([
      [...HEADER, "effectiveDate"],
      [...EMI, "DEV", "M1", "2026-11-23"],
    ]);
    expect(corrected.preview[0]).toMatchObject({ action: "update", after: { orgUnitCode: "DEV" } });
    expect(await history()).toEqual([
      ["2026-11-23", null, "DEV", "M1"],
      ["2020-04-01", "2026-11-22", "DEV1", "G1"],
    ]);
  });

  it("refuses an effective date outside the employment and writes nothing", async () => {
    const before = await dataCounts(database.db);
    const result = await importPeople([
      [...HEADER, "effectiveDate"],
      [...EMI, "SALES", "", "2019-01-01"],
    ]);
    expect(result).toMatchObject({ status: "rejected", counts: { rejected: 1 } });
    expect(result.errors).toMatchObject([
      { row: 2, column: "effectiveDate", value: "2019-01-01", code: "move.outsideEmployment" },
    ]);
    expect(await dataCounts(database.db)).toEqual({ ...before, import_changes: before.import_changes });
  });

  it("reports row errors and the report text in the requester's language, each with a stable code", async () => {
    const result = await importPeople(
      [HEADER, [...EMI, "NOPE", ""], ["H0099", "山田", "", "male", "2024-04-01", "", ""]],
      {
        locale: "ja",
      },
    );
    expect(result.status).toBe("rejected");
    expect(result.message).toBe(
      renderImportMessage("ja", "report.rowsRejected", { rejected: 2, rows: 2, valid: 0 }),
    );
    expect(result.errors).toEqual([
      {
        row: 2,
        column: "orgUnitCode",
        value: "NOPE",
        code: "lookup.unknownCode",
        params: { what: "org unit", code: "NOPE" },
        message: "この会社に組織のコード「NOPE」はありません",
      },
      {
        row: 3,
        column: "givenName",
        value: "",
        code: "cell.required",
        params: { field: "givenName" },
        message: "名は必須です",
      },
    ]);
    const english = await importPeople([HEADER, [...EMI, "NOPE", ""]]);
    expect(english.errors).toEqual([
      {
        row: 2,
        column: "orgUnitCode",
        value: "NOPE",
        code: "lookup.unknownCode",
        params: { what: "org unit", code: "NOPE" },
        message: 'no org unit of this company has the code "NOPE"',
      },
    ]);
  });
});

describe("import messages", () => {
  it("every code renders in both languages with the same placeholders", () => {
    for (const code of IMPORT_MESSAGE_CODES) {
      const names = (locale: "en" | "ja") =>
        [...renderImportMessage(locale, code).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names("ja"), code).toEqual(names("en"));
    }
  });
});
