/**
 * Breakdown dimensions: the SQL key of each, over the population rows `r` (see populations.ts), and the order
 * rows are shown in.
 *
 * - gender: the person's gender.
 * - ageGroup: full years on the row's reference date: under 30, 30–50 (inclusive), over 50, unknown (no birth date).
 * - employmentType: the employment's type.
 * - gradeBand: the grade of the primary assignment (a step of the company's own ladder; in a multi-company
 *   scope each company's steps are separate bands), or `none`.
 * - managerLevel: executive (grade is_executive), manager (grade is_manager_level), non_manager.
 * - company, country: the employing company and its country.
 * - reason: the termination reason (leaver figures only).
 */
import { type SQL, sql } from "drizzle-orm";
import { EMPLOYMENT_TYPES, GENDERS, TERMINATION_REASONS } from "../../shared/enums";
import { AGE_GROUPS, type Dimension, MANAGER_LEVELS } from "../../shared/metrics-api";
import type { Attribute } from "./populations";

/** The attribute groups a dimension's key and labels read (grade bands sort by company code). */
export const DIMENSION_ATTRIBUTES: Record<Dimension, readonly Attribute[]> = {
  gender: ["person"],
  ageGroup: ["person"],
  employmentType: ["employment"],
  gradeBand: ["grade", "company"],
  managerLevel: ["level"],
  company: ["company"],
  country: ["company"],
  reason: [],
};

export function dimensionKey(dimension: Dimension): SQL {
  switch (dimension) {
    case "gender":
      return sql`r.gender`;
    case "ageGroup":
      return sql`r.age_group`;
    case "employmentType":
      return sql`r.employment_type`;
    case "gradeBand":
      return sql`coalesce(r.grade_id::text, 'none')`;
    case "managerLevel":
      return sql`r.manager_level`;
    case "company":
      return sql`r.company_id::text`;
    case "country":
      return sql`r.country`;
    case "reason":
      return sql`coalesce(r.reason, 'none')`;
  }
}

/** Columns that name and order a dimension's rows (grade bands and companies are named by the data). */
export function dimensionLabelColumns(dimension: Dimension): SQL {
  if (dimension === "gradeBand") {
    return sql`min(r.grade_name_ja) as label_ja, min(r.grade_name_en) as label_en, min(r.company_code) as sort_text,
               min(r.grade_rank)::int as sort_number`;
  }
  if (dimension === "company") {
    return sql`min(r.company_name_ja) as label_ja, min(r.company_name_en) as label_en, min(r.company_code) as sort_text,
               0 as sort_number`;
  }
  return sql`null::text as label_ja, null::text as label_en, null::text as sort_text, 0 as sort_number`;
}

const FIXED_ORDER: Partial<Record<Dimension, readonly string[]>> = {
  gender: GENDERS,
  ageGroup: AGE_GROUPS,
  employmentType: EMPLOYMENT_TYPES,
  managerLevel: MANAGER_LEVELS,
  reason: TERMINATION_REASONS,
};

export interface KeyedRow {
  key: string;
  sortText: string | null;
  sortNumber: number;
}

/** The order of breakdown rows: the vocabulary's order, grade bands by company then rank (highest first), companies by code. */
export function compareKeys(dimension: Dimension) {
  const fixed = FIXED_ORDER[dimension];
  return (a: KeyedRow, b: KeyedRow): number => {
    if (fixed) {
      const ia = fixed.indexOf(a.key);
      const ib = fixed.indexOf(b.key);
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.key.localeCompare(b.key);
    }
    if (a.key === "none" || b.key === "none") return a.key === "none" ? 1 : b.key === "none" ? -1 : 0;
    if (dimension === "gradeBand") {
      return (
        (a.sortText ?? "").localeCompare(b.sortText ?? "") ||
        b.sortNumber - a.sortNumber ||
        a.key.localeCompare(b.key)
      );
    }
    return (a.sortText ?? a.key).localeCompare(b.sortText ?? b.key) || a.key.localeCompare(b.key);
  };
}
