/**
 * The training figures of one scope and fiscal year (reference/metrics.md "Training"): training days and hours
 * per employee in total and by gender and employee category, participation, mandatory training completed on
 * time, and trained OJT trainers. Same access rules as the disclosure report.
 */
import type { Db } from "../../db/client";
import { computeMetrics, presentPeriod, toFigureResult } from "../../metrics/engine/engine";
import { presentScope, resolveScope } from "../../metrics/engine/scope";
import type { Dimension, FigureResult, MetricId } from "../../shared/metrics-api";
import type { TrainingReport } from "../../shared/metrics-reports-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { canViewReport } from "./disclosure.policy";

export const TRAINING_METRICS: MetricId[] = [
  "training_days_per_employee",
  "training_hours_per_employee",
  "training_participation_rate",
  "mandatory_training_completion_rate",
  "ojt_trainers_trained",
  "ojt_trainers_total",
];
const BROKEN_DOWN: MetricId[] = ["training_days_per_employee", "training_hours_per_employee"];
const DIMENSIONS: Dimension[] = ["gender", "employmentType"];

export async function trainingReport(
  db: Db,
  actor: Actor,
  fiscalYear: number,
  companyId: number | null,
): Promise<TrainingReport> {
  assert(
    canViewReport(actor, companyId),
    companyId === null
      ? "Only group HR may see the group's training figures."
      : "Only HR of this company or group HR may see its training figures.",
  );
  const scope = await resolveScope(
    db,
    companyId === null ? { kind: "group" } : { kind: "company", companyId },
  );
  const period = { kind: "fiscalYear" as const, year: fiscalYear };
  const figures: FigureResult[] = [];
  const totals = await computeMetrics(db, TRAINING_METRICS, { scope, period, dimension: null });
  for (const metric of TRAINING_METRICS) {
    figures.push(toFigureResult(metric, totals.get(metric)!, { scope, period, dimension: null }));
  }
  for (const dimension of DIMENSIONS) {
    const request = { scope, period, dimension };
    const split = await computeMetrics(db, BROKEN_DOWN, request);
    for (const metric of BROKEN_DOWN) figures.push(toFigureResult(metric, split.get(metric)!, request));
  }
  return { fiscalYear, scope: presentScope(scope), period: presentPeriod(scope, period), figures };
}
