/**
 * Computes figures from their definitions: the measures every requested figure needs are gathered per
 * population and each population is aggregated once (with the breakdown, when one is asked for) for every
 * period asked for, so that a report of twenty figures over five fiscal years costs a handful of queries.
 */
import type { Db } from "../../db/client";
import { AppError } from "../../shared/errors";
import type { BreakdownRow, Dimension, FigureReason, FigureStatus, MetricId } from "../../shared/metrics-api";
import { definitionOf } from "../definitions";
import {
  AVERAGED,
  AVERAGED_ATTRIBUTES,
  CONDITION_ATTRIBUTES,
  CONDITIONS,
  type CountedPopulation,
  type DefinitionSpec,
  type MeasureRef,
  SUMMED,
  type SummedName,
} from "../definitions/types";
import { compareKeys } from "./dimensions";
import { computeDisability, type DisabilityContext, type DisabilityResult } from "./disability";
import { type AggregateRow, aggregatePopulation, type MeasureSql, type MeasureValue } from "./figures.repo";
import type { PopulationInput } from "./populations";
import { percent, roundHalfUp } from "./rounding";
import { sideBySide } from "./side-by-side";

export interface EngineFigure {
  metric: MetricId;
  status: FigureStatus;
  reason: FigureReason | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  breakdown: BreakdownRow[] | null;
  disability: DisabilityResult | null;
}

export interface EngineOptions {
  /** Sensitive figures are withheld when fewer people than this are counted. */
  smallGroupThreshold: number;
  /** Disability figures: the configured group applications to include. */
  includeApplications: boolean;
}

interface MeasureKey {
  population: CountedPopulation;
  name: string;
  sql: MeasureSql;
}

function measureKey(ref: MeasureRef, averageOf?: keyof typeof AVERAGED): MeasureKey {
  return {
    population: ref.population,
    name: averageOf ? `${ref.condition}~${averageOf}` : ref.condition,
    sql: averageOf
      ? {
          where: CONDITIONS[ref.condition],
          averageOf: AVERAGED[averageOf],
          attributes: [...CONDITION_ATTRIBUTES[ref.condition], ...AVERAGED_ATTRIBUTES[averageOf]],
        }
      : { where: CONDITIONS[ref.condition], attributes: CONDITION_ATTRIBUTES[ref.condition] },
  };
}

function sumKey(ref: MeasureRef, of: SummedName): MeasureKey {
  return {
    population: ref.population,
    name: `${ref.condition}+${of}`,
    // days and hours are base columns of the training population
    sql: {
      where: CONDITIONS[ref.condition],
      sumOf: SUMMED[of],
      attributes: CONDITION_ATTRIBUTES[ref.condition],
      // per-employee figures read the sum alone (see measured)
      sumOnly: true,
    },
  };
}

function measuresOf(definition: DefinitionSpec): MeasureKey[] {
  const c = definition.computation;
  if (c.kind === "count") return [measureKey(c.part)];
  if (c.kind === "ratio") return [measureKey(c.numerator), measureKey(c.denominator)];
  if (c.kind === "average") return [measureKey(c.part, c.of)];
  if (c.kind === "per_employee") return [sumKey(c.part, c.of), measureKey(c.per)];
  return [];
}

/** Aggregates of one population, by breakdown key ("" = total). */
type Aggregates = Map<string, { row: AggregateRow; byName: Map<string, MeasureValue> }>;

const EMPTY: MeasureValue = { count: 0, mean: null, averaged: 0, sum: 0 };

export function checkDimension(definition: DefinitionSpec, dimension: Dimension | null): void {
  if (dimension !== null && !definition.dimensions.includes(dimension)) {
    throw AppError.validation([
      {
        path: "by",
        message: `${definition.id} cannot be broken down by ${dimension} (${definition.dimensions.join(", ") || "no breakdown"})`,
      },
    ]);
  }
}

/**
 * The heaviest populations are queried two slots at a time, the others all slots at once. A five-year report at
 * 120,000 employees spends most of its time on the stock (every employee of every year end, with their
 * attributes and training) and the training records (2 million): split, their queries run side by side with the
 * others on both cores and hash and sort less at a time (≈ 30 % faster than one query each, measured; one
 * slot per query repeats too much of the fixed work).
 */
const SLOTS_PER_QUERY: Partial<Record<CountedPopulation, number>> = { stock: 2, training: 2 };

function slotGroups(population: CountedPopulation, slots: number): number[][] {
  const size = SLOTS_PER_QUERY[population] ?? slots;
  const groups: number[][] = [];
  for (let first = 0; first < slots; first += size) {
    groups.push(Array.from({ length: Math.min(size, slots - first) }, (_, i) => first + i));
  }
  return groups;
}

/**
 * The conditions and averages whose rows read the same whatever the scope: a person's gender, age and manager
 * level, a hire or leaver (a move within the group is neither, inside the scope or out of it), a retirement
 * and reemployment (at any group company), training records and enrolments (each at its company). Not:
 * transfers (in or out of which scope?), training anywhere in the scope (`trained`), service across the scope's
 * companies (tenure), OJT trainers (a person once per scope).
 */
