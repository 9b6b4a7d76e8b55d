import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";
import { queryRows } from "../../db/query";
import { ZGroupDashboard, ZMetricSettings, ZTrainingReport } from "../../shared/metrics-reports-api";
import { tukeyFences } from "./dashboard.service";

describe("Tukey's fences", () => {
  it("marks values beyond 1.5 × IQR, and needs four companies", () => {
    expect(tukeyFences([1, 2, 3, 4, 100])).toEqual({
      companies: 5,
      q1: 2,
      median: 3,
      q3: 4,
      lower: -1,
      upper: 7,
    });
    expect(tukeyFences([1, 2, 3])).toBeNull();
  });
});

describe.each(TEST_ENGINES)("group dashboard, training report and settings over HTTP on %s", (engine) => {
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

  const call = async (
    role: string,
    method: "GET" | "PUT" | "POST" | "DELETE",
    url: string,
    payload?: unknown,
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: cookies[role]! },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: response.statusCode,
      body: (response.body ? response.json() : null) as Record<string, unknown>,
    };
  };

  it("shows group HR every company side by side, disability figures withheld from them", async () => {
    const response = await call("groupHr", "GET", "/api/reports/dashboard?fy=2025");
    expect(response.status).toBe(200);
    const dashboard = ZGroupDashboard.parse(response.body);
    expect(dashboard.rows.map((r) => r.company.id)).toEqual([
      g.companies.hq,
      g.companies.sub,
      g.companies.us,
    ]);
    const disability = dashboard.columns.findIndex((c) => c.metric === "disability_employment_rate");
    expect(dashboard.rows[0]!.cells[disability]).toMatchObject({
      status: "withheld",
      reason: "restricted",
      value: null,
    });
    expect(dashboard.rows[2]!.cells[disability]).toMatchObject({ status: "not_applicable" });
    expect(dashboard.outlierRule).toBe("tukey_1.5_iqr");
    for (const role of ["employee", "manager", "hqHr", "subHr"])
      expect((await call(role, "GET", "/api/reports/dashboard?fy=2025")).status, role).toBe(403);
  });

  it("gives the training report to the report's readers", async () => {
    const hq = await call("hqHr", "GET", `/api/reports/training?fy=2025&companyId=${g.companies.hq}`);
    expect(hq.status).toBe(200);
    const report = ZTrainingReport.parse(hq.body);
    expect(report.figures.map((f) => `${f.metric}${f.breakdown ? `/${f.breakdown.dimension}` : ""}`)).toEqual(
      [
        "training_days_per_employee",
        "training_hours_per_employee",
        "training_participation_rate",
        "mandatory_training_completion_rate",
        "ojt_trainers_trained",
        "ojt_trainers_total",
        "training_days_per_employee/gender",
        "training_hours_per_employee/gender",
        "training_days_per_employee/employmentType",
        "training_hours_per_employee/employmentType",
      ],
    );
    expect(
      (await call("subHr", "GET", `/api/reports/training?fy=2025&companyId=${g.companies.hq}`)).status,
    ).toBe(403);
    expect((await call("hqHr", "GET", "/api/reports/training?fy=2025")).status).toBe(403);
  });

  it("lets group HR change the small-group threshold, validated and audited", async () => {
    expect(
      ZMetricSettings.parse((await call("groupHr", "GET", "/api/metrics/settings")).body).smallGroupThreshold,
    ).toBe(5);
    for (const role of ["employee", "manager", "hqHr"]) {
      expect((await call(role, "GET", "/api/metrics/settings")).status, role).toBe(403);
      expect(
        (await call(role, "PUT", "/api/metrics/settings/small-group-threshold", { smallGroupThreshold: 8 }))
          .status,
      ).toBe(403);
    }
    const bad = await call("groupHr", "PUT", "/api/metrics/settings/small-group-threshold", {
      smallGroupThreshold: 1,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("smallGroupThreshold");
    const ok = await call("groupHr", "PUT", "/api/metrics/settings/small-group-threshold", {
      smallGroupThreshold: 8,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.smallGroupThreshold).toBe(8);
    const audits = await queryRows<{ detail: unknown }>(
      database.db,
      sql`select detail from audit_log where action = 'metrics.settings.update' order by id`,
    );
    expect(audits.map((a) => a.detail)).toEqual([{ before: 5, after: 8 }]);
  });

  it("lets group HR configure group applications, refusing what the quota does not allow", async () => {
    const valid = {
      code: "GA-1",
      nameJa: "グループ適用",
      nameEn: "Group application",
      parentCompanyId: g.companies.hq,
      validFrom: "2024-04-01",
      validTo: null,
      memberCompanyIds: [g.companies.sub],
    };
    expect((await call("hqHr", "POST", "/api/metrics/group-applications", valid)).status).toBe(403);
    const created = await call("groupHr", "POST", "/api/metrics/group-applications", valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "GA-1", memberCompanyIds: [g.companies.sub] });
    const id = created.body.id as number;

    const refused = async (body: object, path: string) => {
      const response = await call("groupHr", "POST", "/api/metrics/group-applications", {
        ...valid,
        ...body,
      });
      expect(response.status, path).toBe(400);
      expect(
        (response.body.fields as { path: string }[]).map((f) => f.path),
        path,
      ).toContain(path);
    };
    await refused({ code: "ga-1", validFrom: "2030-01-01" }, "code");
    await refused({ code: "GA-2", memberCompanyIds: [g.companies.us] }, "memberCompanyIds.0");
    await refused(
      { code: "GA-3", parentCompanyId: g.companies.us, memberCompanyIds: [g.companies.sub] },
      "parentCompanyId",
    );
    await refused({ code: "GA-4", validFrom: "2025-04-01", validTo: "2025-03-31" }, "validTo");
    await refused({ code: "GA-5" }, "memberCompanyIds"); // SUB already belongs to GA-1 then
    await refused({ code: "GA-6", memberCompanyIds: [999999] }, "memberCompanyIds.0");
    await refused({ code: "GA 7" }, "code");
    await refused({ code: "GA-8", memberCompanyIds: [] }, "memberCompanyIds");

    const updated = await call("groupHr", "PUT", `/api/metrics/group-applications/${id}`, {
      ...valid,
      validTo: "2026-03-31",
    });
    expect(updated.status).toBe(200);
    expect(updated.body.validTo).toBe("2026-03-31");
    // after GA-1 ends, SUB may join another application
    expect(
      (
        await call("groupHr", "POST", "/api/metrics/group-applications", {
          ...valid,
          code: "GA-9",
          validFrom: "2026-04-01",
        })
      ).status,
    ).toBe(201);
    expect((await call("groupHr", "DELETE", `/api/metrics/group-applications/${id}`)).status).toBe(204);
    expect((await call("groupHr", "DELETE", `/api/metrics/group-applications/${id}`)).status).toBe(404);
    const settings = ZMetricSettings.parse((await call("groupHr", "GET", "/api/metrics/settings")).body);
    expect(settings.applications.map((a) => a.code)).toEqual(["GA-9"]);
    const audits = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where action like 'metrics.group_application.%' order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      "metrics.group_application.create",
      "metrics.group_application.update",
      "metrics.group_application.create",
      "metrics.group_application.delete",
    ]);
  });
});
