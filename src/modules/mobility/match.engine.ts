/**
 * The matching engine: ranks people for a posting by skills, exactly, without scoring everyone.
 *
 * Score of a person for a posting (0–100): each posting skill i asks for level l_i with weight w_i (required 2,
 * preferred 1); the person's current level L_i (by the group's current-level rule; none = 0) earns
 * credit min(L_i, l_i) / l_i. score = 100 · Σ w_i·credit_i / Σ w_i. Wishes and experience are explained beside the
 * score, not folded into it, so that the number means one thing. The engine counts whole points (match.tiers.ts),
 * and ranks by points, then by person id.
 *
 * Top k through `person_skill_tokens` (a person with skill s at level L holds the tokens s·16+1 … s·16+L, GIN
 * indexed), a threshold algorithm in tiers:
 *   - Tier 0: the people meeting every level (`tokens @> {s_i·16+l_i}`, one bitmap AND of posting lists) score
 *     100; among equals the lowest person ids come first, so the first k visible of them in person-id order are
 *     the answer when there are k. Most postings end here.
 *   - Tier M: the people losing at most M points. Each minimal way of losing more than M gives a clause — "holds
 *     one of these tokens" (`tokens && {…}`) — that everybody in the tier meets; all the clauses together are
 *     exactly the tier, and one GIN scan evaluates them all, reading each posting list once. The engine scores
 *     the tier's people from their tokens, best first, and checks the population in that order: k visible there
 *     are the answer, since everybody outside the tier has lost more. When a tier would need too many clauses,
 *     the engine keeps the most selective and drops the people below M by their points (still exact).
 *     The budget M: the smallest possible loss expected to hold k visible people — expected from the planner's
 *     statistics of the tokens (the share of people holding each), as if skills were independent, and the share
 *     of visible people the tiers showed so far; without statistics (before the first ANALYZE) the 1st, 3rd,
 *     7th, … possible loss. At most four tier queries.
 *   - Otherwise (the k-th best has lost more than half the points: rare skills, a narrow population), the plain
 *     aggregate over every holder of a posting skill, best first, the population checked in that order. For a
 *     small group the brute force at once.
 * The brute force is exported (the bench's anchor, the tests' oracle): the tests check that both rank the same.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { skillLevelToken } from "../skills/current-levels.schema";
import {
  fullPoints,
  LEVEL_POINTS,
  lossShares,
  type PostingSkillNeed,
  pointsPerLevel,
  possibleLosses,
  scoreOfPoints,
  type TierConditions,
  type TokenShares,
  tierConditions,
} from "./match.tiers";

export type { PostingSkillNeed } from "./match.tiers";

export interface RankedPerson {
  personId: number;
  /** 0–100, see the top of this file. */
  score: number;
}

export interface RankOptions {
  needs: PostingSkillNeed[];
  rule: CurrentLevelRule;
  /** An SQL boolean over a person id: who may appear (recruiter visibility, employed on the day, ...). */
  population: (personId: SQL) => SQL;
  limit: number;
  /** Score everyone at once when at most this many people hold a current level (default 5,000). */
  bruteForceBelow?: number;
  /** The clauses of one tier query, at most (default 32; the tests lower it). */
  maxClauses?: number;
}

/** Which method answered (for the tests and the bench): see the top of this file. */
export type RankPath = "no skills" | "small group" | "tier 0" | "tier" | "aggregate";

export interface Ranking {
  people: RankedPerson[];
  path: RankPath;
  /** Tier queries run after tier 0. */
  tiers: number;
}

/** 0–100 with two decimals, from weighted credits and their total (rotation's fit, with unit weights). */
export const scoreOf = (points: number, total: number): number => Math.round((10000 * points) / total) / 100;

/** Below this many people with a current level the engine scores everyone at once. */
const BRUTE_FORCE_BELOW = 5_000;
/** Tier queries after tier 0, at most. */
const MAX_TIERS = 4;
/** Tiers go down to losing this share of the points; deeper, the aggregate. */
const DEEPEST = 0.5;
/** The clauses of one tier query, at most (one GIN scan evaluates them, with each posting list read once). */
const MAX_CLAUSES = 32;
/** A tier is chosen to hold this many times the people wanted, as expected. */
const HEADROOM = 1.3;
/** The share of people visible assumed before any is seen (a recruiter's), as if seen among this many. */
const VISIBLE_PRIOR = 0.25;
const PRIOR_PEOPLE = 10;
const STATS_TTL_MS = 10 * 60_000;

