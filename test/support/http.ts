import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import type { Database } from "../../src/db/client";

export async function buildTestApp(database: Database, demo = false): Promise<FastifyInstance> {
  const app = await buildApp({
    database,
    sessionSecret: "test-secret-test-secret-test-secret!",
    demo,
    logLevel: "silent",
    serveWeb: false,
  });
  await app.ready();
  return app;
}

/** Signs in and returns the Cookie header to send with later requests. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "tekizai_session");
  if (!cookie) throw new Error("no session cookie");
  return `${cookie.name}=${cookie.value}`;
}
