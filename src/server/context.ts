import type {} from "@fastify/cookie";
import type {} from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import type { UserActor } from "../modules/access/actor";
import { AppError } from "../shared/errors";

/** Who may call a route: anyone, or a signed-in user (services then apply the role rules). */
export type RouteAccess = "public" | "user";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every /api route declares it; the server refuses to start with a route that does not. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: UserActor | undefined;
  }
}

export function requireActor(request: FastifyRequest): UserActor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return request.actor;
}

export const SESSION_COOKIE = "tekizai_session";