interface GroupStats {
  /** People with a current level. */
  people: number;
  /** Token shares from the planner's statistics (undefined before the first ANALYZE). */
  shares: TokenShares | undefined;
}

const statsCache = new WeakMap<object, Map<CurrentLevelRule, { at: number; stats: GroupStats }>>();

/**
 * How many people hold a current level, and how often each token is held: the planner's statistics of
 * `person_skill_tokens` (kept by ANALYZE, autovacuum's), cached per database handle for ten minutes once there
 * are some. They only choose between exact methods: stale figures cost time, never correctness.
 */
async function groupStats(db: Db, rule: CurrentLevelRule): Promise<GroupStats> {
  const byRule = statsCache.get(db as object) ?? new Map();
  statsCache.set(db as object, byRule);
  const cached = byRule.get(rule);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  const column = rule === "latest_any" ? "any_tokens" : "confirmed_tokens";
  const [row] = await queryRows<{ people: number; elems: string | null; freqs: string | null }>(
    db,
    sql`select case when c.reltuples > 0 then c.reltuples::int8 else (select count(*) from person_skill_tokens) end as people,
               s.most_common_elems::text as elems, s.most_common_elem_freqs::text as freqs
        from pg_class c
        left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'person_skill_tokens'
          and s.attname = ${column}
        where c.oid = 'person_skill_tokens'::regclass`,
  );
  // most_common_elems: the tokens held often enough to be listed, with their shares; any other is rarer than
  // the least listed.
  const numbers = (text: string | null | undefined) =>
    text ? text.replace(/[{}]/g, "").split(",").map(Number) : [];
  const freqs = numbers(row?.freqs);
  const listed = new Map(numbers(row?.elems).map((token, i) => [token, freqs[i] ?? 0]));
  const floor = Math.min(...listed.values());
  const shares = listed.size > 0 ? (token: number) => listed.get(token) ?? floor : undefined;
  const stats = { people: Number(row?.people ?? 0), shares };
  if (shares) byRule.set(rule, { at: Date.now(), stats });
  return stats;
}

function tokenColumn(rule: CurrentLevelRule): SQL {
  return rule === "latest_any" ? sql.raw("t.any_tokens") : sql.raw("t.confirmed_tokens");
}

function levelColumn(rule: CurrentLevelRule): SQL {
  return rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
}

const intArray = (values: readonly number[]) => `{${values.join(",")}}`;
const integer = (value: number) => sql.raw(`${value}`);

/** The person's points from their tokens: the points of every posting token they hold (tokens nest). */
function pointsFromTokens(needs: readonly PostingSkillNeed[], column: SQL): SQL {
  const terms = needs.flatMap((need) =>
    Array.from(
      { length: need.level },
      (_, k) =>
        sql`(${integer(skillLevelToken(need.skillId, k + 1))} = any(${column}))::int * ${integer(pointsPerLevel(need))}`,
    ),
  );
  return sql`(${sql.join(terms, sql` + `)})`;
}

/** The tier's GIN conditions as SQL. */
function tierFilter(conditions: TierConditions, column: SQL): SQL {
  const parts = [
    ...(conditions.holdsAll.length > 0 ? [sql`${column} @> ${intArray(conditions.holdsAll)}::int[]`] : []),
    ...conditions.holdsOneOf.map((tokens) => sql`${column} && ${intArray(tokens)}::int[]`),
  ];
  return sql.join(parts, sql` and `);
}

type Scored = { personId: number; points: number };

/**
 * The first `limit` rows of an ordered query (person_id, points) whose person is in the population, checked one
 * person at a time in that order until enough pass: `offset 0` keeps the ordered query a subquery of its own,
 * whose order the outer query reads, and `(select …)` keeps the planner from turning the check into a join over
 * everybody — checking the population costs more than scoring.
 */
function firstVisible(ordered: SQL, options: RankOptions): SQL {
  return sql`select c.person_id as "personId", c.points::int as points from (${ordered} offset 0) c
             where (select ${options.population(sql`c.person_id`)})
             limit ${options.limit}`;
}

