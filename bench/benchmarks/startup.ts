import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../lib/fingerprint";
import { summarize } from "../lib/stats";
import type { Benchmark, Row } from "../lib/types";

interface Started {
  /** Spawn to the "listening" line, wall clock. */
  seconds: number;
  /** As the process reports it (process.uptime() when listening). */
  reportedSeconds: number;
  rssMegabytes: number;
}

const TIMEOUT_MS = 120_000;

/** Spawns a server process, waits for its JSON line with startedInSeconds and rssMegabytes, stops it. */
function startAndStop(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let started: Started | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (started) return;
      // `--json` prints one JSON document (indented) once listening; parse it when it is complete.
      const start = stdout.indexOf("{");
      if (start < 0) return;
      let parsed: { startedInSeconds?: unknown; rssMegabytes?: unknown };
      try {
        parsed = JSON.parse(stdout.slice(start)) as typeof parsed;
      } catch {
        return; // not complete yet
      }
      if (typeof parsed.startedInSeconds !== "number" || typeof parsed.rssMegabytes !== "number") {
        reject(new Error(`unexpected start-up output: ${stdout.slice(start, start + 500)}`));
        child.kill("SIGKILL");
        return;
      }
      started = {
        seconds: (performance.now() - t0) / 1000,
        reportedSeconds: parsed.startedInSeconds,
        rssMegabytes: parsed.rssMegabytes,
      };
      child.kill("SIGTERM");
      // A server that does not stop on SIGTERM within 30 s is killed.
      setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (started) resolve(started);
      else
        reject(
          new Error(
            `the server exited (${signal ?? code}) before listening:\n${(stderr || stdout).slice(-2000)}`,
          ),
        );
    });
  });
}

/** The anchor: a bare Fastify server listening on loopback, reporting like `tekizai start --json`. */
const BARE_FASTIFY = `
const app = require("fastify")();
app.get("/", async () => ({ ok: true }));
app.listen({ port: 0, host: "127.0.0.1" }).then(() => console.log(JSON.stringify({
  startedInSeconds: process.uptime(), rssMegabytes: Math.round(process.memoryUsage().rss / 1048576) })));
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));`;

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "TEKIZAI_DATA_DIR", "SESSION_SECRET", "PORT", "HOST", "LOG_LEVEL"])
    delete env[name];
  return { ...env, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...extra };
}

/**
 * Start-up of `tekizai start` on an existing data directory holding the demo group (PGlite), or on a
 * PostgreSQL database holding it: time to listening and resident memory, beside a bare Fastify server.
 */
export const startup: Benchmark = {
  name: "startup",
  summary:
    "time to listening and RSS of `tekizai start` on an existing database, beside a bare Fastify server",
  scope: "per-engine",
  async run(ctx) {
    const dataset = await ctx.dataset(ctx.engine);
    const runs = ctx.profile.heavyRuns;
    const warmup = ctx.options.quick ? 0 : 1;
    const target = await dataset.startTarget();
    const tekizai: Started[] = [];
    try {
      const args = [path.join(ROOT, "bin", "tekizai.js"), "start", "--no-demo", "--port", "0", "--json"];
      for (let run = -warmup; run < runs; run++) {
        const result = await startAndStop(args, serverEnv(target.env));
        if (run >= 0) tekizai.push(result);
      }
    } finally {
      await target.cleanup();
    }
    const bare = await ctx.once("bare-fastify-start", async () => {
      const results: Started[] = [];
      for (let run = -warmup; run < runs; run++) {
        const result = await startAndStop(["-e", BARE_FASTIFY], serverEnv({}));
        if (run >= 0) results.push(result);
      }
      return results;
    });
    const reported = summarize(tekizai.map((r) => r.reportedSeconds));
    const rows: Row[] = [
      {
        benchmark: "startup time",
        engine: ctx.engine,
        unit: "s",
        figure: summarize(tekizai.map((r) => r.seconds)),
        anchor: { label: "bare Fastify", sample: summarize(bare.map((r) => r.seconds)) },
        note: `spawn to listening; the server itself reports ${reported.median.toFixed(2)} s`,
      },
      {
        benchmark: "startup RSS",
        engine: ctx.engine,
        unit: "MB",
        figure: summarize(tekizai.map((r) => r.rssMegabytes)),
        anchor: { label: "bare Fastify", sample: summarize(bare.map((r) => r.rssMegabytes)) },
      },
    ];
    return rows;
  },
};
