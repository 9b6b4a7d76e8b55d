/** Queries over the populations: aggregates (with an optional breakdown) and the rows behind them. */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type {
  DisabilityCategory,
  EmploymentType,
  Gender,
  NameOrder,
  TerminationReason,
} from "../../shared/enums";
import { AppError } from "../../shared/errors";
import type { AgeGroup, Dimension, ManagerLevel } from "../../shared/metrics-api";
import { EVERY_ROW } from "../definitions/types";
import { DIMENSION_ATTRIBUTES, dimensionKey, dimensionLabelColumns } from "./dimensions";
import {
  type Attribute,
  LISTED,
  type PopulationInput,
  type PopulationKind,
  populationCte,
} from "./populations";
import { engineRows } from "./side-by-side";

export interface MeasureSql {
  where: SQL;
  /** Average this expression over the rows matching `where` (null values left out). */
  averageOf?: SQL;
  /** Sum this expression over the rows matching `where`. */
  sumOf?: SQL;
  /** The attribute groups the expressions read (see populationCte). */
  attributes: readonly Attribute[];
  /** Only the sum is read, never the count of rows. */
  sumOnly?: boolean;
}

export interface MeasureValue {
  count: number;
  mean: number | null;
  /** Rows with a non-null averaged value. */
  averaged: number;
  /** The sum of `sumOf` (0 without one). */
  sum: number;
}

export interface AggregateRow {
  /** The slot of the periods (see PopulationInput). */
  slot: number;
  /** null for the slot's total row. */
  key: string | null;
  labelJa: string | null;
  labelEn: string | null;
  sortText: string | null;
  sortNumber: number;
  values: MeasureValue[];
}

/**
 * One query: every measure over the population, in total and (with a dimension) per breakdown key, for each
 * slot (a slot without rows has no row).
 */
export async function aggregatePopulation(
  db: Db,
  kind: PopulationKind,
  input: PopulationInput,
  measures: readonly MeasureSql[],
  dimension: Dimension | null,
): Promise<AggregateRow[]> {
  const columns = measures.map((m, i) => {
    const count = sql`count(*) filter (where ${m.where})::int as ${sql.raw(`n${i}`)}`;
    if (m.sumOf)
      return sql`${count}, (sum(${m.sumOf}) filter (where ${m.where}))::float8 as ${sql.raw(`s${i}`)}, null::float8 as ${sql.raw(`a${i}`)}, 0 as ${sql.raw(`c${i}`)}`;
    if (!m.averageOf) return sql`${count}, null::float8 as ${sql.raw(`a${i}`)}, 0 as ${sql.raw(`c${i}`)}`;
    return sql`${count}, (avg(${m.averageOf}) filter (where ${m.where}))::float8 as ${sql.raw(`a${i}`)},
               (count(${m.averageOf}) filter (where ${m.where}))::int as ${sql.raw(`c${i}`)}`;
  });
  const attributes = new Set<Attribute>([
    ...measures.flatMap((m) => m.attributes),
    ...(dimension ? DIMENSION_ATTRIBUTES[dimension] : []),
  ]);
  const population = populationCte(kind, input, attributes, {
    sumsOnly: measures.every((m) => m.sumOnly === true),
  });
  // Totals only: rows that meet none of the conditions count nowhere, so the query reads only the others (the
  // planner joins the attributes to, e.g., the managers alone). A breakdown keeps every row: its keys are
  // those present in the population.
  const restricted = dimension === null && measures.every((m) => m.where !== EVERY_ROW);
  const where = restricted
    ? sql`where ${sql.join([...new Set(measures.map((m) => m.where))], sql` or `)}`
    : sql``;
  // Each company's own stock beside the scope's (PopulationInput.eachCompany): the companies' rows count every
  // row, the scope's total the rows it counts, `first`.
  const firstOnly = kind === "stock" && input.eachCompany === true;
  if (firstOnly && dimension !== "company")
    throw new AppError("INTERNAL", { message: "each company's stock is broken down by company" });
  const query =
    dimension === null
      ? sql`${population}
            select r.slot, null::text as key, null::text as label_ja, null::text as label_en, null::text as sort_text,
                   0 as sort_number, ${sql.join(columns, sql`, `)}
            from pop r
            ${where}
            group by r.slot
            order by r.slot`
      : sql`${population}
            select r.slot, case when grouping(r.dkey) = 1 then null else r.dkey end as key,
                   ${dimensionLabelColumns(dimension)}, ${sql.join(columns, sql`, `)}
            from (select r.*, ${dimensionKey(dimension)} as dkey from pop r) r
            group by grouping sets (${firstOnly ? sql`(r.slot, r.first)` : sql`(r.slot)`}, (r.slot, r.dkey))
            ${firstOnly ? sql`having grouping(r.dkey) = 0 or r.first` : sql``}
            order by r.slot, grouping(r.dkey) desc, r.dkey`;
  const rows = await engineRows<Record<string, unknown>>(db, query);
  return rows.map((row) => ({
    slot: Number(row.slot),
    key: (row.key as string | null) ?? null,
    labelJa: (row.label_ja as string | null) ?? null,
    labelEn: (row.label_en as string | null) ?? null,
    sortText: (row.sort_text as string | null) ?? null,
    sortNumber: Number(row.sort_number ?? 0),
    values: measures.map((_, i) => ({
      count: Number(row[`n${i}`] ?? 0),
      mean: row[`a${i}`] === null || row[`a${i}`] === undefined ? null : Number(row[`a${i}`]),
      averaged: Number(row[`c${i}`] ?? 0),
      sum: Number(row[`s${i}`] ?? 0),
    })),
  }));
}

