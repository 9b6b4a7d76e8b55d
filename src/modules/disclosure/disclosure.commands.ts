import type { Command } from "commander";
import { Option } from "commander";
import { emit, fail, jsonOption, positiveInt } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { definitionOf } from "../../metrics/definitions";
import { ZIsoDate } from "../../shared/api";
import { AppError } from "../../shared/errors";
import {
  DIMENSIONS,
  type Dimension,
  type DisclosureReport,
  type FigureResult,
  type FigureStatus,
  METRIC_IDS,
  type MetricId,
  type MetricUnit,
} from "../../shared/metrics-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { listCompanies } from "../org/org.service";
import { computeFigure } from "./figures.service";
import { registerReportCommand } from "./report.commands";

/** The company id for `--company CODE` (case-insensitive), or a validation error listing some codes. */
export async function companyIdOf(db: Db, code: string | undefined): Promise<number | null> {
  if (code === undefined) return null;
  const companies = await listCompanies(db, SYSTEM_ACTOR);
  const company = companies.find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!company) {
    const known = companies
      .slice(0, 10)
      .map((c) => c.code)
      .join(", ");
    throw AppError.validation([
      {
        path: "--company",
        message: `no company with code "${code}" (known: ${known}${companies.length > 10 ? ", ..." : ""})`,
      },
    ]);
  }
  return company.id;
}

const SUFFIX: Record<MetricUnit, string> = {
  people: "",
  percent: "%",
  years: " y",
  days: " d",
  hours: " h",
  weighted_people: "",
};

function formatValue(
  status: FigureStatus,
  reason: string | null,
  value: number | null,
  unit: MetricUnit,
): string {
  if (status !== "ok" || value === null) return reason ? `${status} (${reason})` : status;
  return `${value.toLocaleString("en-US")}${SUFFIX[unit]}`;
}

export function reportText(report: DisclosureReport): string {
  const lines = [`Disclosure report FY${report.fiscalYear} — ${report.scope.label.en}`];
  for (const range of report.period.ranges) {
    lines.push(
      `  ${range.from} – ${range.to} (${range.companyCount} ${range.companyCount === 1 ? "company" : "companies"})`,
    );
  }
  for (const table of report.tables) {
    const titles = table.columns.map((c) => definitionOf(c.metric).title.en);
    const rows = table.rows.map((row) => [
      row.label.en,
      ...row.cells.map((cell, i) =>
        formatValue(cell.status, cell.reason, cell.value, table.columns[i]!.unit),
      ),
    ]);
    const header = ["", ...titles];
    const widths = header.map((h, i) =>
      Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))),
    );
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    lines.push("", `## ${table.id}`, line(header), ...rows.map(line));
  }
  return lines.join("\n");
}

export function figureText(result: FigureResult): string {
  const definition = definitionOf(result.metric);
  const ratio =
    result.numerator !== null && result.denominator !== null
      ? `  (${result.numerator} / ${result.denominator})`
      : "";
  const lines = [
    `${definition.title.en} — ${result.scope.label.en}, ${result.period.ranges.map((r) => `${r.from} – ${r.to}`).join(", ")}`,
    `  ${formatValue(result.status, result.reason, result.value, result.unit)}${ratio}`,
  ];
  for (const row of result.breakdown?.rows ?? []) {
    const label = row.label?.en ?? row.key;
    const part =
      row.numerator !== null && row.denominator !== null ? `  (${row.numerator} / ${row.denominator})` : "";
    lines.push(`  ${label.padEnd(32)} ${formatValue(row.status, null, row.value, result.unit)}${part}`);
  }
  for (const unit of result.disability ?? []) {
    lines.push(
      `  ${(unit.code || unit.name.en).padEnd(12)} ${formatValue(unit.status, unit.reason, unit.rate, "percent")}  statutory ${unit.statutoryRate ?? "-"}%  required ${unit.requiredNumber ?? "-"}  surplus ${unit.surplus ?? "-"}`,
    );
  }
  if (result.notes.length) lines.push(`  notes: ${result.notes.join(", ")}`);
  return lines.join("\n");
}

/** `tekizai report` and `tekizai metric`: the same figures as the web app, with the operator's full rights. */
export function registerMetricsCommands(program: Command, config: () => Config): void {
  registerReportCommand(program, config, { companyIdOf, reportText, figureText });

  program
    .command("metric")
    .description("One figure for the group or a company, as of a date or for a fiscal year")
    .addArgument(program.createArgument("<name>", "metric id").choices(METRIC_IDS))
    .option("--as-of <date>", "stock on this day, flows over the twelve months to it (default: today)")
    .addOption(new Option("--fy <year>", "fiscal year instead of a date").argParser(positiveInt("--fy")))
    .option("--company <code>", "one company (default: the whole group)")
    .addOption(new Option("--by <dimension>", "break down by").choices(DIMENSIONS))
    .addOption(jsonOption())
    .action(
      async (
        name: MetricId,
        options: { asOf?: string; fy?: number; company?: string; by?: Dimension; json?: boolean },
      ) => {
        const json = options.json === true;
        try {
          if (options.asOf !== undefined && !ZIsoDate.safeParse(options.asOf).success) {
            throw AppError.validation([{ path: "--as-of", message: "must be a date written YYYY-MM-DD" }]);
          }
          const { database } = await openConfiguredDatabase(config());
          try {
            const companyId = await companyIdOf(database.db, options.company);
            const result = await computeFigure(database.db, SYSTEM_ACTOR, name, {
              scope: companyId === null ? "group" : "company",
              companyId: companyId ?? undefined,
              asOf: options.asOf,
              fy: options.fy,
              by: options.by,
            });
            emit(json, result, () => figureText(result));
          } finally {
            await database.close();
          }
        } catch (error) {
          fail(json, error);
        }
      },
    );
}
