import { Command } from "commander";
import { type Config, loadConfig } from "../config";

/** The `tekizai` command. Every subcommand has --help and --json and reads the same configuration as the server. */
const program = new Command()
  .name("tekizai")
  .description("Tekizai (適材適所): talent development and human-capital reporting for corporate groups")
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const lazyConfig = (): Config => loadConfig();

/**
 * The top-level commands and the module that registers each. Only the module of the command asked for is loaded
 * (`tekizai import` does not load the PDF and Excel writers of `tekizai report`), which halves the start-up of
 * most commands; without a known command name (`--help`, a typo) every module is loaded, so that help lists all
 * and commander names the closest match. The order is the order of `tekizai --help`.
 */
const COMMANDS: { names: string[]; register: () => Promise<void> }[] = [
  {
    names: ["start", "demo"],
    register: async () => {
      const { registerDemoCommand, registerStartCommand } = await import("./start.command");
      registerStartCommand(program, lazyConfig);
      registerDemoCommand(program, lazyConfig);
    },
  },
  {
    names: ["migrate", "users"],
    register: async () => {
      const { registerMigrateCommand, registerUsersCommand } = await import("./admin.commands");
      registerMigrateCommand(program, lazyConfig);
      registerUsersCommand(program, lazyConfig);
    },
  },
  {
    names: ["import"], // import framework (issue 4)
    register: async () =>
      (await import("../modules/import/import.command")).registerImportCommand(program, lazyConfig),
  },
  {
    names: ["scim"], // SCIM 2.0 provisioning (issue 4)
    register: async () =>
      (await import("../modules/scim/scim.command")).registerScimCommand(program, lazyConfig),
  },
  {
    names: ["skills"], // skills and learning (issue 6)
    register: async () =>
      (await import("../modules/skills/skills.command")).registerSkillsCommand(program, lazyConfig),
  },
  {
    names: ["learning"], // skills and learning (issue 6)
    register: async () =>
      (await import("../modules/learning/learning.command")).registerLearningCommand(program, lazyConfig),
  },
  {
    names: ["metric", "report"], // human-capital metrics (issue 5)
    register: async () =>
      (await import("../modules/disclosure/disclosure.commands")).registerMetricsCommands(
        program,
        lazyConfig,
      ),
  },
  {
    names: ["mobility"], // postings, moves and mobility figures (issue 7)
    register: async () => {
      (await import("../modules/mobility/posting.commands")).registerPostingCommands(program, lazyConfig);
      const figures = await import("../modules/mobility/mobility-figures.commands");
      figures.registerMobilityFiguresCommand(program, lazyConfig);
    },
  },
  {
    names: ["careers"], // career reports (issue 7)
    register: async () =>
      (await import("../modules/mobility/career.commands")).registerCareerCommands(program, lazyConfig),
  },
  {
    names: ["notifications"], // notifications (issue 7)
    register: async () =>
      (await import("../modules/notifications/notifications.commands")).registerNotificationCommands(
        program,
        lazyConfig,
      ),
  },
];

const commandName = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
const asked = COMMANDS.filter((command) => commandName !== undefined && command.names.includes(commandName));
for (const command of asked.length > 0 ? asked : COMMANDS) await command.register();

await program.parseAsync(process.argv);
