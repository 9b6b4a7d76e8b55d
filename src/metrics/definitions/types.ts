/**
 * What a metric definition is in code: its published documentation (the API's MetricDefinition) and how it is
 * computed — a named condition on one of the populations of engine/populations.ts, so that the number, its
 * breakdown and its drill-down all come from the same rows.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Dimension, FigureReason, MetricDefinition } from "../../shared/metrics-api";
import type { Attribute, PopulationKind } from "../engine/populations";

export type CountedPopulation = Exclude<PopulationKind, "disability">;

/** The condition every row meets (a figure over the whole population). */
export const EVERY_ROW: SQL = sql`true`;

/** Named conditions over a population's rows `r`. */
export const CONDITIONS = {
  employed: EVERY_ROW,
  female: sql`r.gender = 'female'`,
  manager: sql`r.is_manager and not r.is_executive`,
  femaleManager: sql`r.is_manager and not r.is_executive and r.gender = 'female'`,
  // the same as r.age is not null, without computing the age twice
  withAge: sql`r.birth_date is not null`,
  hire: sql`r.kind = 'hire'`,
  femaleHire: sql`r.kind = 'hire' and r.gender = 'female'`,
  transferIn: sql`r.kind = 'transfer_in'`,
  leaver: sql`r.kind = 'leaver'`,
  voluntaryLeaver: sql`r.kind = 'leaver' and r.reason = 'voluntary'`,
  transferOut: sql`r.kind = 'transfer_out'`,
  retired: EVERY_ROW,
  reemployed: sql`r.kind = 'reemployed'`,
  trained: sql`r.trained`,
  training: EVERY_ROW,
  mandatoryDue: sql`r.kind in ('on_time', 'late', 'open')`,
  mandatoryOnTime: sql`r.kind = 'on_time'`,
  ojtTrainedInYear: sql`r.kind = 'in_year'`,
  ojtTrained: EVERY_ROW,
} as const satisfies Record<string, SQL>;
export type ConditionName = keyof typeof CONDITIONS;

/** The attribute groups each condition reads (see Attribute in engine/populations.ts); base columns need none. */
export const CONDITION_ATTRIBUTES = {
  employed: [],
  female: ["person"],
  manager: ["level"],
  femaleManager: ["level", "person"],
  withAge: ["person"],
  hire: [],
  femaleHire: ["person"],
  transferIn: [],
  leaver: [],
  voluntaryLeaver: [],
  transferOut: [],
  retired: [],
  reemployed: [],
  trained: ["trained"],
  training: [],
  mandatoryDue: [],
  mandatoryOnTime: [],
  ojtTrainedInYear: [],
  ojtTrained: [],
} as const satisfies Record<ConditionName, readonly Attribute[]>;

/** Expressions averaged by average figures. */
export const AVERAGED = {
  age: sql`r.age`,
  tenure: sql`r.tenure_years`,
} as const satisfies Record<string, SQL>;
export type AveragedName = keyof typeof AVERAGED;
export const AVERAGED_ATTRIBUTES = {
  age: ["person"],
  tenure: ["tenure"],
} as const satisfies Record<AveragedName, readonly Attribute[]>;

/** Expressions summed by per-employee figures (training population: base columns). */
export const SUMMED = {
  trainingDays: sql`r.days`,
  trainingHours: sql`r.hours`,
} as const satisfies Record<string, SQL>;
export type SummedName = keyof typeof SUMMED;

export interface MeasureRef {
  population: CountedPopulation;
  condition: ConditionName;
}

export type Computation =
  | { kind: "count"; part: MeasureRef }
  | { kind: "ratio"; numerator: MeasureRef; denominator: MeasureRef }
  | { kind: "average"; part: MeasureRef; of: AveragedName }
  /** sum of `of` over `part` ÷ the count of `per` (e.g. training days ÷ year-end headcount). */
  | { kind: "per_employee"; part: MeasureRef; of: SummedName; per: MeasureRef }
  | { kind: "disability"; output: "rate" | "statutory" | "required" | "surplus" }
  | { kind: "no_data"; reason: FigureReason };

/** Why rows of a population are left out of a figure: a CASE over `r` giving a code, or null for rows not excluded. */
export interface Exclusion {
  population: PopulationKind;
  reason: SQL;
}

export interface DefinitionSpec extends MetricDefinition {
  computation: Computation;
  exclusion: Exclusion | null;
}

export const STOCK_DIMENSIONS: Dimension[] = [
  "gender",
  "ageGroup",
  "employmentType",
  "gradeBand",
  "managerLevel",
  "company",
  "country",
];
export const LEAVER_DIMENSIONS: Dimension[] = [...STOCK_DIMENSIONS, "reason"];

/** Exclusion codes shared by several definitions (documented in docs/metrics.md "Exclusions"). */
export const HIRE_EXCLUSIONS: Exclusion = {
  population: "hires",
  reason: sql`case r.kind when 'transfer_in' then 'transfer_in' when 'internal' then 'move_within_scope' end`,
};
export const LEAVER_EXCLUSIONS: Exclusion = {
  population: "leavers",
  reason: sql`case r.kind when 'transfer_out' then (case when r.other_company_id is null then 'transfer_out_unmatched' else 'transfer_out' end)
                          when 'internal' then 'move_within_scope' end`,
};
export const EXECUTIVE_EXCLUSIONS: Exclusion = {
  population: "stock",
  reason: sql`case when r.is_executive then 'executive' end`,
};

/** A ratio shown in percent with one decimal, rounded half up (the statutory disclosures' rule). */
export const PERCENT_RATIO = { kind: "ratio", unit: "percent", decimals: 1, rounding: "half_up" } as const;
