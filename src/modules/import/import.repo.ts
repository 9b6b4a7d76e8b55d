import { and, asc, count, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../auth/auth.schema";
import { companies } from "../org/org.schema";
import { type ImportStatus, importChanges, importErrors, importMappings, importRuns } from "./import.schema";
import { bulkInsert } from "./kinds/bulk";
import type { ImportError } from "./mapping/mapper";
import type { ImportCounts } from "./pipeline/plan";

export type ImportRunRow = typeof importRuns.$inferSelect;
export type NewImportRun = typeof importRuns.$inferInsert;

export async function insertRun(db: Db, run: NewImportRun): Promise<ImportRunRow> {
  const [row] = await db.insert(importRuns).values(run).returning();
  return row!;
}

export async function findRun(
  db: Db,
  id: number,
): Promise<(ImportRunRow & { userEmail: string | null; companyCode: string | null }) | undefined> {
  const [row] = await db
    .select({ run: importRuns, userEmail: users.email, companyCode: companies.code })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.userId))
    .leftJoin(companies, eq(companies.id, importRuns.companyId))
    .where(eq(importRuns.id, id));
  return row ? { ...row.run, userEmail: row.userEmail, companyCode: row.companyCode } : undefined;
}

export async function finishRun(
  db: Db,
  id: number,
  result: {
    status: ImportStatus;
    counts: ImportCounts;
    message: string | null;
    preview: unknown;
    format: string | null;
    encoding: string | null;
  },
): Promise<void> {
  await db
    .update(importRuns)
    .set({
      ...result.counts,
      status: result.status,
      message: result.message,
      preview: result.preview,
      format: result.format,
      encoding: result.encoding,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    })
    .where(eq(importRuns.id, id));
}

export async function heartbeat(db: Db, id: number, rows: number): Promise<void> {
  await db.update(importRuns).set({ heartbeatAt: new Date(), rows }).where(eq(importRuns.id, id));
}

export async function insertErrors(db: Db, importId: number, errors: ImportError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 1000) {
    await db.insert(importErrors).values(
      errors.slice(i, i + 1000).map((e) => ({
        importId,
        rowNumber: e.row,
        column: e.column.slice(0, 255),
        value: e.value.slice(0, 1000),
        message: e.message,
        code: e.code,
        params: e.params,
      })),
    );
  }
}

/** Errors in file order, paged by id (keyset) so that a million-row report streams. */
export async function listErrors(db: Db, importId: number, limit: number, afterId = 0) {
  return db
    .select({
      id: importErrors.id,
      row: importErrors.rowNumber,
      column: importErrors.column,
      value: importErrors.value,
      message: importErrors.message,
      code: importErrors.code,
      params: importErrors.params,
    })
    .from(importErrors)
    .where(and(eq(importErrors.importId, importId), gt(importErrors.id, afterId)))
    .orderBy(asc(importErrors.id))
    .limit(limit);
}

export async function countErrors(db: Db, importId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(importErrors).where(eq(importErrors.importId, importId));
  return Number(row?.n ?? 0);
}

/** The history of a batch, in one statement per 5,000 changes (set-based: see kinds/bulk.ts). */
export async function insertChanges(db: Db, rows: (typeof importChanges.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await bulkInsert(
      db,
      "import_changes",
      rows.slice(i, i + 5000).map((r) => ({
        import_id: r.importId,
        row_number: r.rowNumber,
        entity: r.entity,
        entity_id: r.entityId,
        person_id: r.personId ?? null,
        action: r.action,
        key: r.key,
        before: r.before ?? null,
        after: r.after ?? null,
      })),
      { nested: true },
    );
  }
}

export function listChanges(
  db: Db,
  filter: { importId?: number | undefined; personId?: number | undefined; companyIds: number[] | null },
  limit: number,
  offset: number,
) {
  const conditions: SQL[] = [];
  if (filter.importId !== undefined) conditions.push(eq(importChanges.importId, filter.importId));
  if (filter.personId !== undefined) conditions.push(eq(importChanges.personId, filter.personId));
  if (filter.companyIds !== null)
    conditions.push(inArray(importRuns.companyId, filter.companyIds.length ? filter.companyIds : [-1]));
  return db
    .select({
      id: importChanges.id,
      importId: importChanges.importId,
      companyId: importRuns.companyId,
      kind: importRuns.kind,
      at: importRuns.finishedAt,
      row: importChanges.rowNumber,
      entity: importChanges.entity,
      entityId: importChanges.entityId,
      personId: importChanges.personId,
      action: importChanges.action,
      key: importChanges.key,
      before: importChanges.before,
      after: importChanges.after,
    })
    .from(importChanges)
    .innerJoin(importRuns, eq(importRuns.id, importChanges.importId))
    .where(and(...conditions))
    .orderBy(desc(importChanges.importId), asc(importChanges.id))
    .limit(limit)
    .offset(offset);
}

export function listRuns(
  db: Db,
  filter: { companyIds: number[] | null; companyId?: number | undefined; kind?: string | undefined },
  limit: number,
  offset: number,
) {
  const conditions: SQL[] = [];
  if (filter.companyId !== undefined) conditions.push(eq(importRuns.companyId, filter.companyId));
  if (filter.kind !== undefined) conditions.push(eq(importRuns.kind, filter.kind));
  if (filter.companyIds !== null)
    conditions.push(inArray(importRuns.companyId, filter.companyIds.length ? filter.companyIds : [-1]));
  return db
    .select({ run: importRuns, userEmail: users.email, companyCode: companies.code })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.userId))
    .leftJoin(companies, eq(companies.id, importRuns.companyId))
    .where(and(...conditions))
    .orderBy(desc(importRuns.id))
    .limit(limit)
    .offset(offset);
}

// ---------- mapping profiles ----------

export type MappingRow = typeof importMappings.$inferSelect;

export function listMappings(db: Db, filter: { companyId?: number | undefined; kind?: string | undefined }) {
  const conditions: SQL[] = [];
  if (filter.companyId !== undefined) conditions.push(eq(importMappings.companyId, filter.companyId));
  if (filter.kind !== undefined) conditions.push(eq(importMappings.kind, filter.kind));
  return db
    .select()
    .from(importMappings)
    .where(and(...conditions))
    .orderBy(asc(importMappings.name), asc(importMappings.id));
}

export async function findMapping(db: Db, id: number): Promise<MappingRow | undefined> {
  const [row] = await db.select().from(importMappings).where(eq(importMappings.id, id));
  return row;
}

export async function insertMapping(
  db: Db,
  mapping: typeof importMappings.$inferInsert,
): Promise<MappingRow> {
  const [row] = await db.insert(importMappings).values(mapping).returning();
  return row!;
}

export async function updateMapping(
  db: Db,
  id: number,
  values: { name: string; kind: string; definition: unknown },
): Promise<MappingRow> {
  const [row] = await db
    .update(importMappings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(importMappings.id, id))
    .returning();
  return row!;
}

export async function deleteMapping(db: Db, id: number): Promise<void> {
  await db.delete(importMappings).where(eq(importMappings.id, id));
}
