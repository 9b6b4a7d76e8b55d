/**
 * The in-app notifications of the signed-in user (the bell): list, unread count, mark read. Each user sees only
 * their own; someone else's notification does not exist for them (404). Producers write with notify.ts.
 */
import type { Db } from "../../db/client";
import type { Notification, NotificationList } from "../../shared/careers-api";
import { AppError } from "../../shared/errors";
import type { Actor } from "../access/actor";
import {
  markAllRead,
  markRead,
  type NotificationRow,
  notificationsOf,
  unreadCount,
} from "./notifications.repo";

function userOf(actor: Actor): number {
  if (actor.kind !== "user")
    throw new AppError("FORBIDDEN", { message: "Notifications belong to a signed-in user." });
  return actor.userId;
}

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params as Notification["params"],
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { limit: number; before?: number | undefined; unreadOnly?: boolean | undefined },
): Promise<NotificationList> {
  const userId = userOf(actor);
  const rows = await notificationsOf(db, userId, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentNotification),
    unread: await unreadCount(db, userId),
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function countUnread(db: Db, actor: Actor): Promise<{ unread: number }> {
  return { unread: await unreadCount(db, userOf(actor)) };
}

export async function readNotification(db: Db, actor: Actor, id: number): Promise<{ unread: number }> {
  const userId = userOf(actor);
  if (!(await markRead(db, userId, id))) throw AppError.notFound("Notification", id);
  return { unread: await unreadCount(db, userId) };
}

export async function readAllNotifications(db: Db, actor: Actor): Promise<{ unread: number }> {
  const userId = userOf(actor);
  await markAllRead(db, userId);
  return { unread: 0 };
}
