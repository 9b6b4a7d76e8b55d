import type { Db } from "../../db/client";
import { assert, isGroupAdmin } from "../access/access.policy";
import { actorUserId, type Actor } from "../access/actor";
import { insertAudit, listAudit } from "./audit.repo";

/** Records an action by an actor; call inside the transaction of the change it describes. */
export function audit(
  db: Db,
  actor: Actor,
  action: string,
  target: { entity?: string; entityId?: string | number | null; detail?: unknown } = {},
): Promise<void> {
  return insertAudit(db, {
    userId: actorUserId(actor),
    action,
    entity: target.entity ?? null,
    entityId: target.entityId ?? null,
    ip: actor.origin,
    detail:
      actor.kind === "system"
        ? { ...(target.detail as object | undefined), via: actor.origin }
        : target.detail,
  });
}

export async function readAuditLog(
  db: Db,
  actor: Actor,
  filter: { limit: number; entity?: string | undefined; entityId?: string | undefined },
) {
  assert(isGroupAdmin(actor));
  const rows = await listAudit(db, filter);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
