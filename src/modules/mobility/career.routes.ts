import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import {
  ZCareerCycle,
  ZCareerCycleList,
  ZCareerCycleQuery,
  ZCareerReport,
  ZCareerReportList,
  ZCareerReportListQuery,
  ZCareerReportQueue,
  ZCareerWishOptions,
  ZCreateCareerCycleRequest,
  ZManagerCommentRequest,
  ZMyCareerReports,
  ZSaveCareerReportRequest,
  ZUpdateCareerCycleRequest,
} from "../../shared/careers-api";
import {
  careerWishOptions,
  commentCareerReport,
  getCareerReport,
  listCareerReports,
  managerCareerQueue,
  myCareerReports,
  saveMyCareerReport,
  submitCareerReport,
} from "./career.service";
import { createCycle, listCycles, updateCycle } from "./career-cycles.service";

const tags = ["careers"];
const user = { access: "user" as const };

/** Career-report cycles and reports (issue 7). */
export function registerCareerRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/career-cycles",
    {
      config: user,
      schema: {
        tags,
        summary: "Career-report cycles of the companies the caller is HR for",
        querystring: ZCareerCycleQuery,
        response: { 200: ZCareerCycleList },
      },
    },
    async (request) => ({ items: await listCycles(db, requireActor(request), request.query.companyId) }),
  );
  app.post(
    "/api/career-cycles",
    {
      config: user,
      schema: {
        tags,
        summary: "Create a company's yearly career-report cycle (company HR)",
        body: ZCreateCareerCycleRequest,
        response: { 201: ZCareerCycle },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCycle(db, requireActor(request), request.body)),
  );
  app.patch(
    "/api/career-cycles/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Open or close a cycle, or change its due date and reminder days (company HR)",
        params: ZIdParams,
        body: ZUpdateCareerCycleRequest,
        response: { 200: ZCareerCycle },
      },
    },
    async (request) => updateCycle(db, requireActor(request), request.params.id, request.body),
  );
  app.put(
    "/api/career-cycles/:id/my-report",
    {
      config: user,
      schema: {
        tags,
        summary: "Write or rewrite the caller's draft career report for an open cycle",
        params: ZIdParams,
        body: ZSaveCareerReportRequest,
        response: { 200: ZCareerReport },
      },
    },
    async (request) => saveMyCareerReport(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/api/career-reports/mine",
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's open cycles and all their career reports",
        response: { 200: ZMyCareerReports },
      },
    },
    async (request) => myCareerReports(db, requireActor(request)),
  );
  app.get(
    "/api/career-reports/wish-options",
    {
      config: user,
      schema: {
        tags,
        summary: "The choices of the career-report form: the group's job categories",
        response: { 200: ZCareerWishOptions },
      },
    },
    async (request) => careerWishOptions(db, requireActor(request)),
  );
  app.get(
    "/api/career-reports/manager-queue",
    {
      config: user,
      schema: {
        tags,
        summary: "Career reports submitted to the caller as manager",
        response: { 200: ZCareerReportQueue },
      },
    },
    async (request) => ({ items: await managerCareerQueue(db, requireActor(request)) }),
  );
  app.get(
    "/api/career-reports",
    {
      config: user,
      schema: {
        tags,
        summary:
          "A company's submitted career reports for a fiscal year, with filters and a summary (HR; audited)",
        querystring: ZCareerReportListQuery,
        response: { 200: ZCareerReportList },
      },
    },
    async (request) => listCareerReports(db, requireActor(request), request.query),
  );
  app.get(
    "/api/career-reports/:id",
    {
      config: user,
      schema: {
        tags,
        summary:
          "A career report (the employee; the manager at submission and HR once submitted; HR reads audited)",
        params: ZIdParams,
        response: { 200: ZCareerReport },
      },
    },
    async (request) => getCareerReport(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/career-reports/:id/submit",
    {
      config: user,
      schema: {
        tags,
        summary: "Submit the caller's career report to their manager and HR",
        params: ZIdParams,
        response: { 200: ZCareerReport },
      },
    },
    async (request) => submitCareerReport(db, requireActor(request), request.params.id),
  );
  app.put(
    "/api/career-reports/:id/manager-comment",
    {
      config: user,
      schema: {
        tags,
        summary: "Add or change the manager's comments (the manager the report was submitted to)",
        params: ZIdParams,
        body: ZManagerCommentRequest,
        response: { 200: ZCareerReport },
      },
    },
    async (request) =>
      commentCareerReport(db, requireActor(request), request.params.id, request.body.comment),
  );
}
