import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { definitionOf } from "../../metrics/definitions";
import { ZDisclosureReport } from "../../shared/metrics-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { employmentsOfPerson } from "../people/people.repo";
import { terminateEmployment } from "../people/people.service";

/** Exports of the disclosure report over HTTP: formats, languages, access, and frozen publications. */
describe.each(TEST_ENGINES)("disclosure report exports on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let g: FixtureGroup;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    g = await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
    for (const [role, email] of Object.entries({
      employee: "employee@fixture.test",
      manager: "manager@fixture.test",
      subHr: "sub-hr@fixture.test",
      hqHr: "hq-hr@fixture.test",
      groupHr: "group-hr@fixture.test",
    })) {
      cookies[role] = await signIn(app, email, FIXTURE_PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = async (role: string, url: string) => {
    const response = await app.inject({ method: "GET", url, headers: { cookie: cookies[role]! } });
    return {
      status: response.statusCode,
      headers: response.headers,
      raw: response.rawPayload,
      text: response.body,
    };
  };
  const exportUrl = (query: string) => `/api/reports/disclosure/export?${query}`;

  it("exports Excel: a sheet per table and the definitions, headers in the language asked", async () => {
    const response = await get("groupHr", exportUrl("fy=2025&format=xlsx&lang=ja"));
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml.sheet");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="tekizai-disclosure-FY2025-group.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain("従業員数・離職者数");
    expect(names.at(-1)).toBe("定義");
    expect(names).toHaveLength(12); // eleven tables of the group report + definitions
    const workforce = workbook.getWorksheet("従業員数・離職者数")!;
    expect(workforce.getRow(4).getCell(2).value).toBe(definitionOf("headcount").title.ja);
    expect(workforce.getRow(9).getCell(1).value).toBe("2025年度");
    expect(typeof workforce.getRow(9).getCell(2).value).toBe("number");
    const definitions = workbook.getWorksheet("定義")!;
    expect(definitions.getRow(1).getCell(1).value).toBe("定義名");
    expect(definitions.getRow(2).getCell(1).value).toBe("headcount");
    expect(definitions.getRow(2).getCell(9).value).toBe(definitionOf("headcount").documentation.rule);
  });

  it("exports CSV: one flat table with a BOM, the definition name on every line", async () => {
    const response = await get("groupHr", exportUrl("fy=2025&format=csv"));
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.text.charCodeAt(0)).toBe(0xfeff);
    const lines = response.text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("table,figure,scope,period,value,numerator,denominator,unit,definition,status,row");
    const headcount = lines.find((l) => l.startsWith("Employees and leavers,Employees,Whole group,FY2025,"));
    expect(headcount).toMatch(
      /^Employees and leavers,Employees,Whole group,FY2025,\d+,,,people,headcount,,2025$/,
    );
    // the sensitive disability figures are withheld from group HR, with no number
    const disability = lines.find((l) => l.includes(",disability_employment_rate,") && l.includes("FY2025"));
    expect(disability).toContain(",,,,%,disability_employment_rate,Withheld (restricted)");
  });

  it("exports a PDF with the Japanese font embedded", async () => {
    const response = await get("hqHr", exportUrl(`fy=2025&companyId=${g.companies.hq}&format=pdf&lang=ja`));
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pdf = response.raw.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf).toContain("NotoSansJP");
    // every page has its footer on it: a footer drawn into the bottom margin once made a blank page of its own
    // for every page of the report (twice the pages)
    const pages = pdf.match(/\/Type \/Page\b(?!s)/g)?.length;
    expect(pages).toBe(3);
  });

  it("keeps the report's access rules and validates the query", async () => {
    expect((await get("employee", exportUrl("fy=2025&format=csv"))).status).toBe(403);
    expect((await get("manager", exportUrl("fy=2025&format=csv"))).status).toBe(403);
    expect((await get("hqHr", exportUrl("fy=2025&format=csv"))).status).toBe(403);
    expect((await get("subHr", exportUrl(`fy=2025&companyId=${g.companies.hq}&format=csv`))).status).toBe(
      403,
    );
    expect((await get("hqHr", exportUrl(`fy=2025&companyId=${g.companies.hq}&format=csv`))).status).toBe(200);
    const bad = await get("groupHr", exportUrl("fy=2025&format=docx"));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("format");
    const both = await get("groupHr", exportUrl("fy=2025&asOf=2026-03-31"));
    expect(both.status).toBe(400);
    expect(JSON.parse(both.text)).toMatchObject({ fields: [{ path: "fy" }] });
    expect((await get("groupHr", exportUrl("format=json"))).status).toBe(400);
  });

  it("picks the fiscal year of an as-of date, and exports JSON in the report's schema", async () => {
    const response = await get("groupHr", exportUrl("asOf=2026-03-31&format=json"));
    expect(response.status).toBe(200);
    const report = ZDisclosureReport.parse(JSON.parse(response.text));
    expect(report.fiscalYear).toBe(2025);
  });

  it("exports a published report's frozen figures after a back-dated correction", async () => {
    const publish = await app.inject({
      method: "POST",
      url: "/api/reports/disclosure/publications",
      headers: { cookie: cookies.hqHr! },
      payload: { fy: 2025, companyId: g.companies.hq },
    });
    expect(publish.statusCode).toBe(201);
    const { id } = publish.json() as { id: number };
    const frozen = ZDisclosureReport.parse(
      JSON.parse((await get("hqHr", exportUrl(`publicationId=${id}`))).text),
    );
    const [employment] = await employmentsOfPerson(database.db, g.people.oto);
    await terminateEmployment(database.db, SYSTEM_ACTOR, employment!.id, {
      terminationDate: "2025-06-30",
      terminationReason: "voluntary",
    });
    const headcount = (r: typeof frozen) =>
      r.tables.find((t) => t.id === "workforce")!.rows.find((row) => row.key === "2025")!.cells[0]!.value;
    const live = ZDisclosureReport.parse(
      JSON.parse((await get("hqHr", exportUrl(`fy=2025&companyId=${g.companies.hq}`))).text),
    );
    const again = ZDisclosureReport.parse(
      JSON.parse((await get("hqHr", exportUrl(`publicationId=${id}`))).text),
    );
    expect(headcount(live)).toBe(headcount(frozen)! - 1);
    expect(headcount(again)).toBe(headcount(frozen));
    const csv = await get("hqHr", exportUrl(`publicationId=${id}&format=csv`));
    expect(csv.headers["content-disposition"]).toContain("-v1.csv");
    expect((await get("subHr", exportUrl(`publicationId=${id}`))).status).toBe(403);
    expect((await get("hqHr", exportUrl(`publicationId=${id}&fy=2025`))).status).toBe(400);
  });
});
