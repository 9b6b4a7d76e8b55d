// Runs autocannon loads in a worker thread (its own event loop, so on the other core than the server's):
// one job at a time from http-load.ts, each answered with its figures.
import { parentPort } from "node:worker_threads";
import autocannon, { type AutocannonOptions } from "autocannon";
import type { LoadJob, LoadResult } from "./http-load";

async function run(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const options: AutocannonOptions = {
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    timeout: 30,
    headers: job.headers,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length]! }),
      },
    ],
  };
  // autocannon's own histogram keeps whole milliseconds (a bare route answers in a fraction of one): the
  // percentiles are computed here from every 2xx response's time, as autocannon measures it.
  const times: number[] = [];
  let responses = 0;
  const instance = autocannon(options).on("response", (_client, statusCode, _bytes, responseTime) => {
    responses++;
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
  });
  // autocannon sees it is not on the main thread and leaves its figures encoded for a parent to aggregate.
  const result = autocannon.aggregateResult([await instance], options);
  times.sort((a, b) => a - b);
  const percentile = (p: number) =>
    times.length ? times[Math.max(0, Math.ceil(p * times.length) - 1)]! : Number.NaN;
  return {
    p50: percentile(0.5),
    p99: percentile(0.99),
    requestsPerSecond: responses / result.duration,
    completed: responses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

parentPort!.on("message", (job: LoadJob) => {
  run(job).then(
    (result) => parentPort!.postMessage({ result }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
