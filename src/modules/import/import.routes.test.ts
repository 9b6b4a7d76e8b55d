import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { csv } from "./import.test-support";

/**
 * Who may call the import routes: company HR for their company, group HR for all, nobody else. Like
 * src/server/access.test.ts, one case per route, every role in order (mutations by allowed roles last).
 */
const ROLES = ["anonymous", "employee", "other", "manager", "subHr", "hqHr", "groupHr"] as const;
type TestRole = (typeof ROLES)[number];
const EMAILS: Record<Exclude<TestRole, "anonymous">, string> = {
  employee: "employee@fixture.test",
  other: "other@fixture.test",
  manager: "manager@fixture.test",
  subHr: "sub-hr@fixture.test",
  hqHr: "hq-hr@fixture.test",
  groupHr: "group-hr@fixture.test",
};

interface Ctx extends FixtureGroup {
  importId: number;
  mappingIds: Partial<Record<TestRole, number>>;
}

interface Case {
  method: "GET" | "POST" | "PUT" | "DELETE";
  route: string;
  request: (g: Ctx, role: TestRole) => { url: string; payload?: unknown; headers?: Record<string, string> };
  expect: Partial<Record<TestRole, number>>;
  otherwise: number;
}

const PEOPLE = csv([
  ["employeeNumber", "familyName", "givenName", "gender", "hireDate", "orgUnitCode"],
  ["R100", "新", "人", "female", "2026-04-01", "SALES"],
]);
const hr = (status: number) => ({
  expect: { anonymous: 401, subHr: status, hqHr: status, groupHr: status },
  otherwise: 403,
});
const hqOnly = (status: number) => ({
  expect: { anonymous: 401, hqHr: status, groupHr: status },
  otherwise: 403,
});
const mappingDefinition = (name: string) => ({
  kind: "persons",
  name,
  fields: { employeeNumber: { column: "社員番号" } },
});

const IMPORT_ACCESS_CASES: Case[] = [
  {
    method: "POST",
    route: "/api/imports",
    request: (g) => ({
      url: `/api/imports?kind=persons&companyId=${g.companies.hq}&dryRun=true&wait=true&fileName=people.csv`,
      payload: PEOPLE,
      headers: { "content-type": "text/csv" },
    }),
    ...hqOnly(200),
  },
  { method: "GET", route: "/api/imports", request: () => ({ url: "/api/imports" }), ...hr(200) },
  {
    method: "GET",
    route: "/api/imports/:id",
    request: (g) => ({ url: `/api/imports/${g.importId}` }),
    ...hqOnly(200),
  },
  {
    method: "POST",
    route: "/api/imports/:id/cancel",
    request: (g) => ({ url: `/api/imports/${g.importId}/cancel` }),
    ...hqOnly(409),
  },
  {
    method: "GET",
    route: "/api/imports/:id/errors.csv",
    request: (g) => ({ url: `/api/imports/${g.importId}/errors.csv` }),
    ...hqOnly(200),
  },
  {
    method: "GET",
    route: "/api/imports/:id/changes",
    request: (g) => ({ url: `/api/imports/${g.importId}/changes` }),
    ...hqOnly(200),
  },
  {
    method: "GET",
    route: "/api/import-changes",
    request: (g) => ({ url: `/api/import-changes?personId=${g.people.emi}` }),
    ...hr(200),
  },
  { method: "GET", route: "/api/import-kinds", request: () => ({ url: "/api/import-kinds" }), ...hr(200) },
  {
    method: "GET",
    route: "/api/import-templates/:kind",
    request: () => ({ url: "/api/import-templates/persons?format=xlsx&lang=ja" }),
    ...hr(200),
  },
  {
    method: "GET",
    route: "/api/import-mappings",
    request: () => ({ url: "/api/import-mappings" }),
    ...hr(200),
  },
  {
    method: "POST",
    route: "/api/import-mappings",
    request: (g, role) => ({
      url: "/api/import-mappings",
      payload: { companyId: g.companies.hq, definition: mappingDefinition(`new ${role}`) },
    }),
    ...hqOnly(201),
  },
  {
    method: "GET",
    route: "/api/import-mappings/:id",
    request: (g) => ({ url: `/api/import-mappings/${g.mappingIds.hqHr}` }),
    ...hqOnly(200),
  },
  {
    method: "PUT",
    route: "/api/import-mappings/:id",
    request: (g, role) => ({
      url: `/api/import-mappings/${g.mappingIds.hqHr}`,
      payload: { definition: mappingDefinition(`renamed by ${role}`) },
    }),
    ...hqOnly(200),
  },
  {
    method: "DELETE",
    route: "/api/import-mappings/:id",
    request: (g, role) => ({
      url: `/api/import-mappings/${g.mappingIds[role === "groupHr" ? "groupHr" : "hqHr"]}`,
    }),
    ...hqOnly(204),
  },
];

