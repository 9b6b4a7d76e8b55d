import fs from "node:fs";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { emit, fail, jsonOption, progressReporter } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { LOCALES, type Locale } from "../../shared/enums";
import { AppError } from "../../shared/errors";
import { SYSTEM_ACTOR } from "../access/actor";
import { listCompanies } from "../org/org.service";
import type { ImportResult } from "./import.history";
import { cancelJob, findJob } from "./import.jobs";
import { startImport } from "./import.service";
import { canonicalImportKindName, importKindNames, requireImportKind } from "./kinds";
import { csvTemplate, xlsxTemplate } from "./templates";

/** The --json shape of `tekizai import` (documented in docs/import.md). */
export function cliReport(result: ImportResult) {
  return {
    importId: result.id,
    kind: result.kind,
    status: result.status,
    dryRun: result.dryRun,
    rows: result.counts.rows,
    inserted: result.counts.inserted,
    updated: result.counts.updated,
    unchanged: result.counts.unchanged,
    terminations: result.counts.terminations,
    rejected: result.counts.rejected,
    message: result.message,
    errors: result.errors,
  };
}

function humanReport(result: ImportResult, errors: ImportResult["errors"]): string {
  const c = result.counts;
  const lines = [
    `${result.dryRun ? "Dry run" : "Import"} ${result.id} of ${result.kind} (${result.fileName}): ${result.status}`,
    `  rows ${c.rows}: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged, ${c.terminations} terminations, ${c.rejected} rejected`,
  ];
  if (result.message) lines.push(`  ${result.message}`);
  for (const e of errors.slice(0, 20))
    lines.push(`  row ${e.row}, ${e.column}${e.value ? ` "${e.value}"` : ""}: ${e.message}`);
  if (result.errorCount > 20)
    lines.push(`  ... and ${result.errorCount - 20} more (all of them with --json)`);
  return lines.join("\n");
}

/** 0 when applied or a clean dry run; 2 when rows were rejected; 1 when the import failed or was cancelled. */
export function exitCodeOf(result: ImportResult): number {
  if ((result.status === "applied" || result.status === "previewed") && result.counts.rejected === 0)
    return 0;
  if (result.status === "applied" || result.status === "previewed" || result.status === "rejected") return 2;
  return 1;
}

interface ImportOptions {
  kind?: string;
  company?: string;
  mapping?: string;
  dryRun?: boolean;
  acceptValidRows?: boolean;
  encoding?: "auto" | "utf8" | "cp932";
  lang?: Locale;
  json?: boolean;
}

