/**
 * The metrics engine's and the disclosure report's API shapes (zod), shared by the server, the web app and
 * the CLI. The JSON is stable: every figure carries its definition id, its status, its value and — for a
 * ratio — its numerator and denominator, with the scope and period it was computed for. Documented in
 * docs/metrics.md ("JSON output").
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName, ZPersonName } from "./api";
import { EMPLOYMENT_TYPES, GENDERS, TERMINATION_REASONS } from "./enums";

// ---------- vocabularies ----------

export const METRIC_IDS = [
  "headcount",
  "women_share",
  "average_age",
  "average_tenure",
  "managers",
  "female_managers",
  "female_manager_ratio",
  "hires",
  "female_hires",
  "female_hire_share",
  "new_hire_rate",
  "leavers",
  "voluntary_leavers",
  "turnover_rate",
  "voluntary_turnover_rate",
  "transfers_in",
  "transfers_out",
  "retirees",
  "reemployed_after_retirement",
  "reemployment_rate",
  "disability_employment_rate",
  "statutory_disability_rate",
  "disability_required_number",
  "disability_surplus",
  "training_days_per_employee",
  "training_hours_per_employee",
  "training_participation_rate",
  "mandatory_training_completion_rate",
  "ojt_trainers_trained",
  "ojt_trainers_total",
  "gender_wage_gap_all",
  "gender_wage_gap_regular",
  "gender_wage_gap_non_regular",
  "male_childcare_leave_uptake",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** How a figure can be broken down. `reason` only for leaver figures. */
export const DIMENSIONS = [
  "gender",
  "ageGroup",
  "employmentType",
  "gradeBand",
  "managerLevel",
  "company",
  "country",
  "reason",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_GROUPS = ["under_30", "30_to_50", "over_50", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const MANAGER_LEVELS = ["manager", "non_manager", "executive"] as const;
export type ManagerLevel = (typeof MANAGER_LEVELS)[number];

export const SCOPE_KINDS = [
  "group",
  "company",
  "companies",
  "country",
  "domestic",
  "overseas",
  "orgUnit",
] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** ok: a number; no_data: the records it needs do not exist yet; withheld: small group or not permitted; not_applicable: the rule does not apply (e.g. Japanese disability quota for an overseas affiliate). */
export const FIGURE_STATUSES = ["ok", "no_data", "withheld", "not_applicable"] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

/** Why a figure has no number. */
export const FIGURE_REASONS = [
  "no_training_records",
  "no_pay_records",
  "no_leave_records",
  "small_group",
  "restricted",
  "overseas",
  "no_statutory_rate",
  "empty",
] as const;
export type FigureReason = (typeof FIGURE_REASONS)[number];

export const METRIC_UNITS = ["people", "percent", "years", "days", "hours", "weighted_people"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** per_employee: a sum (training days, hours) ÷ the year-end headcount. */
export const METRIC_KINDS = ["count", "ratio", "average", "per_employee", "disability", "no_data"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Which rows a drill-down lists: the people counted in the numerator (or the count), the denominator, or those left out and why. */
export const DRILL_PARTS = ["numerator", "denominator", "excluded"] as const;
export type DrillPart = (typeof DRILL_PARTS)[number];

// ---------- definitions ----------

export const ZMetricDefinition = z.object({
  id: z.enum(METRIC_IDS),
  title: ZLocalizedName,
  /** One sentence, both languages. */
  summary: ZLocalizedName,
  kind: z.enum(METRIC_KINDS),
  unit: z.enum(METRIC_UNITS),
  decimals: z.number().int(),
  rounding: z.enum(["half_up", "truncate"]),
  /** Built from sensitive data: company HR of the companies concerned only, withheld for small groups. */
  sensitive: z.boolean(),
  /** False while the records it needs do not exist (the figure then reports no_data). */
  dataAvailable: z.boolean(),
  dimensions: z.array(z.enum(DIMENSIONS)),
  documentation: z.object({ counts: z.string(), date: z.string(), rule: z.string(), source: z.string() }),
});
export type MetricDefinition = z.infer<typeof ZMetricDefinition>;
export const ZMetricDefinitionList = z.object({ items: z.array(ZMetricDefinition) });

// ---------- scope and period ----------

const ZIdList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be company ids separated by commas")
  .transform((v) => v.split(",").map(Number));

/** A scope in a query string: `scope=company&companyId=3`, `scope=companies&companyIds=3,4`, `scope=country&country=JP`, `scope=orgUnit&orgUnitId=12`. */
export const ZScopeQuery = z.object({
  scope: z.enum(SCOPE_KINDS).default("group"),
  companyId: ZId.optional(),
  companyIds: ZIdList.optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code such as JP")
    .transform((v) => v.toUpperCase())
    .optional(),
  orgUnitId: ZId.optional(),
});

/** A period: `asOf=2026-03-31` (stock on that day; flows over the twelve months ending on it) or `fy=2025` (each company's own fiscal year). */
export const ZPeriodQuery = z.object({
  asOf: ZIsoDate.optional(),
  fy: z.coerce.number().int().min(1900, "must be a year").max(2999, "must be a year").optional(),
});

export const ZScopeSpec = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("group") }),
  z.object({ kind: z.literal("company"), companyId: z.number().int() }),
  z.object({ kind: z.literal("companies"), companyIds: z.array(z.number().int()) }),
  z.object({ kind: z.literal("country"), country: z.string() }),
  z.object({ kind: z.literal("domestic") }),
  z.object({ kind: z.literal("overseas") }),
  z.object({ kind: z.literal("orgUnit"), orgUnitId: z.number().int() }),
]);
export type ScopeSpec = z.infer<typeof ZScopeSpec>;

