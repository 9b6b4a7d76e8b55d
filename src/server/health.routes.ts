import { migrationState } from "../db/client";
import { ZHealth } from "../shared/api";
import type { RouteDeps, ZodApp } from "./types";

export function registerHealthRoutes(app: ZodApp, { database, demo, version }: RouteDeps): void {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Database engine, migration state, demo mode",
        security: [],
        response: { 200: ZHealth },
      },
    },
    async () => {
      const migrations = await migrationState(database);
      return {
        status: migrations.upToDate ? ("ok" as const) : ("degraded" as const),
        engine: database.engine,
        migrations,
        demo,
        version,
      };
    },
  );
}
