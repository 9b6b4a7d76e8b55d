import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { setSmallGroupThreshold } from "../../metrics/engine/settings.repo";
import { SYSTEM_ACTOR } from "../access/actor";
import { employmentsOfPerson } from "../people/people.repo";
import { terminateEmployment } from "../people/people.service";

/**
 * Who sees which figures over HTTP, on the fixture group (test/support/fixtures.ts): HQ employs Mana (heads
 * DEV, manager grade), Emi (DEV1, physical disability), Oto (SALES) and Hana (HR); SUB employs Sam.
 */
describe.each(TEST_ENGINES)("figures and reports over HTTP on %s", (engine) => {
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
    return { status: response.statusCode, body: response.json() as unknown };
  };

  it("lets a manager see figures of the org units they head, and nothing wider", async () => {
    const dev = await get("manager", `/api/metrics/headcount?scope=orgUnit&orgUnitId=${g.units.dev}`);
    expect(dev.status).toBe(200);
    expect(dev.body).toMatchObject({ metric: "headcount", status: "ok", value: 2 });
    expect(
      (await get("manager", `/api/metrics/headcount?scope=orgUnit&orgUnitId=${g.units.sales}`)).status,
    ).toBe(403);
    expect(
      (await get("manager", `/api/metrics/headcount?scope=company&companyId=${g.companies.hq}`)).status,
    ).toBe(403);
    expect((await get("manager", "/api/reports/disclosure?fy=2025")).status).toBe(403);
    expect(
      (await get("employee", `/api/metrics/headcount?scope=orgUnit&orgUnitId=${g.units.dev1}`)).status,
    ).toBe(403);
    const people = await get(
      "manager",
      `/api/metrics/headcount/people?scope=orgUnit&orgUnitId=${g.units.dev}`,
    );
    expect(people.body).toMatchObject({ total: 2, hidden: 0 });
  });

  it("keeps company HR to scopes made of their companies", async () => {
    expect(
      (await get("subHr", `/api/metrics/headcount?scope=company&companyId=${g.companies.sub}`)).body,
    ).toMatchObject({ value: 1 });
    expect((await get("subHr", "/api/metrics/headcount")).status).toBe(403);
    expect(
      (
        await get(
          "subHr",
          `/api/metrics/headcount?scope=companies&companyIds=${g.companies.hq},${g.companies.sub}`,
        )
      ).status,
    ).toBe(403);
    expect((await get("subHr", "/api/metrics/headcount?scope=domestic")).status).toBe(403);
    expect((await get("hqHr", `/api/reports/disclosure?fy=2025&companyId=${g.companies.sub}`)).status).toBe(
      403,
    );
    expect((await get("hqHr", "/api/reports/disclosure?fy=2025")).status).toBe(403);
    expect((await get("groupHr", "/api/reports/disclosure?fy=2025")).status).toBe(200);
  });

  it("shows disability figures to company HR of the company only, and withholds small groups", async () => {
    const url = `/api/metrics/disability_employment_rate?scope=company&companyId=${g.companies.hq}&asOf=2026-06-01`;
    expect((await get("groupHr", url)).body).toMatchObject({
      status: "withheld",
      reason: "restricted",
      value: null,
    });
    // HQ counts four people: under the default threshold of 5
    expect((await get("hqHr", url)).body).toMatchObject({
      status: "withheld",
      reason: "small_group",
      value: null,
    });
    const drillUrl = `/api/metrics/disability_employment_rate/people?scope=company&companyId=${g.companies.hq}&asOf=2026-06-01`;
    expect((await get("hqHr", drillUrl)).status).toBe(403);

    await setSmallGroupThreshold(database.db, 3);
    // Emi: physical, not severe, 40 h → 1 of 4
    expect((await get("hqHr", url)).body).toMatchObject({
      status: "ok",
      value: 25,
      numerator: 1,
      denominator: 4,
    });
    expect((await get("groupHr", url)).body).toMatchObject({ status: "withheld", reason: "restricted" });
    expect((await get("groupHr", drillUrl)).status).toBe(403);
    const drill = await get("hqHr", drillUrl);
    expect(drill.status).toBe(200);
    expect(drill.body).toMatchObject({ total: 1, items: [{ personId: g.people.emi, weight: 1 }] });
    const audit = await get("groupHr", "/api/audit?entity=metric");
    expect((audit.body as { items: { action: string; userEmail: string }[] }).items[0]).toMatchObject({
      action: "metrics.sensitive.drilldown",
      userEmail: "hq-hr@fixture.test",
    });

    // in the report: visible to HQ's HR, restricted for group HR
    const cellOf = (body: unknown) =>
      (
        body as {
          tables: {
            id: string;
            rows: { cells: { metric: string; status: string; reason: string | null }[] }[];
          }[];
        }
      ).tables
        .find((t) => t.id === "disability")!
        .rows.at(-1)!.cells[0]!;
    expect(
      cellOf((await get("hqHr", `/api/reports/disclosure?fy=2026&companyId=${g.companies.hq}`)).body),
    ).toMatchObject({ status: "ok" });
    expect(
      cellOf((await get("groupHr", `/api/reports/disclosure?fy=2026&companyId=${g.companies.hq}`)).body),
    ).toMatchObject({
      status: "withheld",
      reason: "restricted",
    });
    await setSmallGroupThreshold(database.db, 5);
  });

  it("refuses bad requests with the field at fault", async () => {
    const fieldsOf = async (url: string) => {
      const response = await get("groupHr", url);
      expect(response.status).toBe(400);
      return (response.body as { fields: { path: string }[] }).fields.map((f) => f.path);
    };
    expect(await fieldsOf("/api/metrics/headcount?scope=company")).toEqual(["companyId"]);
    expect(await fieldsOf("/api/metrics/headcount?by=reason")).toEqual(["by"]);
    expect(await fieldsOf("/api/metrics/headcount?fy=2025&asOf=2026-01-01")).toEqual(["fy"]);
    expect(await fieldsOf("/api/metrics/headcount/people?part=denominator")).toEqual(["part"]);
    expect((await get("groupHr", "/api/metrics/made_up_metric")).status).toBe(400);
    expect(await fieldsOf("/api/metrics/headcount?scope=company&companyId=99999")).toEqual(["companyId"]);
  });

  it("lists only the publications a user may see", async () => {
    for (const [role, companyId] of [
      ["hqHr", g.companies.hq],
      ["subHr", g.companies.sub],
      ["groupHr", null],
    ] as const) {
      const response = await app.inject({
        method: "POST",
        url: "/api/reports/disclosure/publications",
        payload: { fy: 2025, companyId },
        headers: { cookie: cookies[role]! },
      });
      expect(response.statusCode).toBe(201);
    }
    const list = async (role: string) =>
      (
        (await get(role, "/api/reports/disclosure/publications")).body as {
          items: { companyId: number | null }[];
        }
      ).items.map((i) => i.companyId);
    expect(await list("subHr")).toEqual([g.companies.sub]);
    expect((await list("groupHr")).sort()).toEqual([null, g.companies.hq, g.companies.sub].sort());
    expect((await get("manager", "/api/reports/disclosure/publications")).status).toBe(403);
  });

  it("counts people the caller may no longer see without naming them", async () => {
    const [employment] = await employmentsOfPerson(database.db, g.people.emi);
    await terminateEmployment(database.db, SYSTEM_ACTOR, employment!.id, {
      terminationDate: "2026-06-30",
      terminationReason: "voluntary",
    });
    const drill = await get("manager", `/api/metrics/leavers/people?scope=orgUnit&orgUnitId=${g.units.dev}`);
    // Emi left DEV1 on 2026-06-30: a leaver of the twelve months to today, no longer in the manager's units
    expect(drill.body).toMatchObject({ total: 1, hidden: 1, items: [] });
    expect(
      (await get("hqHr", `/api/metrics/leavers/people?scope=company&companyId=${g.companies.hq}`)).body,
    ).toMatchObject({
      total: 1,
      hidden: 0,
      items: [{ personId: g.people.emi, terminationReason: "voluntary" }],
    });
  });
});
