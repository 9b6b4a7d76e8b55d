import type { Benchmark } from "../lib/types";
import { demoGenerate } from "./demo-generate";
import { engines } from "./engines";
import { orgChartBenchmark } from "./org-chart";
import { peopleSearch } from "./people-search";
import { personPage } from "./person-page";
import { startup } from "./startup";

/**
 * Every benchmark, in the order they run. A capability adds its own: a module exporting a Benchmark (its figure
 * and the anchor measured beside it, see lib/types.ts), and one line here.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  demoGenerate,
  peopleSearch,
  personPage,
  orgChartBenchmark,
  startup,
  engines,
];
