/**
 * SCIM 2.0 endpoints under /scim/v2 (RFC 7644). Not under /api: the routes declare access "public" for the
 * server's route check, and every request is authenticated here with a client's bearer token.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RouteDeps } from "../../server/types";
import { RESOURCE_TYPES, SCHEMAS, SERVICE_PROVIDER_CONFIG } from "./scim.discovery";
import { SCIM_CONTENT_TYPE, ScimError } from "./scim.errors";
import { type ListQuery, project } from "./scim.list";
import type { ScimResource } from "./scim.read";
import {
  createUser,
  deleteUser,
  getGroup,
  getUser,
  listGroups,
  listUsers,
  patchUser,
  replaceUser,
} from "./scim.service";
import { clientForToken, type ScimClient } from "./scim.tokens";

export const SCIM_PREFIX = "/scim/v2";

const clients = new WeakMap<FastifyRequest, ScimClient>();

function clientOf(request: FastifyRequest): ScimClient {
  const client = clients.get(request);
  if (!client) throw new ScimError(401, "A valid bearer token is required");
  return client;
}

const ifMatch = (request: FastifyRequest): string | undefined => {
  const header = request.headers["if-match"];
  return Array.isArray(header) ? header.join(",") : header;
};

function sendResource(reply: FastifyReply, resource: ScimResource, status = 200) {
  const meta = resource.meta as { version: string; location?: string };
  if (status === 201 && meta.location) reply.header("Location", meta.location);
  const q = (reply.request.query ?? {}) as Record<string, string | undefined>;
  return reply
    .code(status)
    .header("ETag", meta.version)
    .send(project(resource, q.attributes, q.excludedAttributes));
}

function listQuery(request: FastifyRequest): ListQuery {
  const q = (request.query ?? {}) as Record<string, string | undefined>;
  return {
    filter: q.filter,
    sortBy: q.sortBy,
    sortOrder: q.sortOrder,
    startIndex: q.startIndex,
    count: q.count,
    attributes: q.attributes,
    excludedAttributes: q.excludedAttributes,
  };
}

export function registerScimRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const db = deps.database.db;
  app.register(
    async (scope) => {
      scope.addContentTypeParser(
        ["application/scim+json", "application/json"],
        { parseAs: "string" },
        (_request, body, done) => {
          try {
            done(null, body === "" ? undefined : JSON.parse(body as string));
          } catch {
            done(new ScimError(400, "The body is not valid JSON", "invalidSyntax"), undefined);
          }
        },
      );
      scope.setErrorHandler((error: FastifyError | ScimError, request, reply) => {
        let scimError: ScimError;
        if (error instanceof ScimError) scimError = error;
        else if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
          scimError = new ScimError(
            error.statusCode,
            error.message,
            error.statusCode === 400 ? "invalidSyntax" : undefined,
          );
        } else {
          request.log.error(error);
          scimError = new ScimError(500, "Internal error");
        }
        return reply
          .code(scimError.status)
          .header("content-type", SCIM_CONTENT_TYPE)
          .send(scimError.toBody());
      });
      scope.setNotFoundHandler((request, reply) => {
        const error = new ScimError(404, `No SCIM endpoint ${request.method} ${request.url.split("?")[0]}`);
        return reply.code(404).header("content-type", SCIM_CONTENT_TYPE).send(error.toBody());
      });
      scope.addHook("onSend", async (_request, reply, payload) => {
        if (
          String(reply.getHeader("content-type") ?? "").startsWith("application/json") ||
          !reply.getHeader("content-type")
        ) {
          reply.header("content-type", SCIM_CONTENT_TYPE);
        }
        return payload;
      });
      scope.addHook("preHandler", async (request) => {
        const header = request.headers.authorization ?? "";
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const client = match ? await clientForToken(db, match[1]!) : undefined;
        if (!client) throw new ScimError(401, "A valid bearer token is required");
        clients.set(request, client);
      });

      const config = { access: "public" as const };
      scope.get("/ServiceProviderConfig", { config }, async () => SERVICE_PROVIDER_CONFIG);
      scope.get("/ResourceTypes", { config }, async () => ({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: RESOURCE_TYPES.length,
        itemsPerPage: RESOURCE_TYPES.length,
        startIndex: 1,
        Resources: RESOURCE_TYPES,
      }));
      scope.get<{ Params: { id: string } }>("/ResourceTypes/:id", { config }, async (request) => {
        const found = RESOURCE_TYPES.find((type) => type.id === request.params.id);
        if (!found) throw new ScimError(404, `ResourceType ${request.params.id} not found`);
        return found;
      });
      scope.get("/Schemas", { config }, async () => ({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: SCHEMAS.length,
        itemsPerPage: SCHEMAS.length,
        startIndex: 1,
        Resources: SCHEMAS,
      }));
      scope.get<{ Params: { id: string } }>("/Schemas/:id", { config }, async (request) => {
        const found = SCHEMAS.find((schema) => schema.id === request.params.id);
        if (!found) throw new ScimError(404, `Schema ${request.params.id} not found`);
        return found;
      });

      scope.get("/Users", { config }, async (request) =>
        listUsers(db, clientOf(request), listQuery(request)),
      );
      scope.post("/Users", { config }, async (request, reply) =>
        sendResource(reply, await createUser(db, clientOf(request), request.body), 201),
      );
      scope.get<{ Params: { id: string } }>("/Users/:id", { config }, async (request, reply) =>
        sendResource(reply, await getUser(db, clientOf(request), request.params.id)),
      );
      scope.put<{ Params: { id: string } }>("/Users/:id", { config }, async (request, reply) =>
        sendResource(
          reply,
          await replaceUser(db, clientOf(request), request.params.id, request.body, ifMatch(request)),
        ),
      );
      scope.patch<{ Params: { id: string } }>("/Users/:id", { config }, async (request, reply) =>
        sendResource(
          reply,
          await patchUser(db, clientOf(request), request.params.id, request.body, ifMatch(request)),
        ),
      );
      scope.delete<{ Params: { id: string } }>("/Users/:id", { config }, async (request, reply) => {
        await deleteUser(db, clientOf(request), request.params.id, ifMatch(request));
        return reply.code(204).send();
      });

      scope.get("/Groups", { config }, async (request) =>
        listGroups(db, clientOf(request), listQuery(request)),
      );
      scope.get<{ Params: { id: string } }>("/Groups/:id", { config }, async (request, reply) =>
        sendResource(reply, await getGroup(db, clientOf(request), request.params.id)),
      );
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        const url = method === "POST" ? "/Groups" : "/Groups/:id";
        scope.route({
          method,
          url,
          config,
          handler: async () => {
            throw new ScimError(403, "Groups are read-only (org units are managed in Tekizai)");
          },
        });
      }

      // RFC 7644 §3.11: /Me is the User of the authenticated subject. A bearer token here belongs to a
      // provisioning client, not to a person, so there is no such User: answer 501 as the RFC asks of a
      // provider without the feature (after authentication, so that a missing token is still 401).
      // RFC 7644 §3.7: Bulk is not supported (ServiceProviderConfig bulk.supported = false): 501 likewise.
      for (const url of ["/Me", "/Me/*", "/Bulk"]) {
        scope.route({
          method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
          url,
          config,
          handler: async () => {
            throw new ScimError(
              501,
              url === "/Bulk"
                ? "Bulk operations are not supported (see /ServiceProviderConfig)"
                : "/Me is not supported: bearer tokens belong to provisioning clients, not to users",
            );
          },
        });
      }
    },
    { prefix: SCIM_PREFIX },
  );
}
