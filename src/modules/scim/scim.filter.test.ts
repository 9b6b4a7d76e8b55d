import { describe, expect, it } from "vitest";
import { ScimError } from "./scim.errors";
import { matches, parseFilter } from "./scim.filter";
import { project } from "./scim.list";
import { applyPatch } from "./scim.patch";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const user = {
  id: "7",
  userName: "Hana.Sato@example.jp",
  name: { familyName: "Sato", givenName: "Hana" },
  emails: [
    { value: "hana.sato@example.jp", type: "work", primary: true },
    { value: "hana@home.example", type: "home" },
  ],
  active: true,
  [ENT]: { employeeNumber: "E100", organization: "HQ" },
  meta: { created: "2026-04-01T00:00:00.000Z", lastModified: "2026-11-01T09:00:00.000Z" },
};

const test = (filter: string) => matches(user, parseFilter(filter));

describe("SCIM filter", () => {
  it.each([
    ['userName eq "hana.sato@example.jp"', true],
    ['userName eq "other@example.jp"', false],
    ['userName ne "other@example.jp"', true],
    ['userName co "sato"', true],
    ['userName sw "HANA"', true],
    ['userName ew "example.jp"', true],
    ['userName ew "example.com"', false],
    ["title pr", false],
    ["userName pr", true],
    ['meta.created gt "2026-01-01T00:00:00Z"', true],
    ['meta.created lt "2026-01-01T00:00:00Z"', false],
    ['meta.lastModified ge "2026-11-01T09:00:00.000Z"', true],
    ['meta.lastModified le "2026-10-31"', false],
    ['name.familyName eq "sato"', true],
    ["active eq true", true],
    ["active eq false", false],
    [`${ENT}:employeeNumber eq "E100"`, true],
    [`urn:ietf:params:scim:schemas:core:2.0:User:userName sw "hana"`, true],
    ['emails[type eq "work"].value eq "hana.sato@example.jp"', true],
    ['emails[type eq "work"].value eq "hana@home.example"', false],
    ['emails[type eq "home" and value co "home"]', true],
    ['emails.value eq "hana@home.example"', true],
    ['name.familyName eq "Sato" and name.givenName eq "Hana"', true],
    ['name.familyName eq "Sato" and name.givenName eq "Taro"', false],
    ['name.familyName eq "Suzuki" or name.givenName eq "Hana"', true],
    ['not (name.familyName eq "Suzuki")', true],
    ['not(name.familyName eq "Sato")', false],
    ['(userName eq "x" or userName sw "hana") and active eq true', true],
    ['userName eq "x" or userName eq "y" and active eq true', false],
    ['userName EQ "hana.sato@example.jp" AND active Eq true', true],
  ])("%s → %s", (filter, expected) => {
    expect(test(filter)).toBe(expected);
  });

  it.each([
    "userName",
    "userName eq",
    'userName zz "x"',
    'userName eq "unterminated',
    '(userName eq "x"',
    'userName eq "x")',
    'userName eq "x" and',
    "not userName pr",
    'emails[type eq "work"',
    "userName eq bare",
    '1abc eq "x"',
  ])("rejects %s with invalidFilter", (filter) => {
    try {
      parseFilter(filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      expect((error as ScimError).status).toBe(400);
      expect((error as ScimError).scimType).toBe("invalidFilter");
    }
  });
});

describe("SCIM PATCH", () => {
  const patch = (...Operations: unknown[]) =>
    applyPatch(user, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

  it("replaces with a path, without a path and inside the extension", () => {
    const result = patch(
      { op: "replace", path: "name.givenName", value: "Hanako" },
      { op: "Replace", value: { active: false, [`${ENT}:employeeNumber`]: "E200" } },
      { op: "add", value: { [ENT]: { organization: "SUB" } } },
    );
    expect(result).toMatchObject({ name: { givenName: "Hanako" }, active: false });
    expect(result[ENT]).toEqual({ employeeNumber: "E200", organization: "SUB" });
    expect(user.name.givenName).toBe("Hana");
  });

  it("changes and removes values selected by a filter", () => {
    const result = patch(
      { op: "replace", path: 'emails[type eq "work"].value', value: "new@example.jp" },
      { op: "remove", path: 'emails[type eq "home"]' },
    );
    expect(result.emails).toEqual([{ value: "new@example.jp", type: "work", primary: true }]);
  });

  it("refuses bad operations with the RFC's error types", () => {
    const scimType = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ScimError).scimType;
      }
      return "none";
    };
    expect(scimType(() => patch({ op: "remove" }))).toBe("noTarget");
    expect(scimType(() => patch({ op: "remove", path: 'emails[type eq "other"]' }))).toBe("noTarget");
    expect(scimType(() => patch({ op: "replace", path: "id", value: "9" }))).toBe("mutability");
    expect(scimType(() => patch({ op: "move", path: "userName" }))).toBe("invalidSyntax");
    expect(scimType(() => patch({ op: "replace", path: "a b", value: 1 }))).toBe("invalidPath");
    expect(scimType(() => applyPatch(user, { Operations: [] }))).toBe("invalidSyntax");
  });
});

describe("SCIM attributes / excludedAttributes", () => {
  it("returns id, schemas and the asked attributes only", () => {
    expect(project({ schemas: ["x"], ...user }, "userName,name.familyName", undefined)).toEqual({
      schemas: ["x"],
      id: "7",
      userName: "Hana.Sato@example.jp",
      name: { familyName: "Sato" },
    });
    expect(project(user, `${ENT}:employeeNumber`, undefined)).toEqual({
      id: "7",
      [ENT]: { employeeNumber: "E100" },
    });
    expect(project(user, "emails.value", undefined)).toMatchObject({
      emails: [{ value: "hana.sato@example.jp" }, { value: "hana@home.example" }],
    });
  });

  it("leaves out excluded attributes but never id", () => {
    const result = project(user, undefined, "emails,name.givenName,id,meta");
    expect(result).not.toHaveProperty("emails");
    expect(result).not.toHaveProperty("meta");
    expect(result).toMatchObject({ id: "7", name: { familyName: "Sato" } });
    expect(result.name).not.toHaveProperty("givenName");
    expect(project(user, undefined, undefined)).toBe(user);
  });
});
