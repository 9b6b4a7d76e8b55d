/**
 * Figures and drill-downs for a caller: resolves the scope and period, checks the access policy, computes with
 * the engine and redacts what the caller may not see. Every drill-down into a sensitive figure is audited.
 */
import type { Db } from "../../db/client";
import { definitionOf, listDefinitions } from "../../metrics/definitions";
import { drillDown } from "../../metrics/engine/drilldown";
import { computeMetric, presentPeriod } from "../../metrics/engine/engine";
import { presentScope, resolveScope, type ScopeContext, scopeFromQuery } from "../../metrics/engine/scope";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type {
  DrillQuery,
  DrillResponse,
  FigureQuery,
  FigureResult,
  MetricDefinition,
  MetricId,
  PeriodSpec,
} from "../../shared/metrics-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { subtreeOrgUnitIds } from "../org/org.repo";
import { canComputeFor, canSeeSensitiveFigure, drillVisibility } from "./disclosure.policy";
import { redactFigure } from "./redact";

export function metricDefinitions(): MetricDefinition[] {
  return listDefinitions();
}

/** `fy=2025` or `asOf=2026-03-31` (default: as of today); not both. */
export function periodFromQuery(query: { asOf?: string | undefined; fy?: number | undefined }): PeriodSpec {
  if (query.asOf !== undefined && query.fy !== undefined) {
    throw AppError.validation([{ path: "fy", message: "give either fy or asOf, not both" }]);
  }
  if (query.fy !== undefined) return { kind: "fiscalYear", year: query.fy };
  return { kind: "asOf", date: query.asOf ?? today() };
}

async function scopeFor(db: Db, actor: Actor, query: FigureQuery): Promise<ScopeContext> {
  const scope = await resolveScope(db, scopeFromQuery(query));
  const managed =
    actor.kind === "user" && actor.managedOrgUnitIds.length
      ? await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, today())
      : [];
  assert(canComputeFor(actor, scope, managed), "You may not see figures for this scope.");
  return scope;
}

export async function computeFigure(
  db: Db,
  actor: Actor,
  metric: MetricId,
  query: FigureQuery,
): Promise<FigureResult> {
  const scope = await scopeFor(db, actor, query);
  const result = await computeMetric(db, metric, {
    scope,
    period: periodFromQuery(query),
    dimension: query.by ?? null,
  });
  return redactFigure(actor, result);
}

export async function drillDownFigure(
  db: Db,
  actor: Actor,
  metric: MetricId,
  query: DrillQuery,
): Promise<DrillResponse> {
  const scope = await scopeFor(db, actor, query);
  const period = periodFromQuery(query);
  const definition = definitionOf(metric);
  if ((query.by === undefined) !== (query.key === undefined)) {
    throw AppError.validation([
      { path: query.by === undefined ? "by" : "key", message: "give by and key together" },
    ]);
  }
  if (definition.sensitive) {
    const domestic = scope.companies.filter((c) => c.isDomestic).map((c) => c.id);
    assert(
      canSeeSensitiveFigure(actor, domestic),
      "Only company HR of these companies may see who these figures count.",
    );
    const figure = await computeMetric(db, metric, { scope, period, dimension: null });
    assert(figure.status !== "withheld", "This figure is withheld: it counts too few people.");
  }
  const result = await drillDown(db, metric, {
    scope,
    period,
    part: query.part,
    breakdown:
      query.by !== undefined && query.key !== undefined ? { dimension: query.by, key: query.key } : null,
    visible: drillVisibility(actor, today()),
    limit: query.limit,
    offset: query.offset,
  });
  if (definition.sensitive) {
    await audit(db, actor, "metrics.sensitive.drilldown", {
      entity: "metric",
      entityId: metric,
      detail: {
        scope: scope.spec,
        period,
        part: query.part,
        people: result.items.map((row) => row.personId),
      },
    });
  }
  return {
    metric,
    part: query.part,
    scope: presentScope(scope),
    period: presentPeriod(scope, period),
    ...result,
  };
}
