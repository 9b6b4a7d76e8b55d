import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDisclosureReport, ZFigureResult } from "../../shared/metrics-api";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = path.join(ROOT, "bin", "tekizai.js");

function tekizai(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TEKIZAI_DATA_DIR: dataDir, DATABASE_URL: "", SESSION_SECRET: "", PORT: "" },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tekizai report and tekizai metric", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-metrics-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the disclosure report as JSON in the API's schema", { timeout: 120_000 }, () => {
    const result = tekizai(dataDir, ["report", "--fy", "2025", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const report = ZDisclosureReport.parse(JSON.parse(result.stdout));
    expect(report.fiscalYears).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("prints one figure, and refuses an unknown company with exit code 2", { timeout: 120_000 }, () => {
    const figure = tekizai(dataDir, [
      "metric",
      "headcount",
      "--as-of",
      "2026-03-31",
      "--by",
      "gender",
      "--json",
    ]);
    expect(figure.status, figure.stderr).toBe(0);
    expect(ZFigureResult.parse(JSON.parse(figure.stdout))).toMatchObject({ metric: "headcount", value: 0 });
    const text = tekizai(dataDir, ["metric", "training_days_per_employee", "--fy", "2025"]);
    expect(text.stdout).toContain("no_data (no_training_records)");
    const bad = tekizai(dataDir, ["metric", "headcount", "--company", "NOPE", "--json"]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: [{ path: "--company" }] },
    });
  });
});
