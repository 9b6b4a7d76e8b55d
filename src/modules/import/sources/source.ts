import fs from "node:fs";
import { Transform } from "node:stream";
import type { ImportMessageCode, MessageParams } from "../messages";
import { readCsvRows } from "./csv.source";
import {
  detectDelimiter,
  detectEncoding,
  detectFormat,
  refuseForeignFile,
  SourceError,
  type Encoding,
  type SourceFormat,
} from "./detect";
import { readJsonRows } from "./json.source";
import { readXlsxRows, type XlsxRow } from "./xlsx.source";

export interface SourceOptions {
  /** Detected from the content when not given. */
  format?: SourceFormat | undefined;
  /** CSV only: detected (valid UTF-8 → utf8, else cp932) when not given or "auto". */
  encoding?: Encoding | "auto" | undefined;
  /** CSV only: detected from the header line when not given. */
  delimiter?: string | undefined;
  maxBytes: number;
  maxColumns: number;
}

/** A cell (or row) that could not be read: where, and why as a message code with its values (messages.ts). */
export interface SourceProblem {
  column: string;
  value: string;
  code: ImportMessageCode;
  params: MessageParams;
}

/** A data row: its values by header, and cells that could not be read. */
export interface SourceRecord {
  rowNumber: number;
  values: Record<string, string>;
  problems: SourceProblem[];
}

export interface OpenedSource {
  format: SourceFormat;
  encoding: Encoding | null;
  delimiter: string | null;
  /** Row number of the header (1 for CSV, the first non-empty row for Excel, 0 for JSON). */
  headerRow: number;
  headers: string[];
  totalBytes: number;
  bytesRead(): number;
  records: AsyncGenerator<SourceRecord>;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_COLUMNS = 1000;
const SAMPLE_BYTES = 1024 * 1024;

function readSample(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function countingStream(file: string, counter: { bytes: number }) {
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  raw.on("error", (err) => counting.destroy(err));
  return raw.pipe(counting);
}

const MAX_HEADER_LENGTH = 255;

function checkHeaders(headers: string[], headerRow: number): string[] {
  const trimmed = headers.map((header) => header.replace(/^\uFEFF/, "").trim());
  const seen = new Map<string, number>();
  trimmed.forEach((header, index) => {
    if (header.length > MAX_HEADER_LENGTH) {
      throw new SourceError(
        `the header of column ${index + 1} is longer than ${MAX_HEADER_LENGTH} characters: is this a header row?`,
        headerRow,
      );
    }
    if (header === "") return;
    const earlier = seen.get(header.toLowerCase());
    if (earlier !== undefined) {
      throw new SourceError(
        `the header "${header}" appears twice (columns ${earlier + 1} and ${index + 1})`,
        headerRow,
      );
    }
    seen.set(header.toLowerCase(), index);
  });
  if (seen.size === 0) throw new SourceError("the header row is empty", headerRow);
  return trimmed;
}

/** Opens an import file: refuses what is not one, detects format, encoding and delimiter, reads the header. */
export async function openSource(file: string, options: SourceOptions): Promise<OpenedSource> {
  const totalBytes = fs.statSync(file).size;
  if (totalBytes > options.maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new SourceError(`the file is ${mb(totalBytes)}; the limit is ${mb(options.maxBytes)}`);
  }
  const sample = readSample(file);
  refuseForeignFile(sample);
  const format = options.format ?? detectFormat(sample);
  const counter = { bytes: 0 };
  const input = countingStream(file, counter);
  const bytesRead = () => counter.bytes;

  if (format === "json") {
    const rows = readJsonRows(input);
    const first = await rows.next();
    if (first.done) {
      return {
        format,
        encoding: "utf8",
        delimiter: null,
        headerRow: 0,
        headers: [],
        totalBytes,
        bytesRead,
        records: (async function* () {})(),
      };
    }
    const headers = checkHeaders(Object.keys(first.value.object), 0);
    const toRecord = (row: { rowNumber: number; object: Record<string, unknown> }): SourceRecord => {
      const values: Record<string, string> = {};
      const problems: SourceRecord["problems"] = [];
      for (const [key, value] of Object.entries(row.object)) {
        const column = key.trim();
        if (value === null || value === undefined) values[column] = "";
        else if (typeof value === "object") {
          values[column] = "";
          problems.push({
            column,
            value: JSON.stringify(value).slice(0, 100),
            code: "cell.notPlain",
            params: {},
          });
        } else values[column] = String(value);
      }
      return { rowNumber: row.rowNumber, values, problems };
    };
    const records = (async function* () {
      yield toRecord(first.value);
      for await (const row of rows) yield toRecord(row);
    })();
    return {
      format,
      encoding: "utf8",
      delimiter: null,
      headerRow: 0,
      headers,
      totalBytes,
      bytesRead,
      records,
    };
  }

  let encoding: Encoding | null = null;
  let delimiter: string | null = null;
  let rows: AsyncGenerator<{
    rowNumber: number;
    cells: string[];
    problems?: XlsxRow["problems"];
  }>;
  if (format === "xlsx") {
    rows = readXlsxRows(file, input, { maxColumns: options.maxColumns });
  } else {
    encoding =
      options.encoding && options.encoding !== "auto"
        ? options.encoding
        : detectEncoding(sample, sample.length === totalBytes);
    const text = new TextDecoder(encoding === "cp932" ? "shift_jis" : "utf-8").decode(
      sample.subarray(0, 64 * 1024),
    );
    delimiter = options.delimiter ?? detectDelimiter(text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "");
    rows = readCsvRows(input, { encoding, delimiter, maxColumns: options.maxColumns });
  }
  const first = await rows.next();
  if (first.done) throw new SourceError("the file has no header row");
  const headerRow = first.value.rowNumber;
  const headers = checkHeaders(first.value.cells, headerRow);
  const records = (async function* () {
    for await (const row of rows) {
      const values: Record<string, string> = {};
      const problems: SourceRecord["problems"] = [];
      headers.forEach((header, index) => {
        if (header !== "") values[header] = row.cells[index] ?? "";
      });
      if (
        format === "csv" &&
        row.cells.length !== headers.length &&
        !(row.cells.length === 1 && row.cells[0] === "")
      ) {
        problems.push({
          column: "(row)",
          value: "",
          code: row.cells.length < headers.length ? "row.fewerValues" : "row.moreValues",
          params: { count: row.cells.length, columns: headers.length },
        });
      }
      if (format === "xlsx") {
        row.cells.forEach((cell, index) => {
          if (index >= headers.length && cell.trim() !== "") {
            problems.push({ column: `column ${index + 1}`, value: cell, code: "cell.noHeader", params: {} });
          }
        });
      }
      for (const problem of row.problems ?? []) {
        problems.push({
          column: headers[problem.columnIndex] || `column ${problem.columnIndex + 1}`,
          value: problem.value,
          code: problem.code,
          params: problem.params,
        });
      }
      yield { rowNumber: row.rowNumber, values, problems };
    }
  })();
  return { format, encoding, delimiter, headerRow, headers, totalBytes, bytesRead, records };
}
