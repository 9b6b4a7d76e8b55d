/**
 * The mapping editor's preview: the first rows of a CSV read in the browser (first 64 KB; UTF-8, or Shift_JIS
 * when the file is not valid UTF-8 or the profile says cp932), with the profile's column, constant, trim,
 * name split, value map and default applied. Dates and code lookups are checked by the server's dry run.
 */
import type { FieldMapping, MappingProfile } from "./types";

export interface CsvSample {
  header: string[];
  rows: string[][];
}

const DELIMITERS = [",", ";", "\t", "|"];

function detectDelimiter(line: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180-style parsing of the first `limit` records ("" inside quotes; values may span lines). */
export function parseCsv(text: string, delimiter: string | undefined, limit: number): CsvSample {
  const body = text.replace(/^\uFEFF/, "");
  const sep = delimiter ?? detectDelimiter(body.split(/\r?\n/, 1)[0] ?? "");
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  for (let i = 0; i < body.length && records.length <= limit; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else value += ch;
    } else if (ch === '"' && value === "") quoted = true;
    else if (ch === sep) {
      record.push(value);
      value = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      record.push(value);
      if (record.some((v) => v !== "")) records.push(record);
      record = [];
      value = "";
    } else value += ch;
  }
  if ((value !== "" || record.length > 0) && records.length <= limit) {
    record.push(value);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows: rows.slice(0, limit) };
}

export async function readCsvSample(
  file: File,
  profile: Pick<MappingProfile, "encoding" | "delimiter">,
  limit = 5,
): Promise<CsvSample> {
  const bytes = await file.slice(0, 64 * 1024).arrayBuffer();
  let text: string;
  if (profile.encoding === "cp932") text = new TextDecoder("shift_jis").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text =
        profile.encoding === "utf8"
          ? new TextDecoder("utf-8").decode(bytes)
          : new TextDecoder("shift_jis").decode(bytes);
    }
  }
  return parseCsv(text, profile.delimiter, limit);
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-()（）[\]]/g, "");

function splitName(full: string, m: FieldMapping): string {
  const text = full.replace(/\s+/g, " ").replace(/　+/g, " ").trim();
  let family: string;
  let given: string;
  if (text.includes(",")) {
    const [f = "", ...rest] = text.split(",");
    family = f.trim();
    given = rest.join(",").trim();
  } else {
    const space = text.indexOf(" ");
    const first = space < 0 ? text : text.slice(0, space);
    const second = space < 0 ? "" : text.slice(space + 1);
    [family, given] = m.nameOrder === "given_first" ? [second, first] : [first, second];
  }
  return m.namePart === "family" ? family : given;
}

/** One field of one row as the profile reads it (before date parsing and code lookups). */
export function readField(
  sample: CsvSample,
  row: string[],
  field: { name: string; label: { en: string; ja: string } },
  m: FieldMapping | undefined,
): string {
  if (m?.constant !== undefined) return m.constant;
  const wanted = m?.column ? [m.column] : [field.name, field.label.en, field.label.ja];
  const index = sample.header.findIndex((h) => wanted.some((w) => norm(w) === norm(h)));
  let value = index < 0 ? "" : (row[index] ?? "");
  if (m?.trim !== false) value = value.trim();
  if (m?.namePart && value) value = splitName(value, m);
  if (m?.values) {
    const exact = m.values[value];
    const loose = Object.entries(m.values).find(([k]) => k.trim().toLowerCase() === value.toLowerCase());
    if (exact !== undefined) value = exact;
    else if (loose) value = loose[1];
  }
  if (value === "" && m?.default !== undefined) value = m.default;
  return value;
}