/** Ranks the top `limit` people of the population for the needs (see the top of this file). */
export async function rankCandidates(db: Db, options: RankOptions): Promise<RankedPerson[]> {
  return (await rankTraced(db, options)).people;
}

/** rankCandidates, saying how it found the answer. */
export async function rankTraced(db: Db, options: RankOptions): Promise<Ranking> {
  const { needs, limit } = options;
  if (needs.length === 0) return { people: [], path: "no skills", tiers: 0 };
  const stats = await groupStats(db, options.rule);
  if (stats.people <= (options.bruteForceBelow ?? BRUTE_FORCE_BELOW))
    return { people: await bruteForceRank(db, options), path: "small group", tiers: 0 };
  const full = fullPoints(needs);
  const deepest = Math.floor(full * DEEPEST);
  const expected = expectedPeople(needs, stats, deepest);
  const people = (rows: Scored[]) =>
    rows.map((row) => ({ personId: row.personId, score: scoreOfPoints(Number(row.points), full) }));
  // The share of a tier's people who are visible: a prior, then what the tiers saw.
  const seen = { visible: VISIBLE_PRIOR * PRIOR_PEOPLE, people: PRIOR_PEOPLE };
  const observe = (visible: number, budget: number) => {
    if (!expected) return;
    seen.visible += visible;
    seen.people += expected(budget);
  };

  // Tier 0 (its people are in every wider tier too, but it is one cheap query, and most postings end there).
  const perfect = await queryRows<Scored>(db, perfectTier(options, full, expected?.(0), stats.people));
  if (perfect.length === limit) return { people: people(perfect), path: "tier 0", tiers: 0 };
  observe(perfect.length, 0);

  const budgets = possibleLosses(needs, deepest);
  let at = 0; // budgets[at] was the last one tried
  let tiers = 0;
  while (tiers < MAX_TIERS) {
    const share = seen.visible / seen.people;
    const next = nextBudget(
      budgets,
      at,
      tiers + 1,
      expected && ((b) => expected(b) * share >= limit * HEADROOM),
    );
    if (next === undefined) break;
    at = next;
    tiers++;
    const rows = await queryRows<Scored>(db, tier(options, budgets[at]!, stats.shares));
    if (rows.length === limit) return { people: people(rows), path: "tier", tiers };
    observe(rows.length, budgets[at]!);
  }

  // Everybody, best first (the brute force's aggregate), the population checked in that order.
  const rows = await queryRows<Scored>(
    db,
    sql`with ${needTable(needs)}, ${scoredTable(options.rule)}
        ${firstVisible(sql`select person_id, points from scored order by points desc, person_id`, options)}`,
  );
  return { people: people(rows), path: "aggregate", tiers };
}

/**
 * Tier 0: everybody here scores 100, so the answer is the first `limit` visible by person id. When many meet
 * every level, reading person_skill_tokens in person-id order finds them soonest; when few, the bitmap of the
 * GIN scan, sorted (the materialized CTE keeps the planner from the first, which it favours knowing no better).
 */
function perfectTier(options: RankOptions, full: number, expected: number | undefined, people: number): SQL {
  const column = tokenColumn(options.rule);
  const allLevels = tierFilter(tierConditions(options.needs, 0, MAX_CLAUSES), column);
  if (expected !== undefined && expected < Math.sqrt(options.limit * 5 * people))
    return sql`with tier as materialized (select t.person_id from person_skill_tokens t where ${allLevels})
               ${firstVisible(sql`select person_id, ${integer(full)} as points from tier order by person_id`, options)}`;
  return firstVisible(
    sql`select t.person_id, ${integer(full)} as points from person_skill_tokens t where ${allLevels}
        order by t.person_id`,
    options,
  );
}

/** Tier M: the people losing at most `budget` points, best first (see the top of this file). */
function tier(options: RankOptions, budget: number, shares: TokenShares | undefined): SQL {
  const column = tokenColumn(options.rule);
  const conditions = tierConditions(options.needs, budget, options.maxClauses ?? MAX_CLAUSES, shares);
  const points = pointsFromTokens(options.needs, column);
  const least = fullPoints(options.needs) - budget;
  return firstVisible(
    sql`select t.person_id, ${points} as points from person_skill_tokens t
        where ${tierFilter(conditions, column)} ${conditions.exact ? sql`` : sql`and ${points} >= ${integer(least)}`}
        order by points desc, t.person_id`,
    options,
  );
}

