/** Thrown by a benchmark that cannot run in this run (reported as skipped, not as a failure). */
export class SkipBenchmark extends Error {
  override name = "SkipBenchmark";
}
