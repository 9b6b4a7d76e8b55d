import { LOCALES, type Locale } from "../../shared/enums";
import type { RowIssue } from "./import.types";
import { IMPORT_CATALOGUE } from "./messages.catalogue";

/**
 * The import's messages to people, rendered from the catalogue (messages.catalogue.ts). A row error is kept
 * with its code and params (import_errors) as well as its text in the importer's language, and is rendered
 * again in the language of whoever reads it (API, errors CSV, web screens). Params are language-neutral:
 * codes, dates, numbers, field names; a value with words gives each language (`what` and `what.ja`), or is a
 * noun of the table below (`what`, `kind`), or a date format (`format`). `detail` may be a message of its own
 * (`detailCode` with the same params: what is wrong with a date). `row.invalid` is a message without a code
 * of its own (problems with the file as a whole): it is shown as stored.
 */
export type ImportMessageCode = keyof typeof IMPORT_CATALOGUE;
export type MessageParams = Readonly<Record<string, string | number>>;

export const IMPORT_MESSAGE_CODES = Object.keys(IMPORT_CATALOGUE) as ImportMessageCode[];

export function isImportMessageCode(code: string): code is ImportMessageCode {
  return Object.hasOwn(IMPORT_CATALOGUE, code);
}

/** Words the messages take as `{what}` or `{kind}`, in both languages. */
const NOUNS: Record<string, Record<Locale, string>> = {
  "org unit": { en: "org unit", ja: "組織" },
  position: { en: "position", ja: "職位" },
  grade: { en: "grade", ja: "等級" },
  "job category": { en: "job category", ja: "職種" },
  company: { en: "company", ja: "会社" },
  skill: { en: "skill", ja: "スキル" },
  course: { en: "course", ja: "講座" },
  primary: { en: "primary", ja: "主務" },
  secondary: { en: "secondary", ja: "兼務" },
  secondment: { en: "secondment", ja: "出向" },
};

/** The date formats of a mapping (`{format}`), as the messages describe them. */
const FORMATS: Record<string, Record<Locale, string>> = {
  auto: {
    en: "YYYY-MM-DD, YYYY/MM/DD or a Japanese era date",
    ja: "YYYY-MM-DD、YYYY/MM/DD または和暦",
  },
  "yyyy-mm-dd": { en: "YYYY-MM-DD", ja: "YYYY-MM-DD" },
  "yyyy/mm/dd": { en: "YYYY/MM/DD", ja: "YYYY/MM/DD" },
  "m/d/y": { en: "M/D/YYYY (month first)", ja: "M/D/YYYY（月が先）" },
  "d/m/y": { en: "D/M/YYYY (day first)", ja: "D/M/YYYY（日が先）" },
  "d.m.y": { en: "D.M.YYYY", ja: "D.M.YYYY" },
  yyyymmdd: { en: "YYYYMMDD", ja: "YYYYMMDD" },
  "japanese-era": {
    en: "a Japanese era date such as 令和3年4月1日 or R3.4.1",
    ja: "令和3年4月1日や R3.4.1 のような和暦",
  },
};

const TRANSLATED: Record<string, Record<string, Record<Locale, string>>> = {
  what: NOUNS,
  kind: NOUNS,
  format: FORMATS,
};

/**
 * `{field}` in Japanese: the field's Japanese label, as the Japanese template's header shows it (registered with
 * each kind). A name whose kinds label it differently (the masters' `code`: 会社コード, 組織コード, ...) reads
 * as the generic word below, or as the name itself.
 */
const GENERIC_FIELD_LABELS_JA: Readonly<Record<string, string>> = {
  code: "コード",
  nameJa: "名称",
  nameEn: "名称（英語）",
  validFrom: "適用開始日",
};
const fieldLabelsJa = new Map<string, string | null>();

