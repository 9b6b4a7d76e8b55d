/** Routes of matching and scouting (issue 7, M3): validation only; the rules are in the services. */
import { z } from "zod";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZId, ZIdParams } from "../../shared/api";
import {
  ZAcceptScoutRequest,
  ZCandidateResponse,
  ZCandidatesQuery,
  ZCandidatesResponse,
  ZDeclineScoutRequest,
  ZFittingPosting,
  ZFittingPostingsQuery,
  ZFittingPostingsResponse,
  ZMobilityFiguresQuery,
  ZMobilityFiguresResponse,
  ZScout,
  ZScoutCounts,
  ZScoutingSearchQuery,
  ZScoutingSearchResponse,
  ZScoutList,
  ZSendScoutRequest,
} from "../../shared/matching-api";
import { candidateForPosting, candidatesForPosting, postingForMe, postingsForMe } from "./match.service";
import { mobilityFigures } from "./mobility-figures.service";
import { registerRotationRoutes } from "./rotation.routes";
import { scoutingSearch } from "./scout-search.service";
import {
  acceptScout,
  declineScout,
  myScouts,
  postingScouts,
  scoutCounts,
  sendScout,
  withdrawScout,
} from "./scouts.service";

const tags = ["matching"];
const user = { access: "user" as const };
const ZCandidateParams = z.object({ id: ZId, personId: ZId });

export function registerMatchRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps.database;
  registerRotationRoutes(app, deps);

  app.get(
    "/api/mobility/figures",
    {
      config: user,
      schema: {
        tags,
        summary: "Mobility figures of a fiscal year, per company and in total (group HR, company HR)",
        querystring: ZMobilityFiguresQuery,
        response: { 200: ZMobilityFiguresResponse },
      },
    },
    async (request) => mobilityFigures(db, requireActor(request), request.query),
  );

  app.get(
    "/api/matching/postings/:id/candidates",
    {
      config: user,
      schema: {
        tags,
        summary:
          "The top candidates for a posting, explained (recruiters of its company; opted-in people only)",
        params: ZIdParams,
        querystring: ZCandidatesQuery,
        response: { 200: ZCandidatesResponse },
      },
    },
    async (request) => candidatesForPosting(db, requireActor(request), request.params.id, request.query),
  );
  app.get(
    "/api/matching/postings/:id/candidates/:personId",
    {
      config: user,
      schema: {
        tags,
        summary: "One person's explained match to a posting (404 unless visible to the recruiter)",
        params: ZCandidateParams,
        response: { 200: ZCandidateResponse },
      },
    },
    async (request) =>
      candidateForPosting(db, requireActor(request), request.params.id, request.params.personId),
  );
  app.get(
    "/api/matching/me/postings",
    {
      config: user,
      schema: {
        tags,
        summary: "Open postings that fit the signed-in employee, explained, with courses that close the gaps",
        querystring: ZFittingPostingsQuery,
        response: { 200: ZFittingPostingsResponse },
      },
    },
    async (request) => postingsForMe(db, requireActor(request), request.query),
  );
  app.get(
    "/api/matching/me/postings/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "The signed-in employee's match to one open posting",
        params: ZIdParams,
        response: { 200: ZFittingPosting },
      },
    },
    async (request) => postingForMe(db, requireActor(request), request.params.id),
  );
  app.get(
    "/api/scouting/search",
    {
      config: user,
      schema: {
        tags,
        summary: "Search opted-in work-history records (recruiters)",
        querystring: ZScoutingSearchQuery,
        response: { 200: ZScoutingSearchResponse },
      },
    },
    async (request) => scoutingSearch(db, requireActor(request), request.query),
  );
  app.get(
    "/api/scouting/postings",
    {
      config: user,
      schema: {
        tags,
        summary: "Scouts per posting of the recruiter's companies (opted-in people only)",
        response: { 200: ZScoutCounts },
      },
    },
    async (request) => scoutCounts(db, requireActor(request)),
  );
  app.get(
    "/api/scouting/postings/:id/scouts",
    {
      config: user,
      schema: {
        tags,
        summary: "A posting's scouts (recruiters)",
        params: ZIdParams,
        response: { 200: ZScoutList },
      },
    },
    async (request) => postingScouts(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/scouts",
    {
      config: user,
      schema: {
        tags,
        summary: "Send a scout (recruiters)",
        body: ZSendScoutRequest,
        response: { 201: ZScout },
      },
    },
    async (request, reply) => reply.code(201).send(await sendScout(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/scouts/mine",
    {
      config: user,
      schema: { tags, summary: "The signed-in person's scouts", response: { 200: ZScoutList } },
    },
    async (request) => myScouts(db, requireActor(request)),
  );
  app.post(
    "/api/scouts/:id/accept",
    {
      config: user,
      schema: {
        tags,
        summary: "Accept a scout and apply to its posting (the scouted person)",
        params: ZIdParams,
        body: ZAcceptScoutRequest,
        response: { 200: ZScout },
      },
    },
    async (request) => acceptScout(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/scouts/:id/decline",
    {
      config: user,
      schema: {
        tags,
        summary: "Decline a scout (the scouted person)",
        params: ZIdParams,
        body: ZDeclineScoutRequest,
        response: { 200: ZScout },
      },
    },
    async (request) => declineScout(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/scouts/:id/withdraw",
    {
      config: user,
      schema: {
        tags,
        summary: "Withdraw an unanswered scout (recruiters)",
        params: ZIdParams,
        response: { 200: ZScout },
      },
    },
    async (request) => withdrawScout(db, requireActor(request), request.params.id),
  );
}
