import { describe, expect, it } from "vitest";
import { canViewSensitive, directoryScope, permissionsOf, personAccess } from "./access.policy";
import { SYSTEM_ACTOR, type UserActor } from "./actor";

const user = (overrides: Partial<UserActor>): UserActor => ({
  kind: "user",
  userId: 1,
  email: "u@x",
  personId: 10,
  roles: [],
  hrCompanyIds: [],
  isGroupHr: false,
  managedOrgUnitIds: [],
  recruiterGrants: [],
  origin: null,
  ...overrides,
});
const stranger = { personId: 99, companyIds: [2], inManagedUnits: false };

describe("access policy", () => {
  it("an employee sees only themself, and their own sensitive data", () => {
    const employee = user({});
    expect(personAccess(employee, { personId: 10, companyIds: [1], inManagedUnits: false })).toBe("view");
    expect(personAccess(employee, stranger)).toBe("none");
    expect(canViewSensitive(employee, { personId: 10, companyIds: [1], inManagedUnits: false })).toBe(true);
    expect(canViewSensitive(employee, stranger)).toBe(false);
  });

  it("a manager sees their units' people but not their sensitive data", () => {
    const manager = user({ managedOrgUnitIds: [5] });
    const report = { personId: 11, companyIds: [1], inManagedUnits: true };
    expect(personAccess(manager, report)).toBe("view");
    expect(canViewSensitive(manager, report)).toBe(false);
  });

  it("company HR edits its company's people, not another company's", () => {
    const hr = user({ hrCompanyIds: [1] });
    expect(personAccess(hr, { personId: 11, companyIds: [1], inManagedUnits: false })).toBe("edit");
    expect(personAccess(hr, stranger)).toBe("none");
    expect(canViewSensitive(hr, { personId: 11, companyIds: [3, 1], inManagedUnits: false })).toBe(true);
  });

  it("group HR sees everyone but not individual disability data; the CLI operator can do everything", () => {
    const groupHr = user({ isGroupHr: true });
    expect(personAccess(groupHr, stranger)).toBe("edit");
    expect(canViewSensitive(groupHr, stranger)).toBe(false);
    expect(directoryScope(groupHr)).toEqual({ all: true });
    expect(personAccess(SYSTEM_ACTOR, stranger)).toBe("edit");
    expect(permissionsOf(groupHr)).toMatchObject({ companyScope: null, manageUsers: true, viewAudit: true });
    expect(permissionsOf(user({}))).toMatchObject({
      companyScope: [],
      manageUsers: false,
      editPeople: false,
    });
  });
});
