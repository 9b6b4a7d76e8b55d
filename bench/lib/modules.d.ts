// Minimal typings for the two untyped packages the benchmarks use (only what bench/ calls).

declare module "autocannon" {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  }
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  }
  interface AutocannonOptions {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: AutocannonRequest[];
  }
  interface AutocannonResult {
    latency: Histogram;
    requests: Histogram & { sent: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds. */
    duration: number;
  }
  /** In a worker thread the promise resolves to raw (encoded) figures: pass them to aggregateResult. */
  interface AutocannonInstance extends Promise<unknown> {
    /** Every response, with its time in (fractional) milliseconds. */
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): AutocannonInstance;
  }
  function autocannon(options: AutocannonOptions): AutocannonInstance;
  namespace autocannon {
    function aggregateResult(results: unknown[], options: AutocannonOptions): AutocannonResult;
  }
  export default autocannon;
  export type { AutocannonOptions, AutocannonRequest, AutocannonResult };
}

declare module "pg-copy-streams" {
  import type { Readable, Writable } from "node:stream";
  import type { Submittable } from "pg";
  export function from(text: string): Writable & Submittable;
  export function to(text: string): Readable & Submittable;
}
