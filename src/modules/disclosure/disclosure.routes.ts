import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import {
  ZDisclosureReport,
  ZDrillQuery,
  ZDrillResponse,
  ZFigureQuery,
  ZFigureResult,
  ZMetricDefinitionList,
  ZMetricParams,
  ZPublicationDetail,
  ZPublicationList,
  ZPublicationListQuery,
  ZPublicationSummary,
  ZPublishRequest,
  ZReportQuery,
} from "../../shared/metrics-api";
import { ZReportExportQuery } from "../../shared/metrics-reports-api";
import { exportDisclosureReport } from "./export.service";
import { computeFigure, drillDownFigure, metricDefinitions } from "./figures.service";
import { getDisclosureReport, getPublication, listPublications, publishReport } from "./report.service";
import { registerReportExtraRoutes } from "./reports-extra.routes";

const tags = ["metrics"];

/** Human-capital figures, their drill-downs and the disclosure report (docs/metrics.md). */
export function registerDisclosureRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps.database;
  registerReportExtraRoutes(app, deps);
  const user = { access: "user" as const };

  app.get(
    "/api/metrics/definitions",
    {
      config: user,
      schema: {
        tags,
        summary: "Every metric definition with its documentation",
        response: { 200: ZMetricDefinitionList },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: metricDefinitions() };
    },
  );

  app.get(
    "/api/metrics/:metric",
    {
      config: user,
      schema: {
        tags,
        summary: "A figure for a scope and a date (asOf) or fiscal year (fy), optionally broken down (by)",
        params: ZMetricParams,
        querystring: ZFigureQuery,
        response: { 200: ZFigureResult },
      },
    },
    async (request) => computeFigure(db, requireActor(request), request.params.metric, request.query),
  );

  app.get(
    "/api/metrics/:metric/people",
    {
      config: user,
      schema: {
        tags,
        summary: "The people a figure counted (part=numerator|denominator) or left out (part=excluded)",
        params: ZMetricParams,
        querystring: ZDrillQuery,
        response: { 200: ZDrillResponse },
      },
    },
    async (request) => drillDownFigure(db, requireActor(request), request.params.metric, request.query),
  );

  app.get(
    "/api/reports/disclosure",
    {
      config: user,
      schema: {
        tags,
        summary: "The disclosure report for a fiscal year: the group, or one company (companyId)",
        querystring: ZReportQuery,
        response: { 200: ZDisclosureReport },
      },
    },
    async (request) =>
      getDisclosureReport(db, requireActor(request), request.query.fy, request.query.companyId ?? null),
  );

  app.get(
    "/api/reports/disclosure/export",
    {
      config: user,
      schema: {
        tags,
        summary:
          "The disclosure report as a file: format=json|csv|xlsx|pdf, lang=en|ja; fy or asOf and companyId, or publicationId (frozen figures)",
        querystring: ZReportExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportDisclosureReport(db, requireActor(request), request.query);
      return reply
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "no-store")
        .type(file.contentType)
        .send(file.body);
    },
  );

  app.post(
    "/api/reports/disclosure/publications",
    {
      config: user,
      schema: {
        tags,
        summary: "Publish the report: freeze its figures with a hash of the records they came from",
        body: ZPublishRequest,
        response: { 201: ZPublicationSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishReport(db, requireActor(request), request.body)),
  );

  app.get(
    "/api/reports/disclosure/publications",
    {
      config: user,
      schema: {
        tags,
        summary: "Published versions (the group's with group=true, a company's with companyId)",
        querystring: ZPublicationListQuery,
        response: { 200: ZPublicationList },
      },
    },
    async (request) => ({ items: await listPublications(db, requireActor(request), request.query) }),
  );

  app.get(
    "/api/reports/disclosure/publications/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A published report as frozen, and what would change if it were computed today",
        params: ZIdParams,
        response: { 200: ZPublicationDetail },
      },
    },
    async (request) => getPublication(db, requireActor(request), request.params.id),
  );
}