describe.each(TEST_ENGINES)("import routes on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let ctx: Ctx;
  const cookies = new Map<TestRole, string>();
  const as = (role: TestRole) => (cookies.get(role) ? { cookie: cookies.get(role)! } : {});

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const group = await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
    for (const role of ROLES)
      if (role !== "anonymous") cookies.set(role, await signIn(app, EMAILS[role], FIXTURE_PASSWORD));
    const upload = await app.inject({
      method: "POST",
      url: `/api/imports?kind=persons&companyId=${group.companies.hq}&wait=true&fileName=people.csv`,
      payload: csv([
        ["employeeNumber", "familyName", "givenName", "gender", "hireDate", "orgUnitCode"],
        ["R001", "試", "験", "male", "2026-04-01", "SALES"],
        ["R002", "試", "験", "male", "2026-04-01", "NOPE"],
      ]),
      headers: { ...as("hqHr"), "content-type": "text/csv" },
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const mappingIds: Ctx["mappingIds"] = {};
    for (const role of ["hqHr", "groupHr"] as const) {
      const created = await app.inject({
        method: "POST",
        url: "/api/import-mappings",
        payload: { companyId: group.companies.hq, definition: mappingDefinition(`seed ${role}`) },
        headers: as(role),
      });
      mappingIds[role] = (created.json() as { id: number }).id;
    }
    ctx = { ...group, importId: (upload.json() as { id: number }).id, mappingIds };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it("covers every import route", () => {
    const covered = new Set(IMPORT_ACCESS_CASES.map((c) => `${c.method} ${c.route}`));
    const mine = app.apiRoutes
      .filter((r) => r.url.startsWith("/api/import"))
      .map((r) => `${r.method} ${r.url}`);
    expect(mine.filter((key) => !covered.has(key))).toEqual([]);
  });

  for (const testCase of IMPORT_ACCESS_CASES) {
    it(`${testCase.method} ${testCase.route}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of ROLES) {
        const { url, payload, headers } = testCase.request(ctx, role);
        const response = await app.inject({
          method: testCase.method,
          url,
          ...(payload === undefined ? {} : { payload: payload as string }),
          headers: { ...as(role), ...headers },
        });
        outcomes[role] = response.statusCode;
        expected[role] = testCase.expect[role] ?? testCase.otherwise;
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it("reports the rejected rows of an upload and serves them as CSV", async () => {
    const result = await app.inject({
      method: "GET",
      url: `/api/imports/${ctx.importId}`,
      headers: as("hqHr"),
    });
    expect(result.json()).toMatchObject({
      status: "rejected",
      counts: { rows: 2, rejected: 1 },
      errors: [{ row: 3, column: "orgUnitCode", value: "NOPE" }],
    });
    const errors = await app.inject({
      method: "GET",
      url: `/api/imports/${ctx.importId}/errors.csv`,
      headers: as("hqHr"),
    });
    expect(errors.headers["content-type"]).toContain("text/csv");
    expect(errors.body).toBe(
      '\uFEFFrow,column,value,message,code\r\n3,orgUnitCode,NOPE,"no org unit of this company has the code ""NOPE""",lookup.unknownCode\r\n',
    );
  });

  it("runs an upload as a job that can be polled, and serves templates in both languages", async () => {
    const started = await app.inject({
      method: "POST",
      url: `/api/imports?kind=persons&companyId=${ctx.companies.hq}&fileName=people.csv`,
      payload: PEOPLE,
      headers: { ...as("groupHr"), "content-type": "application/octet-stream" },
    });
    expect(started.statusCode).toBe(202);
    const id = (started.json() as { id: number }).id;
    let status = "running";
    for (let i = 0; i < 100 && status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await app.inject({ method: "GET", url: `/api/imports/${id}`, headers: as("groupHr") })).json()
        .status;
    }
    expect(status).toBe("applied");
    const ja = await app.inject({
      method: "GET",
      url: "/api/import-templates/persons?lang=ja",
      headers: as("hqHr"),
    });
    expect(ja.body.split("\r\n")[0]).toMatch(/^\uFEFF社員番号,姓,名,/);
    const xlsx = await app.inject({
      method: "GET",
      url: "/api/import-templates/grades?format=xlsx",
      headers: as("hqHr"),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      "code",
      "nameJa",
      "nameEn",
      "rank",
      "isManagerLevel",
      "isExecutive",
      "description",
    ]);
  });
});
