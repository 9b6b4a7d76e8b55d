/** `tekizai notifications send-emails`: the e-mail outbox, for cron (optional; needs SMTP_URL and TEKIZAI_MAIL_FROM). */
import type { Command } from "commander";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { AppError } from "../../shared/errors";
import { sendPendingEmails, smtpMailer } from "./mail";

export function registerNotificationCommands(program: Command, config: () => Config): void {
  const notifications = program
    .command("notifications")
    .description("In-app notifications and their e-mails");
  notifications
    .command("send-emails")
    .description(
      "E-mail the notifications not yet sent (younger than two days), each in its recipient's language. Needs SMTP_URL and TEKIZAI_MAIL_FROM; run it from cron every few minutes.",
    )
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      try {
        const settings = config();
        if (!settings.mail) {
          throw AppError.validation([
            { path: "SMTP_URL", message: "e-mail is not configured: set SMTP_URL and TEKIZAI_MAIL_FROM" },
          ]);
        }
        const { database } = await openConfiguredDatabase(settings);
        try {
          const result = await sendPendingEmails(database.db, smtpMailer(settings.mail.smtpUrl), {
            from: settings.mail.from,
            defaultLocale: settings.defaultLocale,
          });
          emit(
            json,
            result,
            () => `Sent ${result.sent} e-mail(s); ${result.failed} failed (they stay pending).`,
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
