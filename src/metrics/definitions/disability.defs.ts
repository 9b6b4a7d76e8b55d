import { sql } from "drizzle-orm";
import type { Dimension } from "../../shared/metrics-api";
import type { DefinitionSpec } from "./types";

const SOURCE =
  'Act on Employment Promotion of Persons with Disabilities (障害者雇用促進法) and MHLW guidance on the employment status report (障害者雇用状況報告); reference/metrics.md "Disability employment rate".';
const DATE =
  "June 1 (the statutory reporting day) within each company's fiscal year (fy), or the as-of date (asOf). The statutory rate is the one in force on that day.";
const COUNTS =
  "Per company (Japanese companies only: overseas affiliates are not_applicable), and for each configured group application (parent + designated subsidiaries, their workers counted together). Regular workers (常用労働者): employed on the day, not an executive officer (役員), and — for employment type temporary — employed for more than one year; workers on leave count. Denominator: 30 h/week or more counts 1, 20–30 h counts 0.5, under 20 h is not counted. Numerator (persons with a disability record): physical or intellectual 1 / 0.5 / — ; severe physical or intellectual 2 / 1 / 0.5; mental 1 / 1 (special rule) / 0.5, for 30 h+ / 20–30 h / 10–20 h; the 10–20 h column counts from 2024-04-01.";
const SENSITIVE =
  "Built from sensitive data: visible to company HR of every company counted only (not to group HR), withheld when fewer than the configured number of people (default 5) are counted, and every drill-down is audited.";

const exclusion = {
  population: "disability" as const,
  reason: sql`case when not r.regular_worker then 'not_regular_worker' when r.weekly_hours < 20 then 'under_20_hours' end`,
};

const base = {
  unit: "percent",
  decimals: 2,
  rounding: "truncate",
  sensitive: true,
  dataAvailable: true,
  dimensions: ["company"] as Dimension[],
  exclusion,
} as const;

export const DISABILITY_DEFINITIONS: DefinitionSpec[] = [
  {
    ...base,
    id: "disability_employment_rate",
    kind: "disability",
    title: { ja: "障害者雇用率", en: "Disability employment rate" },
    summary: {
      ja: "障害者である労働者数 ÷ 常用労働者数(法定の算定方法)",
      en: "Workers with disabilities ÷ regular workers, counted the statutory way",
    },
    documentation: {
      counts: `${COUNTS} ${SENSITIVE}`,
      date: DATE,
      rule: "numerator ÷ denominator × 100, truncated to two decimals.",
      source: SOURCE,
    },
    computation: { kind: "disability", output: "rate" },
  },
  {
    ...base,
    id: "statutory_disability_rate",
    kind: "disability",
    // the law's rate, not built from anyone's records
    sensitive: false,
    decimals: 1,
    title: { ja: "法定雇用率", en: "Statutory employment rate" },
    summary: { ja: "基準日に適用される法定雇用率", en: "The statutory rate in force on the reference day" },
    documentation: {
      counts:
        "A dated table: 2.0% from 2013-04-01; 2.2% from 2018-04-01; 2.3% from 2021-03-01; 2.5% from 2024-04-01; 2.7% from 2026-07-01.",
      date: DATE,
      rule: "The latest entry whose start date is on or before the reference day.",
      source: SOURCE,
    },
    computation: { kind: "disability", output: "statutory" },
  },
  {
    ...base,
    id: "disability_required_number",
    kind: "disability",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    title: { ja: "法定雇用障害者数", en: "Required number" },
    summary: {
      ja: "常用労働者数 × 法定雇用率(端数切り捨て)",
      en: "Regular workers × statutory rate, rounded down",
    },
    documentation: {
      counts: COUNTS,
      date: DATE,
      rule: "floor(denominator × statutory rate) (no industry exclusion rate is applied).",
      source: SOURCE,
    },
    computation: { kind: "disability", output: "required" },
  },
  {
    ...base,
    id: "disability_surplus",
    kind: "disability",
    unit: "weighted_people",
    decimals: 1,
    rounding: "half_up",
    title: { ja: "不足数・超過数", en: "Surplus or shortfall" },
    summary: {
      ja: "障害者である労働者数 − 法定雇用障害者数(負は不足)",
      en: "Workers with disabilities − required number (negative: shortfall)",
    },
    documentation: {
      counts: COUNTS,
      date: DATE,
      rule: "numerator − required number; negative values are a shortfall.",
      source: SOURCE,
    },
    computation: { kind: "disability", output: "surplus" },
  },
];
