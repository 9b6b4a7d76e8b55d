import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import { summarize } from "./stats";
import type { BenchContext, Row } from "./types";

/** One autocannon run: GET requests cycling through `paths`. */
export interface LoadJob {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Milliseconds. */
  p50: number;
  p99: number;
  requestsPerSecond: number;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadTarget {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  /** Waits until the server has answered every request (a run ends with requests still in flight). */
  idle?: () => Promise<void>;
}

/**
 * Worker threads do not inherit tsx's loader on Node 20: the worker registers it (as bin/tekizai.js does)
 * before importing the TypeScript module.
 */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./load-worker.ts", import.meta.url).href)}); })`;

let worker: Worker | undefined;

/** Runs one load in the load worker (started on first use, kept for the run). */
function runLoad(job: LoadJob): Promise<LoadResult> {
  worker ??= new Worker(WORKER_BOOT, { eval: true });
  const current = worker;
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => {
      worker = undefined;
      reject(new Error(`the load worker exited (code ${code})`));
    };
    current.once("exit", onExit);
    current.once("message", (message: { result?: LoadResult; error?: string }) => {
      current.off("exit", onExit);
      if (message.result) resolve(message.result);
      else reject(new Error(`load run failed: ${message.error}`));
    });
    current.postMessage(job);
  });
}

export async function stopLoadWorker(): Promise<void> {
  await worker?.terminate();
  worker = undefined;
}

/**
 * `runs` measured runs, each followed by waiting for the server to drain; with `warmup`, a short run first
 * that is not counted (the first connection count of a target warms it up for the next).
 */
export async function measureLoad(
  ctx: BenchContext,
  target: LoadTarget,
  connections: number,
  warmup: boolean,
): Promise<LoadResult[]> {
  const { runs, durationSeconds, warmupSeconds } = ctx.profile.http;
  const job = { url: target.url, paths: target.paths, headers: target.headers, connections };
  const results: LoadResult[] = [];
  for (let run = warmup ? -1 : 0; run < runs; run++) {
    const result = await runLoad({ ...job, durationSeconds: run < 0 ? warmupSeconds : durationSeconds });
    await target.idle?.();
    if (run >= 0) results.push(result);
  }
  return results;
}

/**
 * The HTTP anchor: a bare Fastify route returning a constant, on the same machine, under the same autocannon
 * settings. It is what the network stack, Node's HTTP parser and Fastify cost before Tekizai does anything.
 */
export async function bareRouteLoad(
  ctx: BenchContext,
  connections: number,
  warmup: boolean,
): Promise<LoadResult[]> {
  return ctx.once(`bare-route@${connections}`, async () => {
    const app = Fastify({ logger: false });
    app.get("/bare", async () => ({ ok: true }));
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      return await measureLoad(ctx, { url, paths: ["/bare"], headers: {} }, connections, warmup);
    } finally {
      await app.close();
    }
  });
}

function problems(results: LoadResult[]): string | undefined {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const parts = [
    sum((r) => r.non2xx) ? `${sum((r) => r.non2xx)} non-2xx` : "",
    sum((r) => r.errors) ? `${sum((r) => r.errors)} errors` : "",
    sum((r) => r.timeouts) ? `${sum((r) => r.timeouts)} timeouts` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

/**
 * Latency p50 and p99 and throughput of an endpoint at each connection count, each beside the bare route's.
 * Latencies come from the runs in which some request completed; when none did, only throughput is reported.
 */
export async function httpRows(ctx: BenchContext, name: string, target: LoadTarget): Promise<Row[]> {
  const rows: Row[] = [];
  const { connections: counts, durationSeconds } = ctx.profile.http;
  for (const [i, connections] of counts.entries()) {
    const figure = await measureLoad(ctx, target, connections, i === 0);
    const anchor = await bareRouteLoad(ctx, connections, i === 0);
    const issues = [problems(figure)];
    const metrics = [
      { metric: "p50", unit: "ms" as const, pick: (r: LoadResult) => r.p50 },
      { metric: "p99", unit: "ms" as const, pick: (r: LoadResult) => r.p99 },
      { metric: "throughput", unit: "req/s" as const, pick: (r: LoadResult) => r.requestsPerSecond },
    ];
    for (const { metric, unit, pick } of metrics) {
      const values = figure.map(pick).filter(Number.isFinite);
      if (values.length === 0) {
        issues.push(`${metric} not measured: no request completed within a ${durationSeconds} s run`);
        continue;
      }
      if (values.length < figure.length)
        issues.push(`${metric} from ${values.length} of ${figure.length} runs`);
      const note = issues.filter(Boolean).join("; ");
      rows.push({
        benchmark: `${name} ${metric} @${connections}c`,
        engine: ctx.engine,
        unit,
        figure: summarize(values),
        anchor: { label: "bare route", sample: summarize(anchor.map(pick)) },
        ...(note ? { note } : {}),
      });
    }
  }
  return rows;
}
