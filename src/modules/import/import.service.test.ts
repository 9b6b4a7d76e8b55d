import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { SYSTEM_ACTOR } from "../access/actor";
import { getPerson } from "../people/people.service";
import { listImportChanges, listImports } from "./import.history";
import { cancelJob } from "./import.jobs";
import { startImport } from "./import.service";
import { csv, dataCounts, importFile, TEST_IMPORT_TODAY, writeTempFile } from "./import.test-support";

const PEOPLE_HEADER = [
  "employeeNumber",
  "familyName",
  "givenName",
  "gender",
  "birthDate",
  "hireDate",
  "employmentType",
  "orgUnitCode",
  "gradeCode",
];
const PEOPLE = [
  PEOPLE_HEADER,
  ["N100", "山田", "太郎", "male", "1990-01-02", "2024-04-01", "regular", "DEV1", "G1"],
  ["N101", "佐藤", "花子", "female", "1992-03-04", "2024-04-01", "contract", "SALES", ""],
];

describe.each(TEST_ENGINES)("imports on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
  });
  afterEach(async () => {
    await database.destroy();
  });

  const importPeople = (content: string | Buffer, extra: Record<string, unknown> = {}) =>
    importFile(database.db, { kind: "persons", companyId: group.companies.hq, content, ...extra });

  it("a dry run reports new rows and writes nothing; the apply writes them; re-applying changes nothing", async () => {
    const before = await dataCounts(database.db);
    const preview = await importPeople(csv(PEOPLE), { dryRun: true });
    expect(preview).toMatchObject({
      status: "previewed",
      counts: { rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(preview.preview[0]).toMatchObject({
      row: 2,
      key: "N100",
      action: "insert",
      after: { familyName: "山田", hireDate: "2024-04-01" },
    });
    expect(await dataCounts(database.db)).toEqual(before);

    const applied = await importPeople(csv(PEOPLE));
    expect(applied).toMatchObject({ status: "applied", counts: { inserted: 2, rejected: 0 } });
    const after = await dataCounts(database.db);
    expect(after.persons - before.persons).toBe(2);
    expect(after.assignments - before.assignments).toBe(2);

    const again = await importPeople(csv(PEOPLE));
    expect(again).toMatchObject({ status: "applied", counts: { inserted: 0, updated: 0, unchanged: 2 } });
    expect(await dataCounts(database.db)).toEqual(after);
  });

  it("reads UTF-8 with BOM, Shift_JIS, semicolons and tabs, JSON and Excel alike", async () => {
    const text = csv(PEOPLE);
    const cp932 = iconv.encode(text.replaceAll(",", ";"), "cp932");
    const first = await importPeople(cp932, { dryRun: true });
    expect(first).toMatchObject({ status: "previewed", encoding: "cp932", counts: { inserted: 2 } });
    const bom = await importPeople(`\uFEFF${text.replaceAll(",", "\t")}`, { dryRun: true });
    expect(bom).toMatchObject({ encoding: "utf8", counts: { inserted: 2, rejected: 0 } });
    const objects = PEOPLE.slice(1).map((row) =>
      Object.fromEntries(PEOPLE_HEADER.map((h, i) => [h, row[i]])),
    );
    const json = await importPeople(JSON.stringify(objects), { dryRun: true, fileName: "people.json" });
    expect(json).toMatchObject({ format: "json", counts: { inserted: 2, rejected: 0 } });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("people");
    for (const row of PEOPLE) sheet.addRow(row);
    sheet.getCell("E2").value = new Date(Date.UTC(1990, 0, 2));
    const xlsx = await importPeople(Buffer.from(await workbook.xlsx.writeBuffer()), {
      dryRun: true,
      fileName: "people.xlsx",
    });
    expect(xlsx).toMatchObject({ format: "xlsx", counts: { inserted: 2, rejected: 0 } });
  });

  it("all or nothing by default; with acceptValidRows the valid rows are applied and the rest reported", async () => {
    const rows = [
      ...PEOPLE,
      ["N102", "鈴木", "一郎", "male", "1991-02-30", "2024-04-01", "regular", "NOPE", ""],
    ];
    const before = await dataCounts(database.db);
    const refused = await importPeople(csv(rows));
    expect(refused).toMatchObject({ status: "rejected", counts: { rows: 3, rejected: 1 } });
    expect(refused.errors).toEqual([
      {
        row: 4,
        column: "birthDate",
        value: "1991-02-30",
        message: "birthDate is not a calendar date (1991-02 has no day 30)",
        code: "cell.badDate",
        params: { field: "birthDate", detailCode: "date.noDay", year: 1991, month: "02", day: 30 },
      },
    ]);
    expect(await dataCounts(database.db)).toEqual(before);
    const partial = await importPeople(csv(rows), { acceptValidRows: true });
    expect(partial).toMatchObject({ status: "applied", counts: { inserted: 2, rejected: 1 } });
    expect((await dataCounts(database.db)).persons).toBe(before.persons! + 2);
  });

  it("a changed assignment becomes a new dated version and the old one keeps its history", async () => {
    const header = ["employeeNumber", "validFrom", "orgUnitCode", "gradeCode"];
    const first = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv([header, ["H0002", "2020-04-01", "DEV1", "G1"]]),
    });
    expect(first.counts).toMatchObject({ unchanged: 1, inserted: 0 });
    const promoted = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv([header, ["H0002", "2020-04-01", "DEV1", "G1"], ["H0002", "2025-04-01", "DEV1", "M1"]]),
    });
    expect(promoted).toMatchObject({ status: "applied", counts: { unchanged: 1, updated: 1 } });
    const emi = await getPerson(database.db, SYSTEM_ACTOR, group.people.emi);
    expect(emi.employments[0]!.assignments.map((a) => [a.validFrom, a.validTo, a.grade?.code])).toEqual([
      ["2025-04-01", null, "M1"],
      ["2020-04-01", "2025-03-31", "G1"],
    ]);
    const changes = await listImportChanges(database.db, SYSTEM_ACTOR, {
      personId: group.people.emi,
      limit: 10,
      offset: 0,
    });
    expect(changes).toMatchObject([
      {
        importId: promoted.id,
        action: "new_version",
        before: { gradeCode: "G1" },
        after: { gradeCode: "M1", validFrom: "2025-04-01" },
      },
    ]);
    const again = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: csv([header, ["H0002", "2020-04-01", "DEV1", "G1"], ["H0002", "2025-04-01", "DEV1", "M1"]]),
    });
    expect(again.counts).toMatchObject({ unchanged: 2, updated: 0, inserted: 0 });
  });

  it("a cancelled import writes nothing and is recorded as cancelled", async () => {
    const rows = [PEOPLE_HEADER];
    for (let i = 0; i < 3000; i++)
      rows.push([`C${i}`, "山田", "太郎", "male", "1990-01-02", "2024-04-01", "regular", "DEV1", ""]);
    const before = await dataCounts(database.db);
    const { importId, done } = await startImport(database.db, SYSTEM_ACTOR, {
      kind: "persons",
      companyId: group.companies.hq,
      file: writeTempFile(csv(rows)),
      fileName: "many.csv",
      dryRun: false,
      acceptValidRows: false,
      via: "cli",
      today: TEST_IMPORT_TODAY,
    });
    expect(cancelJob(importId)).toBe(true);
    const result = await done;
    expect(result).toMatchObject({
      status: "cancelled",
      message: "The import was cancelled; nothing was written.",
    });
    expect(await dataCounts(database.db)).toEqual(before);
  });

  it("org units: a renamed unit gets a new version from the row's date; terminations end assignments", async () => {
    const units = await importFile(database.db, {
      kind: "org-units",
      companyId: group.companies.hq,
      content: csv([
        ["code", "nameJa", "nameEn", "parentCode", "validFrom"],
        ["SALES", "営業本部", "Sales Division", "ROOT", "2025-10-01"],
        ["SALES2", "営業二部", "Sales 2", "SALES", "2025-10-01"],
      ]),
    });
    expect(units).toMatchObject({ status: "applied", counts: { updated: 1, inserted: 1 } });
    const terminated = await importPeople(
      csv([
        [
          "employeeNumber",
          "familyName",
          "givenName",
          "gender",
          "hireDate",
          "terminationDate",
          "terminationReason",
        ],
        ["H0003", "音", "太", "male", "2018-04-01", "2026-03-31", "自己都合"],
      ]),
    );
    expect(terminated).toMatchObject({ status: "applied", counts: { updated: 1, terminations: 1 } });
    const oto = await getPerson(database.db, SYSTEM_ACTOR, group.people.oto);
    expect([
      oto.employments[0]!.terminationDate,
      oto.employments[0]!.terminationReason,
      oto.employments[0]!.assignments[0]!.validTo,
    ]).toEqual(["2026-03-31", "voluntary", "2026-03-31"]);
    const history = await listImports(database.db, SYSTEM_ACTOR, {
      companyId: group.companies.hq,
      limit: 10,
      offset: 0,
    });
    expect(history.map((h) => [h.kind, h.status])).toEqual([
      ["persons", "applied"],
      ["org-units", "applied"],
    ]);
    expect(history[0]!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
