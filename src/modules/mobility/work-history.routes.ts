import { z } from "zod";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import {
  ZFillFromAssignmentsResponse,
  ZGrantScoutingConsentRequest,
  ZScoutingConsentState,
  ZScoutingScopeOptions,
  ZWorkHistory,
  ZWorkHistoryEntry,
  ZWorkHistoryEntryRequest,
} from "../../shared/careers-api";
import {
  grantScoutingConsent,
  myScoutingConsent,
  scoutingScopeOptions,
  withdrawScoutingConsent,
} from "./consent.service";
import {
  addWorkHistoryEntry,
  deleteWorkHistoryEntry,
  fillFromAssignments,
  myWorkHistory,
  updateWorkHistoryEntry,
  workHistoryOf,
} from "./work-history.service";

const tags = ["careers"];
const user = { access: "user" as const };

/** Work-history records and scouting consent (issue 7). */
export function registerWorkHistoryRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/work-history",
    {
      config: user,
      schema: { tags, summary: "The caller's work-history record", response: { 200: ZWorkHistory } },
    },
    async (request) => myWorkHistory(db, requireActor(request)),
  );
  app.post(
    "/api/work-history",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a project or role to the caller's work history",
        body: ZWorkHistoryEntryRequest,
        response: { 201: ZWorkHistoryEntry },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addWorkHistoryEntry(db, requireActor(request), request.body)),
  );
  app.post(
    "/api/work-history/fill-from-assignments",
    {
      config: user,
      schema: {
        tags,
        summary: "Add the caller's assignments (from Tekizai's history) not yet in the record",
        response: { 200: ZFillFromAssignmentsResponse },
      },
    },
    async (request) => fillFromAssignments(db, requireActor(request)),
  );
  app.put(
    "/api/work-history/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Change one of the caller's work-history entries",
        params: ZIdParams,
        body: ZWorkHistoryEntryRequest,
        response: { 200: ZWorkHistoryEntry },
      },
    },
    async (request) => updateWorkHistoryEntry(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    "/api/work-history/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Delete one of the caller's work-history entries",
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteWorkHistoryEntry(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/people/:id/work-history",
    {
      config: user,
      schema: {
        tags,
        summary:
          "A person's work history (self, managers, HR; recruiters only while the person's consent covers them)",
        params: ZIdParams,
        response: { 200: ZWorkHistory },
      },
    },
    async (request) => workHistoryOf(db, requireActor(request), request.params.id),
  );

  app.get(
    "/api/scouting-consent",
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's scouting consent and its history",
        response: { 200: ZScoutingConsentState },
      },
    },
    async (request) => myScoutingConsent(db, requireActor(request)),
  );
  app.get(
    "/api/scouting-consent/options",
    {
      config: user,
      schema: {
        tags,
        summary: "Companies and recruiting divisions a consent can name",
        response: { 200: ZScoutingScopeOptions },
      },
    },
    async () => scoutingScopeOptions(db),
  );
  app.put(
    "/api/scouting-consent",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Give or change the caller's consent to be scouted (all companies, some companies or divisions)",
        body: ZGrantScoutingConsentRequest,
        response: { 200: ZScoutingConsentState },
      },
    },
    async (request) => grantScoutingConsent(db, requireActor(request), request.body),
  );
  app.delete(
    "/api/scouting-consent",
    {
      config: user,
      schema: {
        tags,
        summary: "Withdraw the caller's scouting consent (immediate effect)",
        response: { 200: ZScoutingConsentState },
      },
    },
    async (request) => withdrawScoutingConsent(db, requireActor(request)),
  );
}
