/**
 * THE ONE recruiter-visibility predicate (issue 7, scouting consent). Every recruiter path — search, counts,
 * candidates, scouts, explanations — filters people with it, so nothing of a person who has not opted in is
 * ever shown to a recruiter.
 *
 * A person is visible to a recruiter iff the person has an active scouting consent (`withdrawn_at is null`) AND
 *   - the consent is for all group companies, OR
 *   - one of the recruiter's grants names a company listed in the consent's `company_ids`, OR
 *   - one of the recruiter's grants names a division (org unit) that lies within the subtree of an org unit
 *     listed in the consent's `org_unit_ids`, as the org tree stands on the day (default today).
 * Company HR and group HR get no recruiter visibility by being HR: they read career reports through the
 * career-report rules, not through scouting. A recruiter without grants sees nobody. The system actor (CLI,
 * jobs) sees everyone.
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import type { Actor, RecruiterGrant } from "../access/actor";

function intArray(ids: number[]): string {
  return `{${[...new Set(ids)].filter((id) => Number.isInteger(id)).join(",")}}`;
}

/**
 * An SQL boolean expression, true for the rows whose `personIdColumn` is a person visible to a recruiter with
 * these grants. Use it in a WHERE clause: `where ${visibleToRecruiterSql(actor.recruiterGrants, persons.id)}`.
 * The org-tree lookup does not depend on the row, so PostgreSQL computes it once per query.
 */
export function visibleToRecruiterSql(
  recruiterGrants: readonly RecruiterGrant[],
  personIdColumn: AnyColumn | SQL,
  asOf: string = today(),
): SQL {
  if (recruiterGrants.length === 0) return sql`false`;
  const companyIds = recruiterGrants.map((grant) => grant.companyId);
  const orgUnitIds = recruiterGrants.flatMap((grant) => (grant.orgUnitId === null ? [] : [grant.orgUnitId]));
  // The divisions' ancestors-or-self: a consent naming any of them covers the recruiter's division.
  const unitClause =
    orgUnitIds.length === 0
      ? sql`false`
      : sql`sc.org_unit_ids @> any(array(
          with recursive up(id) as (
            select unnest(${intArray(orgUnitIds)}::int[])
            union
            select v.parent_org_unit_id from org_unit_versions v join up on v.org_unit_id = up.id
            where v.during @> ${asOf}::date and v.parent_org_unit_id is not null
          )
          select jsonb_build_array(id) from up
        ))`;
  return sql`exists (
    select 1 from scouting_consents sc
    where sc.person_id = ${personIdColumn} and sc.withdrawn_at is null
      and (
        sc.all_companies
        or sc.company_ids @> any(array(select jsonb_build_array(c) from unnest(${intArray(companyIds)}::int[]) c))
        or ${unitClause}
      )
  )`;
}

/** Whether one person is visible to the actor as a recruiter (see the rules on top). */
export async function isVisibleToRecruiter(
  db: Db,
  actor: Actor,
  personId: number,
  asOf: string = today(),
): Promise<boolean> {
  if (actor.kind === "system") return true;
  if (actor.recruiterGrants.length === 0) return false;
  const rows = await queryRows<{ visible: boolean }>(
    db,
    sql`select ${visibleToRecruiterSql(actor.recruiterGrants, sql`${personId}::int`, asOf)} as visible`,
  );
  return rows[0]?.visible === true;
}
