/** The training report, the group dashboard and the figures' settings (docs/metrics.md). */
import { z } from "zod";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import { ZReportQuery } from "../../shared/metrics-api";
import {
  ZDashboardQuery,
  ZGroupApplication,
  ZGroupApplicationInput,
  ZGroupDashboard,
  ZMetricSettings,
  ZThresholdInput,
  ZTrainingReport,
} from "../../shared/metrics-reports-api";
import { groupDashboard } from "./dashboard.service";
import {
  createApplication,
  getMetricSettings,
  removeApplication,
  updateApplication,
  updateSmallGroupThreshold,
} from "./settings.service";
import { trainingReport } from "./training-report.service";

const tags = ["metrics"];

export function registerReportExtraRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;
  const user = { access: "user" as const };

  app.get(
    "/api/reports/training",
    {
      config: user,
      schema: {
        tags,
        summary: "The training figures of a fiscal year: the group, or one company (companyId)",
        querystring: ZReportQuery,
        response: { 200: ZTrainingReport },
      },
    },
    async (request) =>
      trainingReport(db, requireActor(request), request.query.fy, request.query.companyId ?? null),
  );

  app.get(
    "/api/reports/dashboard",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: every company's figures side by side for a fiscal year, outliers marked",
        querystring: ZDashboardQuery,
        response: { 200: ZGroupDashboard },
      },
    },
    async (request) => groupDashboard(db, requireActor(request), request.query.fy),
  );

  app.get(
    "/api/metrics/settings",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: the small-group threshold and the disability group applications",
        response: { 200: ZMetricSettings },
      },
    },
    async (request) => getMetricSettings(db, requireActor(request)),
  );

  app.put(
    "/api/metrics/settings/small-group-threshold",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: sensitive figures counting fewer people than this are withheld",
        body: ZThresholdInput,
        response: { 200: ZMetricSettings },
      },
    },
    async (request) => updateSmallGroupThreshold(db, requireActor(request), request.body.smallGroupThreshold),
  );

  app.post(
    "/api/metrics/group-applications",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: configure a group application of the disability employment quota",
        body: ZGroupApplicationInput,
        response: { 201: ZGroupApplication },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApplication(db, requireActor(request), request.body)),
  );

  app.put(
    "/api/metrics/group-applications/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: change a group application (members, period, names)",
        params: ZIdParams,
        body: ZGroupApplicationInput,
        response: { 200: ZGroupApplication },
      },
    },
    async (request) => updateApplication(db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/metrics/group-applications/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Group HR: remove a group application",
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeApplication(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
