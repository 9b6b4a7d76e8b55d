import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Db } from "../../db/client";
import { today as todayOf } from "../../shared/dates";
import type { Locale } from "../../shared/enums";
import { AppError } from "../../shared/errors";
import { assert } from "../access/access.policy";
import { type Actor, actorUserId } from "../access/actor";
import { findCompany } from "../org/org.repo";
import { getImport, type ImportResult, readerLocale } from "./import.history";
import { findJob, type ImportJob, jobForScope, startJob, updateProgress } from "./import.jobs";
import { canImportInto } from "./import.policy";
import { findMapping, finishRun, heartbeat, insertErrors, insertRun } from "./import.repo";
import type { AnyImportKind } from "./import.types";
import { requireImportKind } from "./kinds";
import { emptyProfile, type MappingProfile, parseMappingProfile } from "./mapping/profile";
import { renderImportMessage } from "./messages";
import { applyPlan, ImportApplyError, planAndApply, writesConcurrently } from "./pipeline/apply";
import { ImportCancelled, type ImportPlan, type PlanProgress, planImport } from "./pipeline/plan";
import type { Encoding, SourceFormat } from "./sources/detect";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_COLUMNS } from "./sources/source";

export interface StartImportInput {
  kind: string;
  /** Required for company kinds; ignored for group kinds (companies). */
  companyId: number | null;
  /** A saved mapping profile, or an inline one (the CLI's --mapping file); neither = canonical columns. */
  mappingId?: number | undefined;
  mapping?: unknown;
  /** The uploaded file on disk. */
  file: string;
  fileName: string;
  dryRun: boolean;
  acceptValidRows: boolean;
  encoding?: Encoding | "auto" | undefined;
  format?: SourceFormat | undefined;
  via: "web" | "cli";
  /** Delete `file` when the import ends (uploads in a temporary directory). */
  removeFileAfter?: boolean;
  maxBytes?: number;
  /** The import's "today" for far-future checks (tests pin it). */
  today?: string;
  /** The language of the report and row errors (the requesting user's; default en). */
  locale?: Locale;
}

async function fileDigest(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest("hex") };
}

async function resolveProfile(
  db: Db,
  kind: AnyImportKind,
  companyId: number | null,
  input: StartImportInput,
): Promise<{ profile: MappingProfile; mappingId: number | null }> {
  let definition: unknown;
  let mappingId: number | null = null;
  if (input.mappingId !== undefined) {
    const saved = await findMapping(db, input.mappingId);
    if (!saved || (saved.companyId !== null && saved.companyId !== companyId)) {
      throw AppError.validation([
        { path: "mappingId", message: `mapping ${input.mappingId} is not a mapping of this company` },
      ]);
    }
    definition = saved.definition;
    mappingId = saved.id;
  } else if (input.mapping !== undefined) {
    definition = input.mapping;
  } else {
    return { profile: emptyProfile(kind.name), mappingId: null };
  }
  const parsed = parseMappingProfile(definition);
  if ("errors" in parsed)
    throw AppError.validation(
      parsed.errors.map((e) => ({ path: `mapping.${e.path}`, message: e.message })),
      "The mapping profile is not valid.",
    );
  if (parsed.profile.kind !== kind.name) {
    throw AppError.validation([
      { path: "mapping.kind", message: `the mapping is for ${parsed.profile.kind}, not ${kind.name}` },
    ]);
  }
  return { profile: parsed.profile, mappingId };
}

/**
 * Starts an import as a job: checks who may import what, records the run (file name, size, SHA-256, mapping)
 * and runs it in the background. `done` resolves with the result when the job ends (the CLI awaits it; HTTP
 * clients poll GET /api/imports/:id).
 */
export async function startImport(
  db: Db,
  actor: Actor,
  input: StartImportInput,
): Promise<{ importId: number; done: Promise<ImportResult> }> {
  const kind = requireImportKind(input.kind);
  let companyId: number | null = null;
  if (kind.scope === "company") {
    if (input.companyId === null)
      throw AppError.validation([{ path: "companyId", message: `is required for ${kind.name}` }]);
    if (!(await findCompany(db, input.companyId))) throw AppError.notFound("Company", input.companyId);
    companyId = input.companyId;
  }
  assert(
    canImportInto(actor, kind.scope, companyId),
    kind.scope === "group" ? "Only group HR may import companies." : "You may not import into this company.",
  );
  const { profile, mappingId } = await resolveProfile(db, kind, companyId, input);
  const locale = await readerLocale(db, actor, input.locale);
  const scopeKey = companyId === null ? "group" : `company:${companyId}`;
  const running = jobForScope(scopeKey);
  if (running)
    throw new AppError("CONFLICT", {
      message: `Import ${running.id} for this company is still running; wait for it or cancel it.`,
    });
  const { size, sha256 } = await fileDigest(input.file);
  const run = await insertRun(db, {
    kind: kind.name,
    companyId,
    mappingId,
    mapping: profile,
    userId: actorUserId(actor),
    via: input.via,
    fileName: input.fileName.slice(0, 255),
    fileSize: size,
    fileSha256: sha256,
    dryRun: input.dryRun,
    acceptValidRows: input.acceptValidRows,
    status: "running",
  });
  const job = startJob(run.id, scopeKey, input.dryRun, (job) =>
    executeImport(db, actor, job, kind, profile, companyId, { ...input, locale }),
  );
  return { importId: run.id, done: job.done.then(() => getImport(db, actor, run.id, locale)) };
}