export function registerFieldLabels(fields: readonly { name: string; label: { ja: string } }[]): void {
  for (const field of fields) {
    const known = fieldLabelsJa.get(field.name);
    if (known === undefined) fieldLabelsJa.set(field.name, field.label.ja);
    else if (known !== field.label.ja)
      fieldLabelsJa.set(field.name, GENERIC_FIELD_LABELS_JA[field.name] ?? null);
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

function paramText(params: MessageParams, name: string, locale: Locale): string | undefined {
  const detailCode = params.detailCode;
  if (name === "detail" && typeof detailCode === "string" && isImportMessageCode(detailCode))
    return renderImportMessage(locale, detailCode, params);
  const localized = params[`${name}.${locale}`];
  if (localized !== undefined) return String(localized);
  const value = params[name];
  if (value === undefined) return undefined;
  if (name === "field" && locale === "ja") return fieldLabelsJa.get(String(value)) ?? String(value);
  const words = TRANSLATED[name]?.[String(value)];
  return words ? words[locale] : String(value);
}

export function renderImportMessage(
  locale: Locale,
  code: ImportMessageCode,
  params: MessageParams = {},
): string {
  return IMPORT_CATALOGUE[code][locale].replace(
    PLACEHOLDER,
    (whole, name: string) => paramText(params, name, locale) ?? whole,
  );
}

/** A row issue with its code; `message` is the English text (what tests and logs read). */
export function importMessage(field: string, code: ImportMessageCode, params: MessageParams = {}): RowIssue {
  return { field, code, params, message: renderImportMessage("en", code, params) };
}

/** The text of an issue in a locale. */
export function issueText(issue: RowIssue, locale: Locale): string {
  return renderImportMessage(locale, issue.code, issue.params);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The params of a text rendered from `code` in either language, or null when it is not such a text. For rows
 * stored before params were kept (code only). Templates with two placeholders side by side cannot be split
 * and are not parsed; words translated by the tables above are read back only when found there.
 */
export function parseRendered(code: ImportMessageCode, text: string): MessageParams | null {
  for (const locale of LOCALES) {
    const template = IMPORT_CATALOGUE[code][locale];
    if (/\}\{/.test(template)) continue;
    const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    const pattern = new RegExp(
      `^${template
        .split(/\{\w+\}/)
        .map(escapeRegExp)
        .join("([\\s\\S]*?)")}$`,
    );
    const match = pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    let readable = true;
    names.forEach((name, i) => {
      const value = match[i + 1]!;
      const table = TRANSLATED[name];
      if (table && locale !== "en") {
        const key = Object.keys(table).find((k) => table[k]![locale] === value);
        if (key === undefined) readable = false;
        params[name] = key ?? value;
      } else params[name] = value;
    });
    if (readable && renderImportMessage(locale, code, params) === text) return params;
  }
  return null;
}

const hasPlaceholders = (code: ImportMessageCode) => /\{\w+\}/.test(IMPORT_CATALOGUE[code].en);

/**
 * A stored error in the reader's language: rendered from its code and params; a row of code `row.invalid`
 * (or of a code this version does not know) as stored; a row stored with its code only (before params were
 * kept) from the params read back from its text, else as stored.
 */
export function renderStoredMessage(
  stored: { code: string; params: MessageParams | null | undefined; message: string },
  locale: Locale,
): string {
  const code = stored.code;
  if (code === "row.invalid" || !isImportMessageCode(code)) return stored.message;
  let params: MessageParams | null = stored.params ?? {};
  if (!Object.keys(params).length && hasPlaceholders(code)) params = parseRendered(code, stored.message);
  return params ? renderImportMessage(locale, code, params) : stored.message;
}

const REPORT_CODES = [
  "report.rowsRejected",
  "report.cancelled",
  "report.interrupted",
  "report.fileRefused",
  "report.failed",
] as const satisfies readonly ImportMessageCode[];

/**
 * An import's report (import_runs.message, written in the importer's language) in the reader's: the texts
 * of the catalogue are read back and rendered again; a reason inside (a file problem, the database's refusal)
 * keeps its language.
 */
export function renderReport(message: string | null, locale: Locale): string | null {
  if (message === null) return null;
  for (const code of REPORT_CODES) {
    const params = parseRendered(code, message);
    if (params) return renderImportMessage(locale, code, params);
  }
  return message;
}
