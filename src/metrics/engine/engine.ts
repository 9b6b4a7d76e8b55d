/**
 * The metrics engine's entry point: figures for a scope and a period, with full rights (the disclosure
 * service decides what a caller may see and redacts the rest).
 */
import type { Db } from "../../db/client";
import { AppError } from "../../shared/errors";
import type { Dimension, FigureResult, MetricId, PeriodSpec, ResolvedPeriod } from "../../shared/metrics-api";
import { definitionOf } from "../definitions";
import type { DisabilityContext } from "./disability";
import { computeFigureSlots, type EngineFigure } from "./figures";
import { companyPeriods, periodRanges } from "./period";
import { inSlot, MAX_SLOTS, type PopulationInput } from "./populations";
import { presentScope, type ScopeContext } from "./scope";
import type { CompanyInfo } from "./scope.repo";
import { DEFAULT_SMALL_GROUP_THRESHOLD, smallGroupThreshold } from "./settings.repo";

export interface FigureRequest {
  scope: ScopeContext;
  period: PeriodSpec;
  dimension: Dimension | null;
  /** Each company of the scope as a scope of its own (with dimension company: the companies side by side). */
  perCompany?: boolean;
}

/** The same figures over several periods at once (a report's fiscal years): one query per population. */
export interface FigureSlotsRequest extends Omit<FigureRequest, "period"> {
  periods: readonly PeriodSpec[];
  /** Figures also broken down into each company's own, from the same queries (see computeFigureSlots). */
  eachCompany?: readonly MetricId[];
}

export function populationInput(
  scope: ScopeContext,
  periods: readonly PeriodSpec[],
  perCompany = false,
): PopulationInput {
  if (periods.length > MAX_SLOTS)
    throw new AppError("INTERNAL", { message: `At most ${MAX_SLOTS} periods can be computed at once` });
  return {
    periods: periods.flatMap((period, slot) => inSlot(companyPeriods(period, scope.companies), slot)),
    scopeCompanyIds: scope.companies.map((c) => c.id),
    orgUnitId: scope.orgUnit?.id ?? null,
    perCompany,
  };
}

export function disabilityContext(scope: ScopeContext, periods: readonly PeriodSpec[]): DisabilityContext {
  return {
    companies: scope.companies,
    allCompanies: scope.allCompanies,
    slots: periods.length,
    periodsFor: (companies: readonly CompanyInfo[], slot: number) =>
      companyPeriods(periods[slot]!, companies),
    orgUnit: scope.orgUnit,
    singleCompany: scope.companies.length === 1,
  };
}

export function presentPeriod(scope: ScopeContext, period: PeriodSpec): ResolvedPeriod {
  return { spec: period, ranges: periodRanges(period, companyPeriods(period, scope.companies)) };
}

/** Several figures for one scope and period (each population queried once). */
export async function computeMetrics(
  db: Db,
  metrics: readonly MetricId[],
  request: FigureRequest,
): Promise<Map<MetricId, EngineFigure>> {
  const { period, ...rest } = request;
  return (await computeMetricSlots(db, metrics, { ...rest, periods: [period] }))[0]!;
}

/** Several figures for one scope over several periods: the figures of each period, in the order given. */
export async function computeMetricSlots(
  db: Db,
  metrics: readonly MetricId[],
  request: FigureSlotsRequest,
): Promise<Map<MetricId, EngineFigure>[]> {
  // only the sensitive (disability) figures are withheld for small groups: read the setting for them alone
  const sensitive = metrics.some((m) => definitionOf(m).computation.kind === "disability");
  const threshold = sensitive ? await smallGroupThreshold(db) : DEFAULT_SMALL_GROUP_THRESHOLD;
  return computeFigureSlots(
    db,
    metrics,
    populationInput(request.scope, request.periods, request.perCompany ?? false),
    request.dimension,
    { smallGroupThreshold: threshold, includeApplications: true },
    disabilityContext(request.scope, request.periods),
    request.eachCompany,
  );
}

/** What a reader should know about how the figure was reached (codes documented in docs/metrics.md "Notes"). */
function notesFor(metric: MetricId, request: FigureRequest, ranges: ResolvedPeriod["ranges"]): string[] {
  const definition = definitionOf(metric);
  const notes: string[] = [];
  if (ranges.length > 1) notes.push("mixed_fiscal_years");
  if (request.scope.companies.length > 1 && definition.computation.kind !== "disability")
    notes.push("person_counted_once");
  const flows = ["hires", "leavers", "retirees", "training", "mandatory"];
  const usesFlows =
    (definition.computation.kind === "count" && flows.includes(definition.computation.part.population)) ||
    definition.computation.kind === "per_employee" ||
    (definition.computation.kind === "ratio" && flows.includes(definition.computation.numerator.population));
  if (usesFlows && request.period.kind === "asOf") notes.push("twelve_months_to_as_of");
  const movements = ["hires", "leavers", "retirees"];
  const usesMovements =
    (definition.computation.kind === "count" && movements.includes(definition.computation.part.population)) ||
    (definition.computation.kind === "ratio" &&
      movements.includes(definition.computation.numerator.population));
  if (usesMovements && request.scope.companies.length > 1) notes.push("moves_within_scope_excluded");
  if (definition.computation.kind === "disability") {
    notes.push("disability_reference_june_1");
    if (request.scope.companies.length > 1 || request.scope.orgUnit) notes.push("combined_not_statutory");
  }
  if (definition.computation.kind === "no_data") notes.push("no_data_until_records_exist");
  return notes;
}

export function toFigureResult(metric: MetricId, figure: EngineFigure, request: FigureRequest): FigureResult {
  const definition = definitionOf(metric);
  const period = presentPeriod(request.scope, request.period);
  return {
    metric,
    status: figure.status,
    reason: figure.reason,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    unit: definition.unit,
    decimals: definition.decimals,
    scope: presentScope(request.scope),
    period,
    breakdown:
      figure.breakdown && request.dimension ? { dimension: request.dimension, rows: figure.breakdown } : null,
    disability: figure.disability
      ? figure.disability.headline.kind === "scope"
        ? [figure.disability.headline, ...figure.disability.units]
        : figure.disability.units
      : null,
    notes: notesFor(metric, request, period.ranges),
  };
}

export async function computeMetric(db: Db, metric: MetricId, request: FigureRequest): Promise<FigureResult> {
  const figures = await computeMetrics(db, [metric], request);
  return toFigureResult(metric, figures.get(metric)!, request);
}
