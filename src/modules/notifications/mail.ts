/**
 * The e-mail outbox (optional): notifications not yet e-mailed are sent through SMTP when SMTP_URL and
 * TEKIZAI_MAIL_FROM are configured, each in its recipient's language, and marked `emailed_at`. Run by
 * `tekizai notifications send-emails` (e.g. every few minutes from cron). Without SMTP nothing is sent and the
 * in-app bell is the only channel. Only notifications younger than two days are sent (no flood after a pause).
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { Locale } from "../../shared/enums";
import { localiseNotificationParams } from "../../shared/notification-params";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What sends one message (nodemailer's SMTP transport in production, a recorder in tests). */
export type Mailer = (message: MailMessage & { from: string }) => Promise<void>;

export function smtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (message) => {
    await transport.sendMail(message);
  };
}

type Catalogue = Record<string, string>;
let catalogues: Promise<Record<Locale, Catalogue>> | undefined;

/** The web app's message catalogues (the same text the bell shows). Loaded lazily; absent = the kind itself. */
function loadCatalogues(): Promise<Record<Locale, Catalogue>> {
  catalogues ??= (async () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/src/i18n");
    try {
      const en = (await import(pathToFileURL(path.join(dir, "en.ts")).href)) as { en: Catalogue };
      const ja = (await import(pathToFileURL(path.join(dir, "ja.ts")).href)) as { ja: Catalogue };
      return { en: en.en, ja: ja.ja };
    } catch {
      return { en: {}, ja: {} };
    }
  })();
  return catalogues;
}

function interpolate(template: string, params: Record<string, unknown>): string {
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export async function renderNotification(
  kind: string,
  params: Record<string, unknown>,
  link: string | null,
  locale: Locale,
): Promise<{ subject: string; text: string }> {
  const all = await loadCatalogues();
  const template = all[locale][`notification.${kind}`] ?? all.en[`notification.${kind}`] ?? kind;
  const line = interpolate(template, localiseNotificationParams(params, locale));
  const footer =
    locale === "ja" ? "Tekizai にサインインして確認してください。" : "Sign in to Tekizai to see it.";
  return {
    subject: `Tekizai: ${line}`.slice(0, 200),
    text: `${line}\n\n${footer}${link ? `\n${link}` : ""}\n`,
  };
}

interface PendingRow {
  id: number;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
  email: string;
  locale: Locale | null;
}

/** Sends up to `limit` pending notifications; returns how many were sent and how many failed (left pending). */
export async function sendPendingEmails(
  db: Db,
  mailer: Mailer,
  options: { from: string; defaultLocale: Locale; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const rows = await queryRows<PendingRow>(
    db,
    sql`select n.id, n.kind, n.params, n.link, u.email, u.locale
        from notifications n join users u on u.id = n.recipient_user_id
        where n.emailed_at is null and u.disabled_at is null and n.created_at > now() - interval '2 days'
        order by n.id limit ${options.limit ?? 200}`,
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const message = await renderNotification(
      row.kind,
      row.params,
      row.link,
      row.locale ?? options.defaultLocale,
    );
    try {
      await mailer({ from: options.from, to: row.email, ...message });
      await db.execute(sql`update notifications set emailed_at = now() where id = ${row.id}`);
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}
