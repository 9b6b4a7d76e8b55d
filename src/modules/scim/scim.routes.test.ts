import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { today } from "../../shared/dates";
import { users } from "../auth/auth.schema";
import { employments } from "../people/people.schema";
import { CORE, ENT, type Json, newUser, PATCH, scimTestContext } from "./scim.test-support";

describe.each(TEST_ENGINES)("SCIM 2.0 Users on %s", (engine) => {
  const t = scimTestContext(engine);
  const { call, expectError } = t;

  it("lists only the Users of the token's companies, with paging and sorting", async () => {
    const all = await call("GET", "/Users");
    expect(all.status).toBe(200);
    expect(all.body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
    const numbers = all.body.Resources.map((u: Json) => u[ENT].employeeNumber);
    expect(numbers).toEqual(expect.arrayContaining(["H0001", "H0002", "H0003", "H0004"]));
    expect(numbers).not.toContain("S0001");
    expect(all.body.totalResults).toBe(all.body.Resources.length);
    const page = await call(
      "GET",
      "/Users?sortBy=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber&sortOrder=descending&startIndex=2&count=2",
    );
    expect(page.body).toMatchObject({ totalResults: all.body.totalResults, startIndex: 2, itemsPerPage: 2 });
    const sorted = [...numbers].sort().reverse();
    expect(page.body.Resources.map((u: Json) => u[ENT].employeeNumber)).toEqual(sorted.slice(1, 3));
    const none = await call("GET", "/Users?count=0");
    expect(none.body).toMatchObject({ totalResults: all.body.totalResults, itemsPerPage: 0, Resources: [] });
    expectError(await call("GET", "/Users?startIndex=x"), 400, "invalidValue");
    const slim = await call("GET", "/Users?attributes=userName&count=1");
    expect(Object.keys(slim.body.Resources[0]).sort()).toEqual(["id", "schemas", "userName"]);
    const one = await call("GET", `/Users/${t.employmentOf.H0002}?excludedAttributes=name,meta`);
    expect(one.body).not.toHaveProperty("name");
    expect(one.body).not.toHaveProperty("meta");
    expect(one.body.id).toBe(String(t.employmentOf.H0002));
  });

  it("filters Users, and refuses a bad filter with invalidFilter", async () => {
    const ids = async (filter: string) =>
      ((await call("GET", `/Users?filter=${encodeURIComponent(filter)}`)).body.Resources as Json[])
        .map((u) => u[ENT].employeeNumber)
        .sort();
    expect(await ids(`${ENT}:employeeNumber eq "H0002"`)).toEqual(["H0002"]);
    expect(await ids(`${ENT}:employeeNumber sw "H000" and not (${ENT}:employeeNumber ew "1")`)).toEqual(
      expect.arrayContaining(["H0002", "H0003", "H0004"]),
    );
    expect(await ids(`name.familyName eq "江" or name.familyName eq "音"`)).toEqual(["H0002", "H0003"]);
    expect(await ids(`displayName co "美"`)).toEqual(["H0002"]);
    expect(await ids(`${ENT}:manager pr and ${ENT}:employeeNumber ne "H0001"`)).toEqual(["H0002"]);
    expect(await ids(`meta.created gt "2000-01-01T00:00:00Z" and meta.created lt "2999-01-01"`)).toContain(
      "H0001",
    );
    expect(await ids(`meta.created lt "2000-01-01"`)).toEqual([]);
    expectError(
      await call("GET", `/Users?filter=${encodeURIComponent("userName eq")}`),
      400,
      "invalidFilter",
    );
    expectError(
      await call("GET", `/Users?filter=${encodeURIComponent('userName xx "a"')}`),
      400,
      "invalidFilter",
    );
  });

  it("reads one User with the enterprise extension; another company's User is not found", async () => {
    const emi = await call("GET", `/Users/${t.employmentOf.H0002}`);
    expect(emi.status).toBe(200);
    expect(emi.headers.etag).toBe(emi.body.meta.version);
    expect(emi.body).toMatchObject({
      id: String(t.employmentOf.H0002),
      schemas: [CORE, ENT],
      userName: "HQ-H0002",
      name: { familyName: "江", givenName: "美" },
      active: true,
      [ENT]: {
        employeeNumber: "H0002",
        organization: "HQ",
        department: "Development Section 1",
        manager: { value: String(t.employmentOf.H0001) },
      },
      meta: { resourceType: "User", location: `/scim/v2/Users/${t.employmentOf.H0002}` },
    });
    expectError(await call("GET", `/Users/${t.employmentOf.S0001}`), 404);
    expectError(await call("GET", "/Users/abc"), 404);
    expect((await call("GET", `/Users/${t.employmentOf.S0001}`, { token: t.terminatingToken })).status).toBe(
      200,
    );
  });

  it("creates a User (person + employment); refuses duplicates and bad bodies without writing anything", async () => {
    const created = await call("POST", "/Users", { body: newUser("Ichiro.Tanaka@example.jp", "H0100") });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(created.body.meta.version);
    expect(created.headers.location).toBe(`/scim/v2/Users/${created.body.id}`);
    expect(created.body).toMatchObject({
      userName: "ichiro.tanaka@example.jp",
      emails: [{ value: "ichiro.tanaka@example.jp", type: "work", primary: true }],
      active: true,
      [ENT]: { employeeNumber: "H0100", organization: "HQ" },
    });
    const [row] = await t.database.db
      .select()
      .from(employments)
      .where(eq(employments.id, Number(created.body.id)));
    expect(row).toMatchObject({ companyId: t.group.companies.hq, hireDate: today(), terminationDate: null });

    const audited = (await t.database.db.execute(
      sql`select ip from audit_log where action = 'scim.user.create' and entity_id = ${created.body.id}`,
    )) as unknown as { rows: { ip: string }[] };
    expect(audited.rows.map((r) => r.ip)).toEqual([expect.stringMatching(/^scim:\d+$/)]);

    const before = await Promise.all(
      ["persons", "employments", "audit_log"].map((table) => countRows(t.database.db, table)),
    );
    expectError(
      await call("POST", "/Users", { body: newUser("ICHIRO.tanaka@example.jp", "H0101") }),
      409,
      "uniqueness",
    );
    expectError(await call("POST", "/Users", { body: newUser("x1@example.jp", "H0001") }), 409, "uniqueness");
    expectError(
      await call("POST", "/Users", { body: { ...newUser("x2@example.jp", "H0102"), name: {} } }),
      400,
      "invalidValue",
    );
    expectError(
      await call("POST", "/Users", { body: { ...newUser("x3@example.jp", "H0103"), schemas: [] } }),
      400,
      "invalidSyntax",
    );
    expectError(
      await call("POST", "/Users", { body: newUser("not-an-email", "H0104") }),
      400,
      "invalidValue",
    );
    expectError(
      await call("POST", "/Users", {
        body: newUser("x5@example.jp", "H0105", { [ENT]: { employeeNumber: "H0105", organization: "SUB" } }),
      }),
      400,
      "invalidValue",
    );
    expectError(await call("POST", "/Users", { body: "{not json" }), 400, "invalidSyntax");
    const after = await Promise.all(
      ["persons", "employments", "audit_log"].map((table) => countRows(t.database.db, table)),
    );
    expect(after).toEqual(before);
  });

  it("replaces a User with PUT, honouring If-Match (412 on a stale ETag)", async () => {
    const created = (await call("POST", "/Users", { body: newUser("put@example.jp", "H0200") })).body;
    const stale = await call("PUT", `/Users/${created.id}`, {
      body: newUser("put@example.jp", "H0200", { name: { familyName: "Suzuki", givenName: "Jiro" } }),
      headers: { "if-match": 'W/"stale"' },
    });
    expectError(stale, 412);
    const replaced = await call("PUT", `/Users/${created.id}`, {
      body: newUser("put2@example.jp", "H0201", { name: { familyName: "Suzuki", givenName: "Jiro" } }),
      headers: { "if-match": created.meta.version },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      userName: "put2@example.jp",
      name: { familyName: "Suzuki" },
      [ENT]: { employeeNumber: "H0201" },
    });
    expect(replaced.body.meta.version).not.toBe(created.meta.version);
    expectError(
      await call("PUT", `/Users/${created.id}`, {
        body: newUser("put2@example.jp", "H0201", {
          [ENT]: { employeeNumber: "H0201", organization: "SUB" },
        }),
      }),
      400,
      "mutability",
    );
    expectError(
      await call("PUT", `/Users/${created.id}`, { body: newUser("put2@example.jp", "H0001") }),
      409,
      "uniqueness",
    );
    expect((await call("GET", `/Users/${created.id}`)).body[ENT].employeeNumber).toBe("H0201");
    expectError(
      await call("PUT", `/Users/${t.employmentOf.S0001}`, { body: newUser("s@example.jp", "S0001") }),
      404,
    );
  });

  it("patches a User with and without paths, and removes attributes", async () => {
    const created = (await call("POST", "/Users", { body: newUser("patch@example.jp", "H0300") })).body;
    const patched = await call("PATCH", `/Users/${created.id}`, {
      body: {
        schemas: [PATCH],
        Operations: [
          { op: "replace", path: "name.givenName", value: "Saburo" },
          { op: "replace", value: { userName: "patch2@example.jp", [`${ENT}:employeeNumber`]: "H0301" } },
          { op: "add", path: 'emails[type eq "work"].value', value: "ignored-for-userName@example.jp" },
        ],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      userName: "patch2@example.jp",
      name: { givenName: "Saburo" },
      [ENT]: { employeeNumber: "H0301" },
    });
    const removed = await call("PATCH", `/Users/${created.id}`, {
      body: { schemas: [PATCH], Operations: [{ op: "remove", path: "name.givenName" }] },
    });
    expectError(removed, 400, "invalidValue");
    expectError(
      await call("PATCH", `/Users/${created.id}`, {
        body: { schemas: [PATCH], Operations: [{ op: "remove" }] },
      }),
      400,
      "noTarget",
    );
    expectError(
      await call("PATCH", `/Users/${created.id}`, {
        body: { schemas: [PATCH], Operations: [{ op: "replace", path: "[bad", value: 1 }] },
      }),
      400,
      "invalidPath",
    );
    expectError(
      await call("PATCH", `/Users/${created.id}`, {
        body: { schemas: [PATCH], Operations: [{ op: "replace", path: "name.givenName", value: "X" }] },
        headers: { "if-match": 'W/"old"' },
      }),
      412,
    );
    expect((await call("GET", `/Users/${created.id}`)).body.name.givenName).toBe("Saburo");
  });

  it("active false ends access: the linked account is disabled; with the client setting a termination is recorded", async () => {
    const emiId = t.employmentOf.H0002!;
    const off = await call("PATCH", `/Users/${emiId}`, {
      body: { schemas: [PATCH], Operations: [{ op: "replace", value: { active: false } }] },
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const [account] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "employee@fixture.test"));
    expect(account!.disabledAt).not.toBeNull();
    const [kept] = await t.database.db.select().from(employments).where(eq(employments.id, emiId));
    expect(kept!.terminationDate).toBeNull();
    const { active: _active, ...withoutActive } = off.body;
    const kept2 = await call("PUT", `/Users/${emiId}`, { body: withoutActive });
    expect(kept2.status).toBe(200);
    expect(kept2.body.active).toBe(false);
    const on = await call("PATCH", `/Users/${emiId}`, {
      body: { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: true }] },
    });
    expect(on.body.active).toBe(true);
    const [again] = await t.database.db.select().from(users).where(eq(users.email, "employee@fixture.test"));
    expect(again!.disabledAt).toBeNull();

    const otoId = t.employmentOf.H0003!;
    const terminated = await call("PATCH", `/Users/${otoId}`, {
      token: t.terminatingToken,
      body: { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: false }] },
    });
    expect(terminated.status).toBe(200);
    const [ended] = await t.database.db.select().from(employments).where(eq(employments.id, otoId));
    expect(ended).toMatchObject({ terminationDate: today(), terminationReason: "voluntary" });
  });

  it("DELETE deprovisions: the User is gone (404) and, with the client setting, terminated", async () => {
    const created = (await call("POST", "/Users", { body: newUser("delete@example.jp", "H0400") })).body;
    expectError(await call("DELETE", `/Users/${created.id}`, { headers: { "if-match": 'W/"old"' } }), 412);
    const deleted = await call("DELETE", `/Users/${created.id}`, { token: t.terminatingToken });
    expect(deleted.status).toBe(204);
    expectError(await call("GET", `/Users/${created.id}`), 404);
    expectError(await call("DELETE", `/Users/${created.id}`), 404);
    const list = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "delete@example.jp"')}`);
    expect(list.body.totalResults).toBe(0);
    const [row] = await t.database.db
      .select()
      .from(employments)
      .where(eq(employments.id, Number(created.id)));
    expect(row).toMatchObject({ terminationDate: today(), terminationReason: "voluntary" });
    expectError(await call("DELETE", `/Users/${t.employmentOf.S0001}`), 404);
  });
});
