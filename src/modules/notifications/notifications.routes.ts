import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import { ZNotificationList, ZNotificationQuery, ZUnreadCount } from "../../shared/careers-api";
import {
  countUnread,
  listNotifications,
  readAllNotifications,
  readNotification,
} from "./notifications.service";

const tags = ["notifications"];
const user = { access: "user" as const };

export function registerNotificationRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/notifications",
    {
      config: user,
      schema: {
        tags,
        summary: "The caller's notifications, newest first",
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (request) => listNotifications(db, requireActor(request), request.query),
  );
  app.get(
    "/api/notifications/unread-count",
    {
      config: user,
      schema: {
        tags,
        summary: "How many of the caller's notifications are unread",
        response: { 200: ZUnreadCount },
      },
    },
    async (request) => countUnread(db, requireActor(request)),
  );
  app.post(
    "/api/notifications/read-all",
    {
      config: user,
      schema: { tags, summary: "Mark all the caller's notifications read", response: { 200: ZUnreadCount } },
    },
    async (request) => readAllNotifications(db, requireActor(request)),
  );
  app.post(
    "/api/notifications/:id/read",
    {
      config: user,
      schema: {
        tags,
        summary: "Mark one of the caller's notifications read",
        params: ZIdParams,
        response: { 200: ZUnreadCount },
      },
    },
    async (request) => readNotification(db, requireActor(request), request.params.id),
  );
}
