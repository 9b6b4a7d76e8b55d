import { describe, expect, it } from "vitest";
import { deriveSkillMap, onetLevelToScale, onetLibrary, onetRatingsFor } from "./onet";

describe("the O*NET starter data", () => {
  it("has the 35 skills in 7 categories, with Japanese names and three anchors each", () => {
    const library = onetLibrary();
    expect(library.attribution).toBe("O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.");
    expect(library.categories).toHaveLength(7);
    expect(library.skills).toHaveLength(35);
    for (const skill of library.skills) {
      expect(skill.nameJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(skill.descriptionJa).not.toBe("");
      expect(skill.anchors.map((a) => a.onetLevel)).toEqual([2, 4, 6]);
      expect(skill.anchors.every((a) => a.ja !== "" && a.en !== "")).toBe(true);
    }
  });

  it("maps O*NET's 0-7 levels onto the 0-5 scale", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((l) => onetLevelToScale(l))).toEqual([0, 1, 1, 2, 3, 4, 4, 5]);
    expect(onetLevelToScale(4, 3)).toBe(2);
  });

  it("derives a skill map from importance and level, averaging detailed codes for an unrated one", () => {
    const developers = deriveSkillMap("15-1132.00");
    expect(developers.length).toBeGreaterThanOrEqual(4);
    expect(developers.length).toBeLessThanOrEqual(10);
    expect(developers.map((d) => d.elementId)).toContain("2.B.3.e");
    expect(developers.every((d) => d.requiredLevel >= 1 && d.requiredLevel <= 5)).toBe(true);
    expect(
      developers
        .slice(0, 3)
        .every((d) => d.desirableLevel === null || d.desirableLevel === d.requiredLevel + 1),
    ).toBe(true);
    const accountants = onetRatingsFor("13-2011.00");
    const [a, b] = [onetRatingsFor("13-2011.01")!, onetRatingsFor("13-2011.02")!];
    expect(accountants![0]!.importance).toBeCloseTo((a[0]!.importance + b[0]!.importance) / 2, 5);
    expect(deriveSkillMap("37-2011.00")).toHaveLength(4);
    expect(deriveSkillMap("99-9999.00")).toEqual([]);
  });
});
