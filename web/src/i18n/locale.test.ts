import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";
import { interpolate } from "./locale";

describe("messages", () => {
  it("fills values and picks English plural forms", () => {
    expect(interpolate("{count} {count|person|people}", { count: 1 })).toBe("1 person");
    expect(interpolate("{count} {count|person|people}", { count: 13 })).toBe("13 people");
    expect(interpolate("{name} and {other}", { name: "A" })).toBe("A and {other}");
  });

  it("has the same keys in both languages", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
});
