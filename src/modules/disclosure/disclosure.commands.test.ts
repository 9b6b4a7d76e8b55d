import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDataDir, runTekizai } from "../../../test/support/cli";
import { ZDisclosureReport, ZFigureResult } from "../../shared/metrics-api";
import { ZTrainingReport } from "../../shared/metrics-reports-api";

const tekizai = (dataDir: string, args: string[]) => runTekizai(dataDir, args);

describe("tekizai report and tekizai metric", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await preparedDataDir();
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
    const text = tekizai(dataDir, ["metric", "gender_wage_gap_all", "--fy", "2025"]);
    expect(text.stdout).toContain("no_data (no_pay_records)");
    const bad = tekizai(dataDir, ["metric", "headcount", "--company", "NOPE", "--json"]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: [{ path: "--company" }] },
    });
  });

  it("writes the report in each format, by fiscal year or as-of date", { timeout: 180_000 }, () => {
    const csvFile = path.join(dataDir, "report.csv");
    const csv = tekizai(dataDir, [
      "report",
      "disclosure",
      "--as-of",
      "2026-03-31",
      "--group",
      "--format",
      "csv",
      "--lang",
      "ja",
      "--out",
      csvFile,
    ]);
    expect(csv.status, csv.stderr).toBe(0);
    const text = fs.readFileSync(csvFile, "utf8");
    expect(text.startsWith("\uFEFF表,指標,範囲,期間,値,分子,分母,単位,定義名")).toBe(true);
    expect(text).toContain(",2025年度,");
    const xlsxFile = path.join(dataDir, "report.xlsx");
    const xlsx = tekizai(dataDir, ["report", "disclosure", "--fy", "2025", "--out", xlsxFile]);
    expect(xlsx.status, xlsx.stderr).toBe(0);
    expect(fs.readFileSync(xlsxFile).subarray(0, 2).toString("latin1")).toBe("PK");
    const json = tekizai(dataDir, ["report", "disclosure", "--fy", "2025", "--format", "json"]);
    expect(ZDisclosureReport.parse(JSON.parse(json.stdout)).fiscalYear).toBe(2025);
    const training = tekizai(dataDir, ["report", "training", "--fy", "2024", "--json"]);
    expect(training.status, training.stderr).toBe(0);
    expect(ZTrainingReport.parse(JSON.parse(training.stdout)).figures[0]!.metric).toBe(
      "training_days_per_employee",
    );
    const both = tekizai(dataDir, [
      "report",
      "disclosure",
      "--fy",
      "2025",
      "--company",
      "X",
      "--group",
      "--json",
    ]);
    expect(both.status).toBe(2);
    expect(JSON.parse(both.stdout)).toMatchObject({ error: { fields: [{ path: "--group" }] } });
    const none = tekizai(dataDir, ["report", "disclosure", "--json"]);
    expect(JSON.parse(none.stdout)).toMatchObject({ error: { fields: [{ path: "--fy" }] } });
  });
});
