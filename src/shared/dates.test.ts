import { describe, expect, it } from "vitest";
import { ZIsoDate } from "./api";
import { addDays, covers, overlaps } from "./dates";

describe("dates", () => {
  it("adds days across month and leap-year ends", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });

  it("treats the last day as inclusive and null as open", () => {
    expect(covers("2020-04-01", "2021-03-31", "2021-03-31")).toBe(true);
    expect(covers("2020-04-01", "2021-03-31", "2021-04-01")).toBe(false);
    expect(covers("2020-04-01", null, "2099-01-01")).toBe(true);
    expect(overlaps({ from: "2020-01-01", to: "2020-12-31" }, { from: "2020-12-31", to: null })).toBe(true);
    expect(overlaps({ from: "2020-01-01", to: "2020-12-30" }, { from: "2020-12-31", to: null })).toBe(false);
  });

  it("accepts only real calendar dates", () => {
    expect(ZIsoDate.safeParse("2024-02-29").success).toBe(true);
    for (const bad of ["2023-02-29", "2024-13-01", "2024-1-1", "20240101", "1899-12-31", "2024-04-31"]) {
      expect(ZIsoDate.safeParse(bad).success, bad).toBe(false);
    }
  });
});
