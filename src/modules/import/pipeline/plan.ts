import type { Db } from "../../../db/client";
import type { Locale } from "../../../shared/enums";
import type { AnyImportKind, ChangeRecord, KindContext, PlannedStep, RowIssue } from "../import.types";
import { columnOf, type ImportError, importError, mapRecord, resolveColumns } from "../mapping/mapper";
import type { MappingProfile } from "../mapping/profile";
import { importMessage, issueText, renderImportMessage } from "../messages";
import { type Encoding, SourceError, type SourceFormat } from "../sources/detect";
import { openSource, type SourceOptions } from "../sources/source";

/**
 * Phase 1 of an import: stream the file, map and validate every row, and diff it against the database
 * (loaded once into the kind's state). Nothing is written; the result is the dry run's report and, for an
 * apply, the list of writes. Only rows that change something are kept in memory.
 */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  terminations: number;
  rejected: number;
}

export interface PlannedEntry {
  rowNumber: number;
  key: string;
  // biome-ignore lint/suspicious/noExplicitAny: ops are the kind's own type, opaque to the framework.
  steps: PlannedStep<any>[];
}

export interface PreviewChange extends ChangeRecord {
  row: number;
  key: string;
}

export interface ImportPlan {
  format: SourceFormat | null;
  encoding: Encoding | null;
  delimiter: string | null;
  headers: string[];
  ignoredColumns: string[];
  counts: ImportCounts;
  /** Every error up to MAX_KEPT_ERRORS (the counts are complete). */
  errors: ImportError[];
  errorCount: number;
  /** Why the whole file was refused, if it was: nothing of it is imported. */
  fileError: string | null;
  entries: PlannedEntry[];
  preview: PreviewChange[];
}

export interface PlanProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export const MAX_KEPT_ERRORS = 100_000;
export const PREVIEW_CHANGES = 200;
/** Rows handed to a kind's prefetch (batched lookups) at a time. */
export const PREFETCH_ROWS = 2000;

export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled.");
    this.name = "ImportCancelled";
  }
}

export interface PlanInput {
  db: Db;
  kind: AnyImportKind;
  profile: MappingProfile;
  file: string;
  source: Pick<SourceOptions, "maxBytes" | "maxColumns" | "encoding" | "format">;
  ctx: Omit<KindContext, "lookupBy" | "absentFields">;
  /** The language of the messages (whoever started the import). */
  locale?: Locale;
  isCancelled: () => boolean;
  onProgress: (progress: PlanProgress) => void;
  /**
   * Takes each planned entry as soon as it is planned, with the counts so far (the writer of an import that
   * writes while it reads); the plan then keeps no entries. Only for a file whose ops are final once planned.
   */
  onEntry?: (entry: PlannedEntry, counts: ImportCounts) => void;
}

const emptyCounts = (): ImportCounts => ({
  rows: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  terminations: 0,
  rejected: 0,
});

