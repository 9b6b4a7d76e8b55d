/** A figure over repeated runs: the median, with the spread. */
export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: number[]): Sample {
  if (values.length === 0) throw new Error("no values to summarize");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

export interface RepeatOptions {
  /** Calls made first and not counted (caches, JIT, prepared plans). */
  warmup: number;
  minRuns: number;
  maxRuns: number;
  /** Stop after this many milliseconds once minRuns are done. */
  budgetMillis: number;
}

/** Times `fn` repeatedly (milliseconds per call, wall clock) within the bounds. */
export async function timeRepeated(
  fn: (run: number) => Promise<unknown>,
  options: RepeatOptions,
): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn(-1 - i);
  const times: number[] = [];
  const started = performance.now();
  while (
    times.length < options.minRuns ||
    (times.length < options.maxRuns && performance.now() - started < options.budgetMillis)
  ) {
    const t0 = performance.now();
    await fn(times.length);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Milliseconds taken by one call, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ millis: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { millis: performance.now() - t0, value };
}
