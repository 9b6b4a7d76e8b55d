import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { importErrors } from "./import.schema";
import { csv, importFile } from "./import.test-support";
import { parseRendered, renderImportMessage, renderReport, renderStoredMessage } from "./messages";

/**
 * Row errors are kept with their code and params and shown in the language of whoever reads them — not of
 * whoever started the import: the API, the errors CSV and the report; old rows (code only) still render.
 */
const HEADER = ["employeeNumber", "familyName", "givenName", "gender", "hireDate", "orgUnitCode"];
const BAD_PEOPLE = csv([
  HEADER,
  ["R001", "試", "験", "male", "2026-04-01", "NOPE"],
  ["R002", "試", "", "male", "2021-02-29", "SALES"],
]);

const EN = [
  'no org unit of this company has the code "NOPE"',
  "givenName is required",
  "hireDate is not a calendar date (2021-02 has no day 29)",
];
const JA = [
  "この会社に組織のコード「NOPE」はありません",
  "名は必須です",
  "入社日が日付として読めません（2021-02 に29日はありません）",
];

describe.each(TEST_ENGINES)("import messages in the reader's language on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let group: FixtureGroup;
  const cookies: Record<string, string> = {};
  const get = (url: string, who: string) =>
    app.inject({ method: "GET", url, headers: { cookie: cookies[who]! } });
  const upload = async (who: string, query = "") => {
    const response = await app.inject({
      method: "POST",
      url: `/api/imports?kind=persons&companyId=${group.companies.hq}&wait=true&fileName=people.csv${query}`,
      payload: BAD_PEOPLE,
      headers: { cookie: cookies[who]!, "content-type": "text/csv" },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { id: number; message: string; errors: { message: string; code: string }[] };
  };
  const messages = (body: { errors: { message: string }[] }) => body.errors.map((e) => e.message);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
    cookies.hq = await signIn(app, "hq-hr@fixture.test", FIXTURE_PASSWORD);
    cookies.group = await signIn(app, "group-hr@fixture.test", FIXTURE_PASSWORD);
    // the company's HR works in Japanese, group HR in English
    for (const [who, locale] of [
      ["hq", "ja"],
      ["group", "en"],
    ] as const) {
      const saved = await app.inject({
        method: "PATCH",
        url: "/api/me",
        payload: { locale },
        headers: { cookie: cookies[who]! },
      });
      expect(saved.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it("a Japanese importer's errors read by an English user come out in English", async () => {
    const started = await upload("hq");
    expect(messages(started)).toEqual(JA);
    expect(started.message).toBe(
      renderImportMessage("ja", "report.rowsRejected", { rejected: 2, rows: 2, valid: 0 }),
    );
    const read = (await get(`/api/imports/${started.id}`, "group")).json();
    expect(messages(read)).toEqual(EN);
    expect(read.errors.map((e: { code: string }) => e.code)).toEqual([
      "lookup.unknownCode",
      "cell.required",
      "cell.badDate",
    ]);
    expect(read.errors[2].params).toEqual({
      field: "hireDate",
      detailCode: "date.noDay",
      year: 2021,
      month: "02",
      day: 29,
    });
    expect(read.message).toBe(
      "2 of 2 rows were rejected, so nothing was imported (all or nothing). Fix them, or import with acceptValidRows to apply the 0 valid rows.",
    );
    const csvBody = (await get(`/api/imports/${started.id}/errors.csv`, "group")).body;
    expect(csvBody).toContain(`2,orgUnitCode,NOPE,"${EN[0]!.replaceAll('"', '""')}",lookup.unknownCode\r\n`);
    expect(csvBody).toContain(`3,givenName,,${EN[1]},cell.required\r\n`);
    // the reader may ask for a language; the importer still reads Japanese
    expect(messages((await get(`/api/imports/${started.id}?locale=ja`, "group")).json())).toEqual(JA);
    expect(messages((await get(`/api/imports/${started.id}`, "hq")).json())).toEqual(JA);
    const history = (await get(`/api/imports?companyId=${group.companies.hq}`, "group")).json();
    expect(history.items.find((i: { id: number }) => i.id === started.id).message).toBe(read.message);
  });

  it("an English importer's errors read by a Japanese user come out in Japanese", async () => {
    const started = await upload("group", "&locale=en");
    expect(messages(started)).toEqual(EN);
    expect(messages((await get(`/api/imports/${started.id}`, "hq")).json())).toEqual(JA);
    const csvBody = (await get(`/api/imports/${started.id}/errors.csv?locale=ja`, "group")).body;
    expect(csvBody).toContain(`2,orgUnitCode,NOPE,${JA[0]},lookup.unknownCode\r\n`);
    expect(csvBody).toContain(`3,hireDate,2021-02-29,${JA[2]},cell.badDate\r\n`);
  });

  it("renders old rows (code only) from their text, and shows row.invalid and unknown codes as stored", async () => {
    const started = await upload("group", "&locale=en");
    await database.db.insert(importErrors).values([
      {
        importId: started.id,
        rowNumber: 9,
        column: "orgUnitCode",
        value: "OLD",
        message: 'no org unit of this company has the code "OLD"',
        code: "lookup.unknownCode",
      },
      {
        importId: started.id,
        rowNumber: 10,
        column: "employeeNumber",
        value: "H9",
        message: "社員 H9 は 2020-01-01 に在籍していません（在籍期間：2016-04-01 to now）",
        code: "employee.notEmployed",
      },
      {
        importId: started.id,
        rowNumber: 11,
        column: "(file)",
        value: "",
        message: "the file is empty",
        code: "row.invalid",
      },
      {
        importId: started.id,
        rowNumber: 12,
        column: "x",
        value: "",
        message: "a rule of a later version",
        code: "some.future",
      },
      {
        importId: started.id,
        rowNumber: 13,
        column: "x",
        value: "",
        message: "reworded text",
        code: "cell.required",
      },
    ]);
    const read = (await get(`/api/imports/${started.id}?locale=ja`, "hq")).json();
    expect(messages(read).slice(3)).toEqual([
      "この会社に組織のコード「OLD」はありません",
      "社員 H9 は 2020-01-01 に在籍していません（在籍期間：2016-04-01 to now）",
      "the file is empty",
      "a rule of a later version",
      "reworded text",
    ]);
    const english = (await get(`/api/imports/${started.id}?locale=en`, "hq")).json();
    expect(messages(english)[4]).toBe(
      "employee H9 is not employed on 2020-01-01 (employed 2016-04-01 to now)",
    );
  });

  it("gives the master-data kinds' row errors codes of their own, in the importer's language", async () => {
    const companies = await importFile(database.db, {
      kind: "companies",
      locale: "ja",
      content: csv([
        [
          "code",
          "nameJa",
          "nameEn",
          "country",
          "currency",
          "isDomestic",
          "fiscalYearStartMonth",
          "parentCompanyCode",
        ],
        ["N/1", "新", "New", "J1", "1Y", "true", "4.5", ""],
        ["N2", "新", "New", "JP", "JPY", "true", "4", "N2"],
      ]),
    });
    expect(companies.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "company.badCode"],
      [2, "company.badCountry"],
      [2, "company.badCurrency"],
      [2, "company.badFiscalMonth"],
      [3, "company.ownParent"],
    ]);
    expect(companies.errors[1]!.message).toBe("国は JP のような ISO の2文字コードにしてください");

    const units = await importFile(database.db, {
      kind: "org-units",
      companyId: group.companies.hq,
      locale: "ja",
      content: csv([
        ["code", "nameJa", "parentCode", "validFrom"],
        ["C1", "子", "P1", "2024-04-01"],
        ["P1", "親", "", "2024-04-01"],
        ["X1", "自", "X1", "2024-04-01"],
        ["ROOT", "本社", "DEV1", "2024-04-01"],
        ["DEV", "開発", "ROOT", "2010-04-01"],
        ["C2", "子", "P1", "2020-04-01"],
      ]),
    });
    expect(units.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "orgUnit.unknownParent"],
      [4, "orgUnit.ownParent"],
      [5, "orgUnit.cycle"],
      [6, "orgUnit.parentNotOpen"],
      [7, "orgUnit.parentNotOpen"],
    ]);
    expect(units.errors[0]!.message).toBe(
      "この会社に組織のコード「P1」はありません（上位組織は下位組織より前の行に書いてください）",
    );

    const grades = await importFile(database.db, {
      kind: "grades",
      companyId: group.companies.hq,
      locale: "en",
      content: csv([
        ["code", "nameJa", "nameEn", "rank", "isManagerLevel", "isExecutive"],
        ["G9", "九", "Nine", "1", "false", "false"],
        ["G8", "八", "Eight", "2.5", "false", "false"],
        ["G7", "七", "Seven", "7", "true", "true"],
      ]),
    });
    expect(grades.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [2, "master.valueTaken", "rank 1 is already used by G1"],
      [3, "cell.notInteger", "rank must be a whole number"],
      [4, "grade.managerAndExecutive", "a grade is manager level or executive, not both"],
    ]);
    expect(grades.errors.map((e) => renderStoredMessage(e, "ja"))).toEqual([
      "序列 1 はすでに G1 で使われています",
      "序列は整数にしてください",
      "等級は管理職相当か役員のどちらかです（両方にはできません）",
    ]);
  });
});