export async function planImport(input: PlanInput): Promise<ImportPlan> {
  const { kind, profile, ctx } = input;
  const locale = input.locale ?? "en";
  const issueError = (
    row: number,
    cell: { column: string; value: string },
    issue: RowIssue,
  ): ImportError => ({
    row,
    ...cell,
    message: issueText(issue, locale),
    code: issue.code,
    params: issue.params,
  });
  const plan: ImportPlan = {
    format: null,
    encoding: null,
    delimiter: null,
    headers: [],
    ignoredColumns: [],
    counts: emptyCounts(),
    errors: [],
    errorCount: 0,
    fileError: null,
    entries: [],
    preview: [],
  };
  const report = (error: ImportError) => {
    plan.errorCount++;
    if (plan.errors.length < MAX_KEPT_ERRORS) plan.errors.push(error);
  };
  let lastRow = 0;
  try {
    const source = await openSource(input.file, {
      maxBytes: input.source.maxBytes,
      maxColumns: input.source.maxColumns,
      format: input.source.format,
      encoding: input.source.encoding ?? profile.encoding,
      delimiter: profile.delimiter,
    });
    Object.assign(plan, {
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      headers: source.headers,
    });
    const columns = resolveColumns(kind, profile, source.headers, source.headerRow, locale);
    plan.ignoredColumns = columns.ignoredColumns;
    if (columns.errors.length) {
      for (const error of columns.errors) report(error);
      plan.fileError =
        columns.errors.length === 1
          ? columns.errors[0]!.message
          : renderImportMessage(locale, "report.columnProblems", { count: columns.errors.length });
      await source.records.return(undefined);
      return { ...plan, entries: [], preview: [] };
    }
    const lookupBy: Record<string, "code" | "name"> = {};
    for (const resolved of columns.fields)
      if (resolved.mapping?.lookupBy) lookupBy[resolved.field.name] = resolved.mapping.lookupBy;
    const absentFields = new Set(
      columns.fields
        .filter(
          (f) => f.column === null && f.mapping?.constant === undefined && f.mapping?.default === undefined,
        )
        .map((f) => f.field.name),
    );
    const kindCtx: KindContext = { ...ctx, lookupBy, absentFields };
    const state = await kind.loadState(input.db, kindCtx);
    const keys = new Map<string, number>();
    let lastYield = Date.now();
    // Rows wait here (file order) until a chunk is full when the kind fetches what they refer to in batches.
    type Pending = {
      rowNumber: number;
      rowErrors: ImportError[];
      values: Record<string, string>;
      // biome-ignore lint/suspicious/noExplicitAny: rows are the kind's own type, opaque to the framework.
      built?: { row: any; key: string };
    };
    // the source column and cell of a field (for errors found after mapping)
    const cellOf = (values: Record<string, string>, field: string) => {
      const column = columnOf(columns, field);
      return { column, value: values[column] ?? "" };
    };
    let pending: Pending[] = [];
    const prefetch = async () => {
      const rows = pending.flatMap((p) => (p.built ? [p.built.row] : []));
      if (rows.length) await kind.prefetch!(input.db, rows, state, kindCtx);
    };
    const planPending = () => {
      for (const { rowNumber, rowErrors, values, built } of pending) {
        if (built) {
          const planned = kind.plan(built.row, state, kindCtx);
          if ("issues" in planned) {
            for (const issue of planned.issues)
              rowErrors.push(issueError(rowNumber, cellOf(values, issue.field), issue));
          } else {
            const counter =
              planned.outcome === "new"
                ? "inserted"
                : planned.outcome === "changed"
                  ? "updated"
                  : "unchanged";
            plan.counts[counter]++;
            if (planned.termination) plan.counts.terminations++;
            if (planned.steps.length) {
              const entry = { rowNumber, key: built.key, steps: planned.steps };
              if (input.onEntry) input.onEntry(entry, plan.counts);
              else plan.entries.push(entry);
            }
            for (const step of planned.steps) {
              if (plan.preview.length < PREVIEW_CHANGES)
                plan.preview.push({ row: rowNumber, key: built.key, ...step.change });
            }
          }
        }
        if (rowErrors.length) {
          plan.counts.rejected++;
          for (const error of rowErrors) report(error);
        }
      }
      pending = [];
    };
    const chunk = kind.prefetch ? PREFETCH_ROWS : 1;

    for await (const record of source.records) {
      lastRow = record.rowNumber;
      plan.counts.rows++;
      if (plan.counts.rows % 100 === 0 || Date.now() - lastYield > 200) {
        if (input.isCancelled()) throw new ImportCancelled();
        input.onProgress({
          rows: plan.counts.rows,
          bytesRead: source.bytesRead(),
          totalBytes: source.totalBytes,
        });
        // let the server answer progress polls while a large file is read
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
      const mapped = mapRecord(record, columns, profile, locale);
      const rowErrors: ImportError[] = record.problems.length
        ? record.problems.map((p) =>
            importError(
              { row: record.rowNumber, column: p.column, value: p.value },
              p.code,
              p.params,
              locale,
            ),
          )
        : [];
      if (mapped.errors.length) rowErrors.push(...mapped.errors);
      const entry: Pending = { rowNumber: record.rowNumber, rowErrors, values: record.values };
      if (!rowErrors.length) {
        const built = kind.toRow(mapped.values, kindCtx);
        if ("issues" in built) {
          for (const issue of built.issues)
            rowErrors.push(issueError(record.rowNumber, cellOf(record.values, issue.field), issue));
        } else {
          const key = kind.key(built.row);
          const earlier = keys.get(key);
          if (earlier !== undefined) {
            const keyField = kind.fields[0]!.name;
            rowErrors.push(
              issueError(
                record.rowNumber,
                cellOf(record.values, keyField),
                importMessage(keyField, "row.duplicate", {
                  earlier,
                  what: kind.label.en.toLowerCase(),
                  "what.ja": kind.label.ja,
                  key,
                }),
              ),
            );
          } else {
            keys.set(key, record.rowNumber);
            entry.built = { row: built.row, key };
          }
        }
      }
      pending.push(entry);
      if (pending.length >= chunk) {
        if (kind.prefetch) await prefetch();
        planPending();
      }
    }
    if (kind.prefetch) await prefetch();
    planPending();
    input.onProgress({ rows: plan.counts.rows, bytesRead: source.totalBytes, totalBytes: source.totalBytes });
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    plan.fileError = err.message;
    report({
      row: err.rowNumber || lastRow + 1,
      column: "(file)",
      value: "",
      message: err.message,
      code: "row.invalid",
      params: {},
    });
  }
  if (plan.fileError !== null) {
    plan.entries = [];
    plan.preview = [];
    plan.counts = { ...emptyCounts(), rows: plan.counts.rows, rejected: plan.counts.rows };
  }
  return plan;
}
