import ExcelJS from "exceljs";
import type { Locale } from "../../shared/enums";
import type { AnyImportKind } from "./import.types";

/**
 * Downloadable templates of a kind: the header row in English (canonical names) or Japanese (labels), both
 * read back by the import without a mapping. The Excel template has a second sheet describing the columns.
 */
export const header = (kind: AnyImportKind, lang: Locale) =>
  kind.fields.map((f) => (lang === "ja" ? f.label.ja : f.name));

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** CSV template: UTF-8 with BOM (Excel opens it correctly), header row only. */
export function csvTemplate(kind: AnyImportKind, lang: Locale): Buffer {
  return Buffer.from(`\uFEFF${header(kind, lang).map(csvCell).join(",")}\r\n`, "utf8");
}

const typeText = (field: AnyImportKind["fields"][number], lang: Locale) => {
  if (field.type === "enum")
    return `${lang === "ja" ? "選択肢" : "one of"}: ${(field.values ?? []).join(", ")}`;
  if (field.type === "date") return lang === "ja" ? "日付 (YYYY-MM-DD)" : "date (YYYY-MM-DD)";
  if (field.type === "code-lookup") return lang === "ja" ? "コード" : "code";
  return field.type;
};

export async function xlsxTemplate(kind: AnyImportKind, lang: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind.name);
  sheet.addRow(header(kind, lang));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  const about = workbook.addWorksheet(lang === "ja" ? "項目説明" : "columns");
  about.addRow(
    lang === "ja"
      ? ["列", "項目名", "必須", "型", "例", "説明"]
      : ["column", "label", "required", "type", "example", "description"],
  );
  about.getRow(1).font = { bold: true };
  for (const field of kind.fields) {
    about.addRow([
      lang === "ja" ? field.label.ja : field.name,
      lang === "ja" ? field.name : field.label.en,
      field.required ? (lang === "ja" ? "必須" : "required") : "",
      typeText(field, lang),
      field.example,
      lang === "ja" ? field.description.ja : field.description.en,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
