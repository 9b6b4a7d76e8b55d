import { z } from "zod";
import {
  ZCreateUserRequest,
  ZErrorBody,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZUpdateMeRequest,
  ZUser,
  ZUserList,
} from "../../shared/api";
import { requireActor, SESSION_COOKIE } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { createUser, describeMe, listUsers, login, logout, SESSION_HOURS, setMyLocale } from "./auth.service";

const tags = ["auth"];

export function registerAuthRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary: "Sign in with email and password; sets the session cookie",
        body: ZLoginRequest,
        response: { 200: ZLoginResponse, 401: ZErrorBody, 429: ZErrorBody },
      },
    },
    async (request, reply) => {
      const result = await login(db, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        signed: true,
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: await describeMe(db, result.actor) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "public" },
      schema: { tags, summary: "Sign out (ends the session)", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      if (unsigned?.valid && unsigned.value) await logout(db, unsigned.value, request.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The signed-in user, their roles and what they may do",
        response: { 200: ZMe },
      },
    },
    async (request) => describeMe(db, requireActor(request)),
  );

  app.patch(
    "/api/me",
    {
      config: { access: "user" },
      schema: { tags, summary: "Set the user's language", body: ZUpdateMeRequest, response: { 200: ZMe } },
    },
    async (request) => setMyLocale(db, requireActor(request), request.body.locale),
  );

  app.get(
    "/api/users",
    {
      config: { access: "user" },
      schema: { tags, summary: "User accounts (group HR)", response: { 200: ZUserList } },
    },
    async (request) => ({ items: await listUsers(db, requireActor(request)) }),
  );

  app.post(
    "/api/users",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Create a user account (group HR)",
        body: ZCreateUserRequest,
        response: { 201: ZUser },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createUser(db, actor, request.body);
      const created = (await listUsers(db, actor)).find((user) => user.id === id)!;
      return reply.status(201).send(created);
    },
  );
}
