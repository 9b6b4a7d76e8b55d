import { sql } from "drizzle-orm";
import { type DefinitionSpec, PERCENT_RATIO, STOCK_DIMENSIONS } from "./types";

const WORKFORCE_SOURCE =
  'reference/metrics.md "Workforce basics"; GRI 102-8 (2016) Information on employees and other workers.';
const STOCK_DATE =
  "The last day of each company's period: its fiscal year end (fy), or the as-of date (asOf).";

export const WORKFORCE_DEFINITIONS: DefinitionSpec[] = [
  {
    id: "headcount",
    title: { ja: "従業員数", en: "Employees" },
    summary: {
      ja: "期末日に在籍している人数(1人1回)",
      en: "People employed on the period's last day, each counted once",
    },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "People with an employment at a company of the scope on the day: hire date ≤ day ≤ termination date (the last day employed). Every employment type counts. A person with two employments in the scope counts once.",
      date: STOCK_DATE,
      rule: "Headcount as of D. Org unit scope: the primary assignment on D lies in the unit or below it (tree as of D).",
      source: WORKFORCE_SOURCE,
    },
    computation: { kind: "count", part: { population: "stock", condition: "employed" } },
    exclusion: null,
  },
  {
    id: "women_share",
    title: { ja: "女性従業員比率", en: "Share of women" },
    summary: { ja: "従業員に占める女性の割合", en: "Women among employees" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Numerator: employees whose gender is female. Denominator: all employees (other and undisclosed genders included).",
      date: STOCK_DATE,
      rule: "female headcount ÷ headcount × 100, one decimal, rounded half up.",
      source: "GRI 405-1 (2016) Diversity of governance bodies and employees.",
    },
    computation: {
      kind: "ratio",
      numerator: { population: "stock", condition: "female" },
      denominator: { population: "stock", condition: "employed" },
    },
    exclusion: null,
  },
  {
    id: "average_age",
    title: { ja: "平均年齢", en: "Average age" },
    summary: { ja: "従業員の満年齢の平均", en: "Mean age in full years of employees" },
    kind: "average",
    unit: "years",
    decimals: 1,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Employees with a recorded birth date; those without one are listed as excluded (no_birth_date).",
      date: STOCK_DATE,
      rule: "Mean of each employee's age in full years on the day, one decimal, rounded half up.",
      source:
        'Cabinet Office Ordinance on Disclosure of Corporate Affairs, annual securities report "status of employees" (平均年齢).',
    },
    computation: { kind: "average", part: { population: "stock", condition: "withAge" }, of: "age" },
    exclusion: { population: "stock", reason: sql`case when r.age is null then 'no_birth_date' end` },
  },
  {
    id: "average_tenure",
    title: { ja: "平均勤続年数", en: "Average tenure" },
    summary: { ja: "従業員の勤続年数の平均", en: "Mean years of service of employees" },
    kind: "average",
    unit: "years",
    decimals: 1,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Every employee. Service runs from the hire date of the current employment; in a multi-company scope it continues back over moves between companies of the scope (transfer_within_group links), so a group scope counts group service and a company scope counts service at the company.",
      date: STOCK_DATE,
      rule: "Mean of (day − start of service) in days ÷ 365.25, one decimal, rounded half up.",
      source:
        'Cabinet Office Ordinance on Disclosure of Corporate Affairs, annual securities report "status of employees" (平均勤続年数).',
    },
    computation: { kind: "average", part: { population: "stock", condition: "employed" }, of: "tenure" },
    exclusion: null,
  },
];
