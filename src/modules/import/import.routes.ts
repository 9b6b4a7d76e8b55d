import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import { AppError } from "../../shared/errors";
import { assert } from "../access/access.policy";
import {
  ZCreateMappingRequest,
  ZImportChangesQuery,
  ZImportChangesResponse,
  ZImportHistoryQuery,
  ZImportHistoryResponse,
  ZImportKindsResponse,
  ZImportLocaleQuery,
  ZImportResult,
  ZMappingListQuery,
  ZMappingListResponse,
  ZReplaceMappingRequest,
  ZSavedMapping,
  ZStartImportQuery,
  ZTemplateParams,
  ZTemplateQuery,
} from "./import.api";
import { errorsCsv, getImport, listImportChanges, listImports } from "./import.history";
import {
  createSavedMapping,
  getSavedMapping,
  listSavedMappings,
  removeSavedMapping,
  replaceSavedMapping,
} from "./import.mappings";
import { canUseImports } from "./import.policy";
import { cancelImport, startImport } from "./import.service";
import { listImportKinds, requireImportKind } from "./kinds";
import { csvTemplate, xlsxTemplate } from "./templates";

/** Uploads are streamed to a temporary file (never held in memory); the import deletes it when done. */
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const UPLOAD_DIR = path.join(os.tmpdir(), "tekizai-uploads");

interface UploadedFile {
  file: string;
  size: number;
}

async function saveUpload(payload: NodeJS.ReadableStream, limit: number): Promise<UploadedFile> {
  fs.mkdirSync(UPLOAD_DIR, { recursive: true });
  const file = path.join(UPLOAD_DIR, `${Date.now()}-${randomBytes(6).toString("hex")}`);
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit)
        callback(
          AppError.validation([
            {
              path: "body",
              message: `the file is larger than the upload limit of ${limit / 1024 / 1024} MB`,
            },
          ]),
        );
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(payload, limiter, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  return { file, size };
}

const tags = ["imports"];

