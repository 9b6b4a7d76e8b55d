/**
 * `tekizai report disclosure (--fy YEAR | --as-of DATE) [--company CODE | --group] [--format json|csv|xlsx|pdf]
 * [--out FILE] [--lang en|ja]` and `tekizai report training --fy YEAR [--company CODE] [--json]`, with the
 * operator's full rights. `tekizai report --fy 2025` (no kind) is the disclosure report as before.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { emit, fail, jsonOption, positiveInt } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { ZIsoDate } from "../../shared/api";
import { AppError } from "../../shared/errors";
import type { DisclosureReport, FigureResult } from "../../shared/metrics-api";
import { EXPORT_FORMATS, type ExportFormat, type TrainingReport } from "../../shared/metrics-reports-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { renderReport, reportYear } from "./export.service";
import { computeReport } from "./report.service";
import { trainingReport } from "./training-report.service";

interface Helpers {
  companyIdOf: (db: Db, code: string | undefined) => Promise<number | null>;
  reportText: (report: DisclosureReport) => string;
  figureText: (result: FigureResult) => string;
}

interface ReportOptions {
  fy?: number;
  asOf?: string;
  company?: string;
  group?: boolean;
  format?: ExportFormat;
  out?: string;
  lang: "en" | "ja";
  json?: boolean;
}

const KINDS = ["disclosure", "training"] as const;

function trainingText(report: TrainingReport, figureText: Helpers["figureText"]): string {
  return [
    `Training FY${report.fiscalYear} — ${report.scope.label.en}`,
    ...report.figures.map(figureText),
  ].join("\n");
}

export function registerReportCommand(program: Command, config: () => Config, helpers: Helpers): void {
  program
    .command("report")
    .description(
      "A report for a fiscal year: disclosure (default; the group or one company) or training (docs/metrics.md)",
    )
    .argument("[kind]", `report kind: ${KINDS.join(" or ")}`, "disclosure")
    .addOption(
      new Option("--fy <year>", "fiscal year, by the calendar year it starts in (FY2025 = 2025)").argParser(
        positiveInt("--fy"),
      ),
    )
    .option(
      "--as-of <date>",
      "disclosure: the fiscal year that contains this date (the company's calendar; the group: the parent's)",
    )
    .option("--company <code>", "one company (default: the whole group)")
    .option("--group", "the whole group (the default)")
    .addOption(
      new Option(
        "--format <format>",
        "disclosure: output format (default: text, or json with --json)",
      ).choices(EXPORT_FORMATS),
    )
    .option("--out <file>", "disclosure: write the output to this file instead of standard output")
    .addOption(
      new Option("--lang <lang>", "language of csv, xlsx and pdf headings")
        .choices(["en", "ja"])
        .default("en"),
    )
    .addOption(jsonOption())
    .action(async (kind: string, options: ReportOptions) => {
      const json = options.json === true || options.format === "json";
      try {
        if (!(KINDS as readonly string[]).includes(kind))
          throw AppError.validation([
            { path: "kind", message: `unknown report "${kind}" (known: ${KINDS.join(", ")})` },
          ]);
        if (options.company !== undefined && options.group)
          throw AppError.validation([
            { path: "--group", message: "give either --company or --group, not both" },
          ]);
        if (options.asOf !== undefined && !ZIsoDate.safeParse(options.asOf).success)
          throw AppError.validation([{ path: "--as-of", message: "must be a date written YYYY-MM-DD" }]);
        if (options.fy === undefined && options.asOf === undefined)
          throw AppError.validation([{ path: "--fy", message: "give --fy YEAR or --as-of DATE" }]);
        const binary = options.format === "xlsx" || options.format === "pdf";
        if (binary && options.out === undefined && process.stdout.isTTY)
          throw AppError.validation([
            { path: "--out", message: `a ${options.format} file needs --out FILE (or redirect the output)` },
          ]);
        if (kind === "training" && (options.format ?? "json") !== "json")
          throw AppError.validation([
            { path: "--format", message: "the training report prints text or JSON (--json)" },
          ]);

        const { database } = await openConfiguredDatabase(config());
        try {
          const db = database.db;
          const companyId = await helpers.companyIdOf(db, options.company);
          const fy = await reportYear(db, { fy: options.fy, asOf: options.asOf }, companyId);
          if (kind === "training") {
            const report = await trainingReport(db, SYSTEM_ACTOR, fy, companyId);
            emit(json, report, () => trainingText(report, helpers.figureText));
            return;
          }
          const report = await computeReport(db, fy, companyId);
          if (options.format === undefined && options.out === undefined) {
            emit(json, report, () => helpers.reportText(report));
            return;
          }
          const byExtension = EXPORT_FORMATS.find((f) => options.out?.toLowerCase().endsWith(`.${f}`));
          const file = await renderReport(
            report,
            options.format ?? byExtension ?? "json",
            options.lang,
            null,
          );
          if (options.out !== undefined) {
            fs.writeFileSync(path.resolve(options.out), file.body);
            process.stderr.write(
              `Wrote ${options.out} (${file.body.length.toLocaleString("en-US")} bytes)\n`,
            );
          } else process.stdout.write(file.body);
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
