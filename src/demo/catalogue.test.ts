import { describe, expect, it } from "vitest";
import {
  ALL_COMPANIES,
  COUNTRIES,
  type DEMO_SCALES,
  DOMESTIC,
  headcountTargets,
  OVERSEAS,
} from "./companies";
import { addMonths, dayFromIso, fiscalYearStart, isoFromDay } from "./dates";
import { makeName } from "./names";
import { FUNCTIONS, functionOccupations, ONET_ATTRIBUTION, occupation, OCCUPATIONS } from "./occupations";
import { Random } from "./random";

describe("demo catalogue", () => {
  it("has a parent, 25 domestic subsidiaries and 57 overseas affiliates with unique codes", () => {
    expect(ALL_COMPANIES).toHaveLength(83);
    expect(DOMESTIC).toHaveLength(25);
    expect(OVERSEAS).toHaveLength(57);
    expect(new Set(ALL_COMPANIES.map((c) => c.code)).size).toBe(83);
    expect(DOMESTIC.every((c) => c.country === "JP" && c.fiscalYearStartMonth === 4)).toBe(true);
    expect(new Set(OVERSEAS.map((c) => c.country)).size).toBeGreaterThanOrEqual(20);
    for (const company of ALL_COMPANIES) {
      expect(COUNTRIES[company.country]?.currency).toMatch(/^[A-Z]{3}$/);
      expect(company.fiscalYearStartMonth).toBeGreaterThanOrEqual(1);
      expect(company.fiscalYearStartMonth).toBeLessThanOrEqual(12);
    }
  });

  it("sizes the scales as documented (active employees on today)", () => {
    const total = (scale: (typeof DEMO_SCALES)[number]) => headcountTargets(scale).reduce((a, b) => a + b, 0);
    expect(total("tiny")).toBeGreaterThanOrEqual(150);
    expect(total("tiny")).toBeLessThanOrEqual(300);
    expect(total("small")).toBeCloseTo(2000, -2);
    expect(total("medium")).toBeCloseTo(20000, -3);
    expect(total("large")).toBeCloseTo(120000, -4);
  });

  it("draws every position from the curated O*NET subset, with attribution", () => {
    expect(ONET_ATTRIBUTION).toBe("O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.");
    expect(new Set(OCCUPATIONS.map((o) => o.soc)).size).toBe(OCCUPATIONS.length);
    for (const key of Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[]) {
      for (const soc of functionOccupations(key)) expect(occupation(soc).titleJa).not.toBe("");
    }
  });
});

describe("demo building blocks", () => {
  it("repeats a PRNG sequence for a seed and differs for another", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const sa = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(sa);
    expect([c.next(), c.next(), c.next()]).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("computes dates without time zones", () => {
    expect(isoFromDay(dayFromIso("2024-02-29"))).toBe("2024-02-29");
    expect(isoFromDay(addMonths(dayFromIso("2024-01-31"), 1))).toBe("2024-02-29");
    expect(isoFromDay(fiscalYearStart(dayFromIso("2026-03-31"), 4))).toBe("2025-04-01");
    expect(isoFromDay(fiscalYearStart(dayFromIso("2026-11-23"), 7))).toBe("2026-07-01");
    expect(() => dayFromIso("2026-02-30")).toThrow();
  });

  it("writes Japanese names with kana and romanisation, family name first", () => {
    const name = makeName("ja", "female", 1990, new Random(3));
    expect(name.nameOrder).toBe("family_first");
    expect(name.familyNameKana).toMatch(/^[ァ-ヶー]+$/);
    expect(name.givenNameLatin).toMatch(/^[A-Z][a-z]+$/);
    const polish = makeName("pl", "female", 1990, new Random(5));
    expect(polish.nameOrder).toBe("given_first");
    expect(polish.familyNameKana).toBeNull();
  });
});
