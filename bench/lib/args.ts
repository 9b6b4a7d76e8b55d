import { parseArgs } from "node:util";
import { DEMO_SCALES, type DemoScale } from "../../src/demo/generate";
import type { Benchmark, Engine } from "./types";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
export const DEFAULT_SEED = 42;
/** The as-of date of every figure and the demo group's "today": fixed, so that runs on different days compare. */
export const BENCH_TODAY = "2026-11-23";
const ENGINES: readonly Engine[] = ["pglite", "postgres"];

/** A bad command line: the message names the flag or value and what is accepted. Exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  help: boolean;
  scale: DemoScale;
  seed: number;
  /** Undefined: PGlite, or with --quick both engines (PostgreSQL when reachable). */
  engine: Engine | undefined;
  only: string[];
  json: boolean;
  quick: boolean;
  databaseUrl: string;
}

export function usage(benchmarks: readonly Benchmark[]): string {
  const width = Math.max(...benchmarks.map((b) => b.name.length));
  return [
    "Usage: npm run bench -- [--scale tiny|small|medium|large] [--engine pglite|postgres] [--only NAME[,NAME]]",
    "                        [--seed N] [--json] [--quick]",
    "",
    "  --scale   demo group size: tiny ≈ 200, small ≈ 2,000 (default), medium ≈ 20,000, large ≈ 120,000 employees",
    `  --engine  pglite (default) or postgres (BENCH_DATABASE_URL, default ${DEFAULT_DATABASE_URL})`,
    "  --only    run only these benchmarks (comma-separated)",
    `  --seed    demo generator seed (default ${DEFAULT_SEED}); the cached group is keyed by scale and seed`,
    "  --json    also write the results to bench/results/<timestamp>.json",
    "  --quick   tiny scale (unless --scale), short runs, on PGlite and on PostgreSQL when reachable",
    "",
    "Benchmarks:",
    ...benchmarks.map((b) => `  ${b.name.padEnd(width)}  ${b.summary}`),
  ].join("\n");
}

function oneOf<T extends string>(flag: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}" is not accepted: use one of ${accepted.join(", ")}.`);
}

export function parseCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  benchmarks: readonly Benchmark[],
): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: "string" },
        engine: { type: "string" },
        only: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
        quick: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    const message = (err as Error).message.split("\n")[0] ?? String(err);
    throw new UsageError(
      `${message}\nAccepted: --scale tiny|small|medium|large, --engine pglite|postgres, --only NAME[,NAME], --seed N, --json, --quick, --help.`,
    );
  }
  const quick = values.quick === true;
  const scale =
    values.scale === undefined
      ? quick
        ? "tiny"
        : "small"
      : oneOf("--scale", String(values.scale), DEMO_SCALES);
  const engine = values.engine === undefined ? undefined : oneOf("--engine", String(values.engine), ENGINES);
  const names = benchmarks.map((b) => b.name);
  const only =
    values.only === undefined
      ? []
      : String(values.only)
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
          .map((name) => oneOf("--only", name, names));
  if (values.only !== undefined && only.length === 0)
    throw new UsageError(`--only needs a name: one of ${names.join(", ")}.`);
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(String(values.seed)) || !Number.isSafeInteger(seed)) {
      throw new UsageError(
        `--seed "${values.seed}" is not accepted: use a whole number such as ${DEFAULT_SEED}.`,
      );
    }
  }
  const databaseUrl = env.BENCH_DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new UsageError(
      `BENCH_DATABASE_URL "${databaseUrl}" is not accepted: use a URL such as ${DEFAULT_DATABASE_URL}.`,
    );
  }
  const host = new URL(databaseUrl).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host) && !host.startsWith("127.")) {
    throw new UsageError(
      `BENCH_DATABASE_URL must point at this machine (127.0.0.1 or localhost), not ${host}.`,
    );
  }
  return {
    help: values.help === true,
    scale,
    seed,
    engine,
    only,
    json: values.json === true,
    quick,
    databaseUrl,
  };
}
