/**
 * Matching use cases: "candidates for this posting" (recruiters of the posting company: the top 50 opted-in,
 * employed people with their explanations) and "postings that fit me" (an employee: open postings ranked by
 * their skills, explained, with eligibility and the courses that close the gaps). Recruiters only ever see
 * people visible to them under consent.visibility.ts; a person they may not see is "not found", never
 * "forbidden", so that a recruiter cannot tell who did not opt in.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type {
  Candidate,
  CandidateResponse,
  CandidatesResponse,
  FittingPosting,
  FittingPostingsResponse,
} from "../../shared/matching-api";
import type { ScoutStatus } from "../../shared/mobility-vocab";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { assert } from "../access/access.policy";
import type { Actor, RecruiterGrant } from "../access/actor";
import { audienceContextOf, inAudience, parseAudience } from "../learning/audience";
import { currentLevelRule } from "../skills/skills.repo";
import { visibleToRecruiterSql } from "./consent.visibility";
import { rankCandidates, rankPostingsForPerson } from "./match.engine";
import {
  explainPairs,
  findPostings,
  matchPeople,
  type PostingRow,
  pairKey,
  postingNeeds,
  presentPosting,
} from "./match.explain";

/** The recruiter grants covering a posting company; the system actor acts as a recruiter of every company. */
export function recruiterGrantsFor(actor: Actor, companyId: number): RecruiterGrant[] | "all" {
  if (actor.kind === "system") return "all";
  return actor.recruiterGrants.filter((grant) => grant.companyId === companyId);
}

/** Whether the actor recruits for the posting's company (and so may see its candidates and scout for it). */
export function recruitsFor(actor: Actor, companyId: number): boolean {
  const grants = recruiterGrantsFor(actor, companyId);
  return grants === "all" || grants.length > 0;
}

/** Who may appear to this actor as a candidate: visible under consent and employed (a primary assignment) on the day. */
export function candidatePopulation(actor: Actor, asOf: string): (personId: SQL) => SQL {
  const employed = (personId: SQL) =>
    sql`exists (select 1 from assignments a where a.person_id = ${personId} and a.kind = 'primary' and a.during @> ${asOf}::date)`;
  if (actor.kind === "system") return employed;
  return (personId) =>
    sql`${visibleToRecruiterSql(actor.recruiterGrants, personId, asOf)} and ${employed(personId)}`;
}

async function postingFor(db: Db, postingId: number, asOf: string): Promise<PostingRow> {
  const [posting] = await findPostings(db, [postingId], asOf);
  if (!posting) throw AppError.notFound("Posting", postingId);
  return posting;
}

async function latestScouts(
  db: Db,
  postingId: number,
  personIds: number[],
): Promise<Map<number, { id: number; status: ScoutStatus }>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<{ personId: number; id: number; status: ScoutStatus }>(
    db,
    sql`select distinct on (person_id) person_id as "personId", id, status from scouts
        where posting_id = ${postingId} and person_id = any(${`{${personIds.join(",")}}`}::int[])
        order by person_id, id desc`,
  );
  return new Map(rows.map((row) => [row.personId, { id: row.id, status: row.status }]));
}

/** The top candidates for a posting, each explained (explanations only for those returned). */
export async function candidatesForPosting(
  db: Db,
  actor: Actor,
  postingId: number,
  query: { limit: number },
): Promise<CandidatesResponse> {
  const asOf = today();
  const [posting, needs, rule] = await Promise.all([
    postingFor(db, postingId, asOf),
    postingNeeds(db, [postingId]),
    currentLevelRule(db),
  ]);
  assert(
    recruitsFor(actor, posting.companyId),
    "Only recruiters of the posting's company see its candidates.",
  );
  const ranked = await rankCandidates(db, {
    needs,
    rule,
    population: candidatePopulation(actor, asOf),
    limit: query.limit,
  });
  const personIds = ranked.map((r) => r.personId);
  const pairs = personIds.map((personId) => ({ personId, postingId }));
  const [explanations, people, scouts] = await Promise.all([
    explainPairs(db, pairs, new Map([[postingId, posting]]), { rule, asOf, needs }),
    matchPeople(db, personIds, asOf),
    latestScouts(db, postingId, personIds),
  ]);
  const candidates: Candidate[] = pairs.map((pair) => ({
    person: people.get(pair.personId)!,
    explanation: explanations.get(pairKey(pair))!,
    scout: scouts.get(pair.personId) ?? null,
  }));
  return { asOf, posting: presentPosting(posting), candidates };
}

