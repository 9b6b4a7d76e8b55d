import type { Db } from "../../src/db/client";
import type { Actor } from "../../src/modules/access/actor";
import { orgChart } from "../../src/modules/org/org.service";
import { getPerson, searchPeople } from "../../src/modules/people/people.service";
import { SkipBenchmark } from "../lib/skip";
import { summarize, timeRepeated } from "../lib/stats";
import type { Benchmark, Row } from "../lib/types";

type Call = (db: Db, actor: Actor, run: number) => Promise<unknown>;

/**
 * The embedded engine beside the server: the same service calls on the same demo group, PGlite in-process
 * (figure) and a PostgreSQL server on this machine (anchor). Runs once per run, at tiny or small scale.
 */
export const engines: Benchmark = {
  name: "engines",
  summary: "PGlite vs PostgreSQL: people-search, person page and org chart service calls on the same data",
  scope: "once",
  async run(ctx) {
    if (!ctx.postgresAvailable)
      throw new SkipBenchmark(`PostgreSQL is not reachable at ${ctx.options.databaseUrl}`);
    if (ctx.options.scale !== "tiny" && ctx.options.scale !== "small") {
      throw new SkipBenchmark("compares the engines at tiny or small scale only (run it with --scale small)");
    }
    const pglite = await ctx.demoServer("pglite");
    const postgres = await ctx.demoServer("postgres");
    const asOf = ctx.options.today;
    const terms = pglite.searchTerms;
    const ids = pglite.personIds;
    const calls: { name: string; call: Call }[] = [
      {
        name: "people-search service",
        call: (db, actor, run) =>
          searchPeople(db, actor, { q: terms[Math.abs(run) % terms.length], asOf, limit: 50, offset: 0 }),
      },
      {
        name: "person-page service",
        call: (db, actor, run) => getPerson(db, actor, ids[Math.abs(run) % ids.length]!, asOf),
      },
      { name: "org-chart service", call: (db, actor) => orgChart(db, actor, { asOf }) },
    ];
    const rows: Row[] = [];
    for (const { name, call } of calls) {
      const figure = await timeRepeated(
        (run) => call(pglite.database.db, pglite.actor, run),
        ctx.profile.calls,
      );
      const anchor = await timeRepeated(
        (run) => call(postgres.database.db, postgres.actor, run),
        ctx.profile.calls,
      );
      rows.push({
        benchmark: `engines: ${name}`,
        engine: "pglite vs pg",
        unit: "ms",
        figure: summarize(figure),
        anchor: { label: "postgres", sample: summarize(anchor) },
      });
    }
    return rows;
  },
};
