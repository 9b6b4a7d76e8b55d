import type { Dimension } from "../../shared/metrics-api";
import type { DefinitionSpec } from "./types";

/**
 * Figures defined now whose records do not exist yet: they report status no_data with a reason, never a number.
 * When the pay or leave records arrive, their computation replaces the no_data one here.
 */
const noData = {
  kind: "no_data",
  sensitive: false,
  dataAvailable: false,
  dimensions: [] as Dimension[],
  exclusion: null,
} as const;

const WAGE_SOURCE =
  'Act on Promotion of Women\'s Participation, ministerial ordinance on the gender wage gap (男女の賃金の差異, 2022); reference/metrics.md "Gender wage gap".';
const WAGE_COUNTS =
  "Workers split into male / female × regular / non-regular; average annual wage = total wages paid in the business year ÷ headcount (part-timers may be converted to full-time equivalents). Needs pay records (not recorded yet).";

export const NO_DATA_DEFINITIONS: DefinitionSpec[] = [
  {
    ...noData,
    id: "gender_wage_gap_all",
    title: { ja: "男女の賃金の差異(全労働者)", en: "Gender wage gap (all workers)" },
    summary: { ja: "女性の平均年間賃金 ÷ 男性の平均年間賃金", en: "Women's average annual wage ÷ men's" },
    unit: "percent",
    decimals: 1,
    rounding: "half_up",
    documentation: {
      counts: WAGE_COUNTS,
      date: "The business (fiscal) year.",
      rule: "women's average ÷ men's average × 100, one decimal, rounded half up.",
      source: WAGE_SOURCE,
    },
    computation: { kind: "no_data", reason: "no_pay_records" },
  },
  {
    ...noData,
    id: "gender_wage_gap_regular",
    title: { ja: "男女の賃金の差異(正規雇用労働者)", en: "Gender wage gap (regular workers)" },
    summary: { ja: "正規雇用労働者について", en: "The same, for regular workers" },
    unit: "percent",
    decimals: 1,
    rounding: "half_up",
    documentation: {
      counts: WAGE_COUNTS,
      date: "The business (fiscal) year.",
      rule: "women's average ÷ men's average × 100 among regular workers.",
      source: WAGE_SOURCE,
    },
    computation: { kind: "no_data", reason: "no_pay_records" },
  },
  {
    ...noData,
    id: "gender_wage_gap_non_regular",
    title: { ja: "男女の賃金の差異(非正規雇用労働者)", en: "Gender wage gap (non-regular workers)" },
    summary: { ja: "非正規雇用労働者について", en: "The same, for non-regular workers" },
    unit: "percent",
    decimals: 1,
    rounding: "half_up",
    documentation: {
      counts: WAGE_COUNTS,
      date: "The business (fiscal) year.",
      rule: "women's average ÷ men's average × 100 among non-regular workers.",
      source: WAGE_SOURCE,
    },
    computation: { kind: "no_data", reason: "no_pay_records" },
  },
  {
    ...noData,
    id: "male_childcare_leave_uptake",
    title: { ja: "男性育児休業等取得率", en: "Male childcare-leave uptake" },
    summary: {
      ja: "育児休業等を取得した男性 ÷ 配偶者が出産した男性",
      en: "Men who took childcare leave ÷ men whose spouse gave birth",
    },
    unit: "percent",
    decimals: 1,
    rounding: "truncate",
    documentation: {
      counts:
        "Male employees who took childcare leave (including post-birth paternity leave and equivalent measures) ÷ male employees whose spouse gave birth in the year; split leave for the same child counts once, leave spanning two years counts in the year it started. Needs leave records (not recorded yet).",
      date: "The previous business (fiscal) year.",
      rule: "uptake × 100, truncated below the first decimal (method 1 of art. 22-2; method 2 adds childcare-purpose leave).",
      source:
        'Child Care and Family Care Leave Act (育児・介護休業法) art. 22-2; reference/metrics.md "Male childcare-leave uptake".',
    },
    computation: { kind: "no_data", reason: "no_leave_records" },
  },
];