export const ZPeriodSpec = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("asOf"), date: z.string() }),
  z.object({ kind: z.literal("fiscalYear"), year: z.number().int() }),
]);
export type PeriodSpec = z.infer<typeof ZPeriodSpec>;

export const ZCompanyRef = z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName });
export type CompanyRef = z.infer<typeof ZCompanyRef>;

export const ZResolvedScope = z.object({
  spec: ZScopeSpec,
  label: ZLocalizedName,
  companyCount: z.number().int(),
  /** The companies when there are at most 10 (a company scope: its one company). */
  companies: z.array(ZCompanyRef),
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
});
export type ResolvedScope = z.infer<typeof ZResolvedScope>;

/** The dates a figure used: one range per distinct fiscal calendar in the scope (mixed fiscal years: several). */
export const ZPeriodRange = z.object({
  from: z.string(),
  to: z.string(),
  fiscalYearStartMonth: z.number().int().nullable(),
  companyCount: z.number().int(),
});
export const ZResolvedPeriod = z.object({
  spec: ZPeriodSpec,
  ranges: z.array(ZPeriodRange),
});
export type ResolvedPeriod = z.infer<typeof ZResolvedPeriod>;

// ---------- figures ----------

export const ZBreakdownRow = z.object({
  key: z.string(),
  /** Names for grade bands and companies; enumerated keys (gender, ...) are translated by the client. */
  label: ZLocalizedName.nullable(),
  status: z.enum(FIGURE_STATUSES),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof ZBreakdownRow>;

/**
 * The disability employment figure of one company, one configured group application, or the whole scope
 * (kind scope: the domestic companies of a multi-company scope added up, or an org unit; not a statutory figure).
 */
export const ZDisabilityUnit = z.object({
  kind: z.enum(["company", "application", "scope"]),
  id: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  status: z.enum(FIGURE_STATUSES),
  reason: z.enum(FIGURE_REASONS).nullable(),
  referenceDate: z.string(),
  /** Percent, e.g. 2.5 (null before the table starts). */
  statutoryRate: z.number().nullable(),
  /** Regular workers, weighted (30 h+ = 1, 20–30 h = 0.5). */
  denominator: z.number().nullable(),
  /** Workers with disabilities, weighted by hours and severity. */
  numerator: z.number().nullable(),
  /** Percent, truncated to two decimals. */
  rate: z.number().nullable(),
  requiredNumber: z.number().int().nullable(),
  /** numerator − required number: negative is a shortfall. */
  surplus: z.number().nullable(),
  companyIds: z.array(z.number().int()),
});
export type DisabilityUnit = z.infer<typeof ZDisabilityUnit>;

export const ZFigure = z.object({
  metric: z.enum(METRIC_IDS),
  status: z.enum(FIGURE_STATUSES),
  reason: z.enum(FIGURE_REASONS).nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type Figure = z.infer<typeof ZFigure>;

export const ZFigureResult = ZFigure.extend({
  unit: z.enum(METRIC_UNITS),
  decimals: z.number().int(),
  scope: ZResolvedScope,
  period: ZResolvedPeriod,
  breakdown: z.object({ dimension: z.enum(DIMENSIONS), rows: z.array(ZBreakdownRow) }).nullable(),
  /** Disability figures: one entry per company (and configured group application) in the scope. */
  disability: z.array(ZDisabilityUnit).nullable(),
  /** Codes of the rules the engine applied that a reader should know (see docs/metrics.md "Notes"). */
  notes: z.array(z.string()),
});
export type FigureResult = z.infer<typeof ZFigureResult>;

export const ZFigureQuery = ZScopeQuery.extend(ZPeriodQuery.shape).extend({
  by: z.enum(DIMENSIONS).optional(),
});
export type FigureQuery = z.infer<typeof ZFigureQuery>;

export const ZMetricParams = z.object({ metric: z.enum(METRIC_IDS) });

// ---------- drill-down ----------

export const ZDrillQuery = ZFigureQuery.extend({
  part: z.enum(DRILL_PARTS).default("numerator"),
  /** With `by`: only the people in this breakdown row. */
  key: z.string().max(100).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, "must be between 1 and 500")
    .max(500, "must be between 1 and 500")
    .default(100),
  offset: z.coerce.number().int().min(0, "must be 0 or more").max(1_000_000).default(0),
});
export type DrillQuery = z.infer<typeof ZDrillQuery>;

export const ZDrillRow = z.object({
  personId: z.number().int(),
  name: ZPersonName,
  employmentId: z.number().int(),
  company: ZCompanyRef,
  employeeNumber: z.string(),
  gender: z.enum(GENDERS),
  ageGroup: z.enum(AGE_GROUPS),
  age: z.number().int().nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  grade: z.object({ code: z.string(), name: ZLocalizedName }).nullable(),
  managerLevel: z.enum(MANAGER_LEVELS),
  /** The day the person was counted on: the reference date, or the hire / last day for events. */
  date: z.string(),
  terminationReason: z.enum(TERMINATION_REASONS).nullable(),
  /** The other company of a transfer, or of the reemployment after retirement. */
  otherCompany: ZCompanyRef.nullable(),
  /** Disability figures: the weight this person counts with, and the hours band. */
  weight: z.number().nullable(),
  weeklyHours: z.number().nullable(),
  /** Why the person is left out (part=excluded), as a code documented in docs/metrics.md. */
  exclusion: z.string().nullable(),
});
export type DrillRow = z.infer<typeof ZDrillRow>;

export const ZDrillResponse = z.object({
  metric: z.enum(METRIC_IDS),
  part: z.enum(DRILL_PARTS),
  scope: ZResolvedScope,
  period: ZResolvedPeriod,
  total: z.number().int(),
  /** Rows in `total` the caller may not see (their names are not sent). */
  hidden: z.number().int(),
  items: z.array(ZDrillRow),
  /** Everyone left out of the figure, by reason. */
  exclusions: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type DrillResponse = z.infer<typeof ZDrillResponse>;

// ---------- disclosure report ----------

/** Where a report cell drills to. */
export const ZDrillTarget = z.object({
  metric: z.enum(METRIC_IDS),
  scope: ZScopeSpec,
  fiscalYear: z.number().int(),
  by: z.enum(DIMENSIONS).nullable(),
  key: z.string().nullable(),
});
export type DrillTarget = z.infer<typeof ZDrillTarget>;

export const ZReportCell = ZFigure.extend({
  drill: ZDrillTarget.nullable(),
  /** Figures built from sensitive data: the companies whose HR (all of them) may see it; null = not sensitive. */
  restrictedTo: z.array(z.number().int()).nullable(),
});
export type ReportCell = z.infer<typeof ZReportCell>;

export const REPORT_TABLES = [
  "workforce",
  "diversity",
  "managers",
  "hires",
  "leaver_reasons",
  "disability",
  "disability_units",
  "training",
  "reemployment",
  "pay_and_leave",
  "companies",
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export const ZReportRow = z.object({
  /** The fiscal year (trend tables), the company or group application, or the leaver reason. */
  key: z.string(),
  label: ZLocalizedName,
  fiscalYear: z.number().int().nullable(),
  cells: z.array(ZReportCell),
});
export type ReportRow = z.infer<typeof ZReportRow>;

export const ZReportTable = z.object({
  id: z.enum(REPORT_TABLES),
  /** fiscalYear rows are a trend (charted); company and reason rows are one year. */
  rowKind: z.enum(["fiscalYear", "company", "reason"]),
  columns: z.array(
    z.object({ metric: z.enum(METRIC_IDS), unit: z.enum(METRIC_UNITS), decimals: z.number().int() }),
  ),
  rows: z.array(ZReportRow),
});
export type ReportTable = z.infer<typeof ZReportTable>;

export const ZDisclosureReport = z.object({
  fiscalYear: z.number().int(),
  fiscalYears: z.array(z.number().int()),
  scope: ZResolvedScope,
  /** The periods of the report's fiscal year (several when companies' fiscal years differ). */
  period: ZResolvedPeriod,
  tables: z.array(ZReportTable),
});
export type DisclosureReport = z.infer<typeof ZDisclosureReport>;

export const ZReportQuery = z.object({
  fy: z.coerce.number().int().min(1900, "must be a year").max(2999, "must be a year"),
  /** Omit for the whole group. */
  companyId: ZId.optional(),
});
export type ReportQuery = z.infer<typeof ZReportQuery>;

export const ZPublishRequest = z.object({
  fy: z.number().int().min(1900, "must be a year").max(2999, "must be a year"),
  companyId: z.number().int().positive().nullable().default(null),
  note: z.string().trim().max(500, "must be at most 500 characters").nullable().default(null),
});

export const ZPublicationSummary = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  companyId: z.number().int().nullable(),
  version: z.number().int(),
  dataHash: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type PublicationSummary = z.infer<typeof ZPublicationSummary>;
export const ZPublicationList = z.object({ items: z.array(ZPublicationSummary) });
export const ZPublicationListQuery = z.object({
  fy: z.coerce.number().int().min(1900).max(2999).optional(),
  /** One company's publications; or `group=true` for the group's. Neither: all the caller may see. */
  companyId: ZId.optional(),
  group: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const ZFigureChange = z.object({
  table: z.enum(REPORT_TABLES),
  rowKey: z.string(),
  metric: z.enum(METRIC_IDS),
  frozen: ZFigure,
  current: ZFigure,
});
export type FigureChange = z.infer<typeof ZFigureChange>;

export const ZPublicationDetail = ZPublicationSummary.extend({
  report: ZDisclosureReport,
  /** unchanged: the source records hash the same; changed: records were corrected since (see `changes`). */
  dataStatus: z.enum(["unchanged", "changed"]),
  currentDataHash: z.string(),
  /** Figures that would differ if the report were computed today (empty when only unrelated records changed). */
  changes: z.array(ZFigureChange),
});
export type PublicationDetail = z.infer<typeof ZPublicationDetail>;
