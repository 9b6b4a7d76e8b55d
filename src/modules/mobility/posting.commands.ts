/** `tekizai mobility run-moves`: marks confirmed moves whose effective date has come as moved (a daily job). */
import type { Command } from "commander";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { ZIsoDate } from "../../shared/api";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { completeDueMoves } from "./application-release.service";

/** The `mobility` command group, shared with the matching commands: whoever registers first creates it. */
export function mobilityCommandGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === "mobility") ??
    program.command("mobility").description("Internal mobility: postings, moves, matching and figures")
  );
}

export function registerPostingCommands(program: Command, config: () => Config): void {
  mobilityCommandGroup(program)
    .command("run-moves")
    .description(
      "Mark every confirmed application whose effective date has come (default today) as moved and notify the applicant, their former manager and the posting owner. The dated assignments were written at confirmation; running it twice changes nothing. The server also runs it at start and every six hours.",
    )
    .option("--as-of <date>", "the day (YYYY-MM-DD)")
    .addOption(jsonOption())
    .action(async (options: { asOf?: string; json?: boolean }) => {
      const json = options.json === true;
      try {
        let asOf = today();
        if (options.asOf !== undefined) {
          const parsed = ZIsoDate.safeParse(options.asOf);
          if (!parsed.success)
            throw AppError.validation([{ path: "--as-of", message: "must be a date, YYYY-MM-DD" }]);
          asOf = parsed.data;
        }
        const { database } = await openConfiguredDatabase(config());
        try {
          const moved = await completeDueMoves(database.db, asOf);
          emit(json, { asOf, moved }, () =>
            moved.length
              ? `Moves completed as of ${asOf}: ${moved.length} (applications ${moved.join(", ")})`
              : `No moves due as of ${asOf}.`,
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
