import { type DefinitionSpec, PERCENT_RATIO, STOCK_DIMENSIONS } from "./types";

const SOURCE =
  'Act on Stabilization of Employment of Elderly Persons (高年齢者雇用安定法) art. 9 (continued employment to 65); reference/metrics.md "Other figures".';
const RETIRED = "Employments ended in the period with termination reason mandatory_retirement (定年退職).";
const REEMPLOYED =
  "A retiree is reemployed when an employment of type reemployed starts at any group company (a group company may offer the continued employment) on the last day of the retired employment or within 31 days after it.";
const DATE =
  "Retirements in each company's period: its fiscal year (fy) or the twelve months ending on the as-of date (asOf).";

export const RETIREMENT_DEFINITIONS: DefinitionSpec[] = [
  {
    id: "retirees",
    title: { ja: "定年退職者数", en: "Mandatory retirements" },
    summary: {
      ja: "期間中に定年で退職した人数",
      en: "Employments ended by mandatory retirement in the period",
    },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: { counts: RETIRED, date: DATE, rule: "Count of retirements.", source: SOURCE },
    computation: { kind: "count", part: { population: "retirees", condition: "retired" } },
    exclusion: null,
  },
  {
    id: "reemployed_after_retirement",
    title: { ja: "定年後再雇用者数", en: "Reemployed after retirement" },
    summary: { ja: "定年退職者のうち再雇用された人数", en: "Retirees reemployed in the group" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: `${RETIRED} ${REEMPLOYED}`,
      date: DATE,
      rule: "Count of reemployed retirees.",
      source: SOURCE,
    },
    computation: { kind: "count", part: { population: "retirees", condition: "reemployed" } },
    exclusion: null,
  },
  {
    id: "reemployment_rate",
    title: { ja: "定年後再雇用率", en: "Reemployment rate after retirement" },
    summary: { ja: "再雇用者数 ÷ 定年退職者数", en: "Reemployed ÷ retired in the year" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: `${RETIRED} ${REEMPLOYED}`,
      date: DATE,
      rule: "reemployed ÷ retired in the year × 100, one decimal, rounded half up.",
      source: SOURCE,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "retirees", condition: "reemployed" },
      denominator: { population: "retirees", condition: "retired" },
    },
    exclusion: null,
  },
];