/** One person-row behind a figure, with what a drill-down shows of it. */
export interface PopulationRow {
  personId: number;
  employmentId: number;
  companyId: number;
  companyCode: string;
  companyNameJa: string;
  companyNameEn: string;
  employeeNumber: string;
  refDate: string;
  kind: string;
  reason: TerminationReason | null;
  otherCompanyId: number | null;
  otherCompanyCode: string | null;
  otherCompanyNameJa: string | null;
  otherCompanyNameEn: string | null;
  gender: Gender;
  age: number | null;
  ageGroup: AgeGroup;
  employmentType: EmploymentType;
  weeklyHours: number;
  gradeCode: string | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
  managerLevel: ManagerLevel;
  disabilityCategory: DisabilityCategory | null;
  disabilitySevere: boolean | null;
  regularWorker: boolean | null;
  exclusion: string | null;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
}

export interface ListFilter {
  where: SQL;
  /** Only the rows of one breakdown key. */
  breakdown: { dimension: Dimension; key: string } | null;
  /** CASE giving the exclusion code of a row (or null). */
  exclusion: SQL;
  /** Whether the caller may see the row's person. */
  visible: SQL;
}

function listedCte(kind: PopulationKind, input: PopulationInput, filter: ListFilter): SQL {
  const breakdown = filter.breakdown
    ? sql`and ${dimensionKey(filter.breakdown.dimension)} = ${filter.breakdown.key}`
    : sql``;
  return sql`${populationCte(kind, input, LISTED)},
    listed as (
      select r.*, ${filter.exclusion} as exclusion, ${filter.visible} as visible
      from pop r where ${filter.where} ${breakdown}
    )`;
}

export async function countPopulationRows(
  db: Db,
  kind: PopulationKind,
  input: PopulationInput,
  filter: ListFilter,
): Promise<{ total: number; hidden: number }> {
  const [row] = await engineRows<{ total: number; hidden: number }>(
    db,
    sql`${listedCte(kind, input, filter)}
        select count(*)::int as total, (count(*) filter (where not visible))::int as hidden from listed`,
  );
  return { total: Number(row?.total ?? 0), hidden: Number(row?.hidden ?? 0) };
}

/** The visible rows, by company code, employee number and employment id; `limit` null = all. */
export function listPopulationRows(
  db: Db,
  kind: PopulationKind,
  input: PopulationInput,
  filter: ListFilter,
  page: { limit: number | null; offset: number },
): Promise<PopulationRow[]> {
  const limit = page.limit === null ? sql`` : sql`limit ${page.limit} offset ${page.offset}`;
  return engineRows<PopulationRow>(
    db,
    sql`${listedCte(kind, input, filter)}
        select l.person_id as "personId", l.employment_id as "employmentId", l.company_id as "companyId",
               l.company_code as "companyCode", l.company_name_ja as "companyNameJa", l.company_name_en as "companyNameEn",
               l.employee_number as "employeeNumber", l.ref_date::text as "refDate", l.kind, l.reason,
               l.other_company_id as "otherCompanyId", oc.code as "otherCompanyCode",
               oc.name_ja as "otherCompanyNameJa", oc.name_en as "otherCompanyNameEn",
               l.gender, l.age, l.age_group as "ageGroup", l.employment_type as "employmentType",
               l.weekly_hours as "weeklyHours", l.grade_code as "gradeCode", l.grade_name_ja as "gradeNameJa",
               l.grade_name_en as "gradeNameEn", l.manager_level as "managerLevel",
               l.disability_category as "disabilityCategory", l.disability_severe as "disabilitySevere",
               l.regular_worker as "regularWorker", l.exclusion,
               p.family_name as "familyName", p.given_name as "givenName", p.family_name_kana as "familyNameKana",
               p.given_name_kana as "givenNameKana", p.family_name_latin as "familyNameLatin",
               p.given_name_latin as "givenNameLatin", p.name_order as "nameOrder"
        from listed l
        join persons p on p.id = l.person_id
        left join companies oc on oc.id = l.other_company_id
        where l.visible
        order by l.company_code, l.employee_number, l.employment_id
        ${limit}`,
  );
}

/** Everyone the exclusion CASE leaves out, counted by reason. */
export function countExclusions(
  db: Db,
  kind: PopulationKind,
  input: PopulationInput,
  exclusion: SQL,
): Promise<{ reason: string; count: number }[]> {
  return engineRows<{ reason: string; count: number }>(
    db,
    sql`${populationCte(kind, input, LISTED)}
        select x.reason, count(*)::int as count
        from (select ${exclusion} as reason from pop r) x
        where x.reason is not null
        group by x.reason order by x.reason`,
  );
}

/** Disability counting: employments on the reference day grouped by what the weights depend on, per slot. */
export interface DisabilityGroupRow {
  slot: number;
  companyId: number;
  regularWorker: boolean;
  weeklyHours: number;
  disabilityCategory: DisabilityCategory | null;
  severe: boolean;
  people: number;
}

export function disabilityGroups(db: Db, input: PopulationInput): Promise<DisabilityGroupRow[]> {
  return engineRows<DisabilityGroupRow>(
    db,
    sql`${populationCte("disability", input, new Set<Attribute>(["sensitive"]))}
        select r.slot, r.company_id as "companyId", r.regular_worker as "regularWorker", r.weekly_hours as "weeklyHours",
               r.disability_category as "disabilityCategory", coalesce(r.disability_severe, false) as severe,
               count(*)::int as people
        from pop r
        group by r.slot, r.company_id, r.regular_worker, r.weekly_hours, r.disability_category, coalesce(r.disability_severe, false)
        order by 1, 2, 3, 4, 5, 6`,
  );
}