export function registerImportRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;
  const user = { access: "user" as const };

  // The upload route reads the raw body (CSV, Excel, JSON as a file) in a scope of its own.
  void app.register(async (scope: ZodApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", async (_request: unknown, payload: NodeJS.ReadableStream) =>
      saveUpload(payload, UPLOAD_LIMIT_BYTES),
    );
    // Refuse before the upload is read when nobody is signed in.
    scope.addHook("preParsing", async (request) => {
      if (!request.actor) throw new AppError("UNAUTHENTICATED");
    });
    scope.post(
      "/api/imports",
      {
        config: user,
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            "Upload a file and import it (a job: poll GET /api/imports/:id). Body: the file itself (text/csv, application/octet-stream, ...).",
          querystring: ZStartImportQuery.extend({ wait: z.enum(["true", "false"]).default("false") }),
          response: { 202: ZImportResult, 200: ZImportResult },
        },
      },
      async (request, reply) => {
        const upload = request.body as UploadedFile | undefined;
        if (!upload?.file)
          throw AppError.validation([{ path: "body", message: "send the file as the request body" }]);
        const query = request.query;
        try {
          const { importId, done } = await startImport(db, requireActor(request), {
            kind: query.kind,
            companyId: query.companyId ?? null,
            mappingId: query.mappingId,
            file: upload.file,
            fileName: query.fileName,
            dryRun: query.dryRun,
            acceptValidRows: query.acceptValidRows,
            encoding: query.encoding,
            format: query.format,
            via: "web",
            locale: query.locale,
            removeFileAfter: true,
          });
          if (query.wait === "true") return reply.status(200).send(await done);
          return reply.status(202).send(await getImport(db, requireActor(request), importId, query.locale));
        } catch (err) {
          fs.rmSync(upload.file, { force: true });
          throw err;
        }
      },
    );
  });

  app.get(
    "/api/imports",
    {
      config: user,
      schema: {
        tags,
        summary: "Import history (company HR: their companies)",
        querystring: ZImportHistoryQuery,
        response: { 200: ZImportHistoryResponse },
      },
    },
    async (request) => ({ items: await listImports(db, requireActor(request), request.query) }),
  );

  app.get(
    "/api/imports/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "An import: status, live progress, counts, first errors and changes",
        params: ZIdParams,
        querystring: ZImportLocaleQuery,
        response: { 200: ZImportResult },
      },
    },
    async (request) => getImport(db, requireActor(request), request.params.id, request.query.locale),
  );

  app.post(
    "/api/imports/:id/cancel",
    {
      config: user,
      schema: {
        tags,
        summary: "Cancel a running import (its transaction rolls back)",
        params: ZIdParams,
        querystring: ZImportLocaleQuery,
        response: { 202: ZImportResult },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await cancelImport(db, requireActor(request), request.params.id, request.query.locale)),
  );

  app.get(
    "/api/imports/:id/errors.csv",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Every rejected row of an import as CSV (row, column, value, message, code), in the reader's language",
        params: ZIdParams,
        querystring: ZImportLocaleQuery,
      },
    },
    async (request, reply) => {
      const rows = await errorsCsv(db, requireActor(request), request.params.id, request.query.locale);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(Readable.from(rows));
    },
  );

  app.get(
    "/api/imports/:id/changes",
    {
      config: user,
      schema: {
        tags,
        summary: "What an applied import changed, with before/after (optionally for one person)",
        params: ZIdParams,
        querystring: ZImportChangesQuery,
        response: { 200: ZImportChangesResponse },
      },
    },
    async (request) => ({
      items: await listImportChanges(db, requireActor(request), {
        ...request.query,
        importId: request.params.id,
      }),
    }),
  );

  app.get(
    "/api/import-changes",
    {
      config: user,
      schema: {
        tags,
        summary: "Changes made by imports to one person (personId)",
        querystring: ZImportChangesQuery,
        response: { 200: ZImportChangesResponse },
      },
    },
    async (request) => ({ items: await listImportChanges(db, requireActor(request), request.query) }),
  );

  app.get(
    "/api/import-kinds",
    {
      config: user,
      schema: {
        tags,
        summary: "Import kinds and their canonical fields (HR)",
        response: { 200: ZImportKindsResponse },
      },
    },
    async (request) => {
      assert(canUseImports(requireActor(request)), "Only HR may use imports.");
      return {
        items: listImportKinds().map((kind) => ({
          name: kind.name,
          label: kind.label,
          description: kind.description,
          scope: kind.scope,
          fields: kind.fields.map((f) => ({
            name: f.name,
            label: f.label,
            required: f.required,
            type: f.type,
            example: f.example,
            ...(f.values ? { values: [...f.values] } : {}),
            ...(f.lookup ? { lookup: f.lookup } : {}),
            ...(f.defaultValue !== undefined ? { defaultValue: f.defaultValue } : {}),
          })),
        })),
      };
    },
  );

  app.get(
    "/api/import-templates/:kind",
    {
      config: user,
      schema: {
        tags,
        summary: "A kind's template: CSV or Excel, header in English or Japanese (HR)",
        params: ZTemplateParams,
        querystring: ZTemplateQuery,
      },
    },
    async (request, reply) => {
      assert(canUseImports(requireActor(request)), "Only HR may use imports.");
      const kind = requireImportKind(request.params.kind);
      const { format, lang } = request.query;
      const name = `tekizai-${kind.name}-${lang}.${format}`;
      reply.header("content-disposition", `attachment; filename="${name}"`);
      if (format === "xlsx") {
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(await xlsxTemplate(kind, lang));
      }
      return reply.type("text/csv; charset=utf-8").send(csvTemplate(kind, lang));
    },
  );

  app.get(
    "/api/import-mappings",
    {
      config: user,
      schema: {
        tags,
        summary: "Saved mapping profiles (HR: their companies)",
        querystring: ZMappingListQuery,
        response: { 200: ZMappingListResponse },
      },
    },
    async (request) => ({ items: await listSavedMappings(db, requireActor(request), request.query) }),
  );

  app.post(
    "/api/import-mappings",
    {
      config: user,
      schema: {
        tags,
        summary: "Save a mapping profile (the profile JSON as `definition`)",
        body: ZCreateMappingRequest,
        response: { 201: ZSavedMapping },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSavedMapping(db, requireActor(request), request.body)),
  );

  app.get(
    "/api/import-mappings/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A mapping profile (export: its `definition` is the JSON the CLI reads)",
        params: ZIdParams,
        response: { 200: ZSavedMapping },
      },
    },
    async (request) => getSavedMapping(db, requireActor(request), request.params.id),
  );

  app.put(
    "/api/import-mappings/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Replace a mapping profile",
        params: ZIdParams,
        body: ZReplaceMappingRequest,
        response: { 200: ZSavedMapping },
      },
    },
    async (request) => replaceSavedMapping(db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/import-mappings/:id",
    {
      config: user,
      schema: { tags, summary: "Delete a mapping profile", params: ZIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeSavedMapping(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
