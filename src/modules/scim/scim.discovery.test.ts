import { describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { CORE, ENT, type Json, scimTestContext } from "./scim.test-support";
import { createScimToken, listScimTokens, revokeScimToken } from "./scim.tokens";

describe.each(TEST_ENGINES)("SCIM 2.0 tokens, discovery and Groups on %s", (engine) => {
  const t = scimTestContext(engine);
  const { call, expectError } = t;

  it("refuses requests without a valid bearer token (401, SCIM error)", async () => {
    for (const token of ["", "wrong"]) {
      const result = await call("GET", "/Users", { token });
      expectError(result, 401);
      expect(result.headers["content-type"]).toContain("application/scim+json");
    }
    const revoked = await createScimToken(t.database.db, {
      name: "old",
      companyCodes: ["HQ"],
      terminateOnDeactivate: false,
    });
    expect((await call("GET", "/Users", { token: revoked.token })).status).toBe(200);
    await revokeScimToken(t.database.db, revoked.id);
    expectError(await call("GET", "/Users", { token: revoked.token }), 401);
    const listed = await listScimTokens(t.database.db);
    expect(listed.find((client) => client.id === revoked.id)).toMatchObject({
      companies: ["HQ"],
      revokedAt: expect.any(String),
    });
    expect(JSON.stringify(listed)).not.toContain(revoked.token);
  });

  it("serves the discovery resources", async () => {
    const config = await call("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.headers["content-type"]).toContain("application/scim+json");
    expect(config.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
      sort: { supported: true },
      etag: { supported: true },
    });
    const types = await call("GET", "/ResourceTypes");
    expect(types.body.Resources.map((t: Json) => t.id)).toEqual(["User", "Group"]);
    expect(types.body.Resources[0].schemaExtensions).toEqual([{ schema: ENT, required: false }]);
    expect((await call("GET", "/ResourceTypes/User")).body.endpoint).toBe("/Users");
    const schemas = await call("GET", "/Schemas");
    expect(schemas.body.totalResults).toBe(3);
    const core = await call("GET", `/Schemas/${CORE}`);
    expect(core.body.attributes.find((a: Json) => a.name === "userName")).toMatchObject({
      required: true,
      uniqueness: "server",
    });
    expectError(await call("GET", "/Schemas/urn:nope"), 404);
    // not supported: 501 Not Implemented (RFC 7644 §3.11 for /Me), with a SCIM error body
    expectError(await call("POST", "/Bulk", { body: { schemas: [] } }), 501);
    expectError(await call("GET", "/Me"), 501);
    expectError(await call("PATCH", "/Me", { body: { schemas: [] } }), 501);
    expectError(await call("GET", "/Me", { token: "wrong" }), 401);
  });

  it("maps org units to read-only Groups", async () => {
    const list = await call("GET", "/Groups");
    expect(list.status).toBe(200);
    const names = list.body.Resources.map((g: Json) => g.displayName);
    expect(names).toEqual(expect.arrayContaining(["Head office", "Development Section 1"]));
    expect(names).not.toContain("Sub HQ");
    const filtered = await call(
      "GET",
      `/Groups?filter=${encodeURIComponent('displayName eq "Development Section 1"')}`,
    );
    expect(filtered.body.totalResults).toBe(1);
    const section = filtered.body.Resources[0];
    expect(section.id).toBe(String(t.group.units.dev1));
    expect(section.members).toEqual([
      expect.objectContaining({ value: String(t.employmentOf.H0002), type: "User" }),
    ]);
    expect((await call("GET", `/Groups/${t.group.units.dev1}`)).body.displayName).toBe(
      "Development Section 1",
    );
    expectError(await call("GET", `/Groups/${t.group.units.subRoot}`), 404);
    expectError(
      await call("POST", "/Groups", {
        body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "x" },
      }),
      403,
    );
  });
});
