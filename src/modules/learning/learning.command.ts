/** `tekizai learning ...`: certification expiry reminders from the command line (a daily job). */
import type { Command } from "commander";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { ZIsoDate } from "../../shared/api";
import { AppError } from "../../shared/errors";
import { ZLeadDays } from "../../shared/skills-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { listCompanies } from "../org/org.service";
import { deliverCertificationReminders } from "./certification-reminders.deliver";
import { certificationRemindersDue } from "./certification-reminders.service";

interface ReminderOptions {
  asOf?: string;
  leadDays?: string;
  company?: string;
  deliver?: boolean;
  json?: boolean;
}

function parseOptions(options: ReminderOptions) {
  const fields: { path: string; message: string }[] = [];
  let asOf: string | undefined;
  let leadDays: number[] | undefined;
  if (options.asOf !== undefined) {
    const parsed = ZIsoDate.safeParse(options.asOf);
    if (parsed.success) asOf = parsed.data;
    else fields.push({ path: "--as-of", message: "must be a date, YYYY-MM-DD" });
  }
  if (options.leadDays !== undefined) {
    const parsed = ZLeadDays.safeParse(options.leadDays);
    if (parsed.success) leadDays = parsed.data;
    else fields.push({ path: "--lead-days", message: parsed.error.issues[0]!.message });
  }
  if (fields.length) throw AppError.validation(fields);
  return { asOf, leadDays };
}

export function registerLearningCommand(program: Command, config: () => Config): void {
  const learning = program.command("learning").description("Training and certifications");

  learning
    .command("reminders")
    .description(
      "List the certification expiry reminders due on a day (default today): one per held certification within a lead time (default: the group's setting, which group HR edit under Skill settings; 90 and 30 days unless changed) or just expired, with its recipients (the holder, their manager, company HR) and a stable dedupe key. Read-only: running it twice lists the same reminders with the same keys.",
    )
    .option("--as-of <date>", "the day (YYYY-MM-DD)")
    .option(
      "--lead-days <days>",
      "lead times in days before expiry for this run, e.g. 90,30 (default: the group's setting)",
    )
    .option("--company <code>", "one company (default: every company)")
    .option(
      "--deliver",
      "also deliver them as notifications (in-app, and e-mail where configured); idempotent per reminder stage",
    )
    .addOption(jsonOption())
    .action(async (options: ReminderOptions) => {
      const json = options.json === true;
      try {
        const { asOf, leadDays } = parseOptions(options);
        const { database } = await openConfiguredDatabase(config());
        try {
          let companyIds: number[] | undefined;
          if (options.company !== undefined) {
            const company = (await listCompanies(database.db, SYSTEM_ACTOR)).find(
              (c) => c.code.toLowerCase() === options.company!.toLowerCase(),
            );
            if (!company)
              throw AppError.validation([
                { path: "--company", message: `no company has the code ${options.company}` },
              ]);
            companyIds = [company.id];
          }
          const selection = {
            ...(asOf ? { asOf } : {}),
            ...(leadDays ? { leadDays } : {}),
            ...(companyIds ? { companyIds } : {}),
          };
          const due = await certificationRemindersDue(database.db, selection);
          const result = options.deliver
            ? { ...due, delivered: (await deliverCertificationReminders(database.db, selection)).delivered }
            : due;
          emit(json, result, () => {
            const lines = [
              `Certification reminders due on ${result.asOf} (lead times ${result.leadDays.join(", ")} days): ${result.reminders.length}`,
            ];
            if ("delivered" in result) lines.push(`Notifications delivered now: ${result.delivered}`);
            for (const r of result.reminders) {
              const name = `${r.params.person.family} ${r.params.person.given}`;
              const when =
                r.stage === "expired"
                  ? `expired ${r.params.expiresOn} (${-r.params.daysLeft} days ago)`
                  : `expires ${r.params.expiresOn} (in ${r.params.daysLeft} days, ${r.stage}-day notice)`;
              lines.push(
                `  ${r.certificationCode} of ${name} (person ${r.personId}): ${when}; to ${r.recipients.length} user(s)`,
              );
            }
            return lines.join("\n");
          });
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
