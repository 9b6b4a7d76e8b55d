import type { Engine } from "../../src/db/client";
import type { DemoScale } from "../../src/demo/generate";
import type { Dataset } from "./datasets";
import type { DemoServer } from "./demo-server";
import type { RepeatOptions, Sample } from "./stats";

export type { Engine };

export interface RunOptions {
  scale: DemoScale;
  seed: number;
  /** The engines the per-engine benchmarks run on, in order. */
  engines: Engine[];
  /** Benchmark names to run (all when empty). */
  only: string[];
  json: boolean;
  quick: boolean;
  /** The demo group's "today" and every as-of date: fixed, so that figures compare between days. */
  today: string;
  /** PostgreSQL server for the postgres engine (the bench creates and drops its own databases there). */
  databaseUrl: string;
}

/** How long and how often to measure. */
export interface Profile {
  http: { connections: number[]; durationSeconds: number; runs: number; warmupSeconds: number };
  /** Service calls and SQL queries. */
  calls: RepeatOptions;
  /** Whole-database operations (generate, COPY, restore) and process start-ups. */
  heavyRuns: number;
}

/** One line of the results table: a figure beside its anchor, both measured in this run. */
export interface Row {
  benchmark: string;
  engine: string;
  unit: "ms" | "s" | "MB" | "req/s";
  figure: Sample;
  anchor: { label: string; sample: Sample } | null;
  note?: string;
}

export interface BenchContext {
  options: RunOptions;
  profile: Profile;
  /** The engine of this pass (for "once" benchmarks: the first engine of the run). */
  engine: Engine;
  /** Whether the PostgreSQL server answered at the start of the run. */
  postgresAvailable: boolean;
  /** The demo group on an engine, prepared (or taken from the cache) on first use. */
  dataset(engine: Engine): Promise<Dataset>;
  /** Tekizai's HTTP server on a copy of the demo group, signed in as group HR; one per engine per run. */
  demoServer(engine: Engine): Promise<DemoServer>;
  /** Runs `measure` once per run for `key` (anchors shared by several benchmarks or engines). */
  once<T>(key: string, measure: () => Promise<T>): Promise<T>;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  /** One line for --help. */
  summary: string;
  /** "per-engine": runs on each engine of the run; "once": runs once (it picks its engines itself). */
  scope: "per-engine" | "once";
  run(ctx: BenchContext): Promise<Row[]>;
}