async function executeImport(
  db: Db,
  actor: Actor,
  job: ImportJob,
  kind: AnyImportKind,
  profile: MappingProfile,
  companyId: number | null,
  input: StartImportInput,
): Promise<void> {
  const ctx = { companyId, today: input.today ?? todayOf() };
  const locale = input.locale ?? "en";
  let plan: ImportPlan | undefined;
  let lastBeat = Date.now();
  const planInput = {
    profile,
    file: input.file,
    source: {
      maxBytes: input.maxBytes ?? DEFAULT_MAX_BYTES,
      maxColumns: DEFAULT_MAX_COLUMNS,
      encoding: input.encoding,
      format: input.format,
    },
    locale,
    onProgress: (p: PlanProgress) => {
      updateProgress(job, { rows: p.rows, bytesRead: p.bytesRead, totalBytes: p.totalBytes });
      if (Date.now() - lastBeat > 5000) {
        lastBeat = Date.now();
        void heartbeat(db, job.id, p.rows).catch(() => undefined);
      }
    },
  };
  const applyInput = {
    db,
    actor,
    importId: job.id,
    kind,
    ctx,
    fileName: input.fileName,
    isCancelled: () => job.cancelled,
    onProgress: (written: number, total: number) => updateProgress(job, { written, toWrite: total }),
  };
  try {
    let applied = false;
    if (!input.dryRun && writesConcurrently(db)) {
      // PostgreSQL: checked rows are written while the next ones are read (one transaction all the same)
      ({ plan, applied } = await planAndApply({
        ...applyInput,
        planInput,
        acceptValidRows: input.acceptValidRows,
        onPlanned: async (checked) => {
          plan = checked;
          updateProgress(job, { phase: "writing" });
          await insertErrors(db, job.id, checked.errors);
        },
      }));
    } else {
      plan = await planImport({ ...planInput, db, kind, ctx, isCancelled: applyInput.isCancelled });
      await insertErrors(db, job.id, plan.errors);
    }
    const base = { counts: plan.counts, preview: plan.preview, format: plan.format, encoding: plan.encoding };
    if (plan.fileError !== null) {
      await finishRun(db, job.id, {
        ...base,
        status: "rejected",
        message: renderImportMessage(locale, "report.fileRefused", { reason: plan.fileError }),
      });
    } else if (input.dryRun) {
      await finishRun(db, job.id, { ...base, status: "previewed", message: null });
    } else if (plan.counts.rejected > 0 && !input.acceptValidRows) {
      const valid = plan.counts.rows - plan.counts.rejected;
      await finishRun(db, job.id, {
        ...base,
        status: "rejected",
        message: renderImportMessage(locale, "report.rowsRejected", {
          rejected: plan.counts.rejected,
          rows: plan.counts.rows,
          valid,
        }),
      });
    } else if (!applied) {
      updateProgress(job, {
        phase: "writing",
        toWrite: plan.entries.reduce((n, e) => n + e.steps.length, 0),
      });
      await applyPlan({ ...applyInput, plan });
    }
    updateProgress(job, { phase: "finished" });
  } catch (err) {
    const counts = plan?.counts ?? {
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      terminations: 0,
      rejected: 0,
    };
    const base = {
      counts,
      preview: plan?.preview ?? null,
      format: plan?.format ?? null,
      encoding: plan?.encoding ?? null,
    };
    if (err instanceof ImportCancelled) {
      await finishRun(db, job.id, {
        ...base,
        status: "cancelled",
        message: renderImportMessage(locale, "report.cancelled"),
      });
    } else {
      const message =
        err instanceof ImportApplyError ? err.message : `unexpected error: ${(err as Error).message}`;
      await finishRun(db, job.id, {
        ...base,
        status: "failed",
        message: renderImportMessage(locale, "report.failed", { reason: message }),
      });
    }
  } finally {
    if (input.removeFileAfter) fs.rmSync(input.file, { force: true });
  }
}

/** Cancels a running import (its transaction rolls back). */
export async function cancelImport(
  db: Db,
  actor: Actor,
  importId: number,
  locale?: Locale,
): Promise<ImportResult> {
  const result = await getImport(db, actor, importId, locale);
  const job = findJob(importId);
  if (!job || result.status !== "running") {
    throw new AppError("CONFLICT", { message: `Import ${importId} is not running (${result.status}).` });
  }
  job.cancelled = true;
  return { ...result, cancelRequested: true };
}
