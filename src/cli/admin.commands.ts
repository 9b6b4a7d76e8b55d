import type { Command } from "commander";
import { Option } from "commander";
import type { Config } from "../config";
import { type Db, migrationState } from "../db/client";
import { SYSTEM_ACTOR } from "../modules/access/actor";
import { findOrgUnitIdByCode } from "../modules/auth/auth.repo";
import { createUser, listUsers } from "../modules/auth/auth.service";
import { listCompanies } from "../modules/org/org.service";
import { ZCreateUserRequest } from "../shared/api";
import { ROLES, type Role } from "../shared/enums";
import { AppError } from "../shared/errors";
import { emit, fail, jsonOption, positiveInt } from "./output";
import { openConfiguredDatabase } from "./runtime";

const ROLE_FLAGS = ROLES.map((role) => role.replace("_", "-"));

export function registerMigrateCommand(program: Command, config: () => Config): void {
  program
    .command("migrate")
    .description("Apply the database migrations that have not run yet")
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        try {
          const state = await migrationState(database);
          emit(
            json,
            { engine: database.engine, ...state },
            () => `Database (${database.engine}) is up to date: ${state.applied} migrations applied.`,
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}

/** Reads a password from standard input (so that it does not appear in the shell history or `ps`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function registerUsersCommand(program: Command, config: () => Config): void {
  const users = program.command("users").description("Manage user accounts");

  users
    .command("create")
    .description("Create a user account (the first administrator: --role group-hr)")
    .requiredOption("--email <email>", "sign-in email")
    .option("--name <name>", "display name (default: the email)")
    .option("--password <password>", "password, at least 12 characters (or --password-stdin)")
    .option("--password-stdin", "read the password from standard input")
    .addOption(new Option("--role <role...>", "role(s) to grant").choices(ROLE_FLAGS).makeOptionMandatory())
    .option("--company <code...>", "company code(s) for company-hr; the company of a recruiter")
    .option("--org-unit <code>", "recruiter: the recruiting division (org unit code of --company)")
    .addOption(
      new Option("--person <id>", "person the user signs in as (needed for employee and manager)").argParser(
        positiveInt("--person"),
      ),
    )
    .addOption(jsonOption())
    .action(
      async (options: {
        email: string;
        name?: string;
        password?: string;
        passwordStdin?: boolean;
        role: string[];
        company?: string[];
        orgUnit?: string;
        person?: number;
        json?: boolean;
      }) => {
        const json = options.json === true;
        try {
          const password = options.passwordStdin ? await readStdin() : options.password;
          if (!password) {
            throw AppError.validation([
              { path: "--password", message: "give --password or --password-stdin" },
            ]);
          }
          const { database } = await openConfiguredDatabase(config());
          try {
            const companies = await listCompanies(database.db, SYSTEM_ACTOR);
            const roles: { role: Role; companyId: number | null; orgUnitId?: number | null }[] = [];
            for (const flag of options.role) {
              const role = flag.replace("-", "_") as Role;
              if (role === "recruiter") {
                roles.push(await recruiterGrantFromFlags(database.db, companies, options));
                continue;
              }
              if (role !== "company_hr") {
                roles.push({ role, companyId: null });
                continue;
              }
              if (!options.company?.length) {
                throw AppError.validation([
                  { path: "--company", message: "company-hr needs --company CODE" },
                ]);
              }
              for (const code of options.company) {
                const company = companies.find((c) => c.code.toLowerCase() === code.toLowerCase());
                if (!company) {
                  throw AppError.validation([
                    {
                      path: "--company",
                      message: `no company with code "${code}" (known: ${companies
                        .slice(0, 10)
                        .map((c) => c.code)
                        .join(", ")}${companies.length > 10 ? ", ..." : ""})`,
                    },
                  ]);
                }
                roles.push({ role, companyId: company.id });
              }
            }
            const parsed = ZCreateUserRequest.safeParse({
              email: options.email,
              displayName: options.name ?? options.email,
              password,
              personId: options.person ?? null,
              roles,
            });
            if (!parsed.success) {
              throw AppError.validation(
                parsed.error.issues.map((issue) => ({
                  path: `--${String(issue.path[0] ?? "")}`,
                  message: issue.message,
                })),
              );
            }
            const id = await createUser(database.db, SYSTEM_ACTOR, parsed.data);
            const created = (await listUsers(database.db, SYSTEM_ACTOR)).find((user) => user.id === id)!;
            emit(
              json,
              created,
              () =>
                `Created user ${created.email} (id ${created.id}) with roles ${created.roles.map((r) => r.role).join(", ")}.`,
            );
          } finally {
            await database.close();
          }
        } catch (error) {
          fail(json, error);
        }
      },
    );

  users
    .command("list")
    .description("List user accounts")
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const { database } = await openConfiguredDatabase(config());
        try {
          const items = await listUsers(database.db, SYSTEM_ACTOR);
          emit(json, { items }, () =>
            items.length === 0
              ? "No users yet."
              : items
                  .map(
                    (user) =>
                      `${String(user.id).padStart(5)}  ${user.email.padEnd(36)} ${user.roles.map((r) => r.role + (r.companyId ? `@${r.companyId}` : "")).join(", ")}${user.disabled ? "  (disabled)" : ""}`,
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
}

/** `--role recruiter --company C [--org-unit U]`: one company, optionally one of its org units (by code). */
async function recruiterGrantFromFlags(
  db: Db,
  companies: { id: number; code: string }[],
  options: { company?: string[]; orgUnit?: string },
): Promise<{ role: Role; companyId: number; orgUnitId: number | null }> {
  if (options.company?.length !== 1) {
    throw AppError.validation([
      {
        path: "--company",
        message: "recruiter needs exactly one --company CODE (its recruiting division's company)",
      },
    ]);
  }
  const code = options.company[0]!;
  const company = companies.find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!company) {
    throw AppError.validation([{ path: "--company", message: `no company with code "${code}"` }]);
  }
  if (options.orgUnit === undefined) return { role: "recruiter", companyId: company.id, orgUnitId: null };
  const orgUnitId = await findOrgUnitIdByCode(db, company.id, options.orgUnit);
  if (orgUnitId === undefined) {
    throw AppError.validation([
      {
        path: "--org-unit",
        message: `no org unit with code "${options.orgUnit}" in company ${company.code}`,
      },
    ]);
  }
  return { role: "recruiter", companyId: company.id, orgUnitId };
}