describe("rendering stored messages", () => {
  it("reads a rendered text back into its params, in either language", () => {
    const params = { what: "grade", code: "X" };
    expect(
      parseRendered("lookup.unknownCode", renderImportMessage("ja", "lookup.unknownCode", params)),
    ).toEqual(params);
    expect(parseRendered("lookup.unknownCode", 'no grade of this company has the code "X"')).toEqual(params);
    expect(parseRendered("lookup.unknownCode", "something else")).toBeNull();
    // two placeholders side by side cannot be told apart
    const hired = renderImportMessage("en", "person.differentHireDate", {
      number: "H1",
      hireDate: "2020-04-01",
      left: "",
    });
    expect(parseRendered("person.differentHireDate", hired)).toBeNull();
    expect(renderStoredMessage({ code: "person.differentHireDate", params: {}, message: hired }, "ja")).toBe(
      hired,
    );
  });

  it("renders the report in the reader's language; a quoted reason keeps its own", () => {
    const rejected = renderImportMessage("ja", "report.rowsRejected", { rejected: 1, rows: 3, valid: 2 });
    expect(renderReport(rejected, "en")).toBe(
      renderImportMessage("en", "report.rowsRejected", { rejected: 1, rows: 3, valid: 2 }),
    );
    expect(renderReport("The file was not imported: the file is empty", "ja")).toBe(
      "ファイルは取り込まれませんでした：the file is empty",
    );
    expect(renderReport(renderImportMessage("en", "report.cancelled"), "ja")).toBe(
      renderImportMessage("ja", "report.cancelled"),
    );
    expect(renderReport("free text", "ja")).toBe("free text");
    expect(renderReport(null, "ja")).toBeNull();
  });

  it("renders a row's duplicate key with the kind's name in each language", () => {
    const params = { earlier: 2, what: "training completions", "what.ja": "研修修了実績", key: "K" };
    expect(renderImportMessage("en", "row.duplicate", params)).toBe(
      "duplicate of row 2 (the same training completions key K)",
    );
    expect(renderImportMessage("ja", "row.duplicate", params)).toBe(
      "2行目と重複しています（同じ研修修了実績のキー K）",
    );
  });
});
