/**
 * API shapes of the disclosure report's exports, the training report, the group dashboard and the figures'
 * settings (zod), shared by the server, the web app and the CLI; the figures themselves are in metrics-api.ts.
 * Documented in docs/metrics.md ("Export", "Training figures", "Group dashboard", "Settings").
 */
import { z } from "zod";
import { ZId, ZIsoDate, ZLocalizedName } from "./api";
import {
  METRIC_IDS,
  METRIC_UNITS,
  ZCompanyRef,
  ZFigure,
  ZFigureResult,
  ZResolvedPeriod,
  ZResolvedScope,
} from "./metrics-api";

/**
 * The training figures of one scope and fiscal year (`tekizai report training`, GET /api/reports/training):
 * every training figure, and training days and hours per employee by gender and by employee category.
 */
export const ZTrainingReport = z.object({
  fiscalYear: z.number().int(),
  scope: ZResolvedScope,
  period: ZResolvedPeriod,
  figures: z.array(ZFigureResult),
});
export type TrainingReport = z.infer<typeof ZTrainingReport>;

// ---------- group dashboard ----------

/** Whether a company's value lies outside the group's usual range (see docs/metrics.md "Group dashboard"). */
export const OUTLIER_MARKS = ["high", "low"] as const;
export type OutlierMark = (typeof OUTLIER_MARKS)[number];

export const ZDashboardColumn = z.object({
  metric: z.enum(METRIC_IDS),
  unit: z.enum(METRIC_UNITS),
  decimals: z.number().int(),
  /** Tukey's fences over the companies with a number: null when fewer than 4 have one, or for counts. */
  stats: z
    .object({
      companies: z.number().int(),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
      lower: z.number(),
      upper: z.number(),
    })
    .nullable(),
});

export const ZDashboardCell = ZFigure.extend({ outlier: z.enum(OUTLIER_MARKS).nullable() });
export type DashboardCell = z.infer<typeof ZDashboardCell>;

export const ZGroupDashboard = z.object({
  fiscalYear: z.number().int(),
  period: ZResolvedPeriod,
  /** The rule that marks outliers (always `tukey_1.5_iqr`). */
  outlierRule: z.literal("tukey_1.5_iqr"),
  columns: z.array(ZDashboardColumn),
  rows: z.array(
    z.object({
      company: ZCompanyRef,
      country: z.string(),
      isDomestic: z.boolean(),
      cells: z.array(ZDashboardCell),
    }),
  ),
});
export type GroupDashboard = z.infer<typeof ZGroupDashboard>;
export const ZDashboardQuery = z.object({
  fy: z.coerce.number().int().min(1900, "must be a year").max(2999, "must be a year"),
});

// ---------- settings (group HR) ----------

export const ZGroupApplication = z.object({
  id: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  parentCompanyId: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** The designated companies (the parent not included). */
  memberCompanyIds: z.array(z.number().int()),
});
export type GroupApplicationDto = z.infer<typeof ZGroupApplication>;

export const ZGroupApplicationInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(32, "must be at most 32 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may contain letters, digits, - and _ only"),
  nameJa: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  nameEn: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  parentCompanyId: z.number().int().positive(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullable().default(null),
  memberCompanyIds: z.array(z.number().int().positive()).min(1, "name at least one designated company"),
});
export type GroupApplicationInput = z.infer<typeof ZGroupApplicationInput>;

export const ZMetricSettings = z.object({
  /** Sensitive figures counting fewer people than this are withheld. */
  smallGroupThreshold: z.number().int(),
  applications: z.array(ZGroupApplication),
});
export type MetricSettingsDto = z.infer<typeof ZMetricSettings>;
export const ZThresholdInput = z.object({
  smallGroupThreshold: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(2, "must be between 2 and 100")
    .max(100, "must be between 2 and 100"),
});

export const EXPORT_FORMATS = ["json", "csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * An export of the disclosure report: the live report of a fiscal year (`fy`, or the fiscal year containing
 * `asOf`) for the group or one company, or a published version as frozen (`publicationId`).
 */
export const ZReportExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` }).default("json"),
  lang: z.enum(["en", "ja"], { error: "must be en or ja" }).default("en"),
  fy: z.coerce.number().int().min(1900, "must be a year").max(2999, "must be a year").optional(),
  asOf: ZIsoDate.optional(),
  companyId: ZId.optional(),
  publicationId: ZId.optional(),
});
export type ReportExportQuery = z.infer<typeof ZReportExportQuery>;
