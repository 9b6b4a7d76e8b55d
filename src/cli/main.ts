import { Command } from "commander";
import { loadConfig } from "../config";
import { registerDemoCommand, registerStartCommand } from "./start.command";
import { registerMigrateCommand, registerUsersCommand } from "./admin.commands";
import { registerImportCommand } from "../modules/import/import.command"; // import framework (issue 4)

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

await program.parseAsync(process.argv);
