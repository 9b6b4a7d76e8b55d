/**
 * Who may see which figures (DESIGN.md "Who uses it", reference/metrics.md):
 * - figures and drill-downs: group HR any scope; company HR scopes made of their companies only; a manager
 *   the org unit subtrees they head; employees none;
 * - the disclosure report and its publications: group HR (group and every company), company HR (their
 *   companies); managers and employees none;
 * - figures built from sensitive data (disability): company HR of every company the figure counts only — not
 *   group HR — and never for small groups (the engine withholds those);
 * - the people in a drill-down: those the caller may see in the directory (access.policy's directoryScope).
 */
import { type SQL, sql } from "drizzle-orm";
import { intArray } from "../../metrics/engine/populations";
import type { ScopeContext } from "../../metrics/engine/scope";
import { directoryScope, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** `managedSubtree`: the org units below the units the actor heads today (roots included). */
export function canComputeFor(actor: Actor, scope: ScopeContext, managedSubtree: readonly number[]): boolean {
  if (isGroupAdmin(actor)) return true;
  if (actor.kind !== "user") return false;
  if (scope.companies.length > 0 && scope.companies.every((c) => actor.hrCompanyIds.includes(c.id)))
    return true;
  return scope.orgUnit !== null && managedSubtree.includes(scope.orgUnit.id);
}

/** A figure built from sensitive data about the people of these companies. */
export function canSeeSensitiveFigure(actor: Actor, companyIds: readonly number[]): boolean {
  if (actor.kind === "system") return true;
  return companyIds.length > 0 && companyIds.every((id) => actor.hrCompanyIds.includes(id));
}

/** The disclosure report of the group (companyId null) or of one company, and publishing it. */
export function canViewReport(actor: Actor, companyId: number | null): boolean {
  if (isGroupAdmin(actor)) return true;
  return actor.kind === "user" && companyId !== null && actor.hrCompanyIds.includes(companyId);
}

/** Any report at all (the web app shows the Reports page). */
export function canViewSomeReport(actor: Actor): boolean {
  return isGroupAdmin(actor) || (actor.kind === "user" && actor.hrCompanyIds.length > 0);
}

/** Over a population row `r`: whether the caller may see the person (the directory's rule, today). */
export function drillVisibility(actor: Actor, today: string): SQL {
  const scope = directoryScope(actor);
  if (scope.all) return sql`true`;
  const parts: SQL[] = [sql`false`];
  if (scope.companyIds.length) parts.push(sql`r.company_id = any(${intArray(scope.companyIds)})`);
  if (scope.personId !== null) parts.push(sql`r.person_id = ${scope.personId}`);
  if (scope.managedOrgUnitIds.length) {
    parts.push(sql`exists (
      with recursive managed(id) as (
        select unnest(${intArray(scope.managedOrgUnitIds)})
        union
        select v.org_unit_id from org_unit_versions v join managed m on v.parent_org_unit_id = m.id
        where v.during @> ${today}::date
      )
      select 1 from assignments ma join managed m on m.id = ma.org_unit_id
      where ma.person_id = r.person_id and ma.during @> ${today}::date)`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}
