import { type DefinitionSpec, EXECUTIVE_EXCLUSIONS, PERCENT_RATIO, STOCK_DIMENSIONS } from "./types";

const SOURCE =
  'Act on Promotion of Women\'s Participation and Advancement in the Workplace (女性活躍推進法) and MHLW guidance; reference/metrics.md "Female managers".';
const MANAGER_RULE =
  "A manager (管理職) holds a grade flagged is_manager_level (section-chief level, 課長級, and above) on the primary assignment on the day; grades flagged is_executive (board members, 役員) are not managers and are listed as excluded (executive). Each company maps its own ladder with the flag. A person counts once.";
const DATE = "The fiscal year end of each company (fy), or the as-of date (asOf).";

export const MANAGER_DEFINITIONS: DefinitionSpec[] = [
  {
    id: "managers",
    title: { ja: "管理職数", en: "Managers" },
    summary: { ja: "課長級以上(役員を除く)の人数", en: "Section chiefs and above, excluding board members" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: MANAGER_RULE,
      date: DATE,
      rule: "Count of managers among the headcount.",
      source: SOURCE,
    },
    computation: { kind: "count", part: { population: "stock", condition: "manager" } },
    exclusion: EXECUTIVE_EXCLUSIONS,
  },
  {
    id: "female_managers",
    title: { ja: "女性管理職数", en: "Female managers" },
    summary: { ja: "女性の管理職の人数", en: "Managers whose gender is female" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: MANAGER_RULE,
      date: DATE,
      rule: "Count of managers whose gender is female.",
      source: SOURCE,
    },
    computation: { kind: "count", part: { population: "stock", condition: "femaleManager" } },
    exclusion: EXECUTIVE_EXCLUSIONS,
  },
  {
    id: "female_manager_ratio",
    title: { ja: "女性管理職比率", en: "Female manager ratio" },
    summary: { ja: "管理職に占める女性の割合", en: "Women among managers" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: MANAGER_RULE,
      date: DATE,
      rule: "female managers ÷ managers × 100, as of the fiscal year end, one decimal, rounded half up. Disclosure is mandatory for employers with 101 or more employees from April 2026 (301 or more before).",
      source: SOURCE,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "stock", condition: "femaleManager" },
      denominator: { population: "stock", condition: "manager" },
    },
    exclusion: EXECUTIVE_EXCLUSIONS,
  },
];
