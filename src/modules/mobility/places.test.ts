import { describe, expect, it } from "vitest";
import { placeFits, placesIn } from "./places";

describe("places in wishes and posting locations", () => {
  it("fits a wish written in one language to a location written in the other", () => {
    expect(placeFits("東京", "Tokyo")).toBe(true);
    expect(placeFits("Tokyo", "東京都千代田区")).toBe(true);
    expect(placeFits("大阪", "Osaka, Japan")).toBe(true);
    expect(placeFits("osaka", "大阪府大阪市")).toBe(true);
    expect(placeFits("シンガポール", "Singapore")).toBe(true);
    expect(placeFits("Singapore", "シンガポール")).toBe(true);
    expect(placeFits("米国", "United States")).toBe(true);
    expect(placeFits("アメリカ合衆国", "USA")).toBe(true);
    expect(placeFits("ＴＯＫＹＯ", "tokyo")).toBe(true);
    // two-character names too
    expect(placeFits("日本", "Tokyo, Japan")).toBe(true);
    expect(placeFits("タイ", "Thailand")).toBe(true);
  });

  it("keeps free text that names no known place, by its words", () => {
    expect(placeFits("本社", "本社（東京）")).toBe(true);
    expect(placeFits("HQ", "Tokyo HQ")).toBe(true);
    expect(placeFits("支社", "本社")).toBe(false);
  });

  it("does not fit different places, nor a name inside another word", () => {
    expect(placeFits("東京", "Osaka")).toBe(false);
    expect(placeFits("Singapore", "Bangkok")).toBe(false);
    expect(placeFits("Nara", "Barcelona")).toBe(false);
    expect(placesIn("Barcelona, Spain")).toEqual(new Set(["country:ES"]));
    expect(placeFits("", "Tokyo")).toBe(false);
    expect(placeFits("   ", "Tokyo")).toBe(false);
  });

  it("reads a longer name before a shorter one inside it", () => {
    expect(placesIn("北九州市")).toEqual(new Set(["jp:Kitakyushu"]));
    expect(placesIn("東京, Japan")).toEqual(new Set(["jp:Tokyo", "country:JP"]));
  });
});
