import type { LocalizedName } from "../../../shared/api";
import { addDays } from "../../../shared/dates";
import type {
  CanonicalField,
  FieldType,
  FieldValue,
  KindContext,
  ParsedRow,
  RowIssue,
} from "../import.types";
import { importMessage } from "../messages";

/** Declares a canonical field (keeps the kinds' field tables short). */
export function field(
  name: string,
  type: FieldType,
  label: LocalizedName,
  options: Partial<Omit<CanonicalField, "name" | "type" | "label">> & { example: string },
): CanonicalField {
  return {
    name,
    type,
    label,
    required: options.required ?? false,
    description: options.description ?? { en: "", ja: "" },
    example: options.example,
    ...(options.values ? { values: options.values } : {}),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
    ...(options.min !== undefined ? { min: options.min } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.defaultValue !== undefined ? { defaultValue: options.defaultValue } : {}),
  };
}

/** Typed access to a parsed row (the framework has already checked types and required fields). */
export const text = (row: ParsedRow, name: string): string => String(row[name] ?? "");
export const optionalText = (row: ParsedRow, name: string): string | null => {
  const value = row[name];
  return value === null || value === undefined || value === "" ? null : String(value);
};
export const num = (row: ParsedRow, name: string): number => Number(row[name]);
export const optionalNum = (row: ParsedRow, name: string): number | null => {
  const value = row[name];
  return value === null || value === undefined ? null : Number(value);
};
export const bool = (row: ParsedRow, name: string, fallback: boolean): boolean => {
  const value: FieldValue | undefined = row[name];
  return typeof value === "boolean" ? value : fallback;
};

/** Dates more than this many days after the import's today are refused as typing mistakes. */
export const FUTURE_LIMIT_DAYS = 366;

const futureLimits = new Map<string, string>();

export function futureDateIssue(ctx: KindContext, fieldName: string, date: string | null): RowIssue[] {
  if (date === null) return [];
  let limit = futureLimits.get(ctx.today);
  if (limit === undefined) {
    limit = addDays(ctx.today, FUTURE_LIMIT_DAYS);
    futureLimits.set(ctx.today, limit);
  }
  return date > limit ? [importMessage(fieldName, "row.futureDate", { field: fieldName, date })] : [];
}

/** The day before an ISO date (what ends a version): the same as addDays(date, -1), without a Date per row. */
export function dayBefore(isoDate: string): string {
  const day = Number(isoDate.slice(8, 10));
  return day > 1 && isoDate.length === 10
    ? `${isoDate.slice(0, 8)}${String(day - 1).padStart(2, "0")}`
    : addDays(isoDate, -1);
}

/** An employee's employments as language-neutral text for messages: `2019-04-01 – 2024-03-31, 2025-04-01 –`. */
export const employmentSpansText = (spans: readonly { hireDate: string; terminationDate: string | null }[]) =>
  spans.map((e) => `${e.hireDate} – ${e.terminationDate ?? ""}`.trimEnd()).join(", ");

/** Codes (and names) of a company's org units, grades, positions, ... for code-lookup fields. */
export class CodeTable {
  private readonly byCode = new Map<string, number>();
  private readonly byCodeLower = new Map<string, number>();
  private readonly byName = new Map<string, Set<number>>();
  readonly codeOf = new Map<number, string>();

  constructor(readonly what: string) {}

  add(id: number, code: string, names: string[] = []): void {
    this.byCode.set(code, id);
    this.byCodeLower.set(code.toLowerCase(), id);
    this.codeOf.set(id, code);
    for (const name of names) this.addName(id, name);
  }

  addName(id: number, name: string): void {
    const key = name.trim().toLowerCase();
    if (!key) return;
    const ids = this.byName.get(key) ?? new Set<number>();
    ids.add(id);
    this.byName.set(key, ids);
  }

  hasCode(code: string): boolean {
    return this.byCode.has(code) || this.byCodeLower.has(code.toLowerCase());
  }

  idOf(code: string): number | undefined {
    return this.byCode.get(code) ?? this.byCodeLower.get(code.toLowerCase());
  }

  /** Resolves a code (or a name, when the mapping says lookupBy name) to an id, or an issue for the field. */
  resolve(
    value: string | null,
    fieldName: string,
    ctx: KindContext,
  ): { id: number | null } | { issue: RowIssue } {
    if (value === null) return { id: null };
    if (ctx.lookupBy[fieldName] === "name") {
      const ids = this.byName.get(value.trim().toLowerCase());
      if (!ids || ids.size === 0) {
        return { issue: importMessage(fieldName, "lookup.unknownName", { what: this.what, name: value }) };
      }
      if (ids.size > 1) {
        const codes = [...ids].map((id) => this.codeOf.get(id)).join(", ");
        return {
          issue: importMessage(fieldName, "lookup.ambiguousName", { what: this.what, name: value, codes }),
        };
      }
      return { id: [...ids][0]! };
    }
    const id = this.idOf(value);
    if (id === undefined)
      return { issue: importMessage(fieldName, "lookup.unknownCode", { what: this.what, code: value }) };
    return { id };
  }
}

/** The fields whose values differ, as before/after objects (only the differing fields). */
export function diff<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  let changed = false;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
      changed = true;
    }
  }
  return changed ? { before: b, after: a } : null;
}

export function issues(...list: (RowIssue | false | null | undefined)[]): RowIssue[] {
  return list.filter((issue): issue is RowIssue => Boolean(issue));
}

/** For an existing record: the values the file does not give are kept (field name → value key). */
export function keepAbsent<T extends object>(
  ctx: KindContext,
  fields: [field: string, key: keyof T][],
  values: T,
  existing: T,
): T {
  const merged = { ...values };
  for (const [fieldName, key] of fields) if (ctx.absentFields.has(fieldName)) merged[key] = existing[key];
  return merged;
}
