import type { Db } from "../../../db/client";
import { translateDbError } from "../../../db/errors";
import type { Actor } from "../../access/actor";
import { audit } from "../../audit/audit.service";
import type { importChanges } from "../import.schema";
import type { AnyImportKind, KindContext, OpEnvelope } from "../import.types";
import { finishRun, insertChanges } from "../import.repo";
import { ImportCancelled, type ImportPlan, type PlannedEntry } from "./plan";

/**
 * Phase 2 of an import: write the planned changes in ONE transaction, with their history (import_changes),
 * the audit entry and the run's final status. Cancelling, a crash or a database refusal leaves the database
 * as it was before the import.
 */
export const APPLY_BATCH_OPS = 2000;

export class ImportApplyError extends Error {
  constructor(
    message: string,
    readonly rowNumber: number | null,
  ) {
    super(message);
    this.name = "ImportApplyError";
  }
}

function* batches(entries: PlannedEntry[]): Generator<PlannedEntry[]> {
  let batch: PlannedEntry[] = [];
  let ops = 0;
  for (const entry of entries) {
    batch.push(entry);
    ops += entry.steps.length;
    if (ops >= APPLY_BATCH_OPS) {
      yield batch;
      batch = [];
      ops = 0;
    }
  }
  if (batch.length) yield batch;
}

export interface ApplyInput {
  db: Db;
  actor: Actor;
  importId: number;
  kind: AnyImportKind;
  ctx: Omit<KindContext, "lookupBy" | "absentFields">;
  plan: ImportPlan;
  fileName: string;
  isCancelled: () => boolean;
  onProgress: (written: number, total: number) => void;
}

export async function applyPlan(input: ApplyInput): Promise<void> {
  const { db, plan, kind } = input;
  const total = plan.entries.reduce((sum, entry) => sum + entry.steps.length, 0);
  let written = 0;
  let currentRow: number | null = null;
  try {
    await db.transaction(async (tx) => {
      const ctx = {
        ...input.ctx,
        lookupBy: {},
        absentFields: new Set<string>(),
        scratch: new Map<string, number>(),
      };
      for (const batch of batches(plan.entries)) {
        if (input.isCancelled()) throw new ImportCancelled();
        const envelopes: OpEnvelope<unknown>[] = [];
        for (const entry of batch)
          for (const step of entry.steps)
            envelopes.push({ rowNumber: entry.rowNumber, key: entry.key, op: step.op });
        currentRow = batch[0]!.rowNumber;
        const records = await kind.apply(tx, envelopes, ctx);
        if (records.length !== envelopes.length)
          throw new Error(
            `import kind ${kind.name} reported ${records.length} writes for ${envelopes.length} ops`,
          );
        const history: (typeof importChanges.$inferInsert)[] = [];
        let i = 0;
        for (const entry of batch) {
          for (const step of entry.steps) {
            const record = records[i++]!;
            history.push({
              importId: input.importId,
              rowNumber: entry.rowNumber,
              entity: step.change.entity,
              entityId: record.entityId,
              personId:
                record.personId ??
                (step.change.personId !== undefined &&
                step.change.personId !== null &&
                step.change.personId > 0
                  ? step.change.personId
                  : null),
              action: step.change.action,
              key: entry.key.slice(0, 255),
              before: step.change.before,
              after: step.change.after,
            });
          }
        }
        await insertChanges(tx, history);
        written += envelopes.length;
        input.onProgress(written, total);
        // PGlite runs queries on this thread: let timers (the CLI's progress bar, a cancel) run between batches
        await new Promise((resolve) => setImmediate(resolve));
      }
      await audit(tx, input.actor, "import.apply", {
        entity: "import",
        entityId: input.importId,
        detail: { kind: kind.name, companyId: input.ctx.companyId, fileName: input.fileName, ...plan.counts },
      });
      await finishRun(tx, input.importId, {
        status: "applied",
        counts: plan.counts,
        message: null,
        preview: plan.preview,
        format: plan.format,
        encoding: plan.encoding,
      });
    });
  } catch (err) {
    if (err instanceof ImportCancelled) throw err;
    const translated = translateDbError(err);
    if (translated) {
      const detail =
        translated.fields?.map((f) => `${f.path}: ${f.message}`).join("; ") ?? translated.message;
      throw new ImportApplyError(
        `the database refused the change of row ${currentRow ?? "?"}: ${detail}`,
        currentRow,
      );
    }
    throw err;
  }
}
