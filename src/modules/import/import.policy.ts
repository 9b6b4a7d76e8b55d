import { canManageCompany, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";

/**
 * Who may import: company HR into their companies, group HR into every company and the group-level kinds
 * (companies). History, errors and changes of an import are visible to whoever could have run it.
 */
export function canImportInto(actor: Actor, scope: "company" | "group", companyId: number | null): boolean {
  if (scope === "group") return isGroupAdmin(actor);
  return companyId !== null && canManageCompany(actor, companyId);
}

export function canSeeImport(actor: Actor, run: { companyId: number | null }): boolean {
  if (isGroupAdmin(actor)) return true;
  return run.companyId !== null && canManageCompany(actor, run.companyId);
}

/** HR of some company or of the group: may read the formats and templates and keep mapping profiles. */
export function canUseImports(actor: Actor): boolean {
  return isGroupAdmin(actor) || (actor.kind === "user" && actor.hrCompanyIds.length > 0);
}

/** Companies whose imports the actor may list; null = all. */
export function importCompanyScope(actor: Actor): number[] | null {
  if (isGroupAdmin(actor)) return null;
  return actor.kind === "user" ? actor.hrCompanyIds : [];
}