/** One person's explained match to a posting, for a recruiter: 404 unless the person is visible to them. */
export async function candidateForPosting(
  db: Db,
  actor: Actor,
  postingId: number,
  personId: number,
): Promise<CandidateResponse> {
  const asOf = today();
  const posting = await postingFor(db, postingId, asOf);
  assert(
    recruitsFor(actor, posting.companyId),
    "Only recruiters of the posting's company see its candidates.",
  );
  const population = candidatePopulation(actor, asOf);
  const [visible] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${population(sql`${personId}::int`)} as ok`,
  );
  if (!visible?.ok) throw AppError.notFound("Person", personId);
  const rule = await currentLevelRule(db);
  const pair = { personId, postingId };
  const [explanations, people, scouts] = await Promise.all([
    explainPairs(db, [pair], new Map([[postingId, posting]]), { rule, asOf }),
    matchPeople(db, [personId], asOf),
    latestScouts(db, postingId, [personId]),
  ]);
  return {
    asOf,
    posting: presentPosting(posting),
    candidate: {
      person: people.get(personId)!,
      explanation: explanations.get(pairKey(pair))!,
      scout: scouts.get(personId) ?? null,
    },
  };
}

interface Eligibility {
  minTenureMonths?: number;
  gradeRanks?: { min?: number; max?: number };
  companyIds?: number[];
}

interface SelfContext {
  companyId: number;
  gradeRank: number | null;
  hireDate: string;
}

async function selfContext(db: Db, personId: number, asOf: string): Promise<SelfContext | undefined> {
  const [row] = await queryRows<SelfContext>(
    db,
    sql`select a.company_id as "companyId", g.rank as "gradeRank", e.hire_date::text as "hireDate"
        from assignments a
        join employments e on e.id = a.employment_id
        left join grades g on g.id = a.grade_id
        where a.person_id = ${personId} and a.kind = 'primary' and a.during @> ${asOf}::date
        order by a.valid_from desc, a.id desc limit 1`,
  );
  return row;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Which of the posting's eligibility rules the person does not meet today. */
export function ineligibleReasons(
  posting: PostingRow,
  self: SelfContext | undefined,
  asOf: string,
): FittingPosting["ineligibleReasons"] {
  const rules = (posting.eligibility ?? {}) as Eligibility;
  const reasons: FittingPosting["ineligibleReasons"] = [];
  if (rules.minTenureMonths && (!self || monthsBetween(self.hireDate, asOf) < rules.minTenureMonths))
    reasons.push("tenure");
  const min = rules.gradeRanks?.min;
  const max = rules.gradeRanks?.max;
  if (
    (min !== undefined || max !== undefined) &&
    (!self ||
      self.gradeRank === null ||
      (min !== undefined && self.gradeRank < min) ||
      (max !== undefined && self.gradeRank > max))
  )
    reasons.push("grade");
  if (rules.companyIds?.length && (!self || !rules.companyIds.includes(self.companyId)))
    reasons.push("company");
  return reasons;
}

async function explainForSelf(
  db: Db,
  personId: number,
  postings: PostingRow[],
  asOf: string,
  rule: CurrentLevelRule,
): Promise<FittingPosting[]> {
  const [audience, self] = await Promise.all([
    audienceContextOf(db, personId, asOf),
    selfContext(db, personId, asOf),
  ]);
  const pairs = postings.map((posting) => ({ personId, postingId: posting.id }));
  const explanations = await explainPairs(db, pairs, new Map(postings.map((p) => [p.id, p])), {
    rule,
    asOf,
    courseFilter: (_person, course) => inAudience(parseAudience(course.audience), audience),
  });
  return postings.map((posting) => {
    const reasons = ineligibleReasons(posting, self, asOf);
    return {
      posting: presentPosting(posting),
      explanation: explanations.get(pairKey({ personId, postingId: posting.id }))!,
      eligible: reasons.length === 0,
      ineligibleReasons: reasons,
    };
  });
}

function ownPerson(actor: Actor): number {
  if (actor.kind !== "user" || actor.personId === null)
    throw new AppError("FORBIDDEN", {
      message: "Only a user linked to a person has postings that fit them.",
    });
  return actor.personId;
}

/** Open postings that fit the signed-in employee, best first, each explained. */
export async function postingsForMe(
  db: Db,
  actor: Actor,
  query: { limit: number },
): Promise<FittingPostingsResponse> {
  const personId = ownPerson(actor);
  const asOf = today();
  const rule = await currentLevelRule(db);
  const ranked = await rankPostingsForPerson(db, personId, rule, sql`po.status = 'open'`, query.limit);
  const postings = await findPostings(
    db,
    ranked.map((r) => r.postingId),
    asOf,
  );
  const byId = new Map(postings.map((p) => [p.id, p]));
  const ordered = ranked.map((r) => byId.get(r.postingId)).filter((p): p is PostingRow => p !== undefined);
  return { asOf, postings: await explainForSelf(db, personId, ordered, asOf, rule) };
}

/** The signed-in employee's match to one open posting. */
export async function postingForMe(db: Db, actor: Actor, postingId: number): Promise<FittingPosting> {
  const personId = ownPerson(actor);
  const asOf = today();
  const posting = await postingFor(db, postingId, asOf);
  if (posting.status !== "open") throw AppError.notFound("Posting", postingId);
  const [fit] = await explainForSelf(db, personId, [posting], asOf, await currentLevelRule(db));
  return fit!;
}
