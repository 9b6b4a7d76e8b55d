import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { TEST_ENGINES } from "../../test/support/engines";
import { FIXTURE_PASSWORD, type FixtureGroup, seedFixtureGroup } from "../../test/support/fixtures";
import { buildTestApp, signIn } from "../../test/support/http";

/**
 * For every /api route, each role gets exactly what the policy says. The test fails when a route exists that
 * this table does not cover. Roles run in this order, so that mutations by allowed roles come last.
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

type AccessGroup = FixtureGroup & { employments: { emi: number; oto: number } };

interface Case {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  request: (g: AccessGroup, role: TestRole, index: number) => { url: string; payload?: unknown };
  /** Expected status per role; roles not listed expect `otherwise`. */
  expect: Partial<Record<TestRole, number>>;
  otherwise: number;
}

const signedIn = (status: number) => ({ otherwise: status, expect: { anonymous: 401 } });

const CASES: Case[] = [
  {
    method: "GET",
    route: "/api/health",
    request: () => ({ url: "/api/health" }),
    expect: {},
    otherwise: 200,
  },
  {
    method: "POST",
    route: "/api/auth/login",
    request: () => ({
      url: "/api/auth/login",
      payload: { email: "nobody@fixture.test", password: "wrong-password" },
    }),
    expect: {},
    otherwise: 401,
  },
  {
    method: "POST",
    route: "/api/auth/logout",
    request: () => ({ url: "/api/auth/logout" }),
    expect: {},
    otherwise: 204,
  },
  { method: "GET", route: "/api/me", request: () => ({ url: "/api/me" }), ...signedIn(200) },
  {
    method: "PATCH",
    route: "/api/me",
    request: () => ({ url: "/api/me", payload: { locale: "ja" } }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/users",
    request: () => ({ url: "/api/users" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/users",
    request: (_g, role) => ({
      url: "/api/users",
      payload: {
        email: `new-${role}@fixture.test`,
        displayName: "New",
        password: "a-long-password",
        roles: [{ role: "group_hr" }],
      },
    }),
    expect: { anonymous: 401, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/companies", request: () => ({ url: "/api/companies" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/companies",
    request: (_g, role) => ({
      url: "/api/companies",
      payload: {
        code: `NEW-${role}`,
        nameJa: "新会社",
        nameEn: "New Co",
        country: "JP",
        currency: "JPY",
        isDomestic: true,
      },
    }),
    expect: { anonymous: 401, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/grades",
    request: (g) => ({ url: `/api/grades?companyId=${g.companies.hq}` }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/positions",
    request: (g) => ({ url: `/api/positions?companyId=${g.companies.hq}` }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/job-categories",
    request: (g) => ({ url: `/api/job-categories?companyId=${g.companies.hq}` }),
    ...signedIn(200),
  },
  { method: "GET", route: "/api/org-chart", request: () => ({ url: "/api/org-chart" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/org-units",
    request: (g, role) => ({
      url: "/api/org-units",
      payload: {
        companyId: g.companies.hq,
        code: `U-${role}`,
        nameJa: "新部",
        nameEn: "New unit",
        parentOrgUnitId: g.units.root,
        validFrom: "2026-01-01",
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/org-units/:id",
    request: (g) => ({ url: `/api/org-units/${g.units.dev}` }),
    ...signedIn(200),
  },
  {
    method: "POST",
    route: "/api/org-units/:id/versions",
    request: (g, _role, index) => ({
      url: `/api/org-units/${g.units.sales}/versions`,
      payload: { nameEn: `Sales ${index}`, validFrom: `2027-01-0${index + 1}` },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/org-units/:id/members",
    request: (g) => ({ url: `/api/org-units/${g.units.dev1}/members` }),
    expect: { anonymous: 401, manager: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/people", request: () => ({ url: "/api/people" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/people",
    request: (g, _role, index) => ({
      url: "/api/people",
      payload: {
        familyName: "新",
        givenName: "人",
        gender: "female",
        employment: {
          companyId: g.companies.hq,
          employeeNumber: `N${index}`,
          hireDate: "2026-04-01",
          employmentType: "regular",
          assignment: { orgUnitId: g.units.sales },
        },
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/people/:id",
    request: (g) => ({ url: `/api/people/${g.people.emi}` }),
    expect: { anonymous: 401, employee: 200, manager: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/people/:id/sensitive",
    request: (g) => ({ url: `/api/people/${g.people.emi}/sensitive` }),
    expect: { anonymous: 401, employee: 200, hqHr: 200 },
    otherwise: 403,
  },
  {
    method: "PUT",
    route: "/api/people/:id/sensitive",
    request: (g) => ({
      url: `/api/people/${g.people.emi}/sensitive`,
      payload: { disabilityCategory: "physical", disabilitySevere: true },
    }),
    expect: { anonymous: 401, hqHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/people/:id/employments",
    request: (g, role) => ({
      url: `/api/people/${role === "groupHr" ? g.people.hana : g.people.emi}/employments`,
      payload: {
        companyId: g.companies.sub,
        employeeNumber: `T-${role}`,
        hireDate: "2030-01-01",
        employmentType: "contract",
      },
    }),
    expect: { anonymous: 401, subHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/employments/:id/termination",
    request: (g, _role, index) => ({
      url: `/api/employments/${g.employments.oto}/termination`,
      payload: { terminationDate: `2026-0${index + 1}-15`, terminationReason: "voluntary" },
    }),
    expect: { anonymous: 401, hqHr: 204, groupHr: 204 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/employments/:id/assignments",
    request: (g, _role, index) => ({
      url: `/api/employments/${g.employments.emi}/assignments`,
      payload: {
        kind: "secondary",
        orgUnitId: g.units.sales,
        fte: 0.2,
        validFrom: `202${index}-04-01`,
        validTo: `202${index}-09-30`,
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/audit",
    request: () => ({ url: "/api/audit" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  // import framework (issue 4): the :id rows use a missing id and check sign-in only; per-role rules are in
  // src/modules/import/import.routes.test.ts
  {
    method: "POST",
    route: "/api/imports",
    request: (g) => ({
      url: `/api/imports?kind=grades&companyId=${g.companies.hq}&dryRun=true&wait=true&fileName=grades.json`,
      payload: [{ code: "X1", nameJa: "試験", nameEn: "Test", rank: 99 }],
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/imports",
    request: () => ({ url: "/api/imports" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/imports/:id",
    request: () => ({ url: "/api/imports/999999" }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/imports/:id/cancel",
    request: () => ({ url: "/api/imports/999999/cancel" }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/imports/:id/errors.csv",
    request: () => ({ url: "/api/imports/999999/errors.csv" }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/imports/:id/changes",
    request: () => ({ url: "/api/imports/999999/changes" }),
    expect: { anonymous: 401, subHr: 404, hqHr: 404, groupHr: 404 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/import-changes",
    request: (g) => ({ url: `/api/import-changes?personId=${g.people.emi}` }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/import-kinds",
    request: () => ({ url: "/api/import-kinds" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/import-templates/:kind",
    request: () => ({ url: "/api/import-templates/persons?format=csv&lang=ja" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/import-mappings",
    request: () => ({ url: "/api/import-mappings" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/import-mappings",
    request: (g, role) => ({
      url: "/api/import-mappings",
      payload: { companyId: g.companies.hq, definition: { kind: "persons", name: `mapping ${role}` } },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/import-mappings/:id",
    request: () => ({ url: "/api/import-mappings/999999" }),
    ...signedIn(404),
  },
  {
    method: "PUT",
    route: "/api/import-mappings/:id",
    request: () => ({ url: "/api/import-mappings/999999", payload: { definition: { kind: "persons" } } }),
    ...signedIn(404),
  },
  {
    method: "DELETE",
    route: "/api/import-mappings/:id",
    request: () => ({ url: "/api/import-mappings/999999" }),
    ...signedIn(404),
  },
  // human-capital metrics and disclosure report (issue 5); per-role rules (managers' org units, sensitive
  // figures, hidden people) are in src/modules/disclosure/disclosure.routes.test.ts
  {
    method: "GET",
    route: "/api/metrics/definitions",
    request: () => ({ url: "/api/metrics/definitions" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/metrics/:metric",
    request: (g) => ({
      url: `/api/metrics/headcount?scope=company&companyId=${g.companies.hq}&fy=2025&by=gender`,
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/metrics/:metric/people",
    request: (g) => ({
      url: `/api/metrics/headcount/people?scope=company&companyId=${g.companies.hq}&fy=2025`,
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/reports/disclosure",
    request: (g) => ({ url: `/api/reports/disclosure?fy=2025&companyId=${g.companies.hq}` }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/reports/disclosure/publications",
    request: (g) => ({
      url: "/api/reports/disclosure/publications",
      payload: { fy: 2025, companyId: g.companies.hq },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/reports/disclosure/publications",
    request: (g) => ({ url: `/api/reports/disclosure/publications?companyId=${g.companies.hq}` }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/reports/disclosure/publications/:id",
    // the first publication of the row above (HQ, FY2025)
    request: () => ({ url: "/api/reports/disclosure/publications/1" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  // disclosure report exports, training report, group dashboard, figures' settings (issue 5, part 2)
  {
    method: "GET",
    route: "/api/reports/disclosure/export",
    request: (g) => ({
      url: `/api/reports/disclosure/export?fy=2025&companyId=${g.companies.hq}&format=csv`,
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/reports/training",
    request: (g) => ({ url: `/api/reports/training?fy=2025&companyId=${g.companies.hq}` }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/reports/dashboard",
    request: () => ({ url: "/api/reports/dashboard?fy=2025" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/metrics/settings",
    request: () => ({ url: "/api/metrics/settings" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "PUT",
    route: "/api/metrics/settings/small-group-threshold",
    request: () => ({
      url: "/api/metrics/settings/small-group-threshold",
      payload: { smallGroupThreshold: 5 },
    }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/metrics/group-applications",
    request: (g) => ({
      url: "/api/metrics/group-applications",
      payload: {
        code: "ACCESS-GA",
        nameJa: "グループ適用",
        nameEn: "Group application",
        parentCompanyId: g.companies.hq,
        validFrom: "2024-04-01",
        validTo: null,
        memberCompanyIds: [g.companies.sub],
      },
    }),
    expect: { anonymous: 401, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "PUT",
    route: "/api/metrics/group-applications/:id",
    // the application of the row above
    request: (g) => ({
      url: "/api/metrics/group-applications/1",
      payload: {
        code: "ACCESS-GA",
        nameJa: "グループ適用",
        nameEn: "Group application",
        parentCompanyId: g.companies.hq,
        validFrom: "2024-04-01",
        validTo: "2030-03-31",
        memberCompanyIds: [g.companies.sub],
      },
    }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "DELETE",
    route: "/api/metrics/group-applications/:id",
    request: () => ({ url: "/api/metrics/group-applications/999999" }),
    expect: { anonymous: 401, groupHr: 404 },
    otherwise: 403,
  },
  // ---- skills and learning (issue 6): in this order; load-onet creates skill categories 1-7 and skills 1-35,
  // and the first course, sessions, enrolments and certification get ids 1, 2 ... (the fixture has none).
  // By now Emi also has an employment at SUB (so SUB's HR is her HR too) and Oto has left HQ (rows above).
  {
    method: "GET",
    route: "/api/skills/scale",
    request: () => ({ url: "/api/skills/scale" }),
    ...signedIn(200),
  },
  {
    method: "PUT",
    route: "/api/skills/scale",
    request: () => ({
      url: "/api/skills/scale",
      payload: {
        currentLevelRule: "latest_confirmed",
        levels: [0, 1, 2, 3, 4, 5].map((level) => ({
          level,
          nameJa: `L${level}`,
          nameEn: `L${level}`,
          descriptionJa: "説明",
          descriptionEn: "meaning",
        })),
      },
    }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/skills/settings",
    request: () => ({ url: "/api/skills/settings" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "PUT",
    route: "/api/skills/settings",
    request: () => ({ url: "/api/skills/settings", payload: { certificationReminderDays: [90, 30] } }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/skills/load-onet",
    request: () => ({ url: "/api/skills/load-onet" }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/skill-categories",
    request: () => ({ url: "/api/skill-categories" }),
    ...signedIn(200),
  },
  {
    method: "POST",
    route: "/api/skill-categories",
    request: (g, role) => ({
      url: "/api/skill-categories",
      payload: { companyId: g.companies.hq, code: `C-${role}`, nameJa: "分類", nameEn: "Category" },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/skills", request: () => ({ url: "/api/skills" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/skills",
    request: (g, role) => ({
      url: "/api/skills",
      payload: {
        categoryId: 1,
        companyId: g.companies.hq,
        code: `S-${role}`,
        nameJa: "技能",
        nameEn: "Skill",
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/skills/heatmap",
    request: (g) => ({ url: `/api/skills/heatmap?orgUnitId=${g.units.dev1}` }),
    expect: { anonymous: 401, manager: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/skills/scarcity",
    request: () => ({ url: "/api/skills/scarcity" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/skills/:id", request: () => ({ url: "/api/skills/1" }), ...signedIn(200) },
  {
    method: "PATCH",
    route: "/api/skills/:id",
    request: () => ({ url: "/api/skills/1", payload: { descriptionEn: "Reading work documents." } }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/job-descriptions",
    request: (g) => ({ url: `/api/job-descriptions?companyId=${g.companies.hq}` }),
    ...signedIn(200),
  },
  // The fixture has no positions: these rows only show that a session is needed (the module tests cover the roles).
  {
    method: "GET",
    route: "/api/positions/:id/job-description",
    request: () => ({ url: "/api/positions/99999/job-description" }),
    ...signedIn(404),
  },
  {
    method: "PUT",
    route: "/api/positions/:id/skill-map",
    request: () => ({
      url: "/api/positions/99999/skill-map",
      payload: { validFrom: "2026-04-01", entries: [] },
    }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/positions/:id/skill-map/onet",
    request: () => ({ url: "/api/positions/99999/skill-map/onet", payload: { validFrom: "2026-04-01" } }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/people/:id/skills",
    request: (g) => ({ url: `/api/people/${g.people.emi}/skills` }),
    expect: { anonymous: 401, employee: 200, manager: 200, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/people/:id/skills/:skillId/assessments",
    request: (g) => ({ url: `/api/people/${g.people.emi}/skills/1/assessments` }),
    expect: { anonymous: 401, employee: 200, manager: 200, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/people/:id/assessments",
    request: (g, role) => ({
      url: `/api/people/${g.people.emi}/assessments`,
      payload: {
        skillId: 1,
        level: 2,
        source: role === "employee" ? "self" : role === "manager" || role === "other" ? "manager" : "hr",
      },
    }),
    expect: { anonymous: 401, employee: 201, manager: 201, subHr: 201, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/courses", request: () => ({ url: "/api/courses" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/courses",
    request: (_g, role) => ({
      url: "/api/courses",
      payload: {
        code: `K-${role}`,
        titleJa: "講座",
        titleEn: "Course",
        kind: "role",
        delivery: "classroom",
        durationDays: 1,
        durationHours: 7,
      },
    }),
    expect: { anonymous: 401, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/courses/:id", request: () => ({ url: "/api/courses/1" }), ...signedIn(200) },
  {
    method: "PATCH",
    route: "/api/courses/:id",
    request: () => ({ url: "/api/courses/1", payload: { titleEn: "Course in practice" } }),
    expect: { anonymous: 401, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/courses/:id/sessions",
    request: (g) => ({
      url: "/api/courses/1/sessions",
      payload: { companyId: g.companies.hq, startsOn: "2990-04-01", endsOn: "2990-04-02", capacity: 5 },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/enrolments",
    request: () => ({ url: "/api/enrolments", payload: { courseId: 1, sessionId: 1 } }),
    // Everyone employed asks for a place (enrolments 1-4: Emi, Mana, Sam, Hana); Oto has left, group HR has no person.
    expect: { anonymous: 401, other: 400, groupHr: 400 },
    otherwise: 201,
  },
  {
    method: "POST",
    route: "/api/courses/:id/assignments",
    request: (g) => ({
      url: "/api/courses/1/assignments",
      payload: { companyId: g.companies.hq, personIds: [g.people.hana], sessionId: 2 },
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/sessions/:id/roster",
    request: () => ({ url: "/api/sessions/1/roster" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "PATCH",
    route: "/api/sessions/:id",
    request: () => ({ url: "/api/sessions/1", payload: { capacity: 6, place: "本社 5F" } }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/learning/certifications/expiring",
    request: () => ({ url: "/api/learning/certifications/expiring" }),
    expect: { anonymous: 401, employee: 403, other: 403 },
    otherwise: 200,
  },
  {
    method: "POST",
    route: "/api/enrolments/:id/decision",
    request: () => ({ url: "/api/enrolments/1/decision", payload: { approve: true } }),
    // Emi's request: her manager approves it; HR then finds it decided.
    expect: { anonymous: 401, manager: 200, subHr: 409, hqHr: 409, groupHr: 409 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/enrolments/:id/cancel",
    request: () => ({ url: "/api/enrolments/2/cancel" }),
    // Mana's own request: she withdraws it; HQ's HR then finds it cancelled.
    expect: { anonymous: 401, manager: 200, hqHr: 409, groupHr: 409 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/enrolments/:id/completion",
    request: () => ({
      url: "/api/enrolments/1/completion",
      payload: { completed: true, completedOn: "2026-01-05" },
    }),
    // Only HR records attendance; the session has not started, so HR is told the date is wrong.
    expect: { anonymous: 401, subHr: 400, hqHr: 400, groupHr: 400 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/learning/approvals",
    request: () => ({ url: "/api/learning/approvals" }),
    expect: { anonymous: 401, employee: 403, other: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/learning/overdue",
    request: () => ({ url: "/api/learning/overdue" }),
    expect: { anonymous: 401, employee: 403, other: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/people/:id/learning",
    request: (g) => ({ url: `/api/people/${g.people.emi}/learning` }),
    expect: { anonymous: 401, employee: 200, manager: 200, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/certifications",
    request: () => ({ url: "/api/certifications" }),
    ...signedIn(200),
  },
  {
    method: "POST",
    route: "/api/certifications",
    request: (_g, role) => ({
      url: "/api/certifications",
      payload: { code: `CERT-${role}`, nameJa: "資格", nameEn: "Certification", validityMonths: 36 },
    }),
    expect: { anonymous: 401, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/people/:id/certifications",
    request: (g, _role, index) => ({
      url: `/api/people/${g.people.emi}/certifications`,
      payload: { certificationId: 1, obtainedOn: `2024-0${index + 1}-01` },
    }),
    expect: { anonymous: 401, employee: 201, subHr: 201, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/ojt/pairs", request: () => ({ url: "/api/ojt/pairs" }), ...signedIn(200) },
  {
    method: "POST",
    route: "/api/ojt/pairs",
    request: (g) => ({
      url: "/api/ojt/pairs",
      payload: { traineePersonId: g.people.emi, trainerPersonId: g.people.oto, validFrom: "2026-04-01" },
    }),
    // Oto has not taken the OJT trainer training: HR is told so.
    expect: { anonymous: 401, hqHr: 400, groupHr: 400 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/ojt/pairs/:id",
    request: () => ({ url: "/api/ojt/pairs/99999" }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/ojt/pairs/:id/goals",
    request: () => ({ url: "/api/ojt/pairs/99999/goals", payload: { title: "Goal" } }),
    ...signedIn(404),
  },
  {
    method: "PATCH",
    route: "/api/ojt/goals/:id",
    request: () => ({ url: "/api/ojt/goals/99999", payload: { status: "achieved" } }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/ojt/pairs/:id/checkins",
    request: () => ({
      url: "/api/ojt/pairs/99999/checkins",
      payload: { heldOn: "2026-05-01", progress: "Progress" },
    }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/ojt/pairs/:id/review",
    request: () => ({
      url: "/api/ojt/pairs/99999/review",
      payload: { reviewedOn: "2027-03-31", reviewNote: "Review" },
    }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/ojt/figures",
    request: () => ({ url: "/api/ojt/figures?fiscalYear=2025" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/ojt/trainers",
    request: (g) => ({ url: `/api/ojt/trainers?companyId=${g.companies.hq}` }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  // ---- careers: work history, consent, career reports, notifications (issue 7, M1)
  {
    method: "GET",
    route: "/api/work-history",
    request: () => ({ url: "/api/work-history" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "POST",
    route: "/api/work-history",
    request: () => ({
      url: "/api/work-history",
      payload: { periodFrom: "2021-04-01", periodTo: null, organisation: "Project", role: "Member" },
    }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 201,
  },
  {
    method: "POST",
    route: "/api/work-history/fill-from-assignments",
    request: () => ({ url: "/api/work-history/fill-from-assignments" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "PUT",
    route: "/api/work-history/:id",
    request: () => ({
      url: "/api/work-history/99999",
      payload: { periodFrom: "2021-04-01", organisation: "Project", role: "Member" },
    }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 404,
  },
  {
    method: "DELETE",
    route: "/api/work-history/:id",
    request: () => ({ url: "/api/work-history/99999" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 404,
  },
  {
    method: "GET",
    route: "/api/people/:id/work-history",
    request: (g) => ({ url: `/api/people/${g.people.emi}/work-history` }),
    // subHr: an earlier case gives Emi an employment at SUB.
    expect: { anonymous: 401, employee: 200, manager: 200, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 404,
  },
  {
    method: "GET",
    route: "/api/scouting-consent",
    request: () => ({ url: "/api/scouting-consent" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/scouting-consent/options",
    request: () => ({ url: "/api/scouting-consent/options" }),
    ...signedIn(200),
  },
  {
    method: "PUT",
    route: "/api/scouting-consent",
    request: () => ({ url: "/api/scouting-consent", payload: { allCompanies: true } }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "DELETE",
    route: "/api/scouting-consent",
    request: () => ({ url: "/api/scouting-consent" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/career-cycles",
    request: () => ({ url: "/api/career-cycles" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/career-cycles",
    request: (g, _role, index) => ({
      url: "/api/career-cycles",
      payload: {
        companyId: g.companies.hq,
        fiscalYear: 2030 + index,
        opensOn: "2030-06-01",
        dueOn: "2030-06-30",
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  {
    method: "PATCH",
    route: "/api/career-cycles/:id",
    request: () => ({ url: "/api/career-cycles/99999", payload: { status: "open" } }),
    ...signedIn(404),
  },
  {
    method: "PUT",
    route: "/api/career-cycles/:id/my-report",
    request: () => ({ url: "/api/career-cycles/99999/my-report", payload: {} }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 404,
  },
  {
    method: "GET",
    route: "/api/career-reports/wish-options",
    request: () => ({ url: "/api/career-reports/wish-options" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/career-reports/mine",
    request: () => ({ url: "/api/career-reports/mine" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/career-reports/manager-queue",
    request: () => ({ url: "/api/career-reports/manager-queue" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/career-reports",
    request: (g) => ({ url: `/api/career-reports?companyId=${g.companies.hq}` }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/career-reports/:id",
    request: () => ({ url: "/api/career-reports/99999" }),
    ...signedIn(404),
  },
  {
    method: "POST",
    route: "/api/career-reports/:id/submit",
    request: () => ({ url: "/api/career-reports/99999/submit" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 404,
  },
  {
    method: "PUT",
    route: "/api/career-reports/:id/manager-comment",
    request: () => ({ url: "/api/career-reports/99999/manager-comment", payload: { comment: "Good" } }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/notifications",
    request: () => ({ url: "/api/notifications" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/notifications/unread-count",
    request: () => ({ url: "/api/notifications/unread-count" }),
    ...signedIn(200),
  },
  {
    method: "POST",
    route: "/api/notifications/read-all",
    request: () => ({ url: "/api/notifications/read-all" }),
    ...signedIn(200),
  },
  {
    method: "POST",
    route: "/api/notifications/:id/read",
    request: () => ({ url: "/api/notifications/99999/read" }),
    ...signedIn(404),
  },
  // ---- end of careers (issue 7, M1)
  // ---- postings and applications (issue 7, M2): posting 1 is created, opened, applied to and closed in order
  {
    method: "POST",
    route: "/api/postings",
    request: (g) => ({
      url: "/api/postings",
      payload: {
        companyId: g.companies.hq,
        orgUnitId: g.units.sales,
        kind: "transfer",
        titleJa: "営業",
        titleEn: "Sales",
      },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  { method: "GET", route: "/api/postings", request: () => ({ url: "/api/postings" }), ...signedIn(200) },
  {
    method: "GET",
    route: "/api/postings/:id",
    request: () => ({ url: "/api/postings/1" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 404,
  },
  {
    method: "PATCH",
    route: "/api/postings/:id",
    request: () => ({ url: "/api/postings/1", payload: { location: "Osaka" } }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/postings/:id/open",
    request: () => ({ url: "/api/postings/1/open" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 409 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/postings/:id/applications",
    request: () => ({ url: "/api/postings/1/applications", payload: { motivation: "" } }),
    // Oto already works in SALES; group HR's account has no person
    expect: { anonymous: 401, other: 400, groupHr: 400 },
    otherwise: 201,
  },
  {
    method: "GET",
    route: "/api/postings/:id/applications",
    request: () => ({ url: "/api/postings/1/applications" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/postings/:id/close",
    request: () => ({ url: "/api/postings/1/close" }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 409 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/applications",
    request: () => ({ url: "/api/applications" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/applications/:id",
    // application 1 is the employee's: the manager is not told before the release step
    request: () => ({ url: "/api/applications/1" }),
    expect: { anonymous: 401, employee: 200, hqHr: 200, groupHr: 200 },
    otherwise: 404,
  },
  ...(["advance", "reject", "withdraw", "decline", "release", "confirm"] as const).map(
    (step): Case => ({
      method: "POST",
      route: `/api/applications/:id/${step}`,
      request: () => ({
        url: `/api/applications/99999/${step}`,
        payload: step === "confirm" ? { effectiveOn: "2099-04-01" } : {},
      }),
      ...signedIn(404),
    }),
  ),
  {
    method: "GET",
    route: "/api/mobility/settings/:companyId",
    request: (g) => ({ url: `/api/mobility/settings/${g.companies.hq}` }),
    ...signedIn(200),
  },
  {
    method: "PUT",
    route: "/api/mobility/settings/:companyId",
    request: (g) => ({
      url: `/api/mobility/settings/${g.companies.hq}`,
      payload: { applicationSteps: ["in_review"] },
    }),
    expect: { anonymous: 401, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  // ---- end of postings and applications (issue 7, M2)
  // ---- end of skills and learning (issue 6)
  // ---- matching, scouting, rotation, mobility figures (issue 7, M3): no recruiter among these roles, no posting 999999
  ...(
    [
      ["GET", "/api/matching/postings/:id/candidates", "/api/matching/postings/999999/candidates"],
      [
        "GET",
        "/api/matching/postings/:id/candidates/:personId",
        "/api/matching/postings/999999/candidates/1",
      ],
      ["GET", "/api/scouting/postings/:id/scouts", "/api/scouting/postings/999999/scouts"],
      ["POST", "/api/scouts/:id/accept", "/api/scouts/999999/accept"],
      ["POST", "/api/scouts/:id/decline", "/api/scouts/999999/decline"],
      ["POST", "/api/scouts/:id/withdraw", "/api/scouts/999999/withdraw"],
    ] as const
  ).map(
    ([method, route, url]): Case => ({
      method,
      route,
      request: () => ({ url, ...(method === "POST" ? { payload: {} } : {}) }),
      ...signedIn(404),
    }),
  ),
  {
    method: "POST",
    route: "/api/scouts",
    request: (g) => ({
      url: "/api/scouts",
      payload: { postingId: 999999, personId: g.people.emi, message: "Hi" },
    }),
    ...signedIn(404),
  },
  {
    method: "GET",
    route: "/api/matching/me/postings",
    request: () => ({ url: "/api/matching/me/postings" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 200,
  },
  {
    method: "GET",
    route: "/api/matching/me/postings/:id",
    request: () => ({ url: "/api/matching/me/postings/999999" }),
    expect: { anonymous: 401, groupHr: 403 },
    otherwise: 404,
  },
  {
    method: "GET",
    route: "/api/scouting/search",
    request: () => ({ url: "/api/scouting/search?q=abc" }),
    ...signedIn(403),
  },
  {
    method: "GET",
    route: "/api/scouting/postings",
    request: () => ({ url: "/api/scouting/postings" }),
    ...signedIn(403),
  },
  {
    method: "GET",
    route: "/api/scouts/mine",
    request: () => ({ url: "/api/scouts/mine" }),
    ...signedIn(200),
  },
  {
    method: "GET",
    route: "/api/mobility/figures",
    request: () => ({ url: "/api/mobility/figures?fy=2025" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "GET",
    route: "/api/rotation/plans",
    request: () => ({ url: "/api/rotation/plans" }),
    expect: { anonymous: 401, subHr: 200, hqHr: 200, groupHr: 200 },
    otherwise: 403,
  },
  {
    method: "POST",
    route: "/api/rotation/plans",
    request: (g) => ({
      url: "/api/rotation/plans",
      payload: { name: "Access", companyId: g.companies.hq, effectiveOn: "2999-04-01" },
    }),
    expect: { anonymous: 401, hqHr: 201, groupHr: 201 },
    otherwise: 403,
  },
  ...(
    [
      ["GET", "/api/rotation/plans/:id", "/api/rotation/plans/999999"],
      ["POST", "/api/rotation/plans/:id/moves", "/api/rotation/plans/999999/moves"],
      ["DELETE", "/api/rotation/plans/:id/moves/:moveId", "/api/rotation/plans/999999/moves/1"],
      ["POST", "/api/rotation/plans/:id/approve", "/api/rotation/plans/999999/approve"],
      ["POST", "/api/rotation/plans/:id/commit", "/api/rotation/plans/999999/commit"],
      ["POST", "/api/rotation/plans/:id/discard", "/api/rotation/plans/999999/discard"],
    ] as const
  ).map(
    ([method, route, url]): Case => ({
      method,
      route,
      request: (g) => ({
        url,
        ...(route.endsWith("/moves")
          ? { payload: { personId: g.people.emi, toOrgUnitId: g.units.dev } }
          : {}),
      }),
      expect: { anonymous: 401, subHr: 404, hqHr: 404, groupHr: 404 },
      otherwise: 403,
    }),
  ),
  {
    method: "PATCH",
    route: "/api/rotation/plans/:id",
    request: () => ({ url: "/api/rotation/plans/999999", payload: { name: "Renamed" } }),
    expect: { anonymous: 401, subHr: 404, hqHr: 404, groupHr: 404 },
    otherwise: 403,
  },
  // ---- end of matching, scouting, rotation, mobility figures (issue 7, M3)
];

describe.each(TEST_ENGINES)("access to every route on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let group: AccessGroup;
  const cookies = new Map<TestRole, string>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const seeded = await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
    for (const role of ROLES) {
      if (role !== "anonymous") cookies.set(role, await signIn(app, EMAILS[role], FIXTURE_PASSWORD));
    }
    const employmentOf = async (personId: number) => {
      const response = await app.inject({
        method: "GET",
        url: `/api/people/${personId}`,
        headers: { cookie: cookies.get("groupHr")! },
      });
      return (response.json() as { employments: { id: number }[] }).employments[0]!.id;
    };
    group = {
      ...seeded,
      employments: { emi: await employmentOf(seeded.people.emi), oto: await employmentOf(seeded.people.oto) },
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it("covers every /api route", () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    const missing = app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });

  for (const testCase of CASES) {
    it(`${testCase.method} ${testCase.route}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const [index, role] of ROLES.entries()) {
        const { url, payload } = testCase.request(group, role, index);
        const cookie = cookies.get(role);
        const response = await app.inject({
          method: testCase.method,
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
          ...(cookie && testCase.route !== "/api/auth/logout" ? { headers: { cookie } } : {}),
        });
        outcomes[role] = response.statusCode;
        expected[role] = testCase.expect[role] ?? testCase.otherwise;
        if (response.statusCode >= 400) {
          expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it("scopes the directory: employee sees self, manager their units, company HR their company", async () => {
    const idsFor = async (role: TestRole) => {
      const response = await app.inject({
        method: "GET",
        url: "/api/people?limit=200",
        headers: { cookie: cookies.get(role)! },
      });
      return (response.json() as { items: { id: number }[] }).items.map((p) => p.id).sort((a, b) => a - b);
    };
    const { mana, emi, hana, sam } = group.people;
    expect(await idsFor("employee")).toEqual([emi]);
    expect(await idsFor("manager")).toEqual([mana, emi].sort((a, b) => a - b));
    expect(await idsFor("subHr")).toContain(sam);
    expect(await idsFor("subHr")).not.toContain(emi);
    expect(await idsFor("hqHr")).toContain(hana);
    expect(await idsFor("hqHr")).not.toContain(sam);
  });

  it("audits reads of sensitive attributes", async () => {
    await app.inject({
      method: "GET",
      url: `/api/people/${group.people.emi}/sensitive`,
      headers: { cookie: cookies.get("hqHr")! },
    });
    const response = await app.inject({
      method: "GET",
      url: "/api/audit?entity=person",
      headers: { cookie: cookies.get("groupHr")! },
    });
    const reads = (
      response.json() as { items: { action: string; entityId: string; userEmail: string }[] }
    ).items.filter((entry) => entry.action === "person.sensitive.read");
    expect(reads[0]).toMatchObject({ entityId: String(group.people.emi), userEmail: "hq-hr@fixture.test" });
  });
});
