import { ZCompanyQuery, ZIdParams } from "../../shared/api";
import {
  ZCloseOjtPairRequest,
  ZCreateOjtCheckinRequest,
  ZCreateOjtGoalRequest,
  ZCreateOjtPairRequest,
  ZOjtFigures,
  ZOjtFiguresQuery,
  ZOjtPairDetail,
  ZOjtPairList,
  ZOjtPairQuery,
  ZOjtTrainerList,
  ZUpdateOjtGoalRequest,
} from "../../shared/skills-api";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ojtFigures, ojtTrainers } from "./ojt-figures.service";
import { addCheckin, addGoal, closeYear, createPair, getPair, listPairs, updateGoal } from "./ojt.service";

const tags = ["ojt"];
const user = { access: "user" as const };

export function registerOjtRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/ojt/pairs",
    {
      config: user,
      schema: {
        tags,
        summary: "OJT pairs: a company's (HR), a person's, or the caller's own",
        querystring: ZOjtPairQuery,
        response: { 200: ZOjtPairList },
      },
    },
    async (request) => listPairs(db, requireActor(request), request.query),
  );
  app.post(
    "/api/ojt/pairs",
    {
      config: user,
      schema: {
        tags,
        summary: "Pair a new graduate with a trained OJT trainer for a year (company HR)",
        body: ZCreateOjtPairRequest,
        response: { 201: ZOjtPairDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPair(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/ojt/pairs/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A pair with its goals and check-ins",
        params: ZIdParams,
        response: { 200: ZOjtPairDetail },
      },
    },
    async (request) => getPair(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/ojt/pairs/:id/goals",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a capability-development goal (the pair, HR)",
        params: ZIdParams,
        body: ZCreateOjtGoalRequest,
        response: { 201: ZOjtPairDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addGoal(db, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/ojt/goals/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Mark a goal's progress (the trainer, HR)",
        params: ZIdParams,
        body: ZUpdateOjtGoalRequest,
        response: { 200: ZOjtPairDetail },
      },
    },
    async (request) => updateGoal(db, requireActor(request), request.params.id, request.body.status),
  );
  app.post(
    "/api/ojt/pairs/:id/checkins",
    {
      config: user,
      schema: {
        tags,
        summary: "Record a check-in: progress and advice (the pair, HR)",
        params: ZIdParams,
        body: ZCreateOjtCheckinRequest,
        response: { 201: ZOjtPairDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCheckin(db, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    "/api/ojt/pairs/:id/review",
    {
      config: user,
      schema: {
        tags,
        summary: "Close the year with a review (the trainer, HR)",
        params: ZIdParams,
        body: ZCloseOjtPairRequest,
        response: { 200: ZOjtPairDetail },
      },
    },
    async (request) => closeYear(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/ojt/figures",
    {
      config: user,
      schema: {
        tags,
        summary: "Trained OJT trainers (in the year, cumulative) and active pairs (HR)",
        querystring: ZOjtFiguresQuery,
        response: { 200: ZOjtFigures },
      },
    },
    async (request) => ojtFigures(db, requireActor(request), request.query),
  );
  app.get(
    "/api/ojt/trainers",
    {
      config: user,
      schema: {
        tags,
        summary: "Trained OJT trainers employed at a company (its HR)",
        querystring: ZCompanyQuery,
        response: { 200: ZOjtTrainerList },
      },
    },
    async (request) => ojtTrainers(db, requireActor(request), request.query.companyId),
  );
}
