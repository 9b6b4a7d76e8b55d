/** The catalogue: every figure Tekizai reports, one definition each (documented in docs/metrics.md). */
import { METRIC_IDS, type MetricDefinition, type MetricId } from "../../shared/metrics-api";
import { DISABILITY_DEFINITIONS } from "./disability.defs";
import { MANAGER_DEFINITIONS } from "./managers.defs";
import { MOVEMENT_DEFINITIONS } from "./movements.defs";
import { NO_DATA_DEFINITIONS } from "./no-data.defs";
import { RETIREMENT_DEFINITIONS } from "./retirement.defs";
import { TRAINING_DEFINITIONS } from "./training.defs";
import type { DefinitionSpec } from "./types";
import { WORKFORCE_DEFINITIONS } from "./workforce.defs";

const ALL: DefinitionSpec[] = [
  ...WORKFORCE_DEFINITIONS,
  ...MANAGER_DEFINITIONS,
  ...MOVEMENT_DEFINITIONS,
  ...RETIREMENT_DEFINITIONS,
  ...DISABILITY_DEFINITIONS,
  ...TRAINING_DEFINITIONS,
  ...NO_DATA_DEFINITIONS,
];

const BY_ID = new Map<MetricId, DefinitionSpec>(ALL.map((d) => [d.id, d]));
for (const id of METRIC_IDS) {
  if (!BY_ID.has(id)) throw new Error(`Metric ${id} has no definition`);
}

export function definitionOf(id: MetricId): DefinitionSpec {
  return BY_ID.get(id)!;
}

/** The published part of every definition, in catalogue order. */
export function listDefinitions(): MetricDefinition[] {
  return METRIC_IDS.map((id) => {
    const { computation: _computation, exclusion: _exclusion, ...published } = definitionOf(id);
    return published;
  });
}
