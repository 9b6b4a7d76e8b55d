import type { FastifyInstance } from "fastify";
import { buildApp, WEB_DIST } from "../../src/server/app";
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./db";

/** The real server (API + built web app) on a free loopback port, on a clone of the tiny demo group. */
export async function startDemoServer(): Promise<{
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}> {
  if (!fs.existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error("The web app is not built: run `npm run build:web` (npm test does it first).");
  }
  const database = await createTestDatabase("pglite", "demo");
  const app = await buildApp({
    database,
    sessionSecret: "e2e-secret-e2e-secret-e2e-secret-e2e",
    demo: true,
    logLevel: "silent",
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
