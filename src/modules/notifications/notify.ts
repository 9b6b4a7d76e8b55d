import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";

/**
 * What a producer (a workflow step, a reminder job) asks to tell someone. The text is not stored: `kind` names a
 * message of the web app's catalogue (`notification.<kind>` in web/src/i18n) and `params` fills it, so each reader
 * sees it in their language. `link` is the in-app path it opens. A `dedupeKey` makes the call idempotent per
 * recipient (a reminder job that runs twice notifies once).
 */
export interface NotificationRequest {
  kind: string;
  params?: Record<string, string | number | boolean | null>;
  link?: string | null;
  dedupeKey?: string | null;
}

/** Notifies users (by user id). Call inside the transaction of the change it announces. Returns how many were new. */
export async function notifyUsers(db: Db, userIds: number[], request: NotificationRequest): Promise<number> {
  const recipients = [...new Set(userIds)].sort((a, b) => a - b);
  if (recipients.length === 0) return 0;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into notifications (recipient_user_id, kind, params, link, dedupe_key)
        select u.id, ${request.kind}, ${JSON.stringify(request.params ?? {})}::jsonb, ${request.link ?? null},
               ${request.dedupeKey ?? null}
        from users u
        where u.id = any(${`{${recipients.join(",")}}`}::int[]) and u.disabled_at is null
        on conflict (recipient_user_id, dedupe_key) where dedupe_key is not null do nothing
        returning id`,
  );
  return rows.length;
}

/**
 * Notifies people (by person id): every enabled account linked to each person. People without an account are
 * skipped (they have nobody to sign in as). Returns how many notifications were new.
 */
export async function notifyPersons(
  db: Db,
  personIds: number[],
  request: NotificationRequest,
): Promise<number> {
  const persons = [...new Set(personIds)];
  if (persons.length === 0) return 0;
  const users = await queryRows<{ id: number }>(
    db,
    sql`select id from users where person_id = any(${`{${persons.join(",")}}`}::int[]) and disabled_at is null
        order by id`,
  );
  return notifyUsers(
    db,
    users.map((user) => user.id),
    request,
  );
}
