/**
 * The arithmetic of the matching engine's tiers (match.engine.ts), pure: whole points, the conditions a person
 * losing at most M points must meet, and an estimate of how many people do.
 *
 * Points: every level 1–10 divides D = 2520, so a posting skill asked at level l with weight w (required 2,
 * preferred 1) is worth w·D/l points per level held up to l — whole numbers, so equal scores tie exactly (posting
 * levels are 1–10: postings-api.ts; skill levels 0–10: the scale).
 *
 * Tier M: the people losing at most M points. A person's shortfall on skill i is d_i = l_i − min(L_i, l_i), which
 * costs d_i·w_i·D/l_i. A shortfall vector v over budget (cost > M) that is minimal (one level less on any of its
 * skills and it is within budget) rules out everybody short by at least v_i on every skill of v; so everybody in
 * tier M reaches level l_i − v_i + 1 on at least one skill of v — "holds one of these tokens", a GIN overlap
 * `tokens && {…}`. Each such clause is necessary, and all of them together are exact; a clause of one skill is a
 * plain minimum level (`tokens @> {…}`).
 */
import { skillLevelToken } from "../skills/current-levels.schema";

export interface PostingSkillNeed {
  skillId: number;
  level: number;
  required: boolean;
}

export const weightOf = (need: { required: boolean }): number => (need.required ? 2 : 1);

/** Every level 1–10 divides it: a skill's points per level, w·D/l, are whole numbers. */
export const LEVEL_POINTS = 2520;

/** The points a level is worth on this skill of the posting. */
export const pointsPerLevel = (need: { required: boolean; level: number }): number =>
  (weightOf(need) * LEVEL_POINTS) / need.level;

/** The most points a person can have for these needs. */
export const fullPoints = (needs: readonly { required: boolean }[]): number =>
  needs.reduce((sum, need) => sum + weightOf(need) * LEVEL_POINTS, 0);

/** 0–100 with two decimals, from whole points. */
export const scoreOfPoints = (points: number, full: number): number =>
  Math.round((10000 * points) / full) / 100;

/** The conditions of a tier: tokens all held, and sets of tokens of which one at least is held. */
export interface TierConditions {
  holdsAll: number[];
  holdsOneOf: number[][];
  /** False when clauses were left out (too many): the conditions then admit people below the tier too. */
  exact: boolean;
}

/** The share of the people with a current level who hold a token (an estimate). */
export type TokenShares = (token: number) => number;

/** Stop listing clauses after this many steps of the search (a posting of very many skills). */
const SEARCH_STEPS = 50_000;

/**
 * The GIN conditions of tier M (see the top of this file): every minimal shortfall vector over budget, as a
 * clause; when there are more than `maxClauses`, the most selective of them (by the token shares, else the
 * fewest and highest tokens) and `exact: false`.
 */
export function tierConditions(
  needs: readonly PostingSkillNeed[],
  budget: number,
  maxClauses: number,
  shares?: TokenShares,
): TierConditions {
  const cost = needs.map(pointsPerLevel);
  const short = needs.map(() => 0);
  const clauses: number[][] = [];
  let steps = 0;
  let complete = true;
  const walk = (i: number, spent: number): void => {
    if (i === needs.length) return;
    for (let d = 0; d <= needs[i]!.level; d++) {
      if (++steps > SEARCH_STEPS) {
        complete = false;
        return;
      }
      short[i] = d;
      const total = spent + d * cost[i]!;
      if (total > budget) {
        // Over budget: minimal if one level less on any of its skills is within budget; more on later skills
        // would not be minimal, nor would more on this one.
        const cheapest = Math.min(...short.flatMap((s, j) => (s > 0 ? [cost[j]!] : [])));
        if (total - cheapest <= budget)
          clauses.push(
            short.flatMap((s, j) =>
              s > 0 ? [skillLevelToken(needs[j]!.skillId, needs[j]!.level - s + 1)] : [],
            ),
          );
        break;
      }
      walk(i + 1, total);
    }
    short[i] = 0;
  };
  walk(0, 0);
  const holdsAll = clauses.filter((clause) => clause.length === 1).map(([token]) => token!);
  const others = clauses.filter((clause) => clause.length > 1);
  const room = Math.max(0, maxClauses - (holdsAll.length > 0 ? 1 : 0));
  const chosen =
    others.length <= room
      ? others
      : others
          .map((clause) => ({ clause, share: shareOfOneOf(clause, shares) }))
          .sort((a, b) => a.share - b.share || a.clause.length - b.clause.length)
          .slice(0, room)
          .map((c) => c.clause);
  return {
    holdsAll: holdsAll.sort((a, b) => a - b),
    holdsOneOf: chosen,
    exact: complete && chosen === others,
  };
}

/** The share of people holding one of the tokens, were tokens independent (without shares: each half). */
function shareOfOneOf(tokens: readonly number[], shares: TokenShares | undefined): number {
  return 1 - tokens.reduce((none, token) => none * (1 - (shares ? shares(token) : 0.5)), 1);
}

/**
 * The share of people losing each number of points, were skills independent of one another (from the token
 * shares), up to `upTo` points lost: sorted by loss. Used only to choose the next tier's budget.
 */
export function lossShares(
  needs: readonly PostingSkillNeed[],
  shares: TokenShares,
  upTo: number,
): { loss: number; share: number }[] {
  let losses = new Map<number, number>([[0, 1]]);
  for (const need of needs) {
    const cost = pointsPerLevel(need);
    // Share at each level or above (none = 0: everybody), never rising with the level.
    const atLeast = [1];
    for (let level = 1; level <= need.level; level++)
      atLeast.push(Math.min(atLeast[level - 1]!, shares(skillLevelToken(need.skillId, level))));
    const next = new Map<number, number>();
    for (const [lost, share] of losses) {
      for (let d = 0; d <= need.level; d++) {
        const total = lost + d * cost;
        if (total > upTo) break;
        // Short by exactly d: at least at level l − d, not at l − d + 1 (short by l: no level at all).
        const p = atLeast[need.level - d]! - (d === 0 ? 0 : atLeast[need.level - d + 1]!);
        next.set(total, (next.get(total) ?? 0) + share * p);
      }
    }
    losses = next;
  }
  return [...losses].map(([loss, share]) => ({ loss, share })).sort((a, b) => a.loss - b.loss);
}

/** Every loss a person can have, from the smallest, up to `upTo` (the budgets worth trying). */
export function possibleLosses(needs: readonly PostingSkillNeed[], upTo: number): number[] {
  let losses = new Set<number>([0]);
  for (const need of needs) {
    const cost = pointsPerLevel(need);
    const next = new Set<number>();
    for (const lost of losses)
      for (let d = 0; d <= need.level && lost + d * cost <= upTo; d++) next.add(lost + d * cost);
    losses = next;
  }
  return [...losses].sort((a, b) => a - b);
}
