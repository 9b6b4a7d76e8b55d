/**
 * Drill-down: the people behind a figure — the rows of the numerator (or the count), of the denominator, or
 * those left out and why — from the same population SQL as the figure, so that the list always matches it.
 * Which rows the caller may see is the service's `visible` condition; the others are only counted.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { AppError } from "../../shared/errors";
import type { Dimension, DrillPart, DrillRow, MetricId, PeriodSpec } from "../../shared/metrics-api";
import { definitionOf } from "../definitions";
import { CONDITIONS, type DefinitionSpec, type MeasureRef } from "../definitions/types";
import { denominatorHalves, hoursBand, numeratorHalves } from "./disability.rules";
import { checkDimension } from "./figures";
import {
  countExclusions,
  countPopulationRows,
  type ListFilter,
  listPopulationRows,
  type PopulationRow,
} from "./figures.repo";
import { companyPeriods } from "./period";
import { inSlot, type PopulationInput, type PopulationKind } from "./populations";
import type { ScopeContext } from "./scope";

export interface DrillRequest {
  scope: ScopeContext;
  period: PeriodSpec;
  part: DrillPart;
  breakdown: { dimension: Dimension; key: string } | null;
  /** SQL over the population row `r`: whether the caller may see the person. */
  visible: SQL;
  limit: number;
  offset: number;
}

export interface DrillResult {
  total: number;
  hidden: number;
  items: DrillRow[];
  exclusions: { reason: string; count: number }[];
}

const NO_EXCLUSION = sql`null::text`;

interface Selection {
  population: PopulationKind;
  where: SQL;
}

function selection(definition: DefinitionSpec, part: DrillPart): Selection | null {
  const c = definition.computation;
  const of = (ref: MeasureRef): Selection => ({
    population: ref.population,
    where: CONDITIONS[ref.condition],
  });
  const invalid = (): never => {
    throw AppError.validation([{ path: "part", message: `${definition.id} has no ${part} to list` }]);
  };
  if (part === "excluded") {
    return definition.exclusion
      ? {
          population: definition.exclusion.population,
          where: sql`(${definition.exclusion.reason}) is not null`,
        }
      : null;
  }
  switch (c.kind) {
    case "no_data":
      return null;
    case "count":
      return part === "numerator" ? of(c.part) : invalid();
    case "average":
      return part === "numerator" ? of(c.part) : invalid();
    case "ratio":
      return of(part === "numerator" ? c.numerator : c.denominator);
    case "per_employee":
      return of(part === "numerator" ? c.part : c.per);
    case "disability":
      if (c.output === "statutory") return null;
      return part === "numerator"
        ? { population: "disability", where: sql`r.regular_worker and r.disability_category is not null` }
        : { population: "disability", where: sql`r.regular_worker and r.weekly_hours >= 20` };
  }
}

function inputFor(scope: ScopeContext, period: PeriodSpec, population: PopulationKind): PopulationInput {
  // Disability figures count Japanese companies only.
  const companies =
    population === "disability" ? scope.companies.filter((c) => c.isDomestic) : scope.companies;
  return {
    periods: inSlot(companyPeriods(period, companies)),
    scopeCompanyIds: scope.companies.map((c) => c.id),
    orgUnitId: scope.orgUnit?.id ?? null,
  };
}

function weightOf(row: PopulationRow, part: DrillPart): number | null {
  if (row.regularWorker === null) return null;
  const band = hoursBand(row.weeklyHours);
  if (part === "denominator") return denominatorHalves(band) / 2;
  if (part === "numerator" && row.disabilityCategory !== null) {
    return numeratorHalves(row.disabilityCategory, row.disabilitySevere === true, band, row.refDate) / 2;
  }
  return null;
}

function present(row: PopulationRow, part: DrillPart, sensitive: boolean): DrillRow {
  const company = (id: number, code: string, ja: string, en: string) => ({ id, code, name: { ja, en } });
  return {
    personId: row.personId,
    name: {
      family: row.familyName,
      given: row.givenName,
      familyKana: row.familyNameKana,
      givenKana: row.givenNameKana,
      familyLatin: row.familyNameLatin,
      givenLatin: row.givenNameLatin,
      order: row.nameOrder,
    },
    employmentId: row.employmentId,
    company: company(row.companyId, row.companyCode, row.companyNameJa, row.companyNameEn),
    employeeNumber: row.employeeNumber,
    gender: row.gender,
    ageGroup: row.ageGroup,
    age: row.age,
    employmentType: row.employmentType,
    grade:
      row.gradeCode === null
        ? null
        : {
            code: row.gradeCode,
            name: { ja: row.gradeNameJa ?? "", en: row.gradeNameEn ?? row.gradeNameJa ?? "" },
          },
    managerLevel: row.managerLevel,
    date: row.refDate,
    terminationReason: row.reason,
    otherCompany:
      row.otherCompanyId === null
        ? null
        : company(
            row.otherCompanyId,
            row.otherCompanyCode ?? "",
            row.otherCompanyNameJa ?? "",
            row.otherCompanyNameEn ?? "",
          ),
    weight: sensitive ? weightOf(row, part) : null,
    weeklyHours: sensitive ? row.weeklyHours : null,
    exclusion: row.exclusion,
  };
}

export async function drillDown(db: Db, metric: MetricId, request: DrillRequest): Promise<DrillResult> {
  const definition = definitionOf(metric);
  if (request.breakdown) checkDimension(definition, request.breakdown.dimension);
  const chosen = selection(definition, request.part);
  const exclusions = definition.exclusion
    ? await countExclusions(
        db,
        definition.exclusion.population,
        inputFor(request.scope, request.period, definition.exclusion.population),
        definition.exclusion.reason,
      )
    : [];
  if (!chosen) return { total: 0, hidden: 0, items: [], exclusions };

  const input = inputFor(request.scope, request.period, chosen.population);
  const exclusion =
    definition.exclusion && definition.exclusion.population === chosen.population
      ? definition.exclusion.reason
      : NO_EXCLUSION;
  const filter: ListFilter = {
    where: chosen.where,
    breakdown: request.breakdown,
    exclusion,
    visible: request.visible,
  };
  const sensitive = definition.sensitive;

  if (sensitive && request.part === "numerator") {
    // Weights come from the counting rules in TypeScript: list everyone with a record, keep those who count.
    const rows = (await listPopulationRows(db, chosen.population, input, filter, { limit: null, offset: 0 }))
      .map((row) => present(row, request.part, true))
      .filter((row) => (row.weight ?? 0) > 0);
    const { hidden } = await countPopulationRows(db, chosen.population, input, filter);
    return {
      total: rows.length + hidden,
      hidden,
      items: rows.slice(request.offset, request.offset + request.limit),
      exclusions,
    };
  }
  const { total, hidden } = await countPopulationRows(db, chosen.population, input, filter);
  const rows = await listPopulationRows(db, chosen.population, input, filter, {
    limit: request.limit,
    offset: request.offset,
  });
  return { total, hidden, items: rows.map((row) => present(row, request.part, sensitive)), exclusions };
}
