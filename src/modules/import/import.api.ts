/**
 * The import API's request and response shapes (zod), for the routes, the web app and the CLI.
 * Naming as in src/shared/api.ts.
 */
import { z } from "zod";
import { ZId } from "../../shared/api";
import { LOCALES } from "../../shared/enums";
import { IMPORT_STATUSES } from "./import.schema";

const booleanQuery = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

export const ZStartImportQuery = z.object({
  kind: z.string().min(1, "is required").max(64),
  /** Required for company kinds (everything but companies). */
  companyId: ZId.optional(),
  mappingId: ZId.optional(),
  dryRun: booleanQuery.default(false),
  acceptValidRows: booleanQuery.default(false),
  encoding: z.enum(["auto", "utf8", "cp932"]).default("auto"),
  format: z.enum(["csv", "xlsx", "json"]).optional(),
  fileName: z.string().min(1).max(255).default("upload"),
  /** Language of the report and row errors (the web app sends its own); default: the user's saved language. */
  locale: z.enum(LOCALES).optional(),
});

export const ZImportCounts = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  terminations: z.number().int(),
  rejected: z.number().int(),
});

export const ZImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** In the reader's language (`locale`, else the user's saved language). */
  message: z.string(),
  /** Stable machine code of the message (docs/import.md, "Messages"). */
  code: z.string(),
  /** The values named in the message (codes, dates, numbers, field names). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** The language an import is shown in (messages, errors CSV); default: the user's saved language. */
export const ZImportLocaleQuery = z.object({ locale: z.enum(LOCALES).optional() });

export const ZImportSummary = z.object({
  id: z.number().int(),
  kind: z.string(),
  companyId: z.number().int().nullable(),
  companyCode: z.string().nullable(),
  status: z.enum([...IMPORT_STATUSES, "interrupted"]),
  dryRun: z.boolean(),
  acceptValidRows: z.boolean(),
  via: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  fileSha256: z.string(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  mappingId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  userEmail: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: ZImportCounts,
  message: z.string().nullable(),
});

export const ZImportProgress = z.object({
  phase: z.enum(["reading", "writing", "finished"]),
  rows: z.number().int(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  written: z.number().int(),
  toWrite: z.number().int(),
  percent: z.number(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  startedAt: z.string(),
});

export const ZChange = z.object({
  row: z.number().int(),
  key: z.string(),
  entity: z.string(),
  entityId: z.number().int().optional(),
  personId: z.number().int().nullable().optional(),
  action: z.enum(["insert", "update", "new_version", "terminate"]),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});

export const ZImportResult = ZImportSummary.extend({
  mapping: z.unknown(),
  errorCount: z.number().int(),
  errors: z.array(ZImportError),
  preview: z.array(ZChange),
  progress: ZImportProgress.nullable(),
  cancelRequested: z.boolean().optional(),
});

export const ZImportHistoryQuery = ZImportLocaleQuery.extend({
  companyId: ZId.optional(),
  kind: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200, "must be at most 200").default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ZImportHistoryResponse = z.object({ items: z.array(ZImportSummary) });

export const ZImportChangesQuery = z.object({
  personId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(1000, "must be at most 1000").default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const ZImportChangesResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      importId: z.number().int(),
      companyId: z.number().int().nullable(),
      kind: z.string(),
      at: z.string().nullable(),
      row: z.number().int(),
      entity: z.string(),
      entityId: z.number().int(),
      personId: z.number().int().nullable(),
      action: z.string(),
      key: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export const ZImportKindsResponse = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      label: z.object({ en: z.string(), ja: z.string() }),
      description: z.object({ en: z.string(), ja: z.string() }),
      scope: z.enum(["company", "group"]),
      fields: z.array(
        z.object({
          name: z.string(),
          label: z.object({ en: z.string(), ja: z.string() }),
          required: z.boolean(),
          type: z.string(),
          values: z.array(z.string()).optional(),
          lookup: z.string().optional(),
          defaultValue: z.string().optional(),
          example: z.string(),
        }),
      ),
    }),
  ),
});

export const ZTemplateParams = z.object({ kind: z.string().min(1).max(64) });
export const ZTemplateQuery = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  lang: z.enum(LOCALES).default("en"),
});

export const ZSavedMapping = z.object({
  id: z.number().int(),
  companyId: z.number().int().nullable(),
  kind: z.string(),
  name: z.string(),
  definition: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZMappingListQuery = z.object({ companyId: ZId.optional(), kind: z.string().max(64).optional() });
export const ZMappingListResponse = z.object({ items: z.array(ZSavedMapping) });
/** `definition` is the mapping profile JSON (docs/import.md); it is validated by the service with field paths. */
export const ZCreateMappingRequest = z.object({
  companyId: z.number().int().positive().nullable().default(null),
  definition: z.unknown(),
});
export const ZReplaceMappingRequest = z.object({ definition: z.unknown() });
