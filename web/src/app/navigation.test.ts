import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { groupOf, NAV_GROUPS } from "./navigation";

describe("side navigation groups", () => {
  it("files every area's entries under its group, the figures under reports, and new areas under more", () => {
    const cases: [string, string][] = [
      ["/people", "people"],
      ["/org", "people"],
      ["/skills/team", "skills"],
      ["/jobs", "skills"],
      ["/learning/ojt", "skills"],
      ["/postings/manage", "careers"],
      ["/applications/confirm", "careers"],
      ["/scouting/mine", "careers"],
      ["/rotation", "careers"],
      ["/careers/hr", "careers"],
      ["/mobility/figures", "reports"],
      ["/reports", "reports"],
      ["/imports", "admin"],
      ["/surveys", "more"],
    ];
    expect(cases.map(([path]) => [path, groupOf(path)])).toEqual(cases);
  });

  it("has a label for every group", () => {
    for (const id of NAV_GROUPS) expect(Object.hasOwn(en, `nav.group.${id}`)).toBe(true);
  });
});
