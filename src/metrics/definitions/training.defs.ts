import { sql } from "drizzle-orm";
import { type DefinitionSpec, PERCENT_RATIO, STOCK_DIMENSIONS } from "./types";

const SOURCE_404_1 =
  'GRI 404-1 (2016) Average hours of training per year per employee; reference/metrics.md "Training".';
const SOURCE_TRAINING = 'reference/metrics.md "Training" (GRI 404).';
const FY_DATE =
  "Each company's fiscal year (fy), or the twelve months to the as-of date (asOf); the headcount on the period's last day.";
const PER_EMPLOYEE_COUNTS =
  "Numerator: every training record (training_records) completed in the company's period at a company of the scope — including the training of people who left during the year. Denominator: the headcount at the period end (year-end headcount, each person once, as the headcount figure). Broken down (gender, employee category = employment type, ...), the training of the people in a group is divided by the year-end headcount of the same group; a person's training is placed by their attributes on their last completion in the period.";

const perEmployee = {
  kind: "per_employee",
  decimals: 1,
  rounding: "half_up",
  sensitive: false,
  dataAvailable: true,
  dimensions: STOCK_DIMENSIONS,
  exclusion: null,
} as const;

export const TRAINING_DEFINITIONS: DefinitionSpec[] = [
  {
    ...perEmployee,
    id: "training_days_per_employee",
    title: { ja: "従業員1人当たり研修日数", en: "Training days per employee" },
    summary: { ja: "研修日数の合計 ÷ 期末従業員数", en: "Training days completed ÷ year-end headcount" },
    unit: "days",
    documentation: {
      counts: PER_EMPLOYEE_COUNTS.replace("every training record", "the days of every training record"),
      date: FY_DATE,
      rule: "total training days completed ÷ headcount at the period end, one decimal, rounded half up.",
      source: SOURCE_404_1,
    },
    computation: {
      kind: "per_employee",
      part: { population: "training", condition: "training" },
      of: "trainingDays",
      per: { population: "stock", condition: "employed" },
    },
  },
  {
    ...perEmployee,
    id: "training_hours_per_employee",
    title: { ja: "従業員1人当たり研修時間", en: "Training hours per employee" },
    summary: { ja: "研修時間の合計 ÷ 期末従業員数", en: "Training hours completed ÷ year-end headcount" },
    unit: "hours",
    documentation: {
      counts: PER_EMPLOYEE_COUNTS.replace("every training record", "the hours of every training record"),
      date: FY_DATE,
      rule: "total training hours completed ÷ headcount at the period end, one decimal, rounded half up.",
      source: SOURCE_404_1,
    },
    computation: {
      kind: "per_employee",
      part: { population: "training", condition: "training" },
      of: "trainingHours",
      per: { population: "stock", condition: "employed" },
    },
  },
  {
    id: "training_participation_rate",
    title: { ja: "研修受講率", en: "Training participation rate" },
    summary: {
      ja: "期中に研修を1件以上修了した期末従業員の割合",
      en: "Year-end employees who completed at least one training in the year",
    },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Numerator: people in the year-end headcount with at least one training record completed in the period at a company of the scope (side by side: at their company). Denominator: the year-end headcount. People who trained and left before the year end are in neither.",
      date: FY_DATE,
      rule: "year-end employees with ≥ 1 completion ÷ year-end headcount × 100, one decimal, rounded half up.",
      source: SOURCE_TRAINING,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "stock", condition: "trained" },
      denominator: { population: "stock", condition: "employed" },
    },
    exclusion: null,
  },
  {
    id: "mandatory_training_completion_rate",
    title: { ja: "必須研修の期限内修了率", en: "Mandatory training completed on time" },
    summary: {
      ja: "期中に期限を迎えた必須研修のうち期限までに修了した割合",
      en: "Mandatory enrolments due in the year completed by their due date",
    },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Enrolments with a due date (mandatory training assigned by HR) at a company of the scope whose due date lies in that company's period. Numerator: those with a completion recorded on or before the due date. Denominator: all of them, except cancelled and rejected enrolments (exclusions cancelled, rejected). A person with two mandatory enrolments counts twice. Attributes on the due date.",
      date: "The due date (enrolments.due_on) in each company's fiscal year (fy), or in the twelve months to the as-of date (asOf).",
      rule: "enrolments completed by their due date ÷ enrolments due × 100, one decimal, rounded half up.",
      source: SOURCE_TRAINING,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "mandatory", condition: "mandatoryOnTime" },
      denominator: { population: "mandatory", condition: "mandatoryDue" },
    },
    exclusion: {
      population: "mandatory",
      reason: sql`case when r.kind in ('cancelled', 'rejected') then r.kind end`,
    },
  },
  {
    id: "ojt_trainers_trained",
    title: { ja: "OJTトレーナー養成数(当期)", en: "OJT trainers trained in the year" },
    summary: {
      ja: "当期にOJTトレーナー研修を初めて修了した人数",
      en: "People whose first OJT trainer training was completed in the year",
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
        "People whose first completion of a course of kind ojt_trainer at a company of the scope lies in the completing company's period (as the OJT figures, GET /api/ojt/figures). Each person once, whether or not still employed.",
      date: "The first completion's date, in the completing company's fiscal year (fy) or the twelve months to the as-of date (asOf).",
      rule: "count of people whose first OJT trainer training completion lies in the period.",
      source: SOURCE_TRAINING,
    },
    computation: { kind: "count", part: { population: "ojt_trainers", condition: "ojtTrainedInYear" } },
    exclusion: null,
  },
  {
    id: "ojt_trainers_total",
    title: { ja: "OJTトレーナー養成数(累計)", en: "OJT trainers trained (cumulative)" },
    summary: {
      ja: "期末までにOJTトレーナー研修を修了した人数の累計",
      en: "People who completed an OJT trainer training by the period end",
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
        "People with a completion of a course of kind ojt_trainer at a company of the scope on or before the completing company's period end, each person once (first completion), whether or not still employed.",
      date: "The period end of the completing company.",
      rule: "count of people whose first OJT trainer training completion lies on or before the period end.",
      source: SOURCE_TRAINING,
    },
    computation: { kind: "count", part: { population: "ojt_trainers", condition: "ojtTrained" } },
    exclusion: null,
  },
];
