import { describe, expect, it } from "vitest";
import { parseDate } from "./dates";
import { splitName } from "./mapper";
import { parseMappingProfile } from "./profile";
import { parseEnum, parseNumber } from "./values";

describe("reading dates", () => {
  it.each([
    ["2021-04-01", "auto", "2021-04-01"],
    ["2021/4/1", "auto", "2021-04-01"],
    ["２０２１／０４／０１", "auto", "2021-04-01"],
    ["令和3年4月1日", "auto", "2021-04-01"],
    ["令和元年5月1日", "japanese-era", "2019-05-01"],
    ["R3.4.1", "auto", "2021-04-01"],
    ["H31.4.30", "auto", "2019-04-30"],
    ["平成元年1月8日", "auto", "1989-01-08"],
    ["昭和60年1月15日", "auto", "1985-01-15"],
    ["S64.1.7", "auto", "1989-01-07"],
    ["7/5/2011", "m/d/y", "2011-07-05"],
    ["5/7/2011", "d/m/y", "2011-07-05"],
    ["05.07.2011", "d.m.y", "2011-07-05"],
    ["20110705", "yyyymmdd", "2011-07-05"],
    ["2011-07-05T00:00:00.000Z", "auto", "2011-07-05"],
  ] as const)("%s (%s) is %s", (text, format, expected) => {
    expect(parseDate(text, { format })).toEqual({ date: expected });
  });

  it("uses the century pivot for two-digit years and refuses them without one", () => {
    expect(parseDate("07/10/83", { format: "m/d/y", centuryPivot: 30 })).toEqual({ date: "1983-07-10" });
    expect(parseDate("07/10/29", { format: "m/d/y", centuryPivot: 30 })).toEqual({ date: "2029-07-10" });
    expect(parseDate("07/10/83", { format: "m/d/y" })).toMatchObject({
      error: expect.stringContaining('two-digit year "83", which is ambiguous'),
    });
  });

  it("refuses impossible dates and dates outside their era", () => {
    expect(parseDate("2021-02-29", { format: "auto" })).toMatchObject({
      error: "is not a calendar date (2021-02 has no day 29)",
    });
    expect(parseDate("平成31年5月1日", { format: "auto" })).toMatchObject({
      error: "is not within 平成 (1989-01-08 to 2019-04-30)",
    });
    expect(parseDate("4/1/2021", { format: "auto" })).toMatchObject({
      error: expect.stringContaining("expected format"),
    });
    expect(parseDate("1850-01-01", { format: "auto" })).toMatchObject({
      error: "has the year 1850, outside 1900-2999",
    });
  });
});

describe("mapping transforms", () => {
  it("splits names written family-first, with a comma, or given-first", () => {
    expect([
      splitName("Yamada, Taro", "family", "family_first"),
      splitName("Yamada, Taro", "given", "family_first"),
    ]).toEqual(["Yamada", "Taro"]);
    expect([
      splitName("山田　太郎", "family", "family_first"),
      splitName("山田 太郎", "given", "family_first"),
    ]).toEqual(["山田", "太郎"]);
    expect([
      splitName("Taro  Yamada", "family", "given_first"),
      splitName("Mary Ann Smith", "given", "given_first"),
    ]).toEqual(["Yamada", "Mary Ann"]);
    expect(splitName("Adinolfi, Wilson  K", "given", "family_first")).toBe("Wilson K");
  });

  it("reads enums with synonyms, and numbers with separators", () => {
    expect(parseEnum("M", ["female", "male"])).toBe("male");
    expect(parseEnum("女性", ["female", "male"])).toBe("female");
    expect(parseEnum("Part-Time", ["regular", "part_time"])).toBe("part_time");
    expect(parseEnum("boss", ["regular"])).toBeUndefined();
    expect([parseNumber("1,234.5"), parseNumber("３７．５"), parseNumber("12abc")]).toEqual([
      1234.5,
      37.5,
      undefined,
    ]);
  });

  it("validates mapping profiles with paths", () => {
    expect(parseMappingProfile({ kind: "persons", dateFormat: "dd-mon-yy", fields: { gender: {} } })).toEqual(
      {
        errors: [
          { path: "dateFormat", message: expect.stringContaining('unknown date format "dd-mon-yy"') },
          { path: "fields.gender", message: "give column, constant or default" },
        ],
      },
    );
  });
});
