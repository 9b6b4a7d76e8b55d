import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./fingerprint";
import type { Sample } from "./stats";
import type { Row, RunOptions } from "./types";

export interface Outcome {
  rows: Row[];
  skipped: { benchmark: string; engine: string; reason: string }[];
  failed: { benchmark: string; engine: string; error: string }[];
  seconds: number;
  /** One-minute load average at the start and at the end: figures taken on a busy machine are not comparable. */
  load: [number, number];
}

function number(value: number, unit: Row["unit"]): string {
  if (unit === "req/s" || unit === "MB") return Math.round(value).toLocaleString("en");
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

function cell(sample: Sample, unit: Row["unit"]): string {
  const main = `${number(sample.median, unit)} ${unit}`;
  return sample.runs > 1 ? `${main} (${number(sample.min, unit)}–${number(sample.max, unit)})` : main;
}

/** Figure ÷ anchor, both medians: for times, how many times slower; for throughput, what share of it. */
export function ratio(row: Row): number | null {
  if (!row.anchor || row.anchor.sample.median === 0) return null;
  return row.figure.median / row.anchor.sample.median;
}

function formatRatio(value: number | null): string {
  if (value === null) return "–";
  if (value >= 100) return `${value.toFixed(0)}×`;
  return `${value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toPrecision(2)}×`;
}

export function formatTable(outcome: Outcome, options: RunOptions): string {
  const notes: string[] = [];
  const lines = outcome.rows.map((row) => {
    let name = row.benchmark;
    if (row.note) {
      notes.push(row.note);
      name += ` [${notes.length}]`;
    }
    return [
      name,
      row.engine,
      cell(row.figure, row.unit),
      row.anchor ? `${row.anchor.label}: ${cell(row.anchor.sample, row.unit)}` : "–",
      formatRatio(ratio(row)),
    ];
  });
  const header = ["benchmark", "engine", "figure: median (min–max)", "anchor: median (min–max)", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  const out = [
    `Tekizai benchmarks — ${options.scale} scale, seed ${options.seed}, as of ${options.today}; ` +
      `${os.cpus().length} cores, Node ${process.version}; ${outcome.seconds.toFixed(0)} s; ` +
      `load average ${outcome.load[0].toFixed(1)} → ${outcome.load[1].toFixed(1)}`,
    "",
    render(header),
    render(widths.map((w) => "-".repeat(w))),
    ...lines.map(render),
  ];
  if (notes.length) out.push("", ...notes.map((note, i) => `[${i + 1}] ${note}`));
  for (const s of outcome.skipped) out.push(`skipped ${s.benchmark} (${s.engine}): ${s.reason}`);
  for (const f of outcome.failed) out.push(`FAILED ${f.benchmark} (${f.engine}): ${f.error}`);
  return out.join("\n");
}

/** Writes bench/results/<timestamp>.json (ignored by git) and returns its path. */
export function writeJson(outcome: Outcome, options: RunOptions): string {
  const now = new Date();
  const dir = path.join(ROOT, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${now.toISOString().replace(/[:.]/g, "-")}.json`);
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const body = {
    at: now.toISOString(),
    options: { ...options, databaseUrl: undefined },
    machine: {
      cores: os.cpus().length,
      cpu,
      memoryGigabytes: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
    },
    seconds: outcome.seconds,
    rows: outcome.rows.map((row) => ({ ...row, ratio: ratio(row) })),
    skipped: outcome.skipped,
    failed: outcome.failed,
  };
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
