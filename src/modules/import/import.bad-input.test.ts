import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { seedFixtureGroup, type FixtureGroup } from "../../../test/support/fixtures";
import type { ImportResult } from "./import.history";
import { csv, dataCounts, importFile } from "./import.test-support";

const HEADER = [
  "employeeNumber",
  "familyName",
  "givenName",
  "gender",
  "birthDate",
  "hireDate",
  "orgUnitCode",
];
const GOOD = ["N200", "山田", "太郎", "male", "1990-01-02", "2024-04-01", "DEV1"];

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("people"));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Files that are not what they claim, or rows that break the rules: each gives a clear report, the import is
 * refused as a whole (all or nothing) and the database is unchanged.
 */
describe.each(TEST_ENGINES)("bad input on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;
  let before: Awaited<ReturnType<typeof dataCounts>>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
    before = await dataCounts(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const attempt = async (
    content: string | Buffer,
    extra: Record<string, unknown> = {},
  ): Promise<ImportResult> => {
    const result = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content,
      ...extra,
    });
    expect(result.status).toBe("rejected");
    expect(await dataCounts(database.db)).toEqual(before);
    return result;
  };
  const messages = (result: ImportResult) => result.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);

  it("refuses a binary file, a PDF, an old .xls and an empty file", async () => {
    expect((await attempt(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00]))).message).toContain("binary");
    expect((await attempt(Buffer.from("%PDF-1.7\n..."))).message).toContain("PDF");
    expect((await attempt(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toContain(
      ".xls",
    );
    expect((await attempt(Buffer.alloc(0))).message).toContain("empty");
  });

  it("refuses Shift_JIS read as UTF-8, suggesting cp932", async () => {
    const result = await attempt(iconv.encode(csv([HEADER, GOOD]), "cp932"), { encoding: "utf8" });
    expect(result.message).toMatch(/not valid UTF-8.*cp932/);
  });

  it("refuses a truncated file (inside a quoted value) and reports a cut-short row", async () => {
    const truncated = `${csv([HEADER, GOOD])}N201,"山田,太`;
    expect((await attempt(truncated)).message).toContain("ends inside a quoted value");
    const short = `${csv([HEADER, GOOD])}N201,佐藤\r\n`;
    expect(messages(await attempt(short))).toContain(
      "3 (row): has 2 values but the header has 7 columns: the row may be cut short",
    );
  });

  it("names missing required columns", async () => {
    const result = await attempt(csv([HEADER.filter((h) => h !== "hireDate"), GOOD.slice(0, 5)]));
    expect(messages(result)).toEqual([
      "1 hireDate: the required column hireDate (入社日 / Hire date) is missing",
    ]);
  });

  it("reports unknown codes, duplicate employee numbers, impossible dates, hire after termination and far-future dates", async () => {
    const result = await attempt(
      csv([
        [...HEADER, "terminationDate", "terminationReason"],
        [...GOOD, "", ""],
        ["N201", "佐藤", "花子", "female", "1990-01-02", "2024-04-01", "NOPE", "", ""],
        ["N200", "鈴木", "一郎", "male", "1990-01-02", "2024-04-01", "DEV1", "", ""],
        ["N202", "高橋", "二郎", "male", "1990-02-30", "2024-04-01", "DEV1", "", ""],
        ["N203", "田中", "三郎", "male", "1990-01-02", "2024-04-01", "DEV1", "2023-03-31", "voluntary"],
        ["N204", "伊藤", "四郎", "male", "1990-01-02", "2031-04-01", "DEV1", "", ""],
      ]),
    );
    expect(result.counts).toMatchObject({ rows: 6, rejected: 5 });
    expect(messages(result)).toEqual([
      '3 orgUnitCode: no org unit of this company has the code "NOPE"',
      "4 employeeNumber: duplicate of row 2 (the same persons with employments key N200)",
      "5 birthDate: birthDate is not a calendar date (1990-02 has no day 30)",
      "6 terminationDate: the hire date 2024-04-01 is after the termination date 2023-03-31",
      "7 hireDate: hireDate 2031-04-01 is more than a year in the future",
    ]);
  });

  it("refuses two-digit years without a century pivot, and reads them with one", async () => {
    const mapping = { kind: "persons", fields: { birthDate: { column: "birthDate", dateFormat: "m/d/yy" } } };
    const rows = csv([HEADER, ["N300", "山田", "太郎", "male", "5/6/83", "2024-04-01", "DEV1"]]);
    const result = await attempt(rows, { mapping });
    expect(result.errors[0]).toMatchObject({ row: 2, column: "birthDate", value: "5/6/83" });
    expect(result.errors[0]!.message).toContain("two-digit year");
    const pivoted = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: rows,
      dryRun: true,
      mapping: { ...mapping, centuryPivot: 30 },
    });
    expect(pivoted.preview[0]!.after).toMatchObject({ birthDate: "1983-05-06" });
  });

  it("refuses a row of 10,000 columns", async () => {
    const wide = `${HEADER.join(",")}\r\n${Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(",")}\r\n`;
    expect((await attempt(wide)).message).toContain("row 2 has 10,000 columns; at most 1,000");
  });

  it("refuses a file over the size limit", async () => {
    expect((await attempt(csv([HEADER, GOOD]), { maxBytes: 10 })).message).toMatch(
      /the file is 0\.0 MB; the limit is 0\.0 MB/,
    );
  });

  it("refuses an Excel file with a formula, or with merged header cells", async () => {
    const formula = await workbook((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(GOOD);
      sheet.getCell("A2").value = { formula: 'CONCAT("N", 200)', result: "N200" };
    });
    expect((await attempt(formula, { fileName: "f.xlsx" })).message).toContain(
      'cell A2 holds a formula (=CONCAT("N", 200))',
    );
    const merged = await workbook((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(GOOD);
      sheet.mergeCells("B1:C1");
    });
    expect((await attempt(merged, { fileName: "m.xlsx" })).message).toContain(
      "the header row has merged cells (B1:C1)",
    );
  });

  it("refuses JSON that is not an array of objects, or is cut off", async () => {
    expect((await attempt('{"employeeNumber": "N1"}', { fileName: "x.json" })).message).toContain(
      "array of objects",
    );
    expect(
      (
        await attempt(
          `[${JSON.stringify(Object.fromEntries(HEADER.map((h, i) => [h, GOOD[i]])))}, {"employee`,
          { fileName: "x.json" },
        )
      ).message,
    ).toContain("truncated");
  });
});
