import { and, asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { grades, jobCategories, positions } from "../../org/org.schema";
import type {
  CanonicalField,
  ImportKind,
  KindContext,
  ParsedRow,
  RowIssue,
  WrittenRecord,
} from "../import.types";
import { importMessage } from "../messages";
import { bool, CodeTable, diff, field, keepAbsent, num, optionalText, text } from "./helpers";

/**
 * Coded master data of a company, not dated: grades, positions, job categories. Key: the code within the
 * company; a changed name (rank, ...) is an update with before/after kept in the import's history.
 */
type Values = Record<string, string | number | boolean | null>;

interface MasterRow {
  code: string;
  values: Values;
  /** Code-lookup fields still to resolve: field → code. */
  lookups: Record<string, string | null>;
}

interface MasterState {
  byCode: Map<string, { id: number; values: Values }>;
  lookups: Record<string, CodeTable>;
  nextTempId: number;
  /** Values that must be unique within the company (grade ranks): value → code. */
  unique: Map<string, string>;
}

type MasterOp =
  | { type: "insert"; tempId: number; code: string; values: Values }
  | { type: "update"; id: number; values: Values };

interface MasterConfig {
  name: string;
  entity: string;
  label: { en: string; ja: string };
  description: { en: string; ja: string };
  // biome-ignore lint/suspicious/noExplicitAny: drizzle tables of different shapes share the columns used here.
  table: PgTable & { id: PgColumn; companyId: PgColumn; code: PgColumn } & Record<string, any>;
  examples: [code: string, nameJa: string, nameEn: string];
  extraFields: CanonicalField[];
  /** The record's columns the extra fields fill (besides nameJa, nameEn and lookups). */
  valueKeys: string[];
  toValues(row: ParsedRow): Values;
  check?(row: ParsedRow): RowIssue[];
  /** code-lookup field → value key it fills and how to load the table. */
  lookups?: Record<string, { valueKey: string; load(db: Db, companyId: number): Promise<CodeTable> }>;
  /** A value key that must be unique within the company (e.g. rank). */
  uniqueKey?: string;
}

const baseFields = (what: { en: string; ja: string }, example: [string, string, string]) => [
  field(
    "code",
    "string",
    { en: `${what.en} code`, ja: `${what.ja}コード` },
    { required: true, maxLength: 64, example: example[0] },
  ),
  field(
    "nameJa",
    "string",
    { en: "Name (Japanese)", ja: `${what.ja}名` },
    { required: true, maxLength: 200, example: example[1] },
  ),
  field(
    "nameEn",
    "string",
    { en: "Name (English)", ja: `${what.ja}名（英語）` },
    { required: true, maxLength: 200, example: example[2] },
  ),
];

function codedMasterKind(config: MasterConfig): ImportKind<MasterRow, MasterState, MasterOp> {
  const realId = (id: number | null, scratch: Map<string, number>, entity: string) =>
    id === null || id > 0 ? id : (scratch.get(`${entity}:${id}`) ?? null);
  const fields = [...baseFields(config.label, config.examples), ...config.extraFields];
  return {
    name: config.name,
    label: config.label,
    description: config.description,
    scope: "company",
    fields,
    toRow(values) {
      const found = config.check?.(values) ?? [];
      if (found.length) return { issues: found };
      const lookups: Record<string, string | null> = {};
      for (const name of Object.keys(config.lookups ?? {})) lookups[name] = optionalText(values, name);
      return {
        row: {
          code: text(values, "code"),
          values: {
            nameJa: text(values, "nameJa"),
            nameEn: text(values, "nameEn"),
            ...config.toValues(values),
          },
          lookups,
        },
      };
    },
    key: (row) => row.code,
    async loadState(db, ctx) {
      const companyId = ctx.companyId!;
      const rows = (await db
        .select()
        .from(config.table)
        .where(eq(config.table.companyId, companyId))
        .orderBy(asc(config.table.id))) as Record<string, unknown>[];
      const byCode = new Map<string, { id: number; values: Values }>();
      const unique = new Map<string, string>();
      const valueKeys = [
        "nameJa",
        "nameEn",
        ...config.valueKeys,
        ...Object.values(config.lookups ?? {}).map((l) => l.valueKey),
      ];
      for (const row of rows) {
        const values: Values = {};
        for (const key of valueKeys) values[key] = (row[key] as Values[string] | undefined) ?? null;
        byCode.set(row.code as string, { id: row.id as number, values });
        if (config.uniqueKey) unique.set(String(row[config.uniqueKey]), row.code as string);
      }
      const lookups: Record<string, CodeTable> = {};
      for (const [name, lookup] of Object.entries(config.lookups ?? {}))
        lookups[name] = await lookup.load(db, companyId);
      return { byCode, lookups, nextTempId: -1, unique };
    },
    plan(row, state, ctx: KindContext) {
      const values: Values = { ...row.values };
      for (const [name, lookup] of Object.entries(config.lookups ?? {})) {
        const resolved = state.lookups[name]!.resolve(row.lookups[name] ?? null, name, ctx);
        if ("issue" in resolved) return { issues: [resolved.issue] };
        values[lookup.valueKey] = resolved.id;
      }
      if (config.uniqueKey) {
        const holder = state.unique.get(String(values[config.uniqueKey]));
        if (holder !== undefined && holder !== row.code) {
          return {
            issues: [
              importMessage(config.uniqueKey, "master.valueTaken", {
                field: config.uniqueKey,
                value: String(values[config.uniqueKey]),
                holder,
              }),
            ],
          };
        }
      }
      const existing = state.byCode.get(row.code);
      if (config.uniqueKey) {
        if (existing) state.unique.delete(String(existing.values[config.uniqueKey]));
        state.unique.set(String(values[config.uniqueKey]), row.code);
      }
      if (!existing) {
        const tempId = state.nextTempId--;
        state.byCode.set(row.code, { id: tempId, values });
        return {
          outcome: "new",
          steps: [
            {
              op: { type: "insert", tempId, code: row.code, values },
              change: {
                entity: config.entity,
                action: "insert",
                before: null,
                after: { code: row.code, ...values },
              },
            },
          ],
        };
      }
      const kept = keepAbsent<Values>(
        ctx,
        fields
          .filter((f) => f.name !== "code")
          .map((f): [string, string] => [f.name, config.lookups?.[f.name]?.valueKey ?? f.name]),
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
            op: { type: "update", id: existing.id, values: changed.after as Values },
            change: {
              entity: config.entity,
              entityId: existing.id > 0 ? existing.id : undefined,
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
      const resolveRefs = (values: Values): Values => {
        const out = { ...values };
        for (const lookup of Object.values(config.lookups ?? {})) {
          const value = out[lookup.valueKey];
          if (typeof value === "number") out[lookup.valueKey] = realId(value, ctx.scratch, lookup.valueKey);
        }
        return out;
      };
      for (const { op } of ops) {
        if (op.type === "insert") {
          const [row] = (await tx
            .insert(config.table)
            .values({ companyId: ctx.companyId!, code: op.code, ...resolveRefs(op.values) })
            .returning({ id: config.table.id })) as { id: number }[];
          ctx.scratch.set(`${config.entity}:${op.tempId}`, row!.id);
          written.push({ entityId: row!.id });
        } else {
          const id = realId(op.id, ctx.scratch, config.entity)!;
          await tx
            .update(config.table)
            .set(resolveRefs(op.values))
            .where(and(eq(config.table.id, id), eq(config.table.companyId, ctx.companyId!)));
          written.push({ entityId: id });
        }
      }
      return written;
    },
  };
}

async function jobCategoryTable(db: Db, companyId: number): Promise<CodeTable> {
  const table = new CodeTable("job category");
  const rows = await db
    .select()
    .from(jobCategories)
    .where(eq(jobCategories.companyId, companyId))
    .orderBy(asc(jobCategories.id));
  for (const row of rows) table.add(row.id, row.code, [row.nameJa, row.nameEn]);
  return table;
}

export const jobCategoriesKind = codedMasterKind({
  name: "job-categories",
  entity: "job_category",
  label: { en: "Job category", ja: "職種" },
  description: {
    en: "A company's job categories (families of positions).",
    ja: "会社の職種（職位のまとまり）。",
  },
  table: jobCategories,
  examples: ["ENG", "技術職", "Engineering"],
  extraFields: [],
  valueKeys: [],
  toValues: () => ({}),
});

export const positionsKind = codedMasterKind({
  name: "positions",
  entity: "position",
  label: { en: "Position", ja: "職位" },
  description: {
    en: "A company's positions (jobs), optionally in a job category.",
    ja: "会社の職位（仕事）。職種に属させることができます。",
  },
  table: positions,
  examples: ["SWE", "ソフトウェアエンジニア", "Software Engineer"],
  valueKeys: ["onetSocCode"],
  extraFields: [
    field(
      "jobCategoryCode",
      "code-lookup",
      { en: "Job category code", ja: "職種コード" },
      { lookup: "job_category", maxLength: 64, example: "ENG" },
    ),
    field(
      "onetSocCode",
      "string",
      { en: "O*NET-SOC code", ja: "O*NET-SOCコード" },
      { maxLength: 10, example: "15-1252.00" },
    ),
  ],
  toValues: (row) => ({ onetSocCode: optionalText(row, "onetSocCode") }),
  lookups: { jobCategoryCode: { valueKey: "jobCategoryId", load: jobCategoryTable } },
});

export const gradesKind = codedMasterKind({
  name: "grades",
  entity: "grade",
  label: { en: "Grade", ja: "等級" },
  description: {
    en: "A company's grade ladder: rank orders it (higher = more senior); manager level counts for disclosures.",
    ja: "会社の等級。rank が高いほど上位。管理職相当は開示指標で管理職に数えます。",
  },
  table: grades,
  examples: ["M1", "課長", "Section chief"],
  valueKeys: ["rank", "isManagerLevel", "isExecutive", "description"],
  extraFields: [
    field(
      "rank",
      "number",
      { en: "Rank", ja: "序列" },
      { required: true, min: -32768, max: 32767, example: "5" },
    ),
    field(
      "isManagerLevel",
      "boolean",
      { en: "Manager level", ja: "管理職相当" },
      { defaultValue: "false", example: "true" },
    ),
    field(
      "isExecutive",
      "boolean",
      { en: "Executive", ja: "役員" },
      { defaultValue: "false", example: "false" },
    ),
    field("description", "string", { en: "Description", ja: "説明" }, { maxLength: 2000, example: "" }),
  ],
  toValues: (row) => ({
    rank: num(row, "rank"),
    isManagerLevel: bool(row, "isManagerLevel", false),
    isExecutive: bool(row, "isExecutive", false),
    description: optionalText(row, "description"),
  }),
  check: (row) => {
    const found: RowIssue[] = [];
    if (!Number.isInteger(row.rank)) found.push(importMessage("rank", "cell.notInteger", { field: "rank" }));
    if (row.isManagerLevel === true && row.isExecutive === true)
      found.push(importMessage("isExecutive", "grade.managerAndExecutive"));
    return found;
  },
  uniqueKey: "rank",
});
