import { describe, expect, it } from "vitest";
import { skillLevelToken } from "../skills/current-levels.schema";
import { generator, randomNeeds } from "./match.test-support";
import {
  fullPoints,
  LEVEL_POINTS,
  lossShares,
  type PostingSkillNeed,
  pointsPerLevel,
  possibleLosses,
  scoreOfPoints,
  type TierConditions,
  tierConditions,
} from "./match.tiers";

/** Every level vector a person could have for the needs (each skill from none to the asked level). */
function everyLevelVector(needs: readonly PostingSkillNeed[]): number[][] {
  let all: number[][] = [[]];
  for (const need of needs)
    all = all.flatMap((v) => Array.from({ length: need.level + 1 }, (_, level) => [...v, level]));
  return all;
}

/** Whether a person at these levels meets a tier's GIN conditions (tokens s·16+1 … s·16+L per skill). */
function meets(needs: readonly PostingSkillNeed[], levels: number[], conditions: TierConditions): boolean {
  const held = new Set(
    needs.flatMap((need, i) =>
      Array.from({ length: levels[i]! }, (_, k) => skillLevelToken(need.skillId, k + 1)),
    ),
  );
  return (
    conditions.holdsAll.every((token) => held.has(token)) &&
    conditions.holdsOneOf.every((tokens) => tokens.some((token) => held.has(token)))
  );
}

describe("tiers of the threshold ranking", () => {
  const needs: PostingSkillNeed[] = [
    { skillId: 1, level: 4, required: true }, // 1,260 points a level
    { skillId: 2, level: 2, required: false }, // 1,260 points a level
  ];
  const token = skillLevelToken;

  it("counts whole points and scores them", () => {
    expect(needs.map(pointsPerLevel)).toEqual([1260, 1260]);
    expect(fullPoints(needs)).toBe(3 * LEVEL_POINTS);
    expect(scoreOfPoints(2 * LEVEL_POINTS, fullPoints(needs))).toBe(66.67);
    expect(possibleLosses(needs, 2520)).toEqual([0, 1260, 2520]);
  });

  it("asks every level in tier 0, and one of the ways to lose no more than the budget beyond", () => {
    expect(tierConditions(needs, 0, 32)).toEqual({
      holdsAll: [token(1, 4), token(2, 2)],
      holdsOneOf: [],
      exact: true,
    });
    expect(tierConditions(needs, 1259, 32)).toEqual(tierConditions(needs, 0, 32));
    // Losing one level is allowed, two are not: skill 1 at 3 and skill 2 at 1 at least, and one of them higher.
    expect(tierConditions(needs, 1260, 32)).toEqual({
      holdsAll: [token(1, 3), token(2, 1)],
      holdsOneOf: [[token(1, 4), token(2, 2)]],
      exact: true,
    });
    // Too many clauses: the most selective are kept, and the tier is no longer exact.
    const shares = new Map([
      [token(1, 4), 0.1],
      [token(2, 2), 0.9],
    ]);
    expect(tierConditions(needs, 1260, 1, (t) => shares.get(t) ?? 0)).toEqual({
      holdsAll: [token(1, 3), token(2, 1)],
      holdsOneOf: [],
      exact: false,
    });
  });

  it("describes exactly the people within the budget (random postings, every level vector)", () => {
    const random = generator(11);
    for (let round = 0; round < 150; round++) {
      const asked = randomNeeds(random, [1, 2, 3, 4], 4, round % 10 === 0 ? 10 : 6);
      const budget = Math.floor(random() * fullPoints(asked) * 0.6);
      const exact = tierConditions(asked, budget, 10_000);
      const some = tierConditions(asked, budget, 2);
      expect(exact.exact).toBe(true);
      for (const levels of everyLevelVector(asked)) {
        const lost = asked.reduce(
          (sum, need, i) => sum + (need.level - levels[i]!) * pointsPerLevel(need),
          0,
        );
        const what = `${JSON.stringify(asked)} budget ${budget} levels ${levels}`;
        expect(meets(asked, levels, exact), what).toBe(lost <= budget);
        // Fewer clauses: still met by everybody within the budget.
        if (lost <= budget) expect(meets(asked, levels, some), what).toBe(true);
      }
    }
  });

  it("expects people by loss as if skills were independent", () => {
    const shares = new Map([
      [token(1, 1), 0.8],
      [token(1, 2), 0.6],
      [token(1, 3), 0.4],
      [token(1, 4), 0.2],
      [token(2, 1), 0.5],
      [token(2, 2), 0.25],
    ]);
    const losses = lossShares(needs, (t) => shares.get(t) ?? 0, fullPoints(needs));
    expect(losses.reduce((sum, l) => sum + l.share, 0)).toBeCloseTo(1, 10);
    expect(losses[0]).toEqual({ loss: 0, share: 0.2 * 0.25 });
    expect(losses.map((l) => l.loss)).toEqual(possibleLosses(needs, fullPoints(needs)));
  });
});
