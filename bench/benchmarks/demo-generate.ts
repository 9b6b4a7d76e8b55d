import { copyLoader, dumpTables, emptyTables, type TableDump } from "../lib/copy";
import { generateInto } from "../lib/datasets";
import { summarize, timed } from "../lib/stats";
import type { Benchmark } from "../lib/types";

/**
 * Demo generation and load at the run's scale: `generateDemo` into an empty migrated database (building the
 * group in memory and writing it in one transaction), beside raw `COPY ... FROM` of exactly the rows it wrote,
 * into an empty migrated database of the same engine, in one transaction. Also the restore of the cached copy
 * the other benchmarks start from (PGlite: load a dumped data directory; PostgreSQL: CREATE DATABASE ... TEMPLATE).
 */
export const demoGenerate: Benchmark = {
  name: "demo-generate",
  summary: "demo generation + load, and restore of the cached copy, beside raw COPY of the same rows",
  scope: "per-engine",
  async run(ctx) {
    const dataset = await ctx.dataset(ctx.engine);
    const runs = ctx.profile.heavyRuns;
    const generate: number[] = dataset.coldGeneration ? [dataset.coldGeneration.millis / 1000] : [];
    let summary = dataset.coldGeneration;
    while (generate.length < runs) {
      const target = await dataset.openEmpty();
      try {
        const { millis, value } = await timed(() =>
          generateInto(target.database, { ...ctx.options, log: () => {} }),
        );
        generate.push(millis / 1000);
        summary = value;
      } finally {
        await target.destroy();
      }
    }

    const restore: number[] = [];
    let dumps: TableDump[] = [];
    for (let run = 0; run < runs; run++) {
      const { millis, value: copy } = await timed(async () => {
        const opened = await dataset.openDemo();
        await opened.database.exec("select 1");
        return opened;
      });
      restore.push(millis / 1000);
      try {
        if (run === 0) dumps = await dumpTables(copy.database);
      } finally {
        await copy.destroy();
      }
    }

    const copySeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const target = await dataset.openEmpty();
      try {
        await emptyTables(target.database, dumps);
        const load = copyLoader(target.database, dumps);
        copySeconds.push((await timed(load)).millis / 1000);
      } finally {
        await target.destroy();
      }
    }

    const totalRows = dumps.reduce((sum, d) => sum + d.rows, 0);
    const megabytes = dumps.reduce((sum, d) => sum + d.data.length, 0) / 1024 / 1024;
    const people = summary ? `${summary.activeEmployees.toLocaleString("en")} employees, ` : "";
    const anchor = { label: "COPY same rows", sample: summarize(copySeconds) };
    return [
      {
        benchmark: "demo-generate",
        engine: ctx.engine,
        unit: "s",
        figure: summarize(generate),
        anchor,
        note: `${people}${totalRows.toLocaleString("en")} rows in ${dumps.length} tables, ${megabytes.toFixed(1)} MB as COPY text`,
      },
      {
        benchmark: "demo-restore (cached copy)",
        engine: ctx.engine,
        unit: "s",
        figure: summarize(restore),
        anchor,
        note: ctx.engine === "pglite" ? "loadDataDir of a gzip dump" : "CREATE DATABASE ... TEMPLATE",
      },
    ];
  },
};
