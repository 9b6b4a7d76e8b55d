import { Command } from "commander";
import { loadConfig } from "../config";
import { registerDemoCommand, registerStartCommand } from "./start.command";
import { registerMigrateCommand, registerUsersCommand } from "./admin.commands";
import { registerImportCommand } from "../modules/import/import.command"; // import framework (issue 4)
import { registerScimCommand } from "../modules/scim/scim.command"; // SCIM 2.0 provisioning (issue 4)
import { registerSkillsCommand } from "../modules/skills/skills.command"; // skills and learning (issue 6)
import { registerLearningCommand } from "../modules/learning/learning.command"; // skills and learning (issue 6)
import { registerMetricsCommands } from "../modules/disclosure/disclosure.commands"; // human-capital metrics (issue 5)
import { registerPostingCommands } from "../modules/mobility/posting.commands"; // postings and moves (issue 7)
import { registerMobilityFiguresCommand } from "../modules/mobility/mobility-figures.commands"; // mobility figures (issue 7)
import { registerCareerCommands } from "../modules/mobility/career.commands"; // career reports (issue 7)
import { registerNotificationCommands } from "../modules/notifications/notifications.commands"; // notifications (issue 7)

/** The `tekizai` command. Every subcommand has --help and --json and reads the same configuration as the server. */
const program = new Command()
  .name("tekizai")
  .description("Tekizai (適材適所): talent development and human-capital reporting for corporate groups")
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const lazyConfig = () => loadConfig();
registerStartCommand(program, lazyConfig);
registerDemoCommand(program, lazyConfig);
registerMigrateCommand(program, lazyConfig);
registerUsersCommand(program, lazyConfig);
registerImportCommand(program, lazyConfig); // import framework (issue 4)
registerScimCommand(program, lazyConfig); // SCIM 2.0 provisioning (issue 4)
registerSkillsCommand(program, lazyConfig); // skills and learning (issue 6)
registerLearningCommand(program, lazyConfig); // skills and learning (issue 6)
registerMetricsCommands(program, lazyConfig); // human-capital metrics (issue 5)
registerPostingCommands(program, lazyConfig); // postings and moves (issue 7)
registerMobilityFiguresCommand(program, lazyConfig); // mobility figures (issue 7)
registerCareerCommands(program, lazyConfig); // career reports (issue 7)
registerNotificationCommands(program, lazyConfig); // notifications (issue 7)

await program.parseAsync(process.argv);
