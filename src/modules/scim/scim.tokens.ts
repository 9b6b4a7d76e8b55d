import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { TerminationReason } from "../../shared/enums";
import { AppError } from "../../shared/errors";
import { SYSTEM_ACTOR } from "../access/actor";
import { audit } from "../audit/audit.service";
import { companies } from "../org/org.schema";
import { scimTokens } from "./scim.schema";

export type ScimClient = typeof scimTokens.$inferSelect;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a token for a SCIM client; the token itself is returned once and only its hash is kept. */
export async function createScimToken(
  db: Db,
  request: {
    name: string;
    companyCodes: string[];
    terminateOnDeactivate: boolean;
    terminationReason?: TerminationReason;
  },
): Promise<{ id: number; name: string; token: string; companies: string[]; terminateOnDeactivate: boolean }> {
  const name = request.name.trim();
  if (!name) throw AppError.validation([{ path: "name", message: "is required" }]);
  if (name.length > 200)
    throw AppError.validation([{ path: "name", message: "must be at most 200 characters" }]);
  const codes = [...new Set(request.companyCodes)];
  if (codes.length === 0) throw AppError.validation([{ path: "company", message: "at least one company" }]);
  const rows = await db.select().from(companies).where(inArray(companies.code, codes));
  const missing = codes.filter((code) => !rows.some((row) => row.code === code));
  if (missing.length) {
    throw AppError.validation([{ path: "company", message: `unknown company ${missing.join(", ")}` }]);
  }
  const token = `scim_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({
        name,
        tokenHash: hashToken(token),
        companyIds: rows.map((row) => row.id).sort((a, b) => a - b),
        terminateOnDeactivate: request.terminateOnDeactivate,
        terminationReason: request.terminationReason ?? "voluntary",
      })
      .returning({ id: scimTokens.id });
    await audit(tx, SYSTEM_ACTOR, "scim.token.create", { entity: "scim_token", entityId: row!.id });
    return {
      id: row!.id,
      name,
      token,
      companies: codes,
      terminateOnDeactivate: request.terminateOnDeactivate,
    };
  });
}

export async function listScimTokens(db: Db) {
  const rows = await db.select().from(scimTokens).orderBy(asc(scimTokens.id));
  const codes = new Map((await db.select().from(companies)).map((row) => [row.id, row.code]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    companies: row.companyIds.map((id) => codes.get(id) ?? String(id)),
    terminateOnDeactivate: row.terminateOnDeactivate,
    terminationReason: row.terminationReason,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeScimToken(db: Db, id: number): Promise<void> {
  await db.update(scimTokens).set({ revokedAt: new Date() }).where(eq(scimTokens.id, id));
}

/** The client a bearer token belongs to, unless unknown or revoked. */
export async function clientForToken(db: Db, token: string): Promise<ScimClient | undefined> {
  const [row] = await db
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, hashToken(token)), isNull(scimTokens.revokedAt)));
  return row;
}
