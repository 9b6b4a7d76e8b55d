import { desc, eq, and, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../auth/auth.schema";
import { auditLog } from "./audit.schema";

export interface AuditRecord {
  userId: number | null;
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  ip?: string | null;
  detail?: unknown;
}

export async function insertAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    userId: record.userId,
    action: record.action,
    entity: record.entity ?? null,
    entityId: record.entityId === undefined || record.entityId === null ? null : String(record.entityId),
    ip: record.ip ?? null,
    detail: record.detail ?? null,
  });
}

export async function listAudit(
  db: Db,
  filter: { limit: number; entity?: string | undefined; entityId?: string | undefined },
) {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userEmail: users.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
