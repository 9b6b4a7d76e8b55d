import type { CanonicalField, FieldValue } from "../import.types";
import type { ImportMessageCode, MessageParams } from "../messages";
import { type DateOptions, parseDate } from "./dates";

/**
 * Typed reading of one cell for a canonical field (after the mapping's transforms): dates, numbers, enums with
 * common Japanese and English synonyms, booleans. Returns the value or a message for the error report.
 */

/** Common ways of writing the closed vocabularies; used only when the result is one of the field's values. */
const ENUM_SYNONYMS: Record<string, string> = {
  m: "male",
  man: "male",
  男: "male",
  男性: "male",
  f: "female",
  woman: "female",
  女: "female",
  女性: "female",
  その他: "other",
  未回答: "undisclosed",
  回答しない: "undisclosed",
  正社員: "regular",
  契約社員: "contract",
  パート: "part_time",
  アルバイト: "part_time",
  "part-time": "part_time",
  嘱託: "reemployed",
  再雇用: "reemployed",
  派遣: "temporary",
  臨時: "temporary",
  執行役員: "executive_officer",
  自己都合: "voluntary",
  会社都合: "involuntary",
  解雇: "involuntary",
  定年: "mandatory_retirement",
  定年退職: "mandatory_retirement",
  死亡: "death",
  契約満了: "end_of_contract",
  転籍: "transfer_within_group",
  主務: "primary",
  兼務: "secondary",
  出向: "secondment",
  家族名先: "family_first",
  名先: "given_first",
};

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "はい", "○", "◯", "有", "あり"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "いいえ", "×", "無", "なし"]);

export function parseEnum(text: string, values: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const normalized = lower.replace(/[\s-]+/g, "_");
  const direct = values.find((value) => value === lower || value === normalized);
  if (direct) return direct;
  const synonym = ENUM_SYNONYMS[lower] ?? ENUM_SYNONYMS[text];
  return synonym && values.includes(synonym) ? synonym : undefined;
}

export function parseNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９．，－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(ascii) ? ascii.replaceAll(",", "") : ascii;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** A value, or the error's message code and values (messages.ts; the field is added by the caller). */
export type CellResult =
  | { value: FieldValue }
  | { error: true; code: ImportMessageCode; params?: MessageParams };

export function parseCell(text: string, field: CanonicalField, dateOptions: DateOptions): CellResult {
  if (text === "") return { value: null };
  switch (field.type) {
    case "string":
    case "code-lookup":
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        return { error: true, code: "cell.tooLong", params: { max: field.maxLength } };
      }
      return { value: text };
    case "date": {
      const result = parseDate(text, dateOptions);
      return "date" in result
        ? { value: result.date }
        : { error: true, code: "cell.badDate", params: { detailCode: result.code, ...result.params } };
    }
    case "number": {
      const value = parseNumber(text);
      if (value === undefined) return { error: true, code: "cell.notNumber" };
      if (field.min !== undefined && value < field.min)
        return { error: true, code: "cell.tooSmall", params: { min: field.min } };
      if (field.max !== undefined && value > field.max)
        return { error: true, code: "cell.tooLarge", params: { max: field.max } };
      return { value };
    }
    case "enum": {
      const value = parseEnum(text, field.values ?? []);
      return value === undefined
        ? { error: true, code: "cell.notInList", params: { values: (field.values ?? []).join(", ") } }
        : { value };
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { value: true };
      if (FALSE_WORDS.has(lower)) return { value: false };
      return { error: true, code: "cell.notBoolean" };
    }
  }
}
