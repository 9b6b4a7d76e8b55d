import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { queryRows } from "../../../db/query";
import type { KindContext, RowIssue } from "../import.types";
import { importMessage } from "../messages";
import type { PersonRow } from "./persons.plan";
import type { PeopleState } from "./persons.state";

/**
 * Matching a new employee of this company with a person the group already knows (someone moving from another
 * group company), so that one person keeps one record. Safe by design — never merge two people on a weak match:
 *
 * - `groupPersonId` names the person (their Tekizai person id) — or `new` to create a new person regardless;
 * - otherwise a person of another group company whose email AND birth date are the file's is the same person,
 *   when they are the only candidate;
 * - any other candidate (same email with another or no birth date, or same family name, given name and birth
 *   date, or several people) is a row error asking for `groupPersonId`: the import does not guess.
 *
 * Candidates are fetched per chunk of rows (prefetch), in one query, for rows whose employee number is new.
 */
export interface GroupCandidate {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  email: string | null;
}

export interface GroupMatchState {
  byEmail: Map<string, GroupCandidate[]>;
  byNameBirth: Map<string, GroupCandidate[]>;
  byId: Map<number, GroupCandidate>;
  /** Persons this file already matched (a person is matched once per file). */
  matched: Set<number>;
}

export const emptyGroupMatch = (): GroupMatchState => ({
  byEmail: new Map(),
  byNameBirth: new Map(),
  byId: new Map(),
  matched: new Set(),
});

const nameBirthKey = (family: string, given: string, birth: string) =>
  `${family}\u0000${given}\u0000${birth}`;

const push = (map: Map<string, GroupCandidate[]>, key: string, c: GroupCandidate) => {
  const list = map.get(key) ?? [];
  if (!list.some((x) => x.id === c.id)) list.push(c);
  map.set(key, list);
};

/** Fetches the group's persons the new employees of these rows might be (not employed by this company). */
export async function prefetchGroupCandidates(
  db: Db,
  rows: readonly PersonRow[],
  state: PeopleState,
  ctx: KindContext,
): Promise<void> {
  const match = state.groupMatch;
  const fresh = rows.filter((r) => !state.byNumber.has(r.employeeNumber));
  const emails = [...new Set(fresh.flatMap((r) => (r.person.email ? [r.person.email] : [])))];
  const names = fresh.flatMap((r) =>
    r.person.birthDate ? [{ f: r.person.familyName, g: r.person.givenName, b: r.person.birthDate }] : [],
  );
  const ids = [
    ...new Set(
      fresh.flatMap((r) =>
        r.groupPersonId !== null && r.groupPersonId !== "new" ? [Number(r.groupPersonId)] : [],
      ),
    ),
  ].filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  if (!emails.length && !names.length && !ids.length) return;
  // Three lookups, each by an index (the primary key, persons_email_lower_idx, persons_name_birth_idx), united:
  // one condition OR-ing them would read every person of the group for each chunk.
  const found = await queryRows<GroupCandidate>(
    db,
    sql`with candidates as (
          select p.id from persons p
          where p.id in (select value::int from json_array_elements_text(${JSON.stringify(ids)}::json))
          union
          select p.id from json_array_elements_text(${JSON.stringify(emails)}::json) as m(email)
          join persons p on lower(p.email) = m.email
          union
          select p.id from json_to_recordset(${JSON.stringify(names)}::json) as x(f text, g text, b date)
          join persons p on p.family_name = x.f and p.given_name = x.g and p.birth_date = x.b
        )
        select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
          p.email
        from candidates c join persons p on p.id = c.id
        where not exists (select 1 from employments e where e.person_id = p.id and e.company_id = ${ctx.companyId})
        order by p.id`,
  );
  for (const c of found) {
    const candidate = { ...c, id: Number(c.id) };
    match.byId.set(candidate.id, candidate);
    if (candidate.email) push(match.byEmail, candidate.email.toLowerCase(), candidate);
    if (candidate.birthDate)
      push(
        match.byNameBirth,
        nameBirthKey(candidate.familyName, candidate.givenName, candidate.birthDate),
        candidate,
      );
  }
}

/** The existing person a new employee is (undefined: a new person), or why the row cannot say. */
export function matchGroupPerson(
  row: PersonRow,
  state: PeopleState,
): { personId: number | undefined; via?: string } | { issues: RowIssue[] } {
  const match = state.groupMatch;
  if (row.groupPersonId === "new") return { personId: undefined };
  if (row.groupPersonId !== null) {
    const person = match.byId.get(Number(row.groupPersonId));
    if (!person)
      return {
        issues: [importMessage("groupPersonId", "match.unknownGroupPerson", { id: row.groupPersonId })],
      };
    if (
      row.person.birthDate !== null &&
      person.birthDate !== null &&
      person.birthDate !== row.person.birthDate
    ) {
      return {
        issues: [
          importMessage("groupPersonId", "match.groupPersonDiffers", {
            id: person.id,
            field: "birthDate",
            existing: person.birthDate,
          }),
        ],
      };
    }
    if (match.matched.has(person.id))
      return { issues: [importMessage("groupPersonId", "match.matchedTwice", { id: person.id })] };
    match.matched.add(person.id);
    return { personId: person.id, via: "groupPersonId" };
  }
  const byEmail = row.person.email ? (match.byEmail.get(row.person.email) ?? []) : [];
  const byName = row.person.birthDate
    ? (match.byNameBirth.get(
        nameBirthKey(row.person.familyName, row.person.givenName, row.person.birthDate),
      ) ?? [])
    : [];
  const candidates = [...new Map([...byEmail, ...byName].map((c) => [c.id, c])).values()].filter(
    (c) => !match.matched.has(c.id),
  );
  if (!candidates.length) return { personId: undefined };
  const only = candidates[0]!;
  if (
    candidates.length === 1 &&
    only.birthDate !== null &&
    only.birthDate === row.person.birthDate &&
    byEmail.includes(only)
  ) {
    match.matched.add(only.id);
    return { personId: only.id, via: "email+birthDate" };
  }
  return {
    issues: [
      importMessage("groupPersonId", "match.ambiguous", {
        count: candidates.length,
        ids: candidates.map((c) => c.id).join(", "),
        rule: byEmail.length ? "email" : "name+birthDate",
      }),
    ],
  };
}
