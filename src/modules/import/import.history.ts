import type { Db } from "../../db/client";
import type { Locale } from "../../shared/enums";
import { AppError } from "../../shared/errors";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findUserById } from "../auth/auth.repo";
import { findJob, type ImportProgress } from "./import.jobs";
import { canonicalImportKindName } from "./kinds";
import { canSeeImport, canUseImports, importCompanyScope } from "./import.policy";
import { countErrors, findRun, type ImportRunRow, listChanges, listErrors, listRuns } from "./import.repo";
import { type MessageParams, renderImportMessage, renderReport, renderStoredMessage } from "./messages";
import type { ImportCounts, PreviewChange } from "./pipeline/plan";

/** How an import is shown: history row, result, live progress while it runs. */
export interface ImportSummary {
  id: number;
  kind: string;
  companyId: number | null;
  companyCode: string | null;
  /** running, previewed (dry run), applied, rejected (nothing written), failed, cancelled; interrupted = the process died. */
  status: ImportRunRow["status"] | "interrupted";
  dryRun: boolean;
  acceptValidRows: boolean;
  via: string;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  format: string | null;
  encoding: string | null;
  mappingId: number | null;
  userId: number | null;
  userEmail: string | null;
  createdAt: string;
  finishedAt: string | null;
  counts: ImportCounts;
  /** The report, in the reader's language (a reason quoted in it keeps the importer's). */
  message: string | null;
}

/** A rejected row's error as read back: the message in the reader's language, with its code and params. */
export interface ImportErrorView {
  row: number;
  column: string;
  value: string;
  message: string;
  code: string;
  params: MessageParams;
}

export interface ImportResult extends ImportSummary {
  mapping: unknown;
  errorCount: number;
  /** The first errors (all of them: GET /api/imports/:id/errors.csv). */
  errors: ImportErrorView[];
  /** The first changes with before/after. */
  preview: PreviewChange[];
  progress: ImportProgress | null;
  cancelRequested?: boolean;
}

/** A running import whose process has not reported for this long was interrupted (crash, kill). */
const STALE_MS = 10 * 60 * 1000;

/**
 * The language an import is shown in: the one the reader asks for (the web app sends its own), else the
 * user's saved language, else English.
 */
export async function readerLocale(db: Db, actor: Actor, requested: Locale | undefined): Promise<Locale> {
  if (requested) return requested;
  if (actor.kind !== "user") return "en";
  return (await findUserById(db, actor.userId))?.locale ?? "en";
}

function presentSummary(
  row: ImportRunRow & { userEmail: string | null; companyCode: string | null },
  locale: Locale,
): ImportSummary {
  const interrupted =
    row.status === "running" && !findJob(row.id) && Date.now() - row.heartbeatAt.getTime() > STALE_MS;
  return {
    id: row.id,
    kind: row.kind,
    companyId: row.companyId,
    companyCode: row.companyCode,
    status: interrupted ? "interrupted" : row.status,
    dryRun: row.dryRun,
    acceptValidRows: row.acceptValidRows,
    via: row.via,
    fileName: row.fileName,
    fileSize: row.fileSize,
    fileSha256: row.fileSha256,
    format: row.format,
    encoding: row.encoding,
    mappingId: row.mappingId,
    userId: row.userId,
    userEmail: row.userEmail,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    counts: {
      rows: row.rows,
      inserted: row.inserted,
      updated: row.updated,
      unchanged: row.unchanged,
      terminations: row.terminations,
      rejected: row.rejected,
    },
    message: interrupted
      ? renderImportMessage(locale, "report.interrupted")
      : renderReport(row.message, locale),
  };
}

async function visibleRun(db: Db, actor: Actor, importId: number) {
  const row = await findRun(db, importId);
  if (!row) throw AppError.notFound("Import", importId);
  assert(canSeeImport(actor, row), "You may not see this import.");
  return row;
}

export const RESULT_ERRORS = 100;

const errorView =
  (locale: Locale) =>
  ({ id: _id, ...error }: Awaited<ReturnType<typeof listErrors>>[number]): ImportErrorView => ({
    ...error,
    message: renderStoredMessage(error, locale),
  });

export async function getImport(
  db: Db,
  actor: Actor,
  importId: number,
  requestedLocale?: Locale,
): Promise<ImportResult> {
  const row = await visibleRun(db, actor, importId);
  const locale = await readerLocale(db, actor, requestedLocale);
  const job = findJob(importId);
  const errors = await listErrors(db, importId, RESULT_ERRORS);
  // fewer than a page: that is all of them
  const errorCount = errors.length < RESULT_ERRORS ? errors.length : await countErrors(db, importId);
  return {
    ...presentSummary(row, locale),
    mapping: row.mapping,
    errorCount,
    errors: errors.map(errorView(locale)),
    preview: (row.preview as PreviewChange[] | null) ?? [],
    progress: job ? { ...job.progress } : null,
  };
}

export async function listImports(
  db: Db,
  actor: Actor,
  query: {
    companyId?: number | undefined;
    kind?: string | undefined;
    limit: number;
    offset: number;
    locale?: Locale | undefined;
  },
): Promise<ImportSummary[]> {
  assert(canUseImports(actor), "Only HR may see imports.");
  const locale = await readerLocale(db, actor, query.locale);
  const rows = await listRuns(
    db,
    {
      companyIds: importCompanyScope(actor),
      companyId: query.companyId,
      kind: query.kind === undefined ? undefined : canonicalImportKindName(query.kind),
    },
    query.limit,
    query.offset,
  );
  return rows.map((row) =>
    presentSummary({ ...row.run, userEmail: row.userEmail, companyCode: row.companyCode }, locale),
  );
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Every error of an import as CSV (UTF-8 with BOM so that Excel opens it), in the reader's language, streamed
 * page by page.
 */
export async function errorsCsv(
  db: Db,
  actor: Actor,
  importId: number,
  requestedLocale?: Locale,
): Promise<AsyncGenerator<string>> {
  await visibleRun(db, actor, importId);
  const locale = await readerLocale(db, actor, requestedLocale);
  const view = errorView(locale);
  return (async function* () {
    yield "\uFEFFrow,column,value,message,code\r\n";
    let after = 0;
    for (;;) {
      const page = await listErrors(db, importId, 5000, after);
      if (!page.length) return;
      yield page
        .map(view)
        .map((e) => `${[e.row, e.column, e.value, e.message, e.code].map(csvCell).join(",")}\r\n`)
        .join("");
      after = page.at(-1)!.id;
    }
  })();
}

/** What imports changed: of one import, or of one person across imports (within the actor's companies). */
export async function listImportChanges(
  db: Db,
  actor: Actor,
  query: { importId?: number | undefined; personId?: number | undefined; limit: number; offset: number },
) {
  assert(canUseImports(actor), "Only HR may see imports.");
  if (query.importId === undefined && query.personId === undefined) {
    throw AppError.validation([{ path: "personId", message: "give importId or personId" }]);
  }
  if (query.importId !== undefined) await visibleRun(db, actor, query.importId);
  const rows = await listChanges(
    db,
    { importId: query.importId, personId: query.personId, companyIds: importCompanyScope(actor) },
    query.limit,
    query.offset,
  );
  return rows.map((row) => ({ ...row, at: row.at?.toISOString() ?? null }));
}
