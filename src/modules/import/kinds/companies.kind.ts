import { asc, eq } from "drizzle-orm";
import { companies } from "../../org/org.schema";
import type { ImportKind, WrittenRecord } from "../import.types";
import { importMessage } from "../messages";
import { bool, CodeTable, diff, field, issues, keepAbsent, num, optionalText, text } from "./helpers";

/** The group's companies (group HR only). Companies are not dated: a change is an update with before/after. */
interface CompanyImportRow {
  code: string;
  nameJa: string;
  nameEn: string;
  country: string;
  currency: string;
  isDomestic: boolean;
  fiscalYearStartMonth: number;
  parentCompanyCode: string | null;
}

interface CompanyValues {
  nameJa: string;
  nameEn: string;
  country: string;
  currency: string;
  isDomestic: boolean;
  fiscalYearStartMonth: number;
  parentCompanyId: number | null;
}

interface CompaniesState {
  table: CodeTable;
  byCode: Map<string, { id: number; values: CompanyValues }>;
  nextTempId: number;
}

type CompanyOp =
  | { type: "insert"; tempId: number; code: string; values: CompanyValues }
  | { type: "update"; id: number; values: Partial<CompanyValues> };

const realId = (id: number | null, scratch: Map<string, number>): number | null =>
  id === null || id > 0 ? id : (scratch.get(`company:${id}`) ?? null);

