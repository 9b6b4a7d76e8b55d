/** `tekizai careers ...`: career-report reminders from the command line (a daily job). */
import type { Command } from "commander";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { ZIsoDate } from "../../shared/api";
import { AppError } from "../../shared/errors";
import { sendCareerReminders } from "./career-cycles.service";

export function registerCareerCommands(program: Command, config: () => Config): void {
  const careers = program.command("careers").description("Career reports");
  careers
    .command("reminders")
    .description(
      "Send the career-report reminders due on a day (default today): for each open cycle, the latest reminder day that has come, to everyone expected who has not submitted. Idempotent: running it twice notifies nobody twice.",
    )
    .option("--as-of <date>", "the day (YYYY-MM-DD)")
    .addOption(jsonOption())
    .action(async (options: { asOf?: string; json?: boolean }) => {
      const json = options.json === true;
      try {
        let asOf: string | undefined;
        if (options.asOf !== undefined) {
          const parsed = ZIsoDate.safeParse(options.asOf);
          if (!parsed.success)
            throw AppError.validation([{ path: "--as-of", message: "must be a date, YYYY-MM-DD" }]);
          asOf = parsed.data;
        }
        const { database } = await openConfiguredDatabase(config());
        try {
          const result = await sendCareerReminders(database.db, asOf);
          emit(json, result, () =>
            [
              `Career-report reminders on ${result.asOf}: ${result.cycles.length} cycle(s) with a reminder due`,
              ...result.cycles.map(
                (c) =>
                  `  cycle ${c.cycleId}: ${c.reminderDay}-day reminder, ${c.notified} new notification(s)`,
              ),
            ].join("\n"),
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
