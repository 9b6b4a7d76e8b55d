import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import {
  countRows,
  FIXTURE_PASSWORD,
  seedFixtureGroup,
  type FixtureGroup,
} from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import type { OrgChartResponse } from "../../shared/api";

describe.each(TEST_ENGINES)("organisation over HTTP on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let group: FixtureGroup;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
    cookie = await signIn(app, "group-hr@fixture.test", FIXTURE_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = (url: string) => app.inject({ method: "GET", url, headers: { cookie } });
  const post = (url: string, payload: object) =>
    app.inject({ method: "POST", url, payload, headers: { cookie } });
  const fieldsOf = (body: unknown) =>
    (body as { fields?: { path: string }[] }).fields?.map((f) => f.path) ?? [];

  it("a future-dated reorganisation shows only from its date; earlier dates keep the old tree", async () => {
    const created = await post(`/api/org-units/${group.units.dev1}/versions`, {
      nameEn: "Cloud Section",
      nameJa: "クラウド課",
      parentOrgUnitId: group.units.root,
      validFrom: "2027-04-01",
    });
    expect(created.statusCode).toBe(201);
    const unitOn = async (asOf: string) => {
      const chart = (
        await get(`/api/org-chart?companyId=${group.companies.hq}&asOf=${asOf}`)
      ).json() as OrgChartResponse;
      return chart.companies[0]!.units.find((u) => u.id === group.units.dev1)!;
    };
    expect(await unitOn("2027-03-31")).toMatchObject({
      name: { en: "Development Section 1" },
      parentId: group.units.dev,
      validTo: "2027-03-31",
    });
    expect(await unitOn("2027-04-01")).toMatchObject({
      name: { en: "Cloud Section" },
      parentId: group.units.root,
      validTo: null,
    });
    const history = (await get(`/api/org-units/${group.units.dev1}`)).json() as { versions: unknown[] };
    expect(history.versions).toHaveLength(2);
  });

  it("counts people and heads on the date, and the whole group lists every company", async () => {
    const chart = (await get("/api/org-chart?asOf=2026-01-01")).json() as OrgChartResponse;
    expect(chart.companies.map((c) => c.company.code)).toEqual(["HQ", "SUB", "US1"]);
    const hq = chart.companies[0]!;
    expect(hq.headcount).toBe(4);
    const dev = hq.units.find((u) => u.id === group.units.dev)!;
    expect(dev.head?.personId).toBe(group.people.mana);
    expect(dev.headcount).toBe(1);
    const before = (await get("/api/org-chart?asOf=2019-01-01")).json() as OrgChartResponse;
    expect(before.companies[0]!.headcount).toBe(3);
  });

  it("refuses a unit under its own sub-unit, a parent of another company, and a date before the unit existed", async () => {
    const cycle = await post(`/api/org-units/${group.units.dev}/versions`, {
      parentOrgUnitId: group.units.dev1,
      validFrom: "2026-06-01",
    });
    expect([cycle.statusCode, fieldsOf(cycle.json())]).toEqual([400, ["parentOrgUnitId"]]);
    const foreign = await post("/api/org-units", {
      companyId: group.companies.hq,
      code: "X",
      nameJa: "X",
      nameEn: "X",
      parentOrgUnitId: group.units.subRoot,
      validFrom: "2026-01-01",
    });
    expect([foreign.statusCode, fieldsOf(foreign.json())]).toEqual([400, ["parentOrgUnitId"]]);
    const early = await post(`/api/org-units/${group.units.sales}/versions`, {
      nameEn: "Old",
      validFrom: "2010-01-01",
    });
    expect([early.statusCode, fieldsOf(early.json())]).toEqual([400, ["validFrom"]]);
  });

  it("answers malformed ids, dates and over-long names with 4xx naming the field, and writes nothing", async () => {
    const unitsBefore = await countRows(database.db, "org_units");
    const personsBefore = await countRows(database.db, "persons");
    const badId = await get("/api/org-units/abc");
    expect([badId.statusCode, fieldsOf(badId.json())]).toEqual([400, ["id"]]);
    const unknown = await get("/api/org-units/999999");
    expect(unknown.statusCode).toBe(404);
    const badDate = await get("/api/org-chart?asOf=2026-02-30");
    expect([badDate.statusCode, fieldsOf(badDate.json())]).toEqual([400, ["asOf"]]);
    const longName = await post("/api/org-units", {
      companyId: group.companies.hq,
      code: "LONG",
      nameJa: "長",
      nameEn: "x".repeat(201),
      parentOrgUnitId: null,
      validFrom: "2026-01-01",
    });
    expect([longName.statusCode, fieldsOf(longName.json())]).toEqual([400, ["nameEn"]]);
    const person = await post("/api/people", {
      familyName: "あ".repeat(101),
      givenName: "",
      gender: "robot",
      employment: {
        companyId: group.companies.hq,
        employeeNumber: "Z1",
        hireDate: "2026-13-01",
        employmentType: "regular",
      },
    });
    expect(person.statusCode).toBe(400);
    expect(fieldsOf(person.json()).sort()).toEqual([
      "employment.hireDate",
      "familyName",
      "gender",
      "givenName",
    ]);
    const notJson = await app.inject({
      method: "POST",
      url: "/api/org-units",
      payload: "name=x",
      headers: { cookie, "content-type": "text/plain" },
    });
    expect(notJson.statusCode).toBe(400);
    expect(await countRows(database.db, "org_units")).toBe(unitsBefore);
    expect(await countRows(database.db, "persons")).toBe(personsBefore);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await get("/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves the OpenAPI document", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain("/api/people/{id}");
  });

  it("reports the engine and migration state", async () => {
    const health = (await get("/api/health")).json();
    expect(health).toMatchObject({ status: "ok", engine, migrations: { upToDate: true } });
  });
});
