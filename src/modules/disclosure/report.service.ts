/**
 * The disclosure report for a caller: live, published (frozen with a hash of its source records) and, for a
 * published one, what would change if it were computed today.
 */
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { companyPeriods } from "../../metrics/engine/period";
import { resolveScope } from "../../metrics/engine/scope";
import { compareReports } from "../../metrics/report/compare";
import { sourceDataHash } from "../../metrics/report/data-hash.repo";
import {
  buildDisclosureReport,
  latestYearEnd,
  type ReportScope,
  type ReportTrace,
  TREND_YEARS,
  yearHorizon,
} from "../../metrics/report/disclosure";
import {
  findPublication,
  insertPublication,
  listPublicationRows,
  type PublicationRow,
  scopeKeyOf,
} from "../../metrics/report/publications.repo";
import { type CachedReport, cachedReport } from "../../metrics/report/report-cache";
import { AppError } from "../../shared/errors";
import type { DisclosureReport, PublicationDetail, PublicationSummary } from "../../shared/metrics-api";
import { assert, isGroupAdmin } from "../access/access.policy";
import { type Actor, actorUserId } from "../access/actor";
import { audit } from "../audit/audit.service";
import { canViewReport } from "./disclosure.policy";
import { redactReport, visibleChanges } from "./redact";

const scopeOf = (companyId: number | null): ReportScope =>
  companyId === null ? { kind: "group" } : { kind: "company", companyId };

function assertReport(actor: Actor, companyId: number | null): void {
  assert(
    canViewReport(actor, companyId),
    companyId === null
      ? "Only group HR may see the group's report."
      : "Only HR of this company or group HR may see its report.",
  );
}

/**
 * The full-rights report (for publishing, comparing and the CLI), from the report cache while no record it is
 * computed from has changed (src/metrics/report/report-cache.ts).
 */
export async function computeReport(
  db: Db,
  fiscalYear: number,
  companyId: number | null,
): Promise<DisclosureReport> {
  return (await computeReportTraced(db, fiscalYear, companyId)).report;
}

/** computeReport, saying whether the report came from the cache, and how many of its years did. */
export async function computeReportTraced(
  db: Db,
  fiscalYear: number,
  companyId: number | null,
): Promise<CachedReport & ReportTrace> {
  const scope = await resolveScope(db, scopeOf(companyId));
  const trace: ReportTrace = { reusedYears: 0 };
  const opened = await cachedReport(
    db,
    `${companyId ?? "group"}:${fiscalYear}`,
    yearHorizon(scope, fiscalYear),
    () => buildDisclosureReport(db, scopeOf(companyId), fiscalYear, trace),
  );
  return { ...opened, reusedYears: opened.cached ? TREND_YEARS : trace.reusedYears };
}

export async function getDisclosureReport(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  companyId: number | null,
): Promise<DisclosureReport> {
  assertReport(actor, companyId);
  return redactReport(actor, await computeReport(db, fiscalYear, companyId));
}

/** The hash of the records the report for the scope and year is computed from. */
async function dataHashFor(db: Db, fiscalYear: number, companyId: number | null): Promise<string> {
  const scope = await resolveScope(db, scopeOf(companyId));
  const first = companyPeriods({ kind: "fiscalYear", year: fiscalYear - TREND_YEARS + 1 }, scope.companies);
  const from = first.map((p) => p.from).sort()[0] ?? `${fiscalYear}-01-01`;
  const to = latestYearEnd(scope, fiscalYear) ?? `${fiscalYear}-12-31`;
  return sourceDataHash(
    db,
    scope.companies.map((c) => c.id),
    from,
    to,
  );
}

const present = (row: PublicationRow): PublicationSummary => ({
  id: row.id,
  fiscalYear: row.fiscalYear,
  companyId: row.companyId,
  version: row.version,
  dataHash: row.dataHash,
  publishedAt: row.publishedAt,
  publishedBy: row.publishedBy,
  note: row.note,
});

export async function publishReport(
  db: Db,
  actor: Actor,
  request: { fy: number; companyId: number | null; note: string | null },
): Promise<PublicationSummary> {
  assertReport(actor, request.companyId);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      const report = await computeReport(tx, request.fy, request.companyId);
      const dataHash = await dataHashFor(tx, request.fy, request.companyId);
      const publicationId = await insertPublication(tx, {
        companyId: request.companyId,
        fiscalYear: request.fy,
        report,
        dataHash,
        note: request.note,
        userId: actorUserId(actor),
      });
      await audit(tx, actor, "report.publish", {
        entity: "published_report",
        entityId: publicationId,
        detail: { fiscalYear: request.fy, companyId: request.companyId, dataHash },
      });
      return publicationId;
    }),
  );
  const row = (await findPublication(db, id))!;
  return present(row);
}

export async function listPublications(
  db: Db,
  actor: Actor,
  filter: { fy?: number | undefined; companyId?: number | undefined; group?: boolean },
): Promise<PublicationSummary[]> {
  const scopeKey =
    filter.companyId !== undefined ? scopeKeyOf(filter.companyId) : filter.group ? "group" : undefined;
  if (filter.companyId !== undefined) assertReport(actor, filter.companyId);
  if (!isGroupAdmin(actor) && actor.kind === "user" && actor.hrCompanyIds.length === 0)
    assertReport(actor, null);
  const rows = await listPublicationRows(db, { fiscalYear: filter.fy, scopeKey });
  return rows.filter((row) => canViewReport(actor, row.companyId)).map(present);
}

export async function getPublication(db: Db, actor: Actor, id: number): Promise<PublicationDetail> {
  const row = await findPublication(db, id);
  if (!row) throw AppError.notFound("Published report", id);
  assertReport(actor, row.companyId);
  const currentDataHash = await dataHashFor(db, row.fiscalYear, row.companyId);
  const unchanged = currentDataHash === row.dataHash;
  const changes = unchanged
    ? []
    : compareReports(row.report, await computeReport(db, row.fiscalYear, row.companyId));
  return {
    ...present(row),
    report: redactReport(actor, row.report),
    dataStatus: unchanged ? "unchanged" : "changed",
    currentDataHash,
    changes: visibleChanges(actor, row.report, changes),
  };
}