export function registerImportCommand(program: Command, config: () => Config): void {
  const command = program
    .command("import")
    .description(
      "Import a CSV, Excel (.xlsx) or JSON file of one kind into a company (all or nothing unless --accept-valid-rows)",
    )
    .argument("<file>", "the file to import")
    .addOption(
      new Option("--kind <kind>", "what the file holds (required)")
        .choices(importKindNames())
        // help lists the canonical names; former spellings (skill_assessments ...) are still accepted
        .argParser((value: string) => {
          const name = canonicalImportKindName(value);
          if (!importKindNames().includes(name))
            throw new InvalidArgumentError(`Allowed choices are ${importKindNames().join(", ")}.`);
          return name;
        }),
    )
    .option("--company <code>", "the company the rows belong to (every kind but companies)")
    .option("--mapping <mapping.json>", "a mapping profile (docs/import.md); default: the canonical columns")
    .option("--dry-run", "validate and show what would change; write nothing")
    .option("--accept-valid-rows", "apply the valid rows and report the rejected ones")
    .addOption(
      new Option("--encoding <encoding>", "CSV encoding (default: detected)").choices([
        "auto",
        "utf8",
        "cp932",
      ]),
    )
    .addOption(
      new Option(
        "--lang <lang>",
        "language of the report and row errors (default: TEKIZAI_DEFAULT_LOCALE, else en)",
      ).choices([...LOCALES]),
    )
    .addOption(jsonOption())
    .action(async (file: string, options: ImportOptions) => {
      const json = options.json === true;
      try {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile())
          throw AppError.validation([{ path: "file", message: `${file} is not a file` }]);
        if (!options.kind)
          throw AppError.validation([
            { path: "--kind", message: `give --kind, one of: ${importKindNames().join(", ")}` },
          ]);
        const kind = requireImportKind(options.kind);
        let mapping: unknown;
        if (options.mapping) {
          try {
            mapping = JSON.parse(fs.readFileSync(options.mapping, "utf8"));
          } catch (err) {
            throw AppError.validation([
              { path: "--mapping", message: `cannot read ${options.mapping}: ${(err as Error).message}` },
            ]);
          }
        }
        const { database } = await openConfiguredDatabase(config());
        try {
          let companyId: number | null = null;
          if (kind.scope === "company") {
            if (!options.company)
              throw AppError.validation([
                { path: "--company", message: `${kind.name} needs --company CODE` },
              ]);
            const company = (await listCompanies(database.db, SYSTEM_ACTOR)).find(
              (c) => c.code.toLowerCase() === options.company!.toLowerCase(),
            );
            if (!company)
              throw AppError.validation([
                { path: "--company", message: `no company has the code ${options.company}` },
              ]);
            companyId = company.id;
          }
          const { importId, done } = await startImport(database.db, SYSTEM_ACTOR, {
            kind: kind.name,
            companyId,
            mapping,
            file,
            fileName: path.basename(file),
            dryRun: options.dryRun === true,
            acceptValidRows: options.acceptValidRows === true,
            encoding: options.encoding,
            via: "cli",
            locale: options.lang ?? config().defaultLocale,
          });
          const onInterrupt = () => cancelJob(importId);
          process.once("SIGINT", onInterrupt);
          const progress = progressReporter(!json);
          const timer = setInterval(() => {
            const job = findJob(importId);
            if (job) progress.update(job.progress.phase, Math.round(job.progress.percent), 100);
          }, 250);
          let result: ImportResult;
          try {
            result = await done;
          } finally {
            clearInterval(timer);
            progress.stop();
            process.removeListener("SIGINT", onInterrupt);
          }
          emit(json, cliReport(result), () => humanReport(result, result.errors));
          process.exitCode = exitCodeOf(result);
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });

  command
    .command("template")
    .description("Write the template of an import kind: CSV or Excel, header row in English or Japanese")
    .argument("<kind>", `one of: ${importKindNames().join(", ")}`)
    .addOption(new Option("--format <format>", "file format").choices(["csv", "xlsx"]).default("csv"))
    .addOption(new Option("--lang <lang>", "header language (default en)").choices([...LOCALES]))
    .option(
      "--out <file>",
      "write to this file (default: standard output for CSV, tekizai-KIND-LANG.xlsx for Excel)",
    )
    .addOption(jsonOption())
    .action(
      async (
        kindName: string,
        templateOptions: { format: "csv" | "xlsx"; lang?: Locale; out?: string; json?: boolean },
        cmd: Command,
      ) => {
        // --lang, like --json, may land on the parent command (it has the option too)
        const lang = templateOptions.lang ?? cmd.optsWithGlobals<{ lang?: Locale }>().lang ?? "en";
        const options = { ...templateOptions, lang };
        // --json may land on the parent command (it has the option too)
        const json = options.json === true || cmd.optsWithGlobals<{ json?: boolean }>().json === true;
        try {
          const kind = requireImportKind(kindName);
          const content =
            options.format === "xlsx"
              ? await xlsxTemplate(kind, options.lang)
              : csvTemplate(kind, options.lang);
          const out =
            options.out ??
            (options.format === "xlsx" ? `tekizai-${kind.name}-${options.lang}.xlsx` : undefined);
          if (out === undefined) {
            if (json)
              emit(
                true,
                {
                  kind: kind.name,
                  format: "csv",
                  lang: options.lang,
                  content: content.toString("utf8").replace(/^\uFEFF/, ""),
                },
                () => "",
              );
            else process.stdout.write(content);
            return;
          }
          fs.writeFileSync(out, content);
          emit(
            json,
            { kind: kind.name, format: options.format, lang: options.lang, file: path.resolve(out) },
            () => `Wrote ${out}`,
          );
        } catch (error) {
          fail(json, error);
        }
      },
    );
}
