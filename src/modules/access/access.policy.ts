import type { Permissions } from "../../shared/api";
import { AppError } from "../../shared/errors";
import type { Actor } from "./actor";

/**
 * The one place that decides who may do what. Scope rules (DESIGN.md "Who uses it"):
 * - employee: their own person;
 * - manager: people assigned to the org units they head, and below;
 * - company HR: people with an employment at one of their companies;
 * - group HR: everyone.
 * Sensitive attributes (disability) are narrower: company HR of a company employing the person, and the
 * person themself — not group HR, not managers (metrics.md: "visible to company HR only").
 */

/** Where a person stands relative to the actor, found by the people repo. */
export interface PersonRelation {
  personId: number;
  /** Companies where the person has (had) an employment. */
  companyIds: number[];
  /** Whether the person is assigned today within the actor's managed subtree. */
  inManagedUnits: boolean;
}

export type AccessLevel = "none" | "view" | "edit";

export function personAccess(actor: Actor, relation: PersonRelation): AccessLevel {
  if (actor.kind === "system" || actor.isGroupHr) return "edit";
  if (relation.companyIds.some((id) => actor.hrCompanyIds.includes(id))) return "edit";
  if (actor.personId === relation.personId) return "view";
  if (relation.inManagedUnits) return "view";
  return "none";
}

export function canViewSensitive(actor: Actor, relation: PersonRelation): boolean {
  if (actor.kind === "system") return true;
  if (actor.personId === relation.personId) return true;
  return relation.companyIds.some((id) => actor.hrCompanyIds.includes(id));
}

export function canEditSensitive(actor: Actor, relation: PersonRelation): boolean {
  if (actor.kind === "system") return true;
  return relation.companyIds.some((id) => actor.hrCompanyIds.includes(id));
}

/** HR rights over a company's records (people, org units, grades). */
export function canManageCompany(actor: Actor, companyId: number): boolean {
  return actor.kind === "system" || actor.isGroupHr || actor.hrCompanyIds.includes(companyId);
}

export function isGroupAdmin(actor: Actor): boolean {
  return actor.kind === "system" || actor.isGroupHr;
}

export function assert(allowed: boolean, message?: string): void {
  if (!allowed) throw new AppError("FORBIDDEN", message ? { message } : {});
}

/**
 * The people the directory may list for this actor, as a filter the repo turns into SQL:
 * all, or the union of some companies, the actor's own person and the managed org units' subtrees.
 */
export type DirectoryScope =
  | { all: true }
  | { all: false; companyIds: number[]; personId: number | null; managedOrgUnitIds: number[] };

export function directoryScope(actor: Actor): DirectoryScope {
  if (actor.kind === "system" || actor.isGroupHr) return { all: true };
  return {
    all: false,
    companyIds: actor.hrCompanyIds,
    personId: actor.personId,
    managedOrgUnitIds: actor.managedOrgUnitIds,
  };
}

/** What the web app shows; it hides what the user may not do (the server refuses it anyway). */
export function permissionsOf(actor: Actor): Permissions {
  const admin = isGroupAdmin(actor);
  const hrCompanyIds = actor.kind === "user" ? actor.hrCompanyIds : [];
  const managed = actor.kind === "user" ? actor.managedOrgUnitIds : [];
  const isHr = admin || hrCompanyIds.length > 0;
  return {
    viewDirectory: true,
    viewOrgChart: true,
    companyScope: admin ? null : hrCompanyIds,
    managedOrgUnitIds: managed,
    editPeople: isHr,
    manageCompanies: admin,
    manageUsers: admin,
    viewAudit: admin,
    recruit: actor.kind === "user" && actor.recruiterGrants.length > 0,
  };
}
