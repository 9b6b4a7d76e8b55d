/**
 * Who may do what with skills, learning and OJT, on top of the access policy's scopes:
 * - the library, skill maps, job descriptions and the course catalog: every signed-in user reads them;
 *   group-wide entries are written by group HR, a company's own entries by its HR;
 * - a person's levels, gaps, learning and certifications: whoever may see the person (self, manager, HR);
 * - self-assessment: the person; manager assessment: a manager whose units hold the person (not themself);
 *   HR assessment and HR actions (assign, record completion): company HR of one of the person's companies.
 */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { canManageCompany, isGroupAdmin, personAccess, type PersonRelation } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findPerson, type PersonRow, personExists, personRelationRow } from "../people/people.repo";

export async function relationTo(db: Db, actor: Actor, personId: number): Promise<PersonRelation> {
  const managed = actor.kind === "user" ? actor.managedOrgUnitIds : [];
  const [exists, row] = await Promise.all([
    personExists(db, personId),
    personRelationRow(db, personId, managed, today()),
  ]);
  if (!exists) throw AppError.notFound("Person", personId);
  return { personId, ...row };
}

/** `relationTo` with the person's row, for callers that show the person (one read instead of two). */
export async function relationAndPerson(
  db: Db,
  actor: Actor,
  personId: number,
): Promise<{ relation: PersonRelation; person: PersonRow }> {
  const managed = actor.kind === "user" ? actor.managedOrgUnitIds : [];
  const [person, row] = await Promise.all([
    findPerson(db, personId),
    personRelationRow(db, personId, managed, today()),
  ]);
  if (!person) throw AppError.notFound("Person", personId);
  return { relation: { personId, ...row }, person };
}

export const canSeePerson = (actor: Actor, relation: PersonRelation): boolean =>
  personAccess(actor, relation) !== "none";

export const isSelf = (actor: Actor, relation: PersonRelation): boolean =>
  actor.kind === "user" && actor.personId === relation.personId;

export const isManagerOf = (actor: Actor, relation: PersonRelation): boolean =>
  actor.kind === "user" && relation.inManagedUnits && actor.personId !== relation.personId;

export const isHrOf = (actor: Actor, relation: PersonRelation): boolean =>
  actor.kind === "system" ||
  isGroupAdmin(actor) ||
  relation.companyIds.some((id) => actor.hrCompanyIds.includes(id));

/** Group-wide entries (company null) belong to group HR; a company's own to its HR. */
export const canEditCatalog = (actor: Actor, companyId: number | null): boolean =>
  companyId === null ? isGroupAdmin(actor) : canManageCompany(actor, companyId);

/** Companies whose figures the actor may see: null = all. */
export function hrCompanyScope(actor: Actor): number[] | null {
  if (actor.kind === "system" || actor.isGroupHr) return null;
  return actor.hrCompanyIds;
}
