import type { Benchmark } from "../lib/types";
import { demoGenerate } from "./demo-generate";
import { disclosureBenchmark } from "./disclosure"; // human-capital figures and the disclosure report (issue 5)
import { engines } from "./engines";
import { importBenchmark } from "./import";
import { learningBenchmark } from "./learning"; // skills and learning (issue 6)
import { mobilityBenchmark } from "./mobility";
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
  importBenchmark,
  learningBenchmark, // skills and learning (issue 6)
  mobilityBenchmark,
  disclosureBenchmark, // human-capital figures and the disclosure report (issue 5)
];
