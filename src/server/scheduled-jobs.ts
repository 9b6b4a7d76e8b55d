/**
 * The running server's periodic jobs: career-report reminders, certification-expiry reminders (at the group's lead
 * times, read on every run from skill_settings, so a change by group HR applies from the next run) and, where SMTP
 * is configured, the e-mail outbox. Each job is idempotent (dedupe keys, `emailed_at`), so running at start and then
 * every few hours is safe, and operators may also run them from cron with the CLI (`tekizai careers reminders`,
 * `tekizai learning reminders --deliver`, `tekizai notifications send-emails`). Due moves of confirmed applications
 * are completed by the postings routes' own job. On a PostgreSQL server, stale disclosure reports that someone
 * opened within the last day are computed again once the records have been quiet for 20 seconds (checked every
 * 15 seconds; src/metrics/report/report-cache.ts).
 */
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { refreshStaleReports } from "../metrics/report/report-cache";
import { deliverCertificationReminders } from "../modules/learning/certification-reminders.deliver";
import { sendCareerReminders } from "../modules/mobility/career-cycles.service";
import { sendPendingEmails, smtpMailer } from "../modules/notifications/mail";

const REMINDERS_EVERY_MS = 6 * 60 * 60 * 1000;
const EMAILS_EVERY_MS = 5 * 60 * 1000;
const REPORTS_EVERY_MS = 15 * 1000;
/** A report is refreshed once no change has been noted for this long: an import's files are awaited. */
const REPORTS_QUIET_MS = 20 * 1000;
const REPORTS_AT_LEAST_EVERY_MS = 5 * 60 * 1000;

/** Starts the jobs; returns a function that stops them. Failures are logged, never thrown. */
export function startScheduledJobs(database: Database, config: Config, log: FastifyBaseLogger): () => void {
  const { db } = database;
  const guarded = (name: string, job: () => Promise<unknown>) => () => {
    job().catch((err: unknown) => log.error({ err }, `${name} failed`));
  };
  const reminders = guarded("reminders", async () => {
    await sendCareerReminders(db);
    await deliverCertificationReminders(db);
  });
  const timers = [setInterval(reminders, REMINDERS_EVERY_MS)];
  reminders();
  if (database.engine === "postgres") {
    // Disclosure reports opened within the last day and made stale by a change are computed again in the
    // background, one run at a time, once the records have been quiet for a while (on PGlite, whose one
    // connection the requests share, they are computed when opened). Between changes a run costs a
    // few small queries.
    let refreshing = false;
    let lastRefresh = Date.now();
    const reports = guarded("refreshing disclosure reports", async () => {
      if (refreshing) return;
      refreshing = true;
      try {
        // records that never rest (changes every few seconds) still get their reports refreshed every 5 minutes
        const now = Date.now();
        const quiet = now - lastRefresh >= REPORTS_AT_LEAST_EVERY_MS ? 0 : REPORTS_QUIET_MS;
        if ((await refreshStaleReports(db, now, quiet)) > 0 || quiet === 0) lastRefresh = now;
      } finally {
        refreshing = false;
      }
    });
    timers.push(setInterval(reports, REPORTS_EVERY_MS));
  }
  const mail = config.mail;
  if (mail) {
    const mailer = smtpMailer(mail.smtpUrl);
    const emails = guarded("sending e-mails", () =>
      sendPendingEmails(db, mailer, { from: mail.from, defaultLocale: config.defaultLocale }),
    );
    timers.push(setInterval(emails, EMAILS_EVERY_MS));
  }
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
