import { is } from "drizzle-orm";
import { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Db } from "../../../db/client";
import { translateDbError } from "../../../db/errors";
import type { Actor } from "../../access/actor";
import { audit } from "../../audit/audit.service";
import type { importChanges } from "../import.schema";
import type { AnyImportKind, KindContext, OpEnvelope } from "../import.types";
import { finishRun, insertChanges } from "../import.repo";
import { ImportCancelled, type ImportPlan, type PlannedEntry, type PlanInput, planImport } from "./plan";

/**
 * Phase 2 of an import: write the planned changes in ONE transaction, with their history (import_changes),
 * the audit entry and the run's final status. Cancelling, a crash or a database refusal leaves the database
 * as it was before the import.
 *
 * On PostgreSQL the two phases overlap (`planAndApply`): the transaction starts with the file, and each batch
 * of checked rows is written while Node reads and checks the next ones — the database and Node work at the
 * same time. A rejected row (all or nothing), a cancellation or a refusal rolls the transaction back. On PGlite
 * (one thread, one connection) the file is read and checked first (`applyPlan`), so that other requests are
 * served while a large file is read.
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

/** Whether the database writes on a connection of its own while Node works (PostgreSQL, not PGlite). */
export function writesConcurrently(db: Db): boolean {
  return is(db, NodePgDatabase);
}

/** A database error as the import reports it (naming the first row of the batch, when known). */
function asRefusal(err: unknown, row: number | null): unknown {
  if (err instanceof ImportApplyError || err instanceof ImportCancelled) return err;
  const translated = translateDbError(err);
  if (!translated) return err;
  const detail = translated.fields?.map((f) => `${f.path}: ${f.message}`).join("; ") ?? translated.message;
  return new ImportApplyError(`the database refused the change of row ${row ?? "?"}: ${detail}`, row);
}

interface WriterInput {
  tx: Db;
  importId: number;
  kind: AnyImportKind;
  ctx: Omit<KindContext, "lookupBy" | "absentFields">;
  isCancelled: () => boolean;
  onProgress: (written: number, total: number) => void;
}

/**
 * Writes planned entries in batches of about APPLY_BATCH_OPS ops (a row's ops never split), one batch after
 * the other on the transaction, while the caller goes on planning. The first failure stops the writes; it is
 * thrown by `finish`. `stop` and `settled` make sure nothing is sent on the transaction after it ended.
 */
class BatchWriter {
  private batch: PlannedEntry[] = [];
  private batchOps = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private stopped = false;
  private written = 0;
  private total = 0;
  private readonly ctx: KindContext & { scratch: Map<string, number> };

  constructor(private readonly input: WriterInput) {
    this.ctx = {
      ...input.ctx,
      lookupBy: {},
      absentFields: new Set<string>(),
      scratch: new Map<string, number>(),
    };
  }

  push(entry: PlannedEntry): void {
    if (this.stopped || !entry.steps.length) return;
    this.batch.push(entry);
    this.batchOps += entry.steps.length;
    this.total += entry.steps.length;
    if (this.batchOps >= APPLY_BATCH_OPS) this.enqueue();
  }

  /** Nothing more is written (the entries pushed later are dropped). */
  stop(): void {
    this.stopped = true;
    this.batch = [];
  }

  /** Waits for the writes under way, whatever their outcome. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Writes what is left and waits for every write; throws the first failure. */
  async finish(): Promise<void> {
    if (this.batch.length) this.enqueue();
    await this.chain;
    if (this.failure) throw this.failure.error;
  }

