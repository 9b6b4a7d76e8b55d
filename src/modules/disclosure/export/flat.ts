/**
 * The disclosure report as one flat table (the CSV export, and the rows of the Excel sheets): one line per
 * figure, with its table, row, scope, period, value, numerator, denominator, unit and definition name.
 */
import { definitionOf } from "../../../metrics/definitions";
import type { Locale } from "../../../shared/enums";
import type { DisclosureReport, ReportCell, ReportTable } from "../../../shared/metrics-api";
import { fiscalYearLabel, statusText, tableTitle, WORDS } from "./labels";

export interface FlatLine {
  table: string;
  figure: string;
  scope: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  definition: string;
  status: string;
  row: string;
}

export const FLAT_COLUMNS = [
  "table",
  "figure",
  "scope",
  "period",
  "value",
  "numerator",
  "denominator",
  "unit",
  "definition",
  "status",
  "row",
] as const satisfies readonly (keyof FlatLine)[];

export function flatLines(report: DisclosureReport, lang: Locale): FlatLine[] {
  const lines: FlatLine[] = [];
  for (const table of report.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => {
        lines.push(lineOf(report, table, row.label[lang], row.key, row.fiscalYear, cell, i, lang));
      });
    }
  }
  return lines;
}

function lineOf(
  report: DisclosureReport,
  table: ReportTable,
  rowLabel: string,
  rowKey: string,
  fiscalYear: number | null,
  cell: ReportCell,
  index: number,
  lang: Locale,
): FlatLine {
  const column = table.columns[index]!;
  const definition = definitionOf(cell.metric);
  // company rows are their own scope; trend and reason rows are the report's
  const scope = table.rowKind === "company" ? rowLabel : report.scope.label[lang];
  const title = definition.title[lang];
  return {
    table: tableTitle(table, report, lang),
    figure: table.rowKind === "reason" ? `${title} (${rowLabel})` : title,
    scope,
    period: fiscalYearLabel(fiscalYear ?? report.fiscalYear, lang),
    value: cell.status === "ok" ? cell.value : null,
    numerator: cell.status === "ok" ? cell.numerator : null,
    denominator: cell.status === "ok" ? cell.denominator : null,
    unit: WORDS.units[column.unit][lang],
    definition: cell.metric,
    status: statusText(cell, lang),
    row: rowKey,
  };
}

const quote = (value: string | number | null): string => {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV in UTF-8 with a byte-order mark (so that Excel reads the Japanese right), CRLF line ends. */
export function reportCsv(report: DisclosureReport, lang: Locale): Buffer {
  const header = FLAT_COLUMNS.map((c) => WORDS.columns[c][lang]);
  const body = flatLines(report, lang).map((line) => FLAT_COLUMNS.map((c) => quote(line[c])).join(","));
  return Buffer.from(`\uFEFF${[header.join(","), ...body].join("\r\n")}\r\n`, "utf8");
}
