import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import type { TestEngine } from "../../../test/support/engines";
import { seedFixtureGroup, type FixtureGroup } from "../../../test/support/fixtures";
import { buildTestApp } from "../../../test/support/http";
import { employments } from "../people/people.schema";
import { createScimToken } from "./scim.tokens";

export const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
// biome-ignore lint/suspicious/noExplicitAny: SCIM JSON is read loosely in the tests
export type Json = any;

export const newUser = (userName: string, employeeNumber: string, extra: Record<string, unknown> = {}) => ({
  schemas: [CORE, ENT],
  userName,
  name: { familyName: "Tanaka", givenName: "Ichiro" },
  active: true,
  [ENT]: { employeeNumber },
  ...extra,
});

/**
 * A fixture group with two SCIM clients: `hqToken` (HQ, no termination, the default for calls) and
 * `terminatingToken` (HQ and SUB, --terminate-on-deactivate). Registers its own beforeAll/afterAll.
 */
export function scimTestContext(engine: TestEngine) {
  let app: FastifyInstance;
  let hqToken = "";
  const t = {
    database: undefined as unknown as TestDatabase,
    group: undefined as unknown as FixtureGroup,
    terminatingToken: "",
    employmentOf: {} as Record<string, number>,
    async call(
      method: Method,
      url: string,
      options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) {
      const response = await app.inject({
        method,
        url: `/scim/v2${url}`,
        headers: {
          ...(options.token === "" ? {} : { authorization: `Bearer ${options.token ?? hqToken}` }),
          ...(options.body !== undefined ? { "content-type": "application/scim+json" } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined
          ? { payload: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }
          : {}),
      });
      const body: Json = response.body ? JSON.parse(response.body) : undefined;
      return { status: response.statusCode, body, headers: response.headers };
    },
    expectError(result: { status: number; body: Json }, status: number, scimType?: string) {
      expect(result.status).toBe(status);
      expect(result.body.schemas).toEqual([ERROR]);
      expect(result.body.status).toBe(String(status));
      if (scimType) expect(result.body.scimType).toBe(scimType);
    },
  };

  beforeAll(async () => {
    t.database = await createTestDatabase(engine);
    t.group = await seedFixtureGroup(t.database.db);
    app = await buildTestApp(t.database);
    hqToken = (
      await createScimToken(t.database.db, {
        name: "idp",
        companyCodes: ["HQ"],
        terminateOnDeactivate: false,
      })
    ).token;
    t.terminatingToken = (
      await createScimToken(t.database.db, {
        name: "idp-t",
        companyCodes: ["HQ", "SUB"],
        terminateOnDeactivate: true,
      })
    ).token;
    const rows = await t.database.db.select().from(employments);
    t.employmentOf = Object.fromEntries(rows.map((row) => [row.employeeNumber, row.id]));
  });
  afterAll(async () => {
    await app?.close();
    await t.database?.destroy();
  });
  return t;
}
