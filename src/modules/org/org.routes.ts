import {
  ZAsOfQuery,
  ZCompany,
  ZCompanyList,
  ZCompanyQuery,
  ZCreateCompanyRequest,
  ZCreateOrgUnitRequest,
  ZGradeList,
  ZIdParams,
  ZJobCategoryList,
  ZOrgChartQuery,
  ZOrgChartResponse,
  ZOrgUnitDetail,
  ZOrgUnitMembersResponse,
  ZPositionList,
  ZReorganizeOrgUnitRequest,
} from "../../shared/api";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import {
  createCompany,
  createOrgUnit,
  gradesOf,
  jobCategoriesOf,
  listCompanies,
  membersOf,
  orgChart,
  orgUnitHistory,
  positionsOf,
  reorganizeOrgUnit,
} from "./org.service";

const tags = ["organisation"];

export function registerOrgRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;
  const user = { access: "user" as const };

  app.get(
    "/api/companies",
    { config: user, schema: { tags, summary: "The group's companies", response: { 200: ZCompanyList } } },
    async (request) => ({ items: await listCompanies(db, requireActor(request)) }),
  );

  app.post(
    "/api/companies",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a group company (group HR)",
        body: ZCreateCompanyRequest,
        response: { 201: ZCompany },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCompany(db, requireActor(request), request.body)),
  );

  app.get(
    "/api/grades",
    {
      config: user,
      schema: {
        tags,
        summary: "A company's grade ladder",
        querystring: ZCompanyQuery,
        response: { 200: ZGradeList },
      },
    },
    async (request) => ({ items: await gradesOf(db, requireActor(request), request.query.companyId) }),
  );

  app.get(
    "/api/positions",
    {
      config: user,
      schema: {
        tags,
        summary: "A company's positions",
        querystring: ZCompanyQuery,
        response: { 200: ZPositionList },
      },
    },
    async (request) => ({ items: await positionsOf(db, requireActor(request), request.query.companyId) }),
  );

  app.get(
    "/api/job-categories",
    {
      config: user,
      schema: {
        tags,
        summary: "A company's job categories",
        querystring: ZCompanyQuery,
        response: { 200: ZJobCategoryList },
      },
    },
    async (request) => ({ items: await jobCategoriesOf(db, requireActor(request), request.query.companyId) }),
  );

  app.get(
    "/api/org-chart",
    {
      config: user,
      schema: {
        tags,
        summary: "The org chart on a date: one company, or the whole group when companyId is omitted",
        querystring: ZOrgChartQuery,
        response: { 200: ZOrgChartResponse },
      },
    },
    async (request) => orgChart(db, requireActor(request), request.query),
  );

  app.post(
    "/api/org-units",
    {
      config: user,
      schema: {
        tags,
        summary: "Create an org unit (company HR)",
        body: ZCreateOrgUnitRequest,
        response: { 201: ZOrgUnitDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrgUnit(db, requireActor(request), request.body)),
  );

  app.get(
    "/api/org-units/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "An org unit's versions",
        params: ZIdParams,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (request) => orgUnitHistory(db, requireActor(request), request.params.id),
  );

  app.post(
    "/api/org-units/:id/versions",
    {
      config: user,
      schema: {
        tags,
        summary: "Reorganise: a new version of the unit from a date (company HR)",
        params: ZIdParams,
        body: ZReorganizeOrgUnitRequest,
        response: { 201: ZOrgUnitDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reorganizeOrgUnit(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/api/org-units/:id/members",
    {
      config: user,
      schema: {
        tags,
        summary: "People assigned to the unit on a date (HR, and managers of the unit)",
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZOrgUnitMembersResponse },
      },
    },
    async (request) => membersOf(db, requireActor(request), request.params.id, request.query.asOf),
  );
}
