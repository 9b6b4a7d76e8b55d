import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Database } from "../db/client";
import { registerAuditRoutes } from "../modules/audit/audit.routes";
import { registerAuthRoutes } from "../modules/auth/auth.routes";
import { registerDisclosureRoutes } from "../modules/disclosure/disclosure.routes"; // human-capital metrics (issue 5)
import { registerImportRoutes } from "../modules/import/import.routes"; // import framework (issue 4)
import { actorForSession } from "../modules/auth/auth.service";
import { registerOrgRoutes } from "../modules/org/org.routes";
import { registerPeopleRoutes } from "../modules/people/people.routes";
import { registerScimRoutes } from "../modules/scim/scim.routes"; // SCIM 2.0 provisioning (issue 4)
import { registerSkillsRoutes } from "../modules/skills/skills.routes"; // skills and learning (issue 6)
import { registerLearningRoutes } from "../modules/learning/learning.routes"; // skills and learning (issue 6)
import { registerOjtRoutes } from "../modules/ojt/ojt.routes"; // skills and learning (issue 6)
import { registerMatchRoutes } from "../modules/mobility/match.routes"; // matching and scouting (issue 7)
import { registerCareerRoutes } from "../modules/mobility/career.routes"; // career reports (issue 7)
import { registerWorkHistoryRoutes } from "../modules/mobility/work-history.routes"; // work history, consent (issue 7)
import { registerNotificationRoutes } from "../modules/notifications/notifications.routes"; // notifications (issue 7)
import { registerPostingRoutes } from "../modules/mobility/posting.routes"; // postings and applications (issue 7)
import { AppError } from "../shared/errors";
import { SESSION_COOKIE, type RouteAccess } from "./context";
import { handleError } from "./errors";
import { registerHealthRoutes } from "./health.routes";
import type { RouteDeps } from "./types";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WEB_DIST = path.join(ROOT, "web", "dist");
export const VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api route with the access it declares (the access tests check each one). */
    apiRoutes: ApiRoute[];
  }
}

export interface AppOptions {
  database: Database;
  sessionSecret: string;
  demo: boolean;
  trustProxy?: boolean;
  logLevel?: string;
  /** Serve the built web app (web/dist) when it exists. */
  serveWeb?: boolean;
  /** Where the built web app is (default web/dist; tests point elsewhere). */
  webDist?: string;
}

/** Builds the HTTP server: API under /api (OpenAPI at /api/docs), the web app everywhere else. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "warn" },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest("actor", undefined);

  // Fail closed: an /api route that does not say who may call it stops the server from starting.
  const apiRoutes: ApiRoute[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    if (!route.config?.access)
      throw new Error(`Route ${route.method} ${route.url} does not declare its access (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") apiRoutes.push({ method, url: route.url, access: route.config.access });
    }
  });

  await app.register(fastifyCookie, { secret: options.sessionSecret });
  await app.register(fastifyRateLimit, {
    global: false,
    // After the body is parsed, so that the login route can count attempts per address and email.
    hook: "preHandler",
    errorResponseBuilder: () => new AppError("RATE_LIMITED"),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Tekizai API",
        version: VERSION,
        description: "Talent development and human-capital reporting for corporate groups.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (unsigned.valid && unsigned.value) {
      request.actor = await actorForSession(options.database.db, unsigned.value, request.ip);
    }
  });
  app.addHook("preHandler", async (request) => {
    if (request.routeOptions.config.access === "user" && !request.actor)
      throw new AppError("UNAUTHENTICATED");
  });

  const deps: RouteDeps = { database: options.database, demo: options.demo, version: VERSION };
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerImportRoutes(app, deps); // import framework (issue 4)
  registerScimRoutes(app, deps); // SCIM 2.0 provisioning (issue 4)
  registerDisclosureRoutes(app, deps); // human-capital metrics (issue 5)
  registerSkillsRoutes(app, deps); // skills and learning (issue 6)
  registerLearningRoutes(app, deps); // skills and learning (issue 6)
  registerOjtRoutes(app, deps); // skills and learning (issue 6)
  registerMatchRoutes(app, deps); // matching and scouting (issue 7)
  registerCareerRoutes(app, deps); // career reports (issue 7)
  registerWorkHistoryRoutes(app, deps); // work history, consent (issue 7)
  registerNotificationRoutes(app, deps); // notifications (issue 7)
  registerPostingRoutes(app, deps); // postings and applications (issue 7)

  const webDist = options.webDist ?? WEB_DIST;
  const serveWeb = (options.serveWeb ?? true) && fs.existsSync(path.join(webDist, "index.html"));
  if (serveWeb) {
    // wildcard: files built after start (a rebuild while running) are served too; a missing file falls through to the SPA.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
    // The wildcard route also matches "/", a directory: without an index it would answer 500, so "/" is the SPA.
    app.get("/", (_request, reply) => reply.type("text/html").sendFile("index.html"));
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/api/")) {
      if (serveWeb) return reply.type("text/html").sendFile("index.html");
      return reply
        .type("text/plain")
        .send("The web app is not built. Run `npm run build:web` (npm start does it for you).");
    }
    return reply.status(404).send(
      new AppError("NOT_FOUND", {
        message: `No route ${request.method} ${request.url.split("?")[0]}`,
      }).toBody(),
    );
  });
  return app;
}
