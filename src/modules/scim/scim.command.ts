import type { Command } from "commander";
import { Option } from "commander";
import { emit, fail, jsonOption, positiveInt } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { TERMINATION_REASONS, type TerminationReason } from "../../shared/enums";
import { createScimToken, listScimTokens, revokeScimToken } from "./scim.tokens";

/** `tekizai scim token create|list|revoke`: bearer tokens for SCIM clients (identity providers). */
export function registerScimCommand(program: Command, config: () => Config): void {
  const token = program
    .command("scim")
    .description("SCIM 2.0 provisioning (see docs/scim.md)")
    .command("token")
    .description("Bearer tokens of SCIM clients");

  token
    .command("create")
    .description("Issue a token for a SCIM client; it is shown once")
    .requiredOption("--name <name>", "client name (e.g. the identity provider)")
    .requiredOption("--company <code...>", "company code(s) whose employments the client provisions")
    .option("--terminate-on-deactivate", "active: false and DELETE also record a termination (today)")
    .addOption(
      new Option("--termination-reason <reason>", "reason recorded by those terminations")
        .choices(TERMINATION_REASONS)
        .default("voluntary"),
    )
    .addOption(jsonOption())
    .action(
      async (options: {
        name: string;
        company: string[];
        terminateOnDeactivate?: boolean;
        terminationReason: TerminationReason;
        json?: boolean;
      }) => {
        const json = options.json === true;
        try {
          const { database } = await openConfiguredDatabase(config());
          try {
            const created = await createScimToken(database.db, {
              name: options.name,
              companyCodes: options.company,
              terminateOnDeactivate: options.terminateOnDeactivate === true,
              terminationReason: options.terminationReason,
            });
            emit(
              json,
              created,
              () =>
                `SCIM client ${created.id} "${created.name}" (${created.companies.join(", ")}).\nToken (shown once, keep it secret):\n${created.token}`,
            );
          } finally {
            await database.close();
          }
        } catch (error) {
          fail(json, error);
        }
      },
    );

  token
    .command("list")
    .description("List SCIM clients (never their tokens)")
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        try {
          const tokens = await listScimTokens(database.db);
          emit(json, tokens, () =>
            tokens.length === 0
              ? "No SCIM clients."
              : tokens
                  .map(
                    (t) =>
                      `${t.id}\t${t.name}\t${t.companies.join(",")}\t${t.terminateOnDeactivate ? `terminate (${t.terminationReason})` : "no termination"}\t${t.revokedAt ? `revoked ${t.revokedAt}` : "active"}`,
                  )
                  .join("\n"),
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });

  token
    .command("revoke")
    .description("Revoke a SCIM client's token")
    .argument("<id>", "client id (from `tekizai scim token list`)", positiveInt("id"))
    .addOption(jsonOption())
    .action(async (id: number, options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        try {
          await revokeScimToken(database.db, id);
          emit(json, { id, revoked: true }, () => `SCIM client ${id} revoked.`);
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
