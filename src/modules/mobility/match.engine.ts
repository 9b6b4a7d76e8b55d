/**
 * The matching engine: ranks people for a posting by skills, set-based over `person_skill_levels`, without
 * scoring everyone.
 *
 * Score of a person for a posting (0–100): each posting skill i asks for level l_i with weight w_i (required 2,
 * preferred 1); the person's current level L_i (by the group's current-level rule; none = 0) earns
 * credit min(L_i, l_i) / l_i. score = 100 · Σ w_i·credit_i / Σ w_i. Wishes and experience are explained beside the
 * score, not folded into it, so that the number means one thing.
 *
 * Top-k without a full scan (a threshold algorithm). Ties are broken by person id, so when at least k visible
 * people reach every level (score 100) the answer is the first k of them by person id: tier 0 finds the people
 * meeting all levels (the rarest skill range first, the other skills by primary-key lookups) and keeps k. Else,
 * a person scoring at least T = W − M (W = Σ w_i) loses at most M points, so for every skill
 * w_i·(1 − credit_i) ≤ M, i.e. L_i ≥ ⌈l_i·(1 − M/w_i)⌉: the engine scores only the people meeting all those
 * bounds, keeps the visible ones, and stops when it has k people scoring ≥ T — nobody outside the candidate set
 * can beat them. Otherwise it is the plain aggregate over every holder of a posting skill (the brute force, also
 * exported for the bench and the tests, which check both agree), as it is at once for a small group.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { CurrentLevelRule } from "../../shared/skills-vocab";

export interface PostingSkillNeed {
  skillId: number;
  level: number;
  required: boolean;
}

export interface RankedPerson {
  personId: number;
  /** 0–100, see the top of this file. */
  score: number;
}

export interface RankOptions {
  needs: PostingSkillNeed[];
  rule: CurrentLevelRule;
  /** An SQL boolean over `s.person_id`: who may appear (recruiter visibility, employed on the day, ...). */
  population: (personId: SQL) => SQL;
  limit: number;
  /** Score everyone at once when the posting's skills have at most this many holders' rows (default 20,000). */
  bruteForceBelow?: number;
}

export const weightOf = (need: { required: boolean }): number => (need.required ? 2 : 1);

function levelColumn(rule: CurrentLevelRule): SQL {
  return rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
}

const intArray = (values: number[]) => `{${values.join(",")}}`;

function needsTable(needs: PostingSkillNeed[]): SQL {
  return sql`select * from unnest(${intArray(needs.map((n) => n.skillId))}::int[],
                                  ${intArray(needs.map((n) => n.level))}::int[],
                                  ${intArray(needs.map(weightOf))}::int[]) as t(skill_id, lvl, w)`;
}

/** The bound on each skill's level for a person to lose at most `missing` weighted points. */
export function levelBounds(needs: PostingSkillNeed[], missing: number): number[] {
  return needs.map((need) => {
    const w = weightOf(need);
    if (missing >= w) return 0;
    return Math.max(0, Math.ceil(need.level * (1 - missing / w) - 1e-9));
  });
}

/**
 * How many people hold each skill at each level (per rule), to put the rarest range first. Planner statistics
 * for the engine's hand-ordered joins (see inOrder); cached per database handle for ten minutes — stale counts
 * only make a query slower, never wrong.
 */
const HISTOGRAM_TTL_MS = 10 * 60_000;
/** Below this many (person, skill) rows for a posting's skills the engine scores everyone at once. */
const BRUTE_FORCE_BELOW = 20_000;
const histograms = new WeakMap<object, { at: number; rows: Map<string, number> }>();

async function levelHistogram(db: Db): Promise<Map<string, number>> {
  const key = db as object;
  const cached = histograms.get(key);
  if (cached && Date.now() - cached.at < HISTOGRAM_TTL_MS) return cached.rows;
  const rows = await queryRows<{ skillId: number; c: number | null; a: number; n: number }>(
    db,
    sql`select skill_id as "skillId", confirmed_level as c, any_level as a, count(*)::int as n
        from person_skill_levels group by 1, 2, 3 order by 1, 2, 3`,
  );
  const counts = new Map<string, number>();
  const add = (k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n);
  for (const row of rows) {
    if (row.c !== null) add(`latest_confirmed:${row.skillId}:${row.c}`, Number(row.n));
    add(`latest_any:${row.skillId}:${row.a}`, Number(row.n));
  }
  histograms.set(key, { at: Date.now(), rows: counts });
  return counts;
}