const EACH_COMPANY_CONDITIONS = new Set<string>([
  "employed",
  "female",
  "manager",
  "femaleManager",
  "withAge",
  "hire",
  "femaleHire",
  "leaver",
  "voluntaryLeaver",
  "retired",
  "reemployed",
  "training",
  "mandatoryDue",
  "mandatoryOnTime",
]);
const EACH_COMPANY_AVERAGES = new Set<string>(["age"]);

/** Whether each company's own figure can be read off the scope's rows (see EACH_COMPANY_CONDITIONS). */
function countsAlikeInEachCompany(definition: DefinitionSpec): boolean {
  const c = definition.computation;
  const alike = (...refs: MeasureRef[]) => refs.every((ref) => EACH_COMPANY_CONDITIONS.has(ref.condition));
  switch (c.kind) {
    case "count":
      return alike(c.part);
    case "ratio":
      return alike(c.numerator, c.denominator);
    case "average":
      return EACH_COMPANY_AVERAGES.has(c.of) && alike(c.part);
    case "per_employee":
      return alike(c.part, c.per);
    default:
      return false;
  }
}

/**
 * The figures of every slot (`disabilityContext.slots` of them; the input's periods carry the slots, see
 * PopulationInput): one query per population for all slots, the queries side by side.
 *
 * `eachCompany`: figures among `metrics` to break down, as well, into each company's own figure (as its company
 * scope would give it, dimension company) from the same queries (PopulationInput.eachCompany); the others have
 * no breakdown. Only without a dimension, and only for figures that count alike in each company.
 */
export async function computeFigureSlots(
  db: Db,
  metrics: readonly MetricId[],
  input: PopulationInput,
  dimension: Dimension | null,
  options: EngineOptions,
  disabilityContext: DisabilityContext,
  eachCompany: readonly MetricId[] = [],
): Promise<Map<MetricId, EngineFigure>[]> {
  const definitions = metrics.map(definitionOf);
  for (const definition of definitions) checkDimension(definition, dimension);
  const byCompany = new Set(eachCompany);
  for (const metric of byCompany) {
    if (dimension !== null || input.perCompany || !metrics.includes(metric))
      throw new AppError("INTERNAL", {
        message: `${metric}: each company's figure beside the scope's alone`,
      });
    if (!countsAlikeInEachCompany(definitionOf(metric)))
      throw new AppError("INTERNAL", { message: `${metric} does not count alike in each company` });
  }

  const byPopulation = new Map<CountedPopulation, Map<string, MeasureKey>>();
  /** The populations broken down by company for `eachCompany`. */
  const companyPopulations = new Set<CountedPopulation>();
  for (const definition of definitions) {
    for (const measure of measuresOf(definition)) {
      const set = byPopulation.get(measure.population) ?? new Map<string, MeasureKey>();
      set.set(measure.name, measure);
      byPopulation.set(measure.population, set);
      if (byCompany.has(definition.id)) companyPopulations.add(measure.population);
    }
  }
  const slots = disabilityContext.slots;
  const aggregates = Array.from({ length: slots }, () => new Map<CountedPopulation, Aggregates>());
  const disability: { slots: DisabilityResult[] | null } = { slots: null };
  for (const slot of aggregates)
    for (const population of byPopulation.keys()) slot.set(population, new Map());
  const queries = [...byPopulation].flatMap(([population, measureMap]) => {
    const measures = [...measureMap.values()];
    const companies = companyPopulations.has(population);
    return slotGroups(population, slots).map((group) => async () => {
      const rows = await aggregatePopulation(
        db,
        population,
        {
          ...input,
          periods: input.periods.filter((p) => group.includes(p.slot)),
          ...(companies ? { eachCompany: true } : {}),
        },
        measures.map((m) => m.sql),
        companies ? "company" : dimension,
      );
      for (const row of rows) {
        aggregates[row.slot]!.get(population)!.set(row.key ?? "", {
          row,
          byName: new Map(measures.map((m, i) => [m.name, row.values[i]!])),
        });
      }
    });
  });
  if (definitions.some((d) => d.computation.kind === "disability")) {
    queries.push(async () => {
      disability.slots = await computeDisability(db, disabilityContext, options);
    });
  }
  await sideBySide(db, queries);

  return aggregates.map((slotAggregates, slot) => {
    const result = new Map<MetricId, EngineFigure>();
    for (const definition of definitions) {
      result.set(
        definition.id,
        figureOf(
          definition,
          slotAggregates,
          byCompany.has(definition.id) ? "company" : dimension,
          disability.slots?.[slot] ?? null,
        ),
      );
    }
    return result;
  });
}

function value(
  aggregates: Map<CountedPopulation, Aggregates>,
  key: string,
  measure: MeasureKey,
): MeasureValue {
  return aggregates.get(measure.population)?.get(key)?.byName.get(measure.name) ?? EMPTY;
}