/** How many people are expected to lose at most a budget (see lossShares); undefined without statistics. */
function expectedPeople(
  needs: readonly PostingSkillNeed[],
  stats: GroupStats,
  deepest: number,
): ((budget: number) => number) | undefined {
  if (!stats.shares) return undefined;
  const losses = lossShares(needs, stats.shares, deepest);
  return (budget) => stats.people * losses.reduce((sum, l) => sum + (l.loss <= budget ? l.share : 0), 0);
}

/**
 * The index of the next budget to try after budgets[at]: the first expected to be enough (none: undefined, the
 * aggregate answers); without statistics the 1st, 3rd, 7th, … possible loss.
 */
function nextBudget(
  budgets: readonly number[],
  at: number,
  tier: number,
  enough: ((budget: number) => boolean) | undefined,
): number | undefined {
  const last = budgets.length - 1;
  if (at >= last) return undefined;
  if (!enough) return Math.min(last, Math.max(at + 1, 2 ** tier - 1));
  for (let i = at + 1; i <= last; i++) if (enough(budgets[i]!)) return i;
  return undefined;
}

function needTable(needs: readonly PostingSkillNeed[]): SQL {
  return sql`need as (
    select * from unnest(${intArray(needs.map((n) => n.skillId))}::int[], ${intArray(needs.map((n) => n.level))}::int[],
                         ${intArray(needs.map(pointsPerLevel))}::int[]) as t(skill_id, lvl, per_level)
  )`;
}

/** Every holder of a posting skill with their points. */
function scoredTable(rule: CurrentLevelRule): SQL {
  const lc = levelColumn(rule);
  return sql`scored as (
    select p.person_id, sum(least(p.${lc}, n.lvl) * n.per_level) as points
    from person_skill_levels p join need n on n.skill_id = p.skill_id
    where p.${lc} is not null
    group by p.person_id
  )`;
}

/**
 * Scores every holder of any posting skill, keeps the population, sorts: the plain aggregate, written as simply
 * as it can be — the bench's anchor and the tests' oracle.
 */
export async function bruteForceRank(db: Db, options: RankOptions): Promise<RankedPerson[]> {
  const { needs } = options;
  if (needs.length === 0) return [];
  const rows = await queryRows<Scored>(
    db,
    sql`with ${needTable(needs)}, ${scoredTable(options.rule)}
        select s.person_id as "personId", s.points::int as points from scored s
        where ${options.population(sql`s.person_id`)}
        order by s.points desc, s.person_id
        limit ${options.limit}`,
  );
  const full = fullPoints(needs);
  return rows.map((row) => ({ personId: row.personId, score: scoreOfPoints(Number(row.points), full) }));
}

/**
 * Postings ranked for one person: every open posting's points from the person's levels (one small join), best
 * share of the posting's full points first — whole numbers, so equal scores tie exactly (then by posting id).
 */
export function rankPostingsForPerson(
  db: Db,
  personId: number,
  rule: CurrentLevelRule,
  postingFilter: SQL,
  limit: number,
): Promise<{ postingId: number; points: number; total: number }[]> {
  const lc = levelColumn(rule);
  const weight = sql`(case when ps.required then 2 else 1 end)`;
  return queryRows(
    db,
    sql`with mine as (
          select skill_id, ${lc} as level from person_skill_levels where person_id = ${personId} and ${lc} is not null
        ),
        scored as (
          select ps.posting_id,
                 sum(${weight} * (${integer(LEVEL_POINTS)} / ps.level) * least(coalesce(m.level, 0), ps.level))::int as points,
                 sum(${weight} * ${integer(LEVEL_POINTS)})::int as total
          from postings po
          join posting_skills ps on ps.posting_id = po.id
          left join mine m on m.skill_id = ps.skill_id
          where ${postingFilter}
          group by ps.posting_id
        )
        select posting_id as "postingId", points, total from scored
        where points > 0
        order by points::float8 / total desc, posting_id
        limit ${limit}`,
  );
}