function rowsAtLeast(
  histogram: Map<string, number>,
  rule: CurrentLevelRule,
  skillId: number,
  bound: number,
): number {
  let total = 0;
  for (let level = bound; level <= 20; level++) total += histogram.get(`${rule}:${skillId}:${level}`) ?? 0;
  return total;
}

/**
 * Runs a query with the joins in the order written (the rarest skill range first): with six self-joins and the
 * visibility semi-joins, the planner would otherwise spend longer choosing an order than running the query.
 */
async function inOrder<Row>(db: Db, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local join_collapse_limit = 1`);
    await tx.execute(sql`set local from_collapse_limit = 1`);
    return queryRows<Row>(tx, query);
  });
}

const POINTS_TO_SCORE = (points: number, total: number) => Math.round((10000 * points) / total) / 100;

/** Ranks the top `limit` people of the population for the needs (see the top of this file). */
export async function rankCandidates(db: Db, options: RankOptions): Promise<RankedPerson[]> {
  const { needs, limit } = options;
  if (needs.length === 0) return [];
  const total = needs.reduce((sum, need) => sum + weightOf(need), 0);
  const maxWeight = Math.max(...needs.map(weightOf));
  // Tier 0: people reaching every level score 100; among equals the lowest person ids come first, so the first
  // `limit` of them in person-id order are the answer — read in that order and stop early.
  const histogram = await levelHistogram(db);
  // A small group: scoring every holder costs less than the tiers' extra round trips.
  const holders = needs.reduce((sum, need) => sum + rowsAtLeast(histogram, options.rule, need.skillId, 0), 0);
  if (holders <= (options.bruteForceBelow ?? BRUTE_FORCE_BELOW)) return bruteForceRank(db, options);
  const perfect = await inOrder<{ personId: number }>(
    db,
    sql`select r0.person_id as "personId" from ${meetingAll(needs, options.rule, levelBounds(needs, 0), histogram)}
        and ${options.population(sql`r0.person_id`)}
        order by r0.person_id limit ${limit}`,
  );
  if (perfect.length === limit) return perfect.map((row) => ({ personId: row.personId, score: 100 }));
  // Then a wider tier: a person losing at most M points meets every level bound (levelBounds). One tier only: in a
  // sample of large-scale postings the 50th best had lost at most half a point, or else so much that only the
  // full scan answers (wider tiers then cost more than they save).
  for (const missing of [0.5]) {
    if (missing >= maxWeight) break;
    const bounds = levelBounds(needs, missing);
    const rows = await rankFrom(
      db,
      options,
      sql`select r0.person_id from ${meetingAll(needs, options.rule, bounds, histogram)}`,
    );
    const threshold = total - missing;
    if (rows.length === limit && rows[limit - 1]!.points >= threshold - 1e-9) {
      return rows.map((row) => ({ personId: row.personId, score: POINTS_TO_SCORE(row.points, total) }));
    }
  }
  return bruteForceRank(db, options);
}

/**
 * `person_skill_levels r0 join ... where ...`: the people meeting every positive level bound, one row each (the
 * skills of a posting are distinct). The planner picks the order; with `order by r0.person_id limit k` it reads
 * the primary key in person order and stops early.
 */
function meetingAll(
  needs: PostingSkillNeed[],
  rule: CurrentLevelRule,
  bounds: number[],
  histogram: Map<string, number>,
): SQL {
  const lc = levelColumn(rule);
  const bounded = needs
    .map((need, i) => ({ skillId: need.skillId, bound: bounds[i]! }))
    .filter((b) => b.bound > 0)
    .map((b) => ({ ...b, rows: rowsAtLeast(histogram, rule, b.skillId, b.bound) }))
    .sort((a, b) => a.rows - b.rows || a.skillId - b.skillId);
  const [first, ...rest] = bounded;
  if (!first) throw new Error("meetingAll needs at least one bounded skill");
  const joins = rest.map(
    (b, i) =>
      sql` join person_skill_levels ${sql.raw(`r${i + 1}`)} on ${sql.raw(`r${i + 1}`)}.person_id = r0.person_id
           and ${sql.raw(`r${i + 1}`)}.skill_id = ${b.skillId} and ${sql.raw(`r${i + 1}`)}.${lc} >= ${b.bound}`,
  );
  return sql`person_skill_levels r0${sql.join(joins, sql``)} where r0.skill_id = ${first.skillId} and r0.${lc} >= ${first.bound}`;
}

/** Scores every holder of any posting skill in the population: the plain aggregate (and the bench's anchor). */
export async function bruteForceRank(db: Db, options: RankOptions): Promise<RankedPerson[]> {
  const { needs } = options;
  if (needs.length === 0) return [];
  const total = needs.reduce((sum, need) => sum + weightOf(need), 0);
  const lc = levelColumn(options.rule);
  const rows = await queryRows<{ personId: number; points: number }>(
    db,
    sql`with need as (${needsTable(needs)}),
        scored as (
          select p.person_id, sum(n.w * least(p.${lc}, n.lvl)::float8 / n.lvl) as points
          from person_skill_levels p join need n on n.skill_id = p.skill_id
          where p.${lc} is not null
          group by p.person_id
        )
        select s.person_id as "personId", s.points::float8 as points from scored s
        where ${options.population(sql`s.person_id`)}
        order by s.points desc, s.person_id
        limit ${options.limit}`,
  );
  return rows.map((row) => ({ personId: row.personId, score: POINTS_TO_SCORE(Number(row.points), total) }));
}

async function rankFrom(
  db: Db,
  options: RankOptions,
  candidates: SQL,
): Promise<{ personId: number; points: number }[]> {
  const lc = levelColumn(options.rule);
  const rows = await inOrder<{ personId: number; points: number }>(
    db,
    sql`with need as (${needsTable(options.needs)}),
        cand as materialized (${candidates}),
        scored as (
          select c.person_id, sum(n.w * least(p.${lc}, n.lvl)::float8 / n.lvl) as points
          from cand c
          join person_skill_levels p on p.person_id = c.person_id
            and p.skill_id = any(${intArray(options.needs.map((n) => n.skillId))}::int[])
          join need n on n.skill_id = p.skill_id
          where p.${lc} is not null
          group by c.person_id
        )
        select s.person_id as "personId", s.points::float8 as points from scored s
        where ${options.population(sql`s.person_id`)}
        order by s.points desc, s.person_id
        limit ${options.limit}`,
  );
  return rows.map((row) => ({ personId: row.personId, points: Number(row.points) }));
}

/** Postings ranked for one person: every open posting's score from the person's levels (one small join). */
export function rankPostingsForPerson(
  db: Db,
  personId: number,
  rule: CurrentLevelRule,
  postingFilter: SQL,
  limit: number,
): Promise<{ postingId: number; points: number; total: number }[]> {
  const lc = levelColumn(rule);
  return queryRows(
    db,
    sql`with mine as (
          select skill_id, ${lc} as level from person_skill_levels where person_id = ${personId} and ${lc} is not null
        ),
        scored as (
          select ps.posting_id,
                 sum((case when ps.required then 2 else 1 end) * least(coalesce(m.level, 0), ps.level)::float8 / ps.level) as points,
                 sum(case when ps.required then 2 else 1 end)::float8 as total
          from postings po
          join posting_skills ps on ps.posting_id = po.id
          left join mine m on m.skill_id = ps.skill_id
          where ${postingFilter}
          group by ps.posting_id
        )
        select posting_id as "postingId", points::float8 as points, total::float8 as total from scored
        where points > 0
        order by points / total desc, posting_id
        limit ${limit}`,
  );
}

export { POINTS_TO_SCORE as scoreOf };
