import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { buildApp } from "./app";

/** The built web app: files as they are, every other page path the single-page app, /api never. */
describe("serving the web app", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let webDist: string;
  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-web-"));
    fs.writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Tekizai</title>");
    fs.mkdirSync(path.join(webDist, "assets"));
    fs.writeFileSync(path.join(webDist, "assets", "app.js"), "console.log(1)");
    database = await createTestDatabase("pglite");
    app = await buildApp({
      database,
      sessionSecret: "x".repeat(32),
      demo: false,
      logLevel: "silent",
      webDist,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it("answers the root, a deep link and a reload with the app, files as files, and /api with JSON 404", async () => {
    for (const url of ["/", "/people", "/people/12?asOf=2026-01-01", "/skills/settings"]) {
      const page = await app.inject({ method: "GET", url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["content-type"], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain("<title>Tekizai</title>");
    }
    const script = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toMatch(/javascript/);
    const missingApi = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(missingApi.statusCode).toBe(404);
    expect(missingApi.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
