import type { Command } from "commander";
import { Option } from "commander";
import type { Config } from "../config";
import { isDemo } from "../db/meta";
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoScale, generateDemo } from "../demo/generate";
import { buildApp } from "../server/app";
import { startScheduledJobs } from "../server/scheduled-jobs";
import { emit, fail, jsonOption, positiveInt, progressReporter } from "./output";
import { openConfiguredDatabase, sessionSecret } from "./runtime";

const SCALES = ["tiny", "small", "medium", "large"] as const;

export function registerStartCommand(program: Command, config: () => Config): void {
  program
    .command("start")
    .description(
      "Start the server. A new embedded data directory gets the demo group (small scale) unless --no-demo; a PostgreSQL DATABASE_URL never gets demo data unless you run `tekizai demo`.",
    )
    .option("--no-demo", "start empty even on a new embedded data directory")
    .addOption(
      new Option("--port <port>", "port to listen on (overrides PORT)").argParser(positiveInt("--port")),
    )
    .addOption(jsonOption())
    .action(async (options: { demo: boolean; port?: number; json?: boolean }) => {
      const json = options.json === true;
      try {
        const settings = config();
        const { database, created } = await openConfiguredDatabase(settings);
        if (created && options.demo) {
          if (!json) process.stderr.write("New data directory: generating the demo group (small scale)...\n");
          const progress = progressReporter(!json);
          try {
            await generateDemo(database, {
              scale: "small",
              seed: 42,
              onProgress: (p) => progress.update(p.phase, p.done, p.total),
            });
          } finally {
            progress.stop();
          }
        }
        const demo = await isDemo(database.db);
        const app = await buildApp({
          database,
          sessionSecret: sessionSecret(settings),
          demo,
          trustProxy: settings.trustProxy,
          logLevel: settings.logLevel,
        });
        const port = options.port ?? settings.port;
        await app.listen({ port, host: settings.host });
        const stopJobs = startScheduledJobs(database, settings, app.log);
        const url = `http://${settings.host === "0.0.0.0" ? "localhost" : settings.host}:${port}`;
        const startup = {
          url,
          engine: database.engine,
          dataDir: settings.databaseUrl ? null : settings.dataDir,
          demo,
          startedInSeconds: Number(process.uptime().toFixed(2)),
          rssMegabytes: Math.round(process.memoryUsage().rss / 1024 / 1024),
          demoLogins: demo
            ? DEMO_LOGINS.map((login) => ({ email: login.email, password: DEMO_PASSWORD }))
            : [],
        };
        emit(json, startup, () => {
          const lines = [
            `Tekizai is running at ${url}  (${database.engine}${startup.dataDir ? ` in ${startup.dataDir}` : ""}; started in ${startup.startedInSeconds} s, ${startup.rssMegabytes} MB)`,
            `API docs: ${url}/api/docs`,
          ];
          if (demo) {
            lines.push(`Demo logins (password: ${DEMO_PASSWORD}):`);
            for (const login of DEMO_LOGINS) lines.push(`  ${login.email.padEnd(30)} ${login.description}`);
          } else {
            lines.push(
              "No demo data. Create the first administrator with: tekizai users create --role group-hr --email ... --name ...",
            );
          }
          lines.push("Press Ctrl+C to stop.");
          return lines.join("\n");
        });
        const stop = async () => {
          stopJobs();
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once("SIGINT", () => void stop());
        process.once("SIGTERM", () => void stop());
      } catch (error) {
        fail(json, error);
      }
    });
}

export function registerDemoCommand(program: Command, config: () => Config): void {
  program
    .command("demo")
    .description("Generate the demo group into an empty database (deterministic for a seed)")
    .addOption(
      new Option(
        "--scale <scale>",
        "group size: tiny ≈ 200, small ≈ 2,000, medium ≈ 20,000, large ≈ 120,000 employees",
      )
        .choices(SCALES)
        .default("small"),
    )
    .addOption(new Option("--seed <n>", "random seed").argParser(positiveInt("--seed")).default(42))
    .addOption(jsonOption())
    .action(async (options: { scale: DemoScale; seed: number; json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        const progress = progressReporter(!json);
        try {
          const summary = await generateDemo(database, {
            scale: options.scale,
            seed: options.seed,
            onProgress: (p) => progress.update(p.phase, p.done, p.total),
          });
          progress.stop();
          emit(json, summary, () =>
            [
              `Demo group generated (${summary.scale}, seed ${summary.seed}) in ${(summary.millis / 1000).toFixed(1)} s:`,
              `  ${summary.companies} companies, ${summary.orgUnits} org units, ${summary.persons} persons, ${summary.employments} employments, ${summary.assignments} assignments`,
              `  ${summary.activeEmployees} employees today; ${summary.users} demo logins (password ${DEMO_PASSWORD})`,
            ].join("\n"),
          );
        } finally {
          progress.stop();
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