/** The breakdown keys present in any of the populations a figure uses, in display order. */
function breakdownKeys(
  aggregates: Map<CountedPopulation, Aggregates>,
  measures: MeasureKey[],
  dimension: Dimension,
) {
  const rows = new Map<string, AggregateRow>();
  for (const measure of measures) {
    for (const [key, entry] of aggregates.get(measure.population) ?? []) {
      if (key !== "" && !rows.has(key)) rows.set(key, entry.row);
    }
  }
  return [...rows.values()].map((row) => ({ ...row, key: row.key! })).sort(compareKeys(dimension));
}

function measured(definition: DefinitionSpec, aggregates: Map<CountedPopulation, Aggregates>, key: string) {
  const c = definition.computation;
  const cell = {
    status: "ok" as FigureStatus,
    reason: null as FigureReason | null,
    value: null as number | null,
    numerator: null as number | null,
    denominator: null as number | null,
  };
  if (c.kind === "count") {
    cell.value = value(aggregates, key, measureKey(c.part)).count;
  } else if (c.kind === "ratio") {
    const numerator = value(aggregates, key, measureKey(c.numerator)).count;
    const denominator = value(aggregates, key, measureKey(c.denominator)).count;
    cell.numerator = numerator;
    cell.denominator = denominator;
    cell.value = percent(numerator, denominator, definition.decimals, definition.rounding);
  } else if (c.kind === "average") {
    const v = value(aggregates, key, measureKey(c.part, c.of));
    cell.denominator = v.averaged;
    cell.value = v.mean === null ? null : roundHalfUp(v.mean, definition.decimals);
  } else if (c.kind === "per_employee") {
    // days and hours have two decimals: summed in hundredths, the division is exact
    const hundredths = Math.round(value(aggregates, key, sumKey(c.part, c.of)).sum * 100);
    const per = value(aggregates, key, measureKey(c.per)).count;
    cell.numerator = hundredths / 100;
    cell.denominator = per;
    cell.value = percent(hundredths, per * 10_000, definition.decimals, definition.rounding);
  }
  if (cell.value === null) {
    cell.status = "no_data";
    cell.reason = "empty";
  }
  return cell;
}

function figureOf(
  definition: DefinitionSpec,
  aggregates: Map<CountedPopulation, Aggregates>,
  dimension: Dimension | null,
  disability: DisabilityResult | null,
): EngineFigure {
  const c = definition.computation;
  const base = { metric: definition.id, breakdown: null, disability: null };
  if (c.kind === "no_data") {
    return { ...base, status: "no_data", reason: c.reason, value: null, numerator: null, denominator: null };
  }
  if (c.kind === "disability") {
    return disabilityFigure(definition, c.output, disability!, dimension);
  }
  const total = measured(definition, aggregates, "");
  let breakdown: BreakdownRow[] | null = null;
  if (dimension !== null) {
    breakdown = breakdownKeys(aggregates, measuresOf(definition), dimension)
      .map((row) => ({
        key: row.key,
        label:
          row.labelJa === null && row.labelEn === null
            ? null
            : { ja: row.labelJa ?? row.labelEn ?? "", en: row.labelEn ?? row.labelJa ?? "" },
        ...measured(definition, aggregates, row.key),
      }))
      .map(({ reason: _reason, ...row }) => row);
  }
  return { ...base, ...total, breakdown };
}

function disabilityFigure(
  definition: DefinitionSpec,
  output: "rate" | "statutory" | "required" | "surplus",
  disability: DisabilityResult,
  dimension: Dimension | null,
): EngineFigure {
  const pick = (unit: DisabilityResult["headline"]) => {
    if (output === "statutory") {
      // the law's rate: known whatever the records (none before the table starts, none abroad)
      return unit.statutoryRate === null
        ? {
            status: "not_applicable" as const,
            reason: unit.reason,
            value: null,
            numerator: null,
            denominator: null,
          }
        : {
            status: "ok" as const,
            reason: null,
            value: unit.statutoryRate,
            numerator: null,
            denominator: null,
          };
    }
    if (unit.status !== "ok")
      return { status: unit.status, reason: unit.reason, value: null, numerator: null, denominator: null };
    if (output === "rate") {
      return {
        status: unit.status,
        reason: null,
        value: unit.rate,
        numerator: unit.numerator,
        denominator: unit.denominator,
      };
    }
    const value = output === "required" ? unit.requiredNumber : unit.surplus;
    return { status: unit.status, reason: null, value, numerator: null, denominator: null };
  };
  const breakdown =
    dimension === "company"
      ? disability.units
          .filter((unit) => unit.kind === "company")
          .map((unit) => {
            const { reason: _reason, ...cell } = pick(unit);
            return { key: String(unit.id), label: unit.name, ...cell };
          })
      : null;
  return { metric: definition.id, ...pick(disability.headline), breakdown, disability };
}
