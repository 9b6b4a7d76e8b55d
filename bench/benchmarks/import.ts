import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/client";
import { SYSTEM_ACTOR } from "../../src/modules/access/actor";
import { startImport } from "../../src/modules/import/import.service";
import { copyLoader, dumpTables, type TableDump } from "../lib/copy";
import type { BenchDatabase } from "../lib/datasets";
import { summarize, timed } from "../lib/stats";
import type { BenchContext, Benchmark, Row } from "../lib/types";
import { type CompanyFiles, writeImportFiles } from "./import-files";

/**
 * Import of generated files at the run's scale (per company: persons with employments, then a dated assignments
 * history of ≈ 12.5 versions per employment), through the whole import pipeline — streaming, mapping, validation,
 * diff, dating, one transaction per file with its history — beside raw `COPY ... FROM` of exactly the rows the
 * imports wrote, into the same tables (same indexes, exclusion constraints and triggers) in the same run.
 */
const PEOPLE_TABLES = ["persons", "employments", "assignments"];

async function emptyPeople(database: Database): Promise<void> {
  // a copy of the demo group without its people: companies, org units, positions and grades stay
  await database.exec("TRUNCATE persons, employments, assignments, import_runs CASCADE");
  await database.exec("ANALYZE persons, employments, assignments");
}

async function dumpPeople(database: Database, tables: string[]): Promise<TableDump[]> {
  await database.exec("TRUNCATE import_changes, import_errors");
  return (await dumpTables(database)).filter((d) => tables.includes(d.table));
}

async function importAll(
  ctx: BenchContext,
  target: BenchDatabase,
  files: CompanyFiles[],
  kind: "persons" | "assignments",
): Promise<{ seconds: number; rows: number }> {
  let rows = 0;
  const { millis } = await timed(async () => {
    for (const company of files) {
      const file = kind === "persons" ? company.personsFile : company.assignmentsFile;
      const { done } = await startImport(target.database.db, SYSTEM_ACTOR, {
        kind,
        companyId: company.companyId,
        file,
        fileName: path.basename(file),
        dryRun: false,
        acceptValidRows: false,
        via: "cli",
        today: ctx.options.today,
        maxBytes: 2 ** 40,
      });
      const result = await done;
      if (result.status !== "applied") {
        const first = result.errors?.[0];
        throw new Error(
          `${kind} import of ${company.companyCode} ended ${result.status}: ${result.message ?? ""}${first ? ` (row ${first.row} ${first.column}: ${first.message})` : ""}`,
        );
      }
      rows += result.counts.rows;
    }
  });
  return { seconds: millis / 1000, rows };
}

const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString("en")} rows/s`;

export const importBenchmark: Benchmark = {
  name: "import",
  summary: "import of persons and dated assignments files (whole pipeline) beside raw COPY of the same rows",
  scope: "per-engine",
  async run(ctx) {
    const dataset = await ctx.dataset(ctx.engine);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-bench-import-"));
    try {
      let files: CompanyFiles[] = [];
      const persons: number[] = [];
      const assignments: number[] = [];
      const copyPersons: number[] = [];
      const copyAssignments: number[] = [];
      let personRows = 0;
      let assignmentRows = 0;
      let copiedPersons = 0;
      let copiedAssignments = 0;
      for (let run = 0; run < ctx.profile.heavyRuns; run++) {
        const target = await dataset.openDemo();
        try {
          if (run === 0) {
            files = await writeImportFiles(target.database.db, dir, ctx.options.today);
            // --quick: the five largest companies (83 small files would measure each import's fixed cost)
            if (ctx.options.quick)
              files = [...files]
                .sort((a, b) => b.personsRows - a.personsRows || a.companyId - b.companyId)
                .slice(0, 5);
            const sum = (f: (c: CompanyFiles) => number) => files.reduce((n, c) => n + f(c), 0);
            ctx.log(
              `  import: ${files.length} companies, ${sum((c) => c.personsRows).toLocaleString("en")} persons, ${sum((c) => c.assignmentsRows).toLocaleString("en")} assignment rows`,
            );
          }
          await emptyPeople(target.database);
          const p = await importAll(ctx, target, files, "persons");
          persons.push(p.seconds);
          personRows = p.rows;
          ctx.log(`  import persons: ${p.seconds.toFixed(1)} s, ${rate(p.rows, p.seconds)}`);
          const personDumps = await dumpPeople(target.database, PEOPLE_TABLES);
          const a = await importAll(ctx, target, files, "assignments");
          assignments.push(a.seconds);
          assignmentRows = a.rows;
          ctx.log(`  import assignments: ${a.seconds.toFixed(1)} s, ${rate(a.rows, a.seconds)}`);
          const assignmentDumps = await dumpPeople(target.database, ["assignments"]);

          // the anchor: the same rows into the same tables, in one transaction each
          await target.database.exec("TRUNCATE persons, employments, assignments CASCADE");
          const loadPersons = copyLoader(target.database, personDumps);
          copyPersons.push((await timed(loadPersons)).millis / 1000);
          copiedPersons = personDumps.reduce((n, d) => n + d.rows, 0);
          await target.database.exec("TRUNCATE assignments CASCADE");
          const loadAssignments = copyLoader(target.database, assignmentDumps);
          copyAssignments.push((await timed(loadAssignments)).millis / 1000);
          copiedAssignments = assignmentDumps.reduce((n, d) => n + d.rows, 0);
        } finally {
          await target.destroy();
        }
      }
      const row = (
        benchmark: string,
        figure: number[],
        anchor: number[],
        fileRows: number,
        copied: number,
        what: string,
      ): Row => {
        const f = summarize(figure);
        const a = summarize(anchor);
        return {
          benchmark,
          engine: ctx.engine,
          unit: "s",
          figure: f,
          anchor: { label: "COPY same rows", sample: a },
          note: `${fileRows.toLocaleString("en")} file rows in ${files.length} files: ${rate(fileRows, f.median)}; COPY of the ${copied.toLocaleString("en")} rows written (${what}): ${rate(copied, a.median)}`,
        };
      };
      return [
        row(
          "import persons",
          persons,
          copyPersons,
          personRows,
          copiedPersons,
          "persons, employments, first assignments",
        ),
        row(
          "import assignments",
          assignments,
          copyAssignments,
          assignmentRows,
          copiedAssignments,
          "every assignment, as the import left them",
        ),
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
