/**
 * The disclosure report as a PDF (pdfkit): A4 landscape, the tables laid out like the web report (a row per
 * fiscal year, company or reason; a column per figure; header repeated on each page), in English or Japanese.
 *
 * Japanese text needs a CJK font embedded in the file. Tekizai ships one as a pinned npm dependency,
 * `@openfonts/noto-sans-jp_japanese` (Noto Sans JP, SIL Open Font License; its Japanese subset of about 7,500
 * glyphs: kana, JIS level 1 and common kanji, Latin), so the export works on any machine that ran `npm install`,
 * with no system fonts. Only the glyphs used are embedded (subset), so files stay small.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { definitionOf } from "../../../metrics/definitions";
import type { Locale } from "../../../shared/enums";
import { AppError } from "../../../shared/errors";
import type { DisclosureReport, ReportTable } from "../../../shared/metrics-api";
import type { ExportHeading } from "./heading";
import { cellText, fill, tableTitle, WORDS } from "./labels";
import { woffToSfnt } from "./woff";

const require = createRequire(import.meta.url);
const FONT_PACKAGE = "@openfonts/noto-sans-jp_japanese";

let loaded: { regular: Buffer; bold: Buffer } | null = null;

/** The regular and bold fonts (unpacked once per process), or a clear error when the font package is missing. */
function fontFiles(): { regular: Buffer; bold: Buffer } {
  if (loaded) return loaded;
  try {
    const read = (weight: number) =>
      woffToSfnt(
        fs.readFileSync(require.resolve(`${FONT_PACKAGE}/files/noto-sans-jp-japanese-${weight}.woff`)),
      );
    loaded = { regular: read(400), bold: read(700) };
    return loaded;
  } catch (cause) {
    throw new AppError("INTERNAL", {
      message: `The PDF export needs the font package ${FONT_PACKAGE} (a dependency of Tekizai): run npm install.`,
      cause,
    });
  }
}

const PAGE = { size: "A4", layout: "landscape", margin: 36 } as const;
const ROW_HEADING: Record<"fiscalYear" | "company" | "reason", Record<Locale, string>> = {
  fiscalYear: { en: "Fiscal year", ja: "年度" },
  company: { en: "Company", ja: "会社" },
  reason: { en: "Reason", ja: "理由" },
};

export function reportPdf(report: DisclosureReport, lang: Locale, heading: ExportHeading): Promise<Buffer> {
  const fonts = fontFiles();
  const doc = new PDFDocument({
    ...PAGE,
    bufferPages: true,
    info: { Title: heading.title, Creator: "Tekizai", CreationDate: new Date(heading.at) },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("bold").fontSize(16).text(heading.title);
  doc.font("regular").fontSize(9).fillColor("#555").text(heading.subtitle).fillColor("black");
  doc.moveDown(0.8);
  for (const table of report.tables) drawTable(doc, report, table, lang);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.height - PAGE.margin + 10;
    // The footer lies in the bottom margin: with the margin in force, pdfkit would start a new page for it (each
    // footer then stood alone on a blank page at the end of the document).
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor("#777");
    doc.text(`${heading.title} · ${fill(WORDS.page[lang], { n: i + 1 })}`, PAGE.margin, bottom, {
      width: doc.page.width - 2 * PAGE.margin,
      align: "right",
      lineBreak: false,
    });
    doc.fillColor("black");
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  report: DisclosureReport,
  table: ReportTable,
  lang: Locale,
): void {
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const firstWidth = table.rowKind === "fiscalYear" ? 70 : 170;
  const columnWidth = (width - firstWidth) / Math.max(1, table.columns.length);
  const bottom = doc.page.height - PAGE.margin - 14;
  const padding = 3;

  const headers = [
    ROW_HEADING[table.rowKind][lang],
    ...table.columns.map((c) => definitionOf(c.metric).title[lang]),
  ];
  const widthOf = (i: number) => (i === 0 ? firstWidth : columnWidth);
  const xOf = (i: number) => left + (i === 0 ? 0 : firstWidth + (i - 1) * columnWidth);

  const drawHeader = () => {
    doc.font("bold").fontSize(7.5);
    const height =
      Math.max(...headers.map((h, i) => doc.heightOfString(h, { width: widthOf(i) - 2 * padding }))) +
      2 * padding;
    const top = doc.y;
    doc.rect(left, top, width, height).fill("#eef1f6").fillColor("black");
    headers.forEach((h, i) => {
      doc.text(h, xOf(i) + padding, top + padding, {
        width: widthOf(i) - 2 * padding,
        align: i === 0 ? "left" : "right",
      });
    });
    doc.y = top + height;
  };

  // keep the title with at least the header and two rows
  if (doc.y + 90 > bottom) doc.addPage();
  doc
    .font("bold")
    .fontSize(11)
    .text(tableTitle(table, report, lang), left, doc.y);
  doc.moveDown(0.3);
  drawHeader();
  doc.font("regular").fontSize(8);
  table.rows.forEach((row, r) => {
    const cells = [
      row.label[lang],
      ...row.cells.map((cell, i) => cellText(cell, table.columns[i]!.unit, table.columns[i]!.decimals, lang)),
    ];
    doc.font("regular").fontSize(8);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widthOf(i) - 2 * padding }))) +
      2 * padding;
    if (doc.y + height > bottom) {
      doc.addPage();
      drawHeader();
      doc.font("regular").fontSize(8);
    }
    const top = doc.y;
    if (r % 2 === 1) doc.rect(left, top, width, height).fill("#f8f9fb").fillColor("black");
    cells.forEach((c, i) => {
      doc.text(c, xOf(i) + padding, top + padding, {
        width: widthOf(i) - 2 * padding,
        align: i === 0 ? "left" : "right",
      });
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.3)
      .strokeColor("#d0d5dd")
      .stroke();
    doc.y = top + height;
  });
  doc.x = left;
  doc.moveDown(1);
}
