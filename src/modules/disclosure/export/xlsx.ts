/**
 * The disclosure report as an Excel workbook: one sheet per table of the report (a title line, then the table
 * as on the web page: one row per fiscal year, company or reason, one column per figure; numbers are numbers
 * with the figure's decimals, figures without a number say why), and a sheet "Definitions" with every figure's
 * name, documentation, rule, numerator and denominator.
 */
import ExcelJS from "exceljs";
import { definitionOf, listDefinitions } from "../../../metrics/definitions";
import type { Locale } from "../../../shared/enums";
import type { DisclosureReport, MetricUnit } from "../../../shared/metrics-api";
import type { ExportHeading } from "./heading";
import { statusText, tableTitle, WORDS } from "./labels";

const numberFormat = (unit: MetricUnit, decimals: number) => {
  const digits = unit === "people" ? 0 : decimals;
  const base = digits === 0 ? "#,##0" : `#,##0.${"0".repeat(digits)}`;
  return unit === "percent" ? `${base}"%"` : base;
};

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 26)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

const ROW_HEADING: Record<"fiscalYear" | "company" | "reason", Record<Locale, string>> = {
  fiscalYear: { en: "Fiscal year", ja: "年度" },
  company: { en: "Company", ja: "会社" },
  reason: { en: "Reason", ja: "理由" },
};

/** What a ratio's numerator and denominator are, from its definition's computation. */
function parts(metric: Parameters<typeof definitionOf>[0], lang: Locale): [string, string] {
  const c = definitionOf(metric).computation;
  const words = {
    en: { num: "numerator", den: "denominator" },
    ja: { num: "分子", den: "分母" },
  }[lang];
  switch (c.kind) {
    case "ratio":
      return [
        `${c.numerator.population}: ${c.numerator.condition}`,
        `${c.denominator.population}: ${c.denominator.condition}`,
      ];
    case "per_employee":
      return [`${c.part.population}: sum of ${c.of}`, `${c.per.population}: ${c.per.condition}`];
    case "average":
      return [
        `${c.part.population}: mean of ${c.of}`,
        `${words.den}: ${c.part.population} (${c.part.condition})`,
      ];
    case "disability":
      return c.output === "rate"
        ? ["weighted workers with disabilities", "weighted regular workers"]
        : ["", ""];
    default:
      return ["", ""];
  }
}

export async function reportXlsx(
  report: DisclosureReport,
  lang: Locale,
  heading: ExportHeading,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tekizai";
  workbook.created = new Date(heading.at);
  const used = new Set<string>();
  for (const table of report.tables) {
    const title = tableTitle(table, report, lang);
    const sheet = workbook.addWorksheet(sheetName(title, used));
    sheet.addRow([`${heading.title} — ${title}`]).font = { bold: true, size: 13 };
    sheet.addRow([heading.subtitle]);
    sheet.addRow([]);
    const header = sheet.addRow([
      ROW_HEADING[table.rowKind][lang],
      ...table.columns.map((c) => definitionOf(c.metric).title[lang]),
    ]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    for (const row of table.rows) {
      const line = sheet.addRow([
        row.label[lang],
        ...row.cells.map((cell) =>
          cell.status === "ok" && cell.value !== null ? cell.value : statusText(cell, lang),
        ),
      ]);
      table.columns.forEach((column, i) => {
        const target = line.getCell(i + 2);
        if (typeof target.value === "number") target.numFmt = numberFormat(column.unit, column.decimals);
        else target.alignment = { horizontal: "right" };
      });
    }
    sheet.getColumn(1).width = table.rowKind === "fiscalYear" ? 14 : 36;
    table.columns.forEach((_, i) => {
      sheet.getColumn(i + 2).width = 18;
    });
    sheet.views = [{ state: "frozen", ySplit: 4, xSplit: 1 }];
  }

  const definitions = workbook.addWorksheet(sheetName(WORDS.definitions[lang], used));
  const columns = [
    "definition",
    "title",
    "summary",
    "unit",
    "decimals",
    "rounding",
    "counts",
    "date",
    "rule",
    "numerator",
    "denominator",
    "source",
  ] as const;
  definitions.addRow(columns.map((c) => WORDS.columns[c][lang])).font = { bold: true };
  for (const d of listDefinitions()) {
    const [numerator, denominator] = parts(d.id, lang);
    definitions.addRow([
      d.id,
      d.title[lang],
      d.summary[lang],
      WORDS.units[d.unit][lang],
      d.decimals,
      d.rounding,
      d.documentation.counts,
      d.documentation.date,
      d.documentation.rule,
      numerator,
      denominator,
      d.documentation.source,
    ]);
  }
  const widths = [30, 30, 40, 10, 8, 10, 80, 40, 50, 30, 30, 50];
  widths.forEach((w, i) => {
    const column = definitions.getColumn(i + 1);
    column.width = w;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  definitions.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
