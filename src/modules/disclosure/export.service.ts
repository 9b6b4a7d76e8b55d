/**
 * Exports of the disclosure report (docs/metrics.md "Export"): JSON (exactly ZDisclosureReport), CSV (one flat
 * table), Excel (a sheet per table and the definitions) and PDF. Same access rules as the report; a published
 * version exports its frozen figures. Redacted to the caller's rights like the report on screen.
 */
import type { Db } from "../../db/client";
import { fiscalYearOf } from "../../metrics/engine/period";
import { allCompanies } from "../../metrics/engine/scope.repo";
import { AppError } from "../../shared/errors";
import type { DisclosureReport, PublicationSummary } from "../../shared/metrics-api";
import type { ExportFormat, ReportExportQuery } from "../../shared/metrics-reports-api";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { reportCsv } from "./export/flat";
import { exportFileName, exportHeading } from "./export/heading";
import { reportPdf } from "./export/pdf";
import { reportXlsx } from "./export/xlsx";
import { getDisclosureReport, getPublication } from "./report.service";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export interface ExportedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The fiscal year of a report asked for by date: the year that contains the date in the company's fiscal
 * calendar (the group: the parent company's, else April).
 */
export async function fiscalYearForDate(db: Db, asOf: string, companyId: number | null): Promise<number> {
  const companies = await allCompanies(db);
  const company =
    companyId === null
      ? companies.find((c) => c.parentCompanyId === null)
      : companies.find((c) => c.id === companyId);
  return fiscalYearOf(asOf, company?.fiscalYearStartMonth ?? 4);
}

export async function reportYear(
  db: Db,
  query: { fy?: number | undefined; asOf?: string | undefined },
  companyId: number | null,
): Promise<number> {
  if (query.fy !== undefined && query.asOf !== undefined)
    throw AppError.validation([{ path: "fy", message: "give either fy or asOf, not both" }]);
  if (query.fy !== undefined) return query.fy;
  if (query.asOf !== undefined) return fiscalYearForDate(db, query.asOf, companyId);
  throw AppError.validation([{ path: "fy", message: "give fy (a year such as 2025) or asOf (a date)" }]);
}

export async function renderReport(
  report: DisclosureReport,
  format: ExportFormat,
  lang: "en" | "ja",
  publication: PublicationSummary | null,
  now = new Date(),
): Promise<ExportedReport> {
  const heading = exportHeading(report, lang, publication, now);
  const fileName = exportFileName(report, publication, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case "json":
      return { body: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8"), contentType, fileName };
    case "csv":
      return { body: reportCsv(report, lang), contentType, fileName };
    case "xlsx":
      return { body: await reportXlsx(report, lang, heading), contentType, fileName };
    case "pdf":
      return { body: await reportPdf(report, lang, heading), contentType, fileName };
  }
}

export async function exportDisclosureReport(
  db: Db,
  actor: Actor,
  query: ReportExportQuery,
): Promise<ExportedReport> {
  let report: DisclosureReport;
  let publication: PublicationSummary | null = null;
  if (query.publicationId !== undefined) {
    if (query.fy !== undefined || query.asOf !== undefined || query.companyId !== undefined)
      throw AppError.validation([
        {
          path: "publicationId",
          message: "a publication has its own year and scope: leave out fy, asOf and companyId",
        },
      ]);
    const {
      report: frozen,
      changes: _changes,
      dataStatus: _status,
      currentDataHash: _hash,
      ...summary
    } = await getPublication(db, actor, query.publicationId);
    report = frozen;
    publication = summary;
  } else {
    const companyId = query.companyId ?? null;
    const fy = await reportYear(db, query, companyId);
    report = await getDisclosureReport(db, actor, fy, companyId);
  }
  const exported = await renderReport(report, query.format, query.lang, publication);
  await audit(db, actor, "report.export", {
    entity: publication ? "published_report" : "disclosure_report",
    entityId: publication
      ? publication.id
      : `${report.fiscalYear}:${report.scope.spec.kind === "company" ? report.scope.spec.companyId : "group"}`,
    detail: { format: query.format, lang: query.lang, fiscalYear: report.fiscalYear },
  });
  return exported;
}