export const companiesKind: ImportKind<CompanyImportRow, CompaniesState, CompanyOp> = {
  name: "companies",
  label: { en: "Companies", ja: "会社" },
  description: {
    en: "The group's companies: the parent, domestic subsidiaries and overseas affiliates. Group HR only.",
    ja: "グループ会社（親会社・国内子会社・海外関係会社）。グループ人事のみ。",
  },
  scope: "group",
  fields: [
    field(
      "code",
      "string",
      { en: "Company code", ja: "会社コード" },
      { required: true, maxLength: 32, example: "HQ" },
    ),
    field(
      "nameJa",
      "string",
      { en: "Name (Japanese)", ja: "会社名" },
      { required: true, maxLength: 200, example: "適材株式会社" },
    ),
    field(
      "nameEn",
      "string",
      { en: "Name (English)", ja: "会社名（英語）" },
      { required: true, maxLength: 200, example: "Tekizai Corp." },
    ),
    field(
      "country",
      "string",
      { en: "Country", ja: "国" },
      {
        required: true,
        maxLength: 2,
        example: "JP",
        description: { en: "ISO 3166-1 alpha-2", ja: "ISO 3166-1 の2文字コード" },
      },
    ),
    field(
      "currency",
      "string",
      { en: "Currency", ja: "通貨" },
      {
        required: true,
        maxLength: 3,
        example: "JPY",
        description: { en: "ISO 4217", ja: "ISO 4217 の3文字コード" },
      },
    ),
    field("isDomestic", "boolean", { en: "Domestic", ja: "国内" }, { required: true, example: "true" }),
    field(
      "fiscalYearStartMonth",
      "number",
      { en: "Fiscal year start month", ja: "期首月" },
      { min: 1, max: 12, defaultValue: "4", example: "4" },
    ),
    field(
      "parentCompanyCode",
      "code-lookup",
      { en: "Parent company code", ja: "親会社コード" },
      { lookup: "company", maxLength: 32, example: "" },
    ),
  ],

  toRow(values) {
    const row: CompanyImportRow = {
      code: text(values, "code").toUpperCase(),
      nameJa: text(values, "nameJa"),
      nameEn: text(values, "nameEn"),
      country: text(values, "country").toUpperCase(),
      currency: text(values, "currency").toUpperCase(),
      isDomestic: bool(values, "isDomestic", true),
      fiscalYearStartMonth: num(values, "fiscalYearStartMonth"),
      parentCompanyCode: optionalText(values, "parentCompanyCode"),
    };
    const found = issues(
      !/^[A-Z0-9_-]+$/.test(row.code) && importMessage("code", "company.badCode"),
      !/^[A-Z]{2}$/.test(row.country) && importMessage("country", "company.badCountry"),
      !/^[A-Z]{3}$/.test(row.currency) && importMessage("currency", "company.badCurrency"),
      !Number.isInteger(row.fiscalYearStartMonth) &&
        importMessage("fiscalYearStartMonth", "company.badFiscalMonth"),
      row.parentCompanyCode?.toUpperCase() === row.code &&
        importMessage("parentCompanyCode", "company.ownParent"),
    );
    return found.length ? { issues: found } : { row };
  },

  key: (row) => row.code,

  async loadState(db) {
    const rows = await db.select().from(companies).orderBy(asc(companies.id));
    const table = new CodeTable("company");
    const byCode = new Map<string, { id: number; values: CompanyValues }>();
    for (const row of rows) {
      table.add(row.id, row.code, [row.nameJa, row.nameEn]);
      const { nameJa, nameEn, country, currency, isDomestic, fiscalYearStartMonth, parentCompanyId } = row;
      byCode.set(row.code, {
        id: row.id,
        values: { nameJa, nameEn, country, currency, isDomestic, fiscalYearStartMonth, parentCompanyId },
      });
    }
    return { table, byCode, nextTempId: -1 };
  },

  plan(row, state, ctx) {
    const parent = state.table.resolve(row.parentCompanyCode, "parentCompanyCode", ctx);
    if ("issue" in parent) return { issues: [parent.issue] };
    const values: CompanyValues = {
      nameJa: row.nameJa,
      nameEn: row.nameEn,
      country: row.country,
      currency: row.currency,
      isDomestic: row.isDomestic,
      fiscalYearStartMonth: row.fiscalYearStartMonth,
      parentCompanyId: parent.id,
    };
    const existing = state.byCode.get(row.code);
    if (!existing) {
      const tempId = state.nextTempId--;
      state.table.add(tempId, row.code, [row.nameJa, row.nameEn]);
      state.byCode.set(row.code, { id: tempId, values });
      return {
        outcome: "new",
        steps: [
          {
            op: { type: "insert", tempId, code: row.code, values },
            change: {
              entity: "company",
              action: "insert",
              before: null,
              after: { code: row.code, ...values },
            },
          },
        ],
      };
    }
    if (existing.id > 0 && parent.id === existing.id)
      return { issues: [importMessage("parentCompanyCode", "company.ownParent")] };
    const kept = keepAbsent<CompanyValues>(
      ctx,
      [
        ["nameEn", "nameEn"],
        ["fiscalYearStartMonth", "fiscalYearStartMonth"],
        ["parentCompanyCode", "parentCompanyId"],
      ],
      values,
      existing.values,
    );
    const changed = diff(existing.values, kept);
    if (!changed) return { outcome: "unchanged", steps: [] };
    existing.values = kept;
    return {
      outcome: "changed",
      steps: [
        {
          op: { type: "update", id: existing.id, values: changed.after },
          change: {
            entity: "company",
            entityId: existing.id,
            action: "update",
            before: changed.before,
            after: changed.after,
          },
        },
      ],
    };
  },

  async apply(tx, ops, ctx) {
    const written: WrittenRecord[] = [];
    for (const { op } of ops) {
      if (op.type === "insert") {
        const [row] = await tx
          .insert(companies)
          .values({
            code: op.code,
            ...op.values,
            parentCompanyId: realId(op.values.parentCompanyId, ctx.scratch),
          })
          .returning({ id: companies.id });
        ctx.scratch.set(`company:${op.tempId}`, row!.id);
        written.push({ entityId: row!.id });
      } else {
        const values = { ...op.values };
        if (values.parentCompanyId !== undefined)
          values.parentCompanyId = realId(values.parentCompanyId, ctx.scratch);
        await tx.update(companies).set(values).where(eq(companies.id, op.id));
        written.push({ entityId: op.id });
      }
    }
    return written;
  },
};
