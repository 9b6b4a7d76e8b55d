/** `tekizai skills ...`: the O*NET starter library and O*NET-based skill maps from the command line. */
import type { Command } from "commander";
import type { Config } from "../../config";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import { SYSTEM_ACTOR } from "../access/actor";
import { loadOnetLibrary } from "./onet.service";

export function registerSkillsCommand(program: Command, config: () => Config): void {
  const skills = program.command("skills").description("The skill library and skill maps");

  skills
    .command("load-onet")
    .description(
      "Load the O*NET starter library: 35 skills in 7 categories with Japanese names and level anchors (idempotent). O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.",
    )
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        try {
          const result = await loadOnetLibrary(database.db, SYSTEM_ACTOR);
          emit(
            json,
            result,
            () =>
              `O*NET starter library: ${result.skills.created} skills added (${result.skills.existing} already there), ` +
              `${result.categories.created} categories added (${result.categories.existing} already there), ${result.anchors} level anchors.\n` +
              result.attribution,
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
