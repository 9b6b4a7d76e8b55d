import { Transform, type Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { SourceError, type Encoding } from "./detect";

export interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** Decodes a byte stream; invalid UTF-8 stops the import with the byte offset and a hint to choose CP932. */
function decoder(encoding: Encoding): Transform {
  if (encoding === "cp932") return iconv.decodeStream("cp932") as unknown as Transform;
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let offset = 0;
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const text = utf8.decode(chunk, { stream: true });
        offset += chunk.length;
        callback(null, text);
      } catch {
        callback(
          new SourceError(
            `the file is not valid UTF-8 (near byte ${offset}): it may be Shift_JIS — choose the encoding cp932`,
          ),
        );
      }
    },
    flush(callback) {
      try {
        callback(null, utf8.decode());
      } catch {
        callback(new SourceError("the file ends in the middle of a UTF-8 character: it may be truncated"));
      }
    },
  });
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "the file ends inside a quoted value: it may be truncated, or a quote is missing",
  CSV_INVALID_CLOSING_QUOTE: "a quoted value has text right after its closing quote",
  CSV_MAX_RECORD_SIZE: "a row is longer than 1,000,000 characters: is a quote missing?",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a quoted value has text right after its closing quote",
};

/**
 * Streams CSV rows (arrays of cells) with their row numbers (the header is row 1; a quoted value spanning lines
 * is one row). Empty lines are skipped. A row with more than `maxColumns` cells stops the import.
 */
export async function* readCsvRows(
  input: Readable,
  options: { encoding: Encoding; delimiter: string; maxColumns: number },
): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  const text = input.pipe(decoder(options.encoding));
  text.on("error", (err) => parser.destroy(err));
  input.on("error", (err) => parser.destroy(err));
  text.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (record.length > options.maxColumns) {
        throw new SourceError(
          `row ${rowNumber} has ${record.length.toLocaleString("en")} columns; at most ${options.maxColumns.toLocaleString("en")} are accepted (is the delimiter right?)`,
          rowNumber,
        );
      }
      yield { rowNumber, cells: record };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const code = (err as { code?: string }).code;
    if (code && CSV_MESSAGES[code])
      throw new SourceError(`${CSV_MESSAGES[code]} (row ${rowNumber + 1})`, rowNumber + 1);
    if (code?.startsWith("CSV_"))
      throw new SourceError(
        `the CSV cannot be read at row ${rowNumber + 1}: ${(err as Error).message}`,
        rowNumber + 1,
      );
    throw err;
  } finally {
    input.destroy();
  }
}
