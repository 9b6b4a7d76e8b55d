import { describe, expect, it } from "vitest";
import {
  denominatorHalves,
  disabilityOutcome,
  hoursBand,
  isRegularWorker,
  numeratorHalves,
  statutoryRateOn,
} from "./disability.rules";
import {
  companyPeriods,
  disabilityReferenceDate,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  oneYearBefore,
} from "./period";
import { percent, roundHalfUp } from "./rounding";

describe("fiscal years", () => {
  it("names a fiscal year by the calendar year it starts in", () => {
    expect([fiscalYearStart(2025, 4), fiscalYearEnd(2025, 4)]).toEqual(["2025-04-01", "2026-03-31"]);
    expect([fiscalYearStart(2025, 1), fiscalYearEnd(2025, 1)]).toEqual(["2025-01-01", "2025-12-31"]);
    expect([fiscalYearStart(2023, 3), fiscalYearEnd(2023, 3)]).toEqual(["2023-03-01", "2024-02-29"]);
    expect(fiscalYearOf("2026-03-31", 4)).toBe(2025);
    expect(fiscalYearOf("2026-04-01", 4)).toBe(2026);
    expect(fiscalYearOf("2026-03-31", 1)).toBe(2026);
  });

  it("takes disability figures on June 1 within the fiscal year", () => {
    expect(disabilityReferenceDate(2025, 4)).toBe("2025-06-01");
    expect(disabilityReferenceDate(2025, 1)).toBe("2025-06-01");
    expect(disabilityReferenceDate(2025, 7)).toBe("2026-06-01");
  });

  it("gives each company its own period; as-of flows run over the twelve months to the date", () => {
    const companies = [
      { id: 1, fiscalYearStartMonth: 4 },
      { id: 2, fiscalYearStartMonth: 1 },
    ];
    expect(companyPeriods({ kind: "fiscalYear", year: 2025 }, companies).map((p) => [p.from, p.to])).toEqual([
      ["2025-04-01", "2026-03-31"],
      ["2025-01-01", "2025-12-31"],
    ]);
    expect(
      companyPeriods({ kind: "asOf", date: "2026-03-31" }, companies).map((p) => [p.from, p.to]),
    ).toEqual([
      ["2025-04-01", "2026-03-31"],
      ["2025-04-01", "2026-03-31"],
    ]);
    expect(oneYearBefore("2024-02-29")).toBe("2023-02-28");
  });
});

describe("disability counting rules", () => {
  it("keeps the statutory rate as a dated table", () => {
    expect(statutoryRateOn("2013-03-31")).toBeNull();
    expect(statutoryRateOn("2013-04-01")).toBe(20);
    expect(statutoryRateOn("2018-03-31")).toBe(20);
    expect(statutoryRateOn("2018-04-01")).toBe(22);
    expect(statutoryRateOn("2021-02-28")).toBe(22);
    expect(statutoryRateOn("2021-03-01")).toBe(23);
    expect(statutoryRateOn("2024-03-31")).toBe(23);
    expect(statutoryRateOn("2024-04-01")).toBe(25);
    expect(statutoryRateOn("2026-06-30")).toBe(25);
    expect(statutoryRateOn("2026-07-01")).toBe(27);
  });

  it("bands weekly hours at 30, 20 and 10", () => {
    expect([40, 30, 29.5, 20, 19.9, 10, 9.5].map(hoursBand)).toEqual([
      "30_plus",
      "30_plus",
      "20_to_30",
      "20_to_30",
      "10_to_20",
      "10_to_20",
      "under_10",
    ]);
    expect(["30_plus", "20_to_30", "10_to_20", "under_10"].map((b) => denominatorHalves(b as never))).toEqual(
      [2, 1, 0, 0],
    );
  });

  it("weights each worker by hours and severity, mental under the special rule", () => {
    const day = "2024-06-01";
    const row = (category: "physical" | "intellectual" | "mental", severe: boolean) =>
      (["30_plus", "20_to_30", "10_to_20", "under_10"] as const).map(
        (band) => numeratorHalves(category, severe, band, day) / 2,
      );
    expect(row("physical", false)).toEqual([1, 0.5, 0, 0]);
    expect(row("intellectual", false)).toEqual([1, 0.5, 0, 0]);
    expect(row("physical", true)).toEqual([2, 1, 0.5, 0]);
    expect(row("intellectual", true)).toEqual([2, 1, 0.5, 0]);
    expect(row("mental", false)).toEqual([1, 1, 0.5, 0]);
    expect(row("mental", true)).toEqual([1, 1, 0.5, 0]);
    // 10–20 h counts from April 2024 only
    expect(numeratorHalves("physical", true, "10_to_20", "2024-03-31")).toBe(0);
    expect(numeratorHalves("mental", false, "10_to_20", "2024-03-31")).toBe(0);
  });

  it("counts regular workers: not executive officers, temporary only after a year", () => {
    expect(isRegularWorker("regular", "2025-05-01", "2025-06-01")).toBe(true);
    expect(isRegularWorker("part_time", "2025-05-01", "2025-06-01")).toBe(true);
    expect(isRegularWorker("executive_officer", "2010-04-01", "2025-06-01")).toBe(false);
    expect(isRegularWorker("temporary", "2024-06-01", "2025-06-01")).toBe(false);
    expect(isRegularWorker("temporary", "2024-05-31", "2025-06-01")).toBe(true);
  });

  it("floors the required number and truncates the rate", () => {
    // 100 workers at 2.7% = 2.7 → 2; 40 at 2.5% = exactly 1
    expect(disabilityOutcome({ denominatorHalves: 200, numeratorHalves: 4 }, 27)).toEqual({
      denominator: 100,
      numerator: 2,
      rate: 2,
      statutoryRate: 2.7,
      requiredNumber: 2,
      surplus: 0,
    });
    expect(disabilityOutcome({ denominatorHalves: 80, numeratorHalves: 0 }, 25).requiredNumber).toBe(1);
    expect(disabilityOutcome({ denominatorHalves: 79, numeratorHalves: 0 }, 25).requiredNumber).toBe(0);
    // 7.5 / 106.5 = 7.0422...% → 7.04; required floor(106.5 × 2.5%) = floor(2.6625) = 2; surplus 5.5
    expect(disabilityOutcome({ denominatorHalves: 213, numeratorHalves: 15 }, 25)).toMatchObject({
      rate: 7.04,
      requiredNumber: 2,
      surplus: 5.5,
    });
    expect(disabilityOutcome({ denominatorHalves: 0, numeratorHalves: 0 }, 25).rate).toBeNull();
  });
});

describe("rounding", () => {
  it("rounds ratios of whole numbers half up exactly, or truncates", () => {
    expect(percent(1, 8, 1)).toBe(12.5);
    expect(percent(1, 3, 1)).toBe(33.3);
    expect(percent(2, 3, 1)).toBe(66.7);
    expect(percent(1, 16, 1)).toBe(6.3); // 6.25 → 6.3
    expect(percent(2, 3, 1, "truncate")).toBe(66.6);
    expect(percent(1, 0, 1)).toBeNull();
    expect(roundHalfUp(2.25, 1)).toBe(2.3);
    expect(roundHalfUp(42.2222, 1)).toBe(42.2);
  });
});
