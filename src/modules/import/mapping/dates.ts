/**
 * Reading dates the way companies write them: ISO, yyyy/mm/dd, US m/d/y and European d/m/y (with an explicit
 * century pivot for two-digit years), compact yyyymmdd, and Japanese era dates (令和3年4月1日, R3.4.1, 平成, 昭和).
 * Every result is an ISO `YYYY-MM-DD` string or a message saying what is wrong.
 */

import { type ImportMessageCode, type MessageParams, renderImportMessage } from "../messages";

export const DATE_FORMATS = [
  "auto",
  "yyyy-mm-dd",
  "yyyy/mm/dd",
  "m/d/y",
  "d/m/y",
  "d.m.y",
  "yyyymmdd",
  "japanese-era",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Aliases accepted in mapping profiles for the formats above. */
export const DATE_FORMAT_ALIASES: Record<string, DateFormat> = {
  iso: "yyyy-mm-dd",
  "m/d/yy": "m/d/y",
  "m/d/yyyy": "m/d/y",
  "mm/dd/yyyy": "m/d/y",
  "mm/dd/yy": "m/d/y",
  "d/m/yy": "d/m/y",
  "d/m/yyyy": "d/m/y",
  "dd/mm/yyyy": "d/m/y",
  "dd.mm.yyyy": "d.m.y",
  "d.m.yyyy": "d.m.y",
  era: "japanese-era",
};

export interface DateOptions {
  format: DateFormat;
  /**
   * Two-digit years below the pivot are 20xx, the others 19xx (pivot 30: 29 → 2029, 30 → 1930).
   * Without a pivot a two-digit year is refused as ambiguous.
   */
  centuryPivot?: number | undefined;
}

/** A date, or what is wrong with it: the English text and its message code and values (messages.ts). */
export type DateError = { error: string; code: DateMessageCode; params: MessageParams };
export type DateResult = { date: string } | DateError;
type DateMessageCode = Extract<ImportMessageCode, `date.${string}`>;

function dateError(code: DateMessageCode, params: MessageParams = {}): DateError {
  return { error: renderImportMessage("en", code, params), code, params };
}

interface Era {
  name: string;
  letter: string;
  /** First day of the era (year 1 of the era = this year). */
  start: string;
  /** Last day, or null for the current era. */
  end: string | null;
}

const ERAS: Era[] = [
  { name: "令和", letter: "R", start: "2019-05-01", end: null },
  { name: "平成", letter: "H", start: "1989-01-08", end: "2019-04-30" },
  { name: "昭和", letter: "S", start: "1926-12-25", end: "1989-01-07" },
  { name: "大正", letter: "T", start: "1912-07-30", end: "1926-12-24" },
];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Full-width digits and separators (２０２１／４／１) read as their ASCII forms. */
function halfWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, "/")
    .replace(/[－ー−]/g, "-")
    .replace(/[．]/g, ".")
    .replace(/\u3000/g, " ");
}

function calendarDate(year: number, month: number, day: number): DateResult {
  if (month < 1 || month > 12) return dateError("date.noMonth", { month });
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1)
    return dateError("date.noDay", { year, month: pad(month), day });
  if (year < 1900 || year > 2999) return dateError("date.yearRange", { year });
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

function fullYear(yearText: string, pivot: number | undefined): number | DateError {
  if (yearText.length === 4) return Number(yearText);
  if (yearText.length !== 2) return dateError("date.yearDigits", { digits: yearText.length });
  if (pivot === undefined) return dateError("date.twoDigitYear", { year: yearText });
  const yy = Number(yearText);
  return yy < pivot ? 2000 + yy : 1900 + yy;
}

function parseEra(text: string): DateResult | undefined {
  const compact = text.replace(/\s+/g, "");
  const kanji = /^(令和|平成|昭和|大正)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/.exec(compact);
  const letter = /^([RHSTrhst])(\d{1,2})[./-](\d{1,2})[./-](\d{1,2})$/.exec(compact);
  const match = kanji ?? letter;
  if (!match) return undefined;
  const era = ERAS.find((e) => e.name === match[1] || e.letter === match[1]!.toUpperCase())!;
  const eraYear = match[2] === "元" ? 1 : Number(match[2]);
  if (eraYear < 1) return dateError("date.noEraYear", { year: eraYear, era: era.name });
  const result = calendarDate(
    Number(era.start.slice(0, 4)) + eraYear - 1,
    Number(match[3]),
    Number(match[4]),
  );
  if ("error" in result) return result;
  if (result.date < era.start || (era.end !== null && result.date > era.end)) {
    return era.end === null
      ? dateError("date.beforeEra", { era: era.name, start: era.start })
      : dateError("date.outsideEra", { era: era.name, start: era.start, end: era.end });
  }
  return result;
}

function parseNumeric(
  text: string,
  format: Exclude<DateFormat, "auto" | "japanese-era">,
  pivot: number | undefined,
): DateResult | undefined {
  let match: RegExpExecArray | null;
  switch (format) {
    case "yyyy-mm-dd":
      match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
      return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case "yyyy/mm/dd":
      match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
      return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case "yyyymmdd":
      match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case "m/d/y":
    case "d/m/y":
    case "d.m.y": {
      const separator = format === "d.m.y" ? "\\." : "[/-]";
      match = new RegExp(`^(\\d{1,2})${separator}(\\d{1,2})${separator}(\\d+)$`).exec(text);
      if (!match) return undefined;
      const year = fullYear(match[3]!, pivot);
      if (typeof year !== "number") return year;
      const [month, day] = format === "m/d/y" ? [match[1], match[2]] : [match[2], match[1]];
      return calendarDate(year, Number(month), Number(day));
    }
  }
}

/** Reads one date cell. `auto` accepts only unambiguous forms: ISO, yyyy/mm/dd and era dates. */
export function parseDate(raw: string, options: DateOptions): DateResult {
  const text = halfWidth(raw).trim();
  // An ISO timestamp (JSON exports) counts as its date part.
  const timestamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const candidates: DateFormat[] =
    options.format === "auto" ? ["yyyy-mm-dd", "yyyy/mm/dd", "japanese-era"] : [options.format];
  for (const format of candidates) {
    const result =
      format === "japanese-era"
        ? parseEra(text)
        : parseNumeric(
            timestamp && format === "yyyy-mm-dd" ? timestamp[1]! : text,
            format as Exclude<DateFormat, "auto" | "japanese-era">,
            options.centuryPivot,
          );
    if (result) return result;
  }
  return dateError("date.badFormat", { format: options.format });
}

export function normalizeDateFormat(name: string): DateFormat | undefined {
  const lower = name.trim().toLowerCase();
  if ((DATE_FORMATS as readonly string[]).includes(lower)) return lower as DateFormat;
  return DATE_FORMAT_ALIASES[lower];
}
