import type { Locale } from "../../../shared/enums";
import type { AnyImportKind, CanonicalField, FieldValue } from "../import.types";
import { type ImportMessageCode, type MessageParams, renderImportMessage } from "../messages";
import type { FieldMapping, MappingProfile } from "./profile";
import { parseCell } from "./values";

/** One reported problem, as the user sees it: row of the file, source column, the cell's text, the reason. */
export interface ImportError {
  row: number;
  column: string;
  value: string;
  /** In the language of whoever started the import. */
  message: string;
  /** Stable machine code of the message (messages.ts), e.g. `cell.required`, `employee.unknown`. */
  code: ImportMessageCode;
  /** The values named in the message: with the code, it renders in the reader's language. */
  params: MessageParams;
}

/** An error of a code of the catalogue, with its text in the importer's language. */
export function importError(
  at: { row: number; column: string; value: string },
  code: ImportMessageCode,
  params: MessageParams,
  locale: Locale,
): ImportError {
  return { ...at, message: renderImportMessage(locale, code, params), code, params };
}

/** Where each canonical field of a kind is read from in this file. */
export interface ResolvedField {
  field: CanonicalField;
  /** The file's header, or null when the value is a constant, a default or absent. */
  column: string | null;
  mapping: FieldMapping | undefined;
}

export interface ColumnPlan {
  fields: ResolvedField[];
  /** Headers no field reads (shown in the preview so that a forgotten mapping is noticed). */
  ignoredColumns: string[];
  errors: ImportError[];
}

const normalizeHeader = (text: string) => text.toLowerCase().replace(/[\s_\-()（）・]/g, "");

/** Matches the file's headers to the kind's fields through the profile; reports missing and unknown columns. */
export function resolveColumns(
  kind: AnyImportKind,
  profile: MappingProfile,
  headers: string[],
  headerRow: number,
  locale: Locale = "en",
): ColumnPlan {
  const errors: ImportError[] = [];
  const byExact = new Map(headers.filter(Boolean).map((h) => [h, h]));
  const byNormalized = new Map(headers.filter(Boolean).map((h) => [normalizeHeader(h), h]));
  const used = new Set<string>();
  const known = new Set(kind.fields.map((f) => f.name));
  for (const name of Object.keys(profile.fields)) {
    if (!known.has(name)) {
      errors.push(
        importError(
          { row: headerRow, column: name, value: "" },
          "column.notAField",
          { name, importKind: kind.name, fields: [...known].join(", ") },
          locale,
        ),
      );
    }
  }
  const fields = kind.fields.map((field): ResolvedField => {
    const mapping = profile.fields[field.name];
    let column: string | null = null;
    if (mapping?.column !== undefined) {
      column = byExact.get(mapping.column) ?? byNormalized.get(normalizeHeader(mapping.column)) ?? null;
      if (column === null) {
        errors.push(
          importError(
            { row: headerRow, column: mapping.column, value: "" },
            "column.notInFile",
            { field: field.name, column: mapping.column },
            locale,
          ),
        );
      }
    } else if (mapping?.constant === undefined) {
      for (const candidate of [field.name, field.label.en, field.label.ja]) {
        column = byNormalized.get(normalizeHeader(candidate)) ?? null;
        if (column !== null) break;
      }
      const hasDefault = mapping?.default !== undefined || field.defaultValue !== undefined;
      if (column === null && field.required && !hasDefault) {
        errors.push(
          importError(
            { row: headerRow, column: field.name, value: "" },
            "column.missing",
            { field: field.name, labelJa: field.label.ja, labelEn: field.label.en },
            locale,
          ),
        );
      }
    }
    if (column !== null) used.add(column);
    return { field, column, mapping };
  });
  return { fields, ignoredColumns: headers.filter((h) => h && !used.has(h)), errors };
}

/** "Yamada, Taro" → family Yamada, given Taro; "山田 太郎" → by order. Inner runs of spaces become one. */
export function splitName(
  full: string,
  part: "family" | "given",
  order: "family_first" | "given_first",
): string {
  const text = full.replace(/[\s\u3000]+/g, " ").trim();
  const comma = text.indexOf(",") >= 0 ? text.indexOf(",") : text.indexOf("、");
  let family: string;
  let given: string;
  if (comma >= 0) {
    family = text.slice(0, comma).trim();
    given = text.slice(comma + 1).trim();
  } else {
    const space = text.indexOf(" ");
    if (space < 0) return part === "family" ? text : "";
    if (order === "family_first") {
      family = text.slice(0, space);
      given = text.slice(space + 1);
    } else {
      const last = text.lastIndexOf(" ");
      given = text.slice(0, last);
      family = text.slice(last + 1);
    }
  }
  return part === "family" ? family : given;
}

function lookupValue(map: Record<string, string>, text: string): string | undefined {
  if (Object.hasOwn(map, text)) return map[text];
  const lower = text.toLowerCase();
  for (const [from, to] of Object.entries(map)) if (from.trim().toLowerCase() === lower) return to;
  return undefined;
}

/** The transforms of one field: trim, name split, value map, default. */
export function transformCell(raw: string, resolved: ResolvedField): string {
  const mapping = resolved.mapping;
  let text = resolved.column === null ? (mapping?.constant ?? "") : raw;
  if (mapping?.trim !== false) text = text.trim();
  if (mapping?.namePart && text !== "") text = splitName(text, mapping.namePart, mapping.nameOrder);
  if (mapping?.values) text = lookupValue(mapping.values, text) ?? text;
  if (text === "") text = mapping?.default ?? resolved.field.defaultValue ?? "";
  return text;
}

/** Reads one record into typed canonical values; every unreadable cell is an error naming its column. */
export function mapRecord(
  record: { rowNumber: number; values: Record<string, string> },
  plan: ColumnPlan,
  profile: MappingProfile,
  locale: Locale = "en",
): { values: Record<string, FieldValue>; errors: ImportError[] } {
  const values: Record<string, FieldValue> = {};
  const errors: ImportError[] = [];
  for (const resolved of plan.fields) {
    const raw = resolved.column === null ? "" : (record.values[resolved.column] ?? "");
    const text = transformCell(raw, resolved);
    const column = resolved.column ?? resolved.field.name;
    const result = parseCell(text, resolved.field, {
      format: resolved.mapping?.dateFormat ?? profile.dateFormat,
      centuryPivot: resolved.mapping?.centuryPivot ?? profile.centuryPivot,
    });
    if ("error" in result) {
      errors.push(
        importError(
          { row: record.rowNumber, column, value: raw || text },
          result.code,
          { field: resolved.field.name, ...result.params },
          locale,
        ),
      );
      values[resolved.field.name] = null;
    } else if (result.value === null && resolved.field.required) {
      errors.push(
        importError(
          { row: record.rowNumber, column, value: raw },
          "cell.required",
          { field: resolved.field.name },
          locale,
        ),
      );
      values[resolved.field.name] = null;
    } else {
      values[resolved.field.name] = result.value;
    }
  }
  return { values, errors };
}

/** The source column a field is read from (for errors found after mapping). */
export function columnOf(plan: ColumnPlan, fieldName: string): string {
  return plan.fields.find((f) => f.field.name === fieldName)?.column ?? fieldName;
}
