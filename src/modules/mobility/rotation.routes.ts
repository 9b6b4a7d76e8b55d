/** Routes of rotation planning (issue 7, M3): validation only; the rules are in rotation.service.ts. */
import { z } from "zod";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZId, ZIdParams } from "../../shared/api";
import {
  ZAddRotationMoveRequest,
  ZCreateRotationPlanRequest,
  ZRotationPlan,
  ZRotationPlanList,
  ZUpdateRotationPlanRequest,
} from "../../shared/matching-api";
import {
  addMove,
  approvePlan,
  commitPlan,
  createPlan,
  discardPlan,
  getPlan,
  listPlans,
  removeMove,
  updatePlan,
} from "./rotation.service";

const tags = ["rotation"];
const user = { access: "user" as const };
const ZMoveParams = z.object({ id: ZId, moveId: ZId });

export function registerRotationRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;
  app.get(
    "/api/rotation/plans",
    {
      config: user,
      schema: { tags, summary: "Rotation plans in the HR scope", response: { 200: ZRotationPlanList } },
    },
    async (request) => listPlans(db, requireActor(request)),
  );
  app.post(
    "/api/rotation/plans",
    {
      config: user,
      schema: {
        tags,
        summary: "Draft a rotation plan",
        body: ZCreateRotationPlanRequest,
        response: { 201: ZRotationPlan },
      },
    },
    async (request, reply) => reply.code(201).send(await createPlan(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/rotation/plans/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A plan with each move's fit, wishes and tenure and its effect per unit",
        params: ZIdParams,
        response: { 200: ZRotationPlan },
      },
    },
    async (request) => getPlan(db, requireActor(request), request.params.id),
  );
  app.patch(
    "/api/rotation/plans/:id",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Rename, re-date or re-note a draft or approved plan (a new date withdraws the approval; every move must hold on it)",
        params: ZIdParams,
        body: ZUpdateRotationPlanRequest,
        response: { 200: ZRotationPlan },
      },
    },
    async (request) => updatePlan(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/rotation/plans/:id/moves",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a move to a draft plan",
        params: ZIdParams,
        body: ZAddRotationMoveRequest,
        response: { 200: ZRotationPlan },
      },
    },
    async (request) => addMove(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    "/api/rotation/plans/:id/moves/:moveId",
    {
      config: user,
      schema: {
        tags,
        summary: "Remove a move from a draft plan",
        params: ZMoveParams,
        response: { 200: ZRotationPlan },
      },
    },
    async (request) => removeMove(db, requireActor(request), request.params.id, request.params.moveId),
  );
  for (const [action, run, summary] of [
    ["approve", approvePlan, "Approve a draft plan"],
    ["commit", commitPlan, "Commit an approved plan: every move as dated assignments, in one step"],
    ["discard", discardPlan, "Discard a draft or approved plan"],
  ] as const) {
    app.post(
      `/api/rotation/plans/:id/${action}`,
      { config: user, schema: { tags, summary, params: ZIdParams, response: { 200: ZRotationPlan } } },
      async (request) => run(db, requireActor(request), request.params.id),
    );
  }
}
