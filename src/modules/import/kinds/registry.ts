import { AppError } from "../../../shared/errors";
import type { AnyImportKind } from "../import.types";
import { registerFieldLabels } from "../messages";

/**
 * The import kinds known to this installation. Built-in kinds register themselves in ./index.ts; a later
 * module (training records, skills, ...) calls `registerImportKind` from its own kinds file and imports it there.
 */
const kinds = new Map<string, AnyImportKind>();
/** Former spellings still accepted (e.g. skill_assessments for skill-assessments); never listed or shown. */
const aliases = new Map<string, string>();

export function registerImportKind(kind: AnyImportKind): void {
  if (kinds.has(kind.name)) throw new Error(`Import kind ${kind.name} is registered twice`);
  const names = new Set<string>();
  for (const field of kind.fields) {
    if (names.has(field.name)) throw new Error(`Import kind ${kind.name} declares field ${field.name} twice`);
    names.add(field.name);
    if (field.type === "enum" && !field.values?.length)
      throw new Error(`Enum field ${kind.name}.${field.name} has no values`);
  }
  kinds.set(kind.name, kind);
  registerFieldLabels(kind.fields);
}

/** Accepts `alias` wherever a kind's name is read (CLI, API, mapping profiles); it resolves to `name`. */
export function registerImportKindAlias(alias: string, name: string): void {
  if (!kinds.has(name)) throw new Error(`Import kind alias ${alias}: no kind ${name}`);
  if (kinds.has(alias) || (aliases.has(alias) && aliases.get(alias) !== name))
    throw new Error(`Import kind alias ${alias} is taken`);
  aliases.set(alias, name);
}

/** The canonical name of a kind name or alias (unknown names unchanged). */
export function canonicalImportKindName(name: string): string {
  return aliases.get(name) ?? name;
}

export function findImportKind(name: string): AnyImportKind | undefined {
  return kinds.get(canonicalImportKindName(name));
}

export function requireImportKind(name: string): AnyImportKind {
  const kind = findImportKind(name);
  if (!kind) {
    throw AppError.validation([
      { path: "kind", message: `unknown import kind "${name}"; one of: ${importKindNames().join(", ")}` },
    ]);
  }
  return kind;
}

/** Kind names in registration order (the order of the docs and the web app). */
export function importKindNames(): string[] {
  return [...kinds.keys()];
}

export function listImportKinds(): AnyImportKind[] {
  return [...kinds.values()];
}
