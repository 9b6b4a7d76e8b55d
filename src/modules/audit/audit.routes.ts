import { ZAuditQuery, ZAuditResponse } from "../../shared/api";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { readAuditLog } from "./audit.service";

export function registerAuditRoutes(app: ZodApp, { database }: RouteDeps): void {
  app.get(
    "/api/audit",
    {
      config: { access: "user" },
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first (group HR)",
        querystring: ZAuditQuery,
        response: { 200: ZAuditResponse },
      },
    },
    async (request) => ({ items: await readAuditLog(database.db, requireActor(request), request.query) }),
  );
}