  private enqueue(): void {
    const batch = this.batch;
    this.batch = [];
    this.batchOps = 0;
    this.chain = this.chain.then(async () => {
      if (this.stopped || this.failure) return;
      try {
        await this.write(batch);
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  private async write(batch: PlannedEntry[]): Promise<void> {
    const { tx, kind, importId } = this.input;
    if (this.input.isCancelled()) throw new ImportCancelled();
    const envelopes: OpEnvelope<unknown>[] = [];
    for (const entry of batch)
      for (const step of entry.steps)
        envelopes.push({ rowNumber: entry.rowNumber, key: entry.key, op: step.op });
    const firstRow = batch[0]!.rowNumber;
    try {
      const records = await kind.apply(tx, envelopes, this.ctx);
      if (records.length !== envelopes.length)
        throw new Error(
          `import kind ${kind.name} reported ${records.length} writes for ${envelopes.length} ops`,
        );
      const history: (typeof importChanges.$inferInsert)[] = [];
      let i = 0;
      for (const entry of batch) {
        for (const step of entry.steps) {
          const record = records[i++]!;
          const plannedPerson = step.change.personId;
          history.push({
            importId,
            rowNumber: entry.rowNumber,
            entity: step.change.entity,
            entityId: record.entityId,
            personId:
              record.personId ??
              (plannedPerson !== undefined && plannedPerson !== null && plannedPerson > 0
                ? plannedPerson
                : null),
            action: step.change.action,
            key: entry.key.slice(0, 255),
            before: step.change.before,
            after: step.change.after,
          });
        }
      }
      await insertChanges(tx, history);
    } catch (err) {
      throw asRefusal(err, firstRow);
    }
    this.written += envelopes.length;
    this.input.onProgress(this.written, this.total);
    // PGlite runs queries on this thread: let timers (the CLI's progress bar, a cancel) run between batches
    await new Promise((resolve) => setImmediate(resolve));
  }
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

/** The end of an applied import, in its transaction: the audit entry and the run's status. */
async function recordApplied(
  tx: Db,
  input: Omit<ApplyInput, "db" | "isCancelled" | "onProgress">,
): Promise<void> {
  const { plan, kind } = input;
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
}

/** Writes a finished plan in one transaction (PGlite, and any engine when called directly). */
export async function applyPlan(input: ApplyInput): Promise<void> {
  try {
    await input.db.transaction(async (tx) => {
      const writer = new BatchWriter({ ...input, tx });
      try {
        for (const entry of input.plan.entries) writer.push(entry);
        await writer.finish();
      } finally {
        writer.stop();
        await writer.settled();
      }
      await recordApplied(tx, input);
    });
  } catch (err) {
    throw asRefusal(err, null);
  }
}

/** Rolls the overlapping transaction back when the plan says nothing is to be written. */
class NothingToApply extends Error {}

/**
 * Plans and writes at once, in one transaction (PostgreSQL). Resolves with the plan and whether it was
 * applied; a plan that refuses the file, or rejects rows without acceptValidRows, is rolled back (nothing
 * written) and left for the caller to record. Throws ImportCancelled or ImportApplyError like applyPlan.
 * `onPlanned` runs once the whole file is checked, before the writes are finished (the errors are recorded).
 */
export async function planAndApply(
  input: Omit<ApplyInput, "plan"> & {
    planInput: Omit<PlanInput, "db" | "kind" | "ctx" | "isCancelled" | "onEntry">;
    acceptValidRows: boolean;
    onPlanned: (plan: ImportPlan) => Promise<void>;
  },
): Promise<{ plan: ImportPlan; applied: boolean }> {
  let plan: ImportPlan | undefined;
  try {
    await input.db.transaction(async (tx) => {
      const writer = new BatchWriter({ ...input, tx });
      try {
        plan = await planImport({
          ...input.planInput,
          db: input.db,
          kind: input.kind,
          ctx: input.ctx,
          isCancelled: input.isCancelled,
          onEntry: (entry, counts) => {
            // all or nothing: after the first rejected row nothing more is written (it rolls back anyway)
            if (counts.rejected > 0 && !input.acceptValidRows) writer.stop();
            else writer.push(entry);
          },
        });
        await input.onPlanned(plan);
        if (plan.fileError !== null || (plan.counts.rejected > 0 && !input.acceptValidRows))
          throw new NothingToApply();
        await writer.finish();
      } finally {
        writer.stop();
        await writer.settled();
      }
      await recordApplied(tx, { ...input, plan });
    });
  } catch (err) {
    if (err instanceof NothingToApply) return { plan: plan!, applied: false };
    throw asRefusal(err, null);
  }
  return { plan: plan!, applied: true };
}
