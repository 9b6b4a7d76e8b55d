import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { AppError } from "../../shared/errors";
import { assert } from "../access/access.policy";
import { actorUserId, type Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany } from "../org/org.repo";
import { canImportInto, canUseImports, importCompanyScope } from "./import.policy";
import {
  deleteMapping,
  findMapping,
  insertMapping,
  listMappings,
  updateMapping,
  type MappingRow,
} from "./import.repo";
import { canonicalImportKindName, requireImportKind } from "./kinds";
import { parseMappingProfile, type MappingProfile } from "./mapping/profile";

/** Mapping profiles saved per company (group-level kinds: per installation), exported and imported as JSON. */
export interface SavedMapping {
  id: number;
  companyId: number | null;
  kind: string;
  name: string;
  definition: MappingProfile;
  createdAt: string;
  updatedAt: string;
}

const present = (row: MappingRow): SavedMapping => ({
  id: row.id,
  companyId: row.companyId,
  kind: row.kind,
  name: row.name,
  definition: row.definition as MappingProfile,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function checkTarget(
  db: Db,
  actor: Actor,
  companyId: number | null,
  definition: unknown,
): Promise<MappingProfile> {
  const parsed = parseMappingProfile(definition);
  if ("errors" in parsed)
    throw AppError.validation(
      parsed.errors.map((e) => ({ path: `definition.${e.path}`, message: e.message })),
    );
  const kind = requireImportKind(parsed.profile.kind);
  if (kind.scope === "company") {
    if (companyId === null)
      throw AppError.validation([{ path: "companyId", message: `is required for a ${kind.name} mapping` }]);
    if (!(await findCompany(db, companyId))) throw AppError.notFound("Company", companyId);
  } else if (companyId !== null) {
    throw AppError.validation([
      { path: "companyId", message: `${kind.name} mappings belong to the group: leave companyId empty` },
    ]);
  }
  assert(canImportInto(actor, kind.scope, companyId), "You may not keep mappings for this company.");
  for (const field of Object.keys(parsed.profile.fields)) {
    if (!kind.fields.some((f) => f.name === field)) {
      throw AppError.validation([
        { path: `definition.fields.${field}`, message: `is not a field of ${kind.name}` },
      ]);
    }
  }
  // An older kind name (skill_assessments) is kept under the kind's name, so lists filtered by kind find it.
  return { ...parsed.profile, kind: kind.name };
}

export async function listSavedMappings(
  db: Db,
  actor: Actor,
  query: { companyId?: number | undefined; kind?: string | undefined },
): Promise<SavedMapping[]> {
  assert(canUseImports(actor), "Only HR may use imports.");
  const scope = importCompanyScope(actor);
  const rows = await listMappings(db, {
    ...query,
    kind: query.kind === undefined ? undefined : canonicalImportKindName(query.kind),
  });
  return rows
    .filter((row) => scope === null || (row.companyId !== null && scope.includes(row.companyId)))
    .map(present);
}

async function editable(db: Db, actor: Actor, id: number): Promise<MappingRow> {
  const row = await findMapping(db, id);
  if (!row) throw AppError.notFound("Mapping", id);
  const kind = requireImportKind(row.kind);
  assert(canImportInto(actor, kind.scope, row.companyId), "You may not use this mapping.");
  return row;
}

export async function getSavedMapping(db: Db, actor: Actor, id: number): Promise<SavedMapping> {
  return present(await editable(db, actor, id));
}

export async function createSavedMapping(
  db: Db,
  actor: Actor,
  request: { companyId: number | null; definition: unknown },
): Promise<SavedMapping> {
  const profile = await checkTarget(db, actor, request.companyId, request.definition);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const row = await insertMapping(tx, {
        companyId: request.companyId,
        kind: profile.kind,
        name: profile.name,
        definition: profile,
        createdByUserId: actorUserId(actor),
      });
      await audit(tx, actor, "import_mapping.create", {
        entity: "import_mapping",
        entityId: row.id,
        detail: { companyId: row.companyId, kind: row.kind, name: row.name },
      });
      return present(row);
    }),
  ).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "CONFLICT") {
      throw new AppError("CONFLICT", {
        fields: [{ path: "definition.name", message: "this company already has a mapping with this name" }],
      });
    }
    throw err;
  });
}

export async function replaceSavedMapping(
  db: Db,
  actor: Actor,
  id: number,
  request: { definition: unknown },
): Promise<SavedMapping> {
  const existing = await editable(db, actor, id);
  const profile = await checkTarget(db, actor, existing.companyId, request.definition);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const row = await updateMapping(tx, id, {
        name: profile.name,
        kind: profile.kind,
        definition: profile,
      });
      await audit(tx, actor, "import_mapping.update", {
        entity: "import_mapping",
        entityId: id,
        detail: { before: existing.definition },
      });
      return present(row);
    }),
  );
}

export async function removeSavedMapping(db: Db, actor: Actor, id: number): Promise<void> {
  const existing = await editable(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteMapping(tx, id);
    await audit(tx, actor, "import_mapping.delete", {
      entity: "import_mapping",
      entityId: id,
      detail: { definition: existing.definition },
    });
  });
}
