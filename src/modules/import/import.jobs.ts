/**
 * The in-process job runner for imports: a running import's live progress (rows/s, %, time left) and its
 * cancellation flag. One import runs at a time per company (per installation for group-level kinds).
 * Progress lives in memory; the run's row in import_runs carries a heartbeat for other processes.
 */
export interface ImportProgress {
  phase: "reading" | "writing" | "finished";
  rows: number;
  bytesRead: number;
  totalBytes: number;
  written: number;
  toWrite: number;
  percent: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  startedAt: string;
}

export interface ImportJob {
  id: number;
  scopeKey: string;
  dryRun: boolean;
  progress: ImportProgress;
  cancelled: boolean;
  done: Promise<void>;
  startedMs: number;
}

const jobs = new Map<number, ImportJob>();

export function findJob(id: number): ImportJob | undefined {
  return jobs.get(id);
}

export function jobForScope(scopeKey: string): ImportJob | undefined {
  for (const job of jobs.values()) if (job.scopeKey === scopeKey) return job;
  return undefined;
}

/** Asks a running import to stop; its transaction rolls back. False when it does not run in this process. */
export function cancelJob(id: number): boolean {
  const job = jobs.get(id);
  if (!job) return false;
  job.cancelled = true;
  return true;
}

/** Recomputes percent, speed and time left: reading is 60 % of an apply (all of a dry run), writing 40 %. */
export function updateProgress(job: ImportJob, update: Partial<ImportProgress>): void {
  const p = Object.assign(job.progress, update);
  const readShare = job.dryRun ? 1 : 0.6;
  const readFraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const writeFraction = p.toWrite > 0 ? p.written / p.toWrite : p.phase === "writing" ? 1 : 0;
  const fraction = p.phase === "finished" ? 1 : readFraction * readShare + writeFraction * (1 - readShare);
  const elapsed = (Date.now() - job.startedMs) / 1000;
  p.percent = Math.round(fraction * 1000) / 10;
  p.rowsPerSecond = elapsed > 0 ? Math.round(p.rows / elapsed) : 0;
  p.etaSeconds =
    fraction > 0.01 && fraction < 1
      ? Math.round((elapsed * (1 - fraction)) / fraction)
      : fraction >= 1
        ? 0
        : null;
}

export function startJob(
  id: number,
  scopeKey: string,
  dryRun: boolean,
  work: (job: ImportJob) => Promise<void>,
): ImportJob {
  const job: ImportJob = {
    id,
    scopeKey,
    dryRun,
    cancelled: false,
    startedMs: Date.now(),
    progress: {
      phase: "reading",
      rows: 0,
      bytesRead: 0,
      totalBytes: 0,
      written: 0,
      toWrite: 0,
      percent: 0,
      rowsPerSecond: 0,
      etaSeconds: null,
      startedAt: new Date().toISOString(),
    },
    done: Promise.resolve(),
  };
  jobs.set(id, job);
  job.done = (async () => {
    try {
      await work(job);
    } finally {
      jobs.delete(id);
    }
  })();
  return job;
}
