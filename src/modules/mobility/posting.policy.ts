/**
 * Who may manage postings: group HR every posting; company HR the postings of their companies; a recruiter the
 * postings of the company of their grant (a grant with an org unit: postings of that unit and its sub-units, as
 * the tree stands today). The posting owner (`owner_user_id`) reviews its applications without managing it.
 */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import type { Actor, RecruiterGrant } from "../access/actor";
import { subtreeOrgUnitIds } from "../org/org.repo";

/** The actor's recruiter grants (empty for everyone else). */
export function recruiterGrantsOf(actor: Actor): RecruiterGrant[] {
  return actor.kind === "user" ? actor.recruiterGrants : [];
}

export const isGroupHr = (actor: Actor): boolean => actor.kind === "system" || actor.isGroupHr;

export const isCompanyHr = (actor: Actor, companyId: number): boolean =>
  isGroupHr(actor) || (actor.kind === "user" && actor.hrCompanyIds.includes(companyId));

/** Whether the actor may create, edit, open and close postings of the company placed in the unit. */
export async function canManagePostingOf(
  db: Db,
  actor: Actor,
  posting: { companyId: number; orgUnitId: number },
): Promise<boolean> {
  if (isCompanyHr(actor, posting.companyId)) return true;
  for (const grant of recruiterGrantsOf(actor)) {
    if (grant.companyId !== posting.companyId) continue;
    if (grant.orgUnitId === null) return true;
    if ((await subtreeOrgUnitIds(db, [grant.orgUnitId], today())).includes(posting.orgUnitId)) return true;
  }
  return false;
}

/** Whether the actor may ever manage postings (HR of some company, group HR or a recruiter). */
export const managesAnyPostings = (actor: Actor): boolean =>
  isGroupHr(actor) ||
  (actor.kind === "user" && actor.hrCompanyIds.length > 0) ||
  recruiterGrantsOf(actor).length > 0;
