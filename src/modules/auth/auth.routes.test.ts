import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows, FIXTURE_PASSWORD, seedFixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp, signIn } from "../../../test/support/http";

describe.each(TEST_ENGINES)("sign-in on %s", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedFixtureGroup(database.db);
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it("sets an HttpOnly, SameSite=Lax session cookie and tells the web app what the user may do", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "  Manager@Fixture.test ", password: FIXTURE_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "tekizai_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.secure).toBeFalsy();
    const body = response.json() as {
      user: { email: string; permissions: { managedOrgUnitIds: number[]; manageUsers: boolean } };
    };
    expect(body.user.email).toBe("manager@fixture.test");
    expect(body.user.permissions.managedOrgUnitIds).toHaveLength(1);
    expect(body.user.permissions.manageUsers).toBe(false);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "employee@fixture.test", password: FIXTURE_PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.statusCode).toBe(200);
    // trustProxy is off in tests: the forwarded header is ignored, as it must be without a proxy.
    expect(response.cookies[0]!.secure).toBeFalsy();
  });

  it("gives the same generic answer for an unknown email and a wrong password, and audits both", async () => {
    const failuresBefore = await countRows(database.db, "audit_log");
    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "nobody@fixture.test", password: "x" },
    });
    const wrong = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "employee@fixture.test", password: "x" },
    });
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toEqual({ code: "INVALID_CREDENTIALS", message: "Wrong email or password." });
    expect(await countRows(database.db, "audit_log")).toBe(failuresBefore + 2);
  });

  it("names the bad fields of a malformed sign-in", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "not-an-email" },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { code: string; fields: { path: string }[] };
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.fields.map((f) => f.path).sort()).toEqual(["email", "password"]);
  });

  it("limits repeated attempts for one email", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "other@fixture.test", password: "guess" },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // another account from the same address is not locked out
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: "hq-hr@fixture.test", password: FIXTURE_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("logs out: the session no longer works", async () => {
    const cookie = await signIn(app, "group-hr@fixture.test", FIXTURE_PASSWORD);
    expect((await app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("refuses a forged cookie", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: "tekizai_session=forged.value" },
    });
    expect(response.statusCode).toBe(401);
  });
});
