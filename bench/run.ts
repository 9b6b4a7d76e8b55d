/**
 * Tekizai's benchmark harness: `npm run bench -- [--scale ...] [--engine ...] [--only ...] [--json] [--quick]`.
 * Prepares (or takes from the cache) the demo group at the scale, runs the selected benchmarks on the chosen
 * engines, and prints every figure beside its anchor measured in the same run. See bench/README.md.
 */
import os from "node:os";
import { BENCHMARKS } from "./benchmarks/index";
import { BENCH_TODAY, parseCommandLine, UsageError, usage } from "./lib/args";
import { type Dataset, openDataset } from "./lib/datasets";
import { type DemoServer, startDemoServer } from "./lib/demo-server";
import { stopLoadWorker } from "./lib/http-load";
import { dropStaleDatabases, unreachableReason, withAdmin } from "./lib/postgres";
import { formatTable, type Outcome, writeJson } from "./lib/report";
import { SkipBenchmark } from "./lib/skip";
import type { BenchContext, Benchmark, Engine, Profile, RunOptions } from "./lib/types";

function profileFor(options: RunOptions): Profile {
  if (options.quick) {
    return {
      http: { connections: [10, 100], durationSeconds: 1, runs: 1, warmupSeconds: 0.3 },
      calls: { warmup: 1, minRuns: 3, maxRuns: 20, budgetMillis: 300 },
      heavyRuns: 1,
    };
  }
  return {
    http: { connections: [10, 100], durationSeconds: 3, runs: 3, warmupSeconds: 1 },
    calls: { warmup: 3, minRuns: 5, maxRuns: 200, budgetMillis: 2000 },
    heavyRuns: { tiny: 3, small: 3, medium: 2, large: 1 }[options.scale],
  };
}

const started = performance.now();
const log = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);

/** Everything the run opened, closed in reverse order at the end (or on Ctrl+C). */
const closers: (() => Promise<void>)[] = [];
let closing: Promise<void> | undefined;
function closeAll(): Promise<void> {
  closing ??= (async () => {
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
  })();
  return closing;
}

function memo<K, V>(create: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = create(key);
      cache.set(key, value);
    }
    return value;
  };
}

async function resolveEngines(
  engine: Engine | undefined,
  quick: boolean,
  postgresProblem: string | undefined,
) {
  if (engine === "postgres" && postgresProblem) {
    throw new Error(
      `--engine postgres: cannot reach the PostgreSQL server (BENCH_DATABASE_URL): ${postgresProblem}`,
    );
  }
  if (engine) return [engine];
  return quick && !postgresProblem ? (["pglite", "postgres"] as Engine[]) : (["pglite"] as Engine[]);
}

async function runBenchmark(benchmark: Benchmark, ctx: BenchContext, outcome: Outcome, engineLabel: string) {
  log(`${benchmark.name} (${engineLabel})`);
  try {
    outcome.rows.push(...(await benchmark.run(ctx)));
  } catch (err) {
    if (err instanceof SkipBenchmark) {
      outcome.skipped.push({ benchmark: benchmark.name, engine: engineLabel, reason: err.message });
      log(`  skipped: ${err.message}`);
    } else {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      outcome.failed.push({ benchmark: benchmark.name, engine: engineLabel, error: error.split("\n")[0]! });
      log(`  FAILED: ${error}`);
    }
  }
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2), process.env, BENCHMARKS);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\nRun \`npm run bench -- --help\` for the options.\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage(BENCHMARKS)}\n`);
    return 0;
  }

  const postgresProblem = await unreachableReason(args.databaseUrl);
  const options: RunOptions = {
    scale: args.scale,
    seed: args.seed,
    engines: await resolveEngines(args.engine, args.quick, postgresProblem),
    only: args.only,
    json: args.json,
    quick: args.quick,
    today: BENCH_TODAY,
    databaseUrl: args.databaseUrl,
  };
  if (postgresProblem)
    log(`PostgreSQL not reachable (${postgresProblem}): PostgreSQL benchmarks are skipped`);
  else {
    const dropped = await withAdmin(options.databaseUrl, dropStaleDatabases);
    if (dropped.length) log(`dropped ${dropped.length} databases left by earlier runs that stopped`);
  }

  const dataset = memo(async (engine: Engine): Promise<Dataset> => {
    log(`preparing the ${options.scale} demo group on ${engine}`);
    const opened = await openDataset(engine, { ...options, log });
    closers.push(() => opened.close());
    return opened;
  });
  const demoServer = memo(async (engine: Engine): Promise<DemoServer> => {
    const server = await startDemoServer(await dataset(engine), options.today);
    closers.push(() => server.close());
    return server;
  });
  closers.push(stopLoadWorker);
  const onceMemo = new Map<string, Promise<unknown>>();
  const context = (engine: Engine): BenchContext => ({
    options,
    profile: profileFor(options),
    engine,
    postgresAvailable: postgresProblem === undefined,
    dataset,
    demoServer,
    once: <T>(key: string, measure: () => Promise<T>) => {
      if (!onceMemo.has(key)) onceMemo.set(key, measure());
      return onceMemo.get(key) as Promise<T>;
    },
    log,
  });

  const selected = BENCHMARKS.filter((b) => options.only.length === 0 || options.only.includes(b.name));
  const outcome: Outcome = { rows: [], skipped: [], failed: [], seconds: 0, load: [os.loadavg()[0]!, 0] };
  log(`${options.scale} scale, seed ${options.seed}, engines: ${options.engines.join(", ")}`);
  try {
    for (const engine of options.engines) {
      for (const benchmark of selected.filter((b) => b.scope === "per-engine")) {
        await runBenchmark(benchmark, context(engine), outcome, engine);
      }
    }
    for (const benchmark of selected.filter((b) => b.scope === "once")) {
      await runBenchmark(benchmark, context(options.engines[0]!), outcome, "both");
    }
  } finally {
    await closeAll();
  }
  outcome.seconds = (performance.now() - started) / 1000;
  outcome.load[1] = os.loadavg()[0]!;

  process.stdout.write(`\n${formatTable(outcome, options)}\n`);
  if (options.json) process.stdout.write(`\nWrote ${writeJson(outcome, options)}\n`);
  return outcome.failed.length ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void closeAll().finally(() => process.exit(130));
  });
}

main().then(
  // Exit explicitly: idle pools and worker handles must not keep the process (or CI) waiting.
  (code) => closeAll().then(() => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    void closeAll().finally(() => process.exit(1));
  },
);
