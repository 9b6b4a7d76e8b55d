import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawRow } from "./csv.source";
import type { ImportMessageCode, MessageParams } from "../messages";
import { SourceError } from "./detect";
import { listZipEntries, mergedRanges } from "./zip";

export interface XlsxRow extends RawRow {
  /** Cells that cannot be read as a value (#N/A and other Excel errors). */
  problems: { columnIndex: number; value: string; code: ImportMessageCode; params: MessageParams }[];
}

const columnLetters = (index: number): string => {
  let n = index;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** Checks that a ZIP is an Excel workbook before exceljs reads it. */
export function checkWorkbook(file: string): void {
  const entries = listZipEntries(file);
  if (!entries)
    throw new SourceError("the file looks like a ZIP archive but cannot be read: it may be truncated");
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new SourceError("the file is a ZIP archive but not an Excel workbook (.xlsx)");
  }
}

function cellText(
  value: ExcelJS.CellValue,
  address: string,
): { text: string; problem?: { code: ImportMessageCode; params: MessageParams } } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: String(value) };
  if (typeof value === "boolean") return { text: value ? "true" : "false" };
  if (value instanceof Date) {
    return { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const formula = "formula" in value ? value.formula : value.sharedFormula;
    throw new SourceError(
      `cell ${address} holds a formula${formula ? ` (=${formula})` : ""}: imports take values only — copy the sheet and paste it as values`,
      Number(address.replace(/^[A-Z]+/, "")),
    );
  }
  if ("error" in value)
    return { text: "", problem: { code: "cell.excelError", params: { error: String(value.error) } } };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("text" in value) return { text: String(value.text) };
  return { text: "", problem: { code: "cell.unreadable", params: {} } };
}

/**
 * Streams the rows of the first worksheet (row numbers as in Excel; empty rows skipped). Formulas stop the
 * import; merged cells in the header row are refused once the sheet has been read (Excel stores merges
 * after the cells), before anything is written.
 */
export async function* readXlsxRows(
  file: string,
  input: Readable,
  options: { maxColumns: number },
): AsyncGenerator<XlsxRow> {
  checkWorkbook(file);
  // Excel stores merged ranges after the cells: find them first, so that a merged header is named as such.
  const firstSheet = listZipEntries(file)?.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  const merges = firstSheet ? await mergedRanges(file, firstSheet.name) : [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let headerRow = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > options.maxColumns) {
          throw new SourceError(
            `row ${row.number} has ${(values.length - 1).toLocaleString("en")} columns; at most ${options.maxColumns.toLocaleString("en")} are accepted`,
            row.number,
          );
        }
        const cells: string[] = [];
        const problems: XlsxRow["problems"] = [];
        for (let col = 1; col < values.length; col++) {
          const { text, problem } = cellText(values[col], `${columnLetters(col)}${row.number}`);
          cells.push(text);
          if (problem) problems.push({ columnIndex: col - 1, value: text, ...problem });
        }
        if (cells.every((cell) => cell.trim() === "")) continue;
        if (headerRow === 0) {
          headerRow = row.number;
          const merged = merges.filter((range) => range.firstRow <= headerRow && range.lastRow >= headerRow);
          if (merged.length) {
            throw new SourceError(
              `the header row has merged cells (${merged.map((range) => range.ref).join(", ")}): unmerge them so that every column has its own header`,
              headerRow,
            );
          }
        }
        yield { rowNumber: row.number, cells, problems };
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`the Excel file cannot be read: ${(err as Error).message}`);
  } finally {
    input.destroy();
  }
}
