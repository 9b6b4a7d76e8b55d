/** The bell in the header: unread count (polled), the latest notifications, mark read, open the link. */
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { Notification, NotificationList } from "../../../../src/shared/careers-api";
import { localiseNotificationParams } from "../../../../src/shared/notification-params";
import { en, type MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { api } from "../../lib/api";

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10 21h4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function NotificationBell() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const count = useQuery({
    queryKey: ["notifications", "count"],
    queryFn: ({ signal }) => api<{ unread: number }>("/api/notifications/unread-count", { signal }),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ["notifications", "list"],
    queryFn: ({ signal }) => api<NotificationList>("/api/notifications", { query: { limit: 20 }, signal }),
    enabled: opened,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["notifications"] });
  const read = useMutation({
    mutationFn: (id: number) => api<{ unread: number }>(`/api/notifications/${id}/read`, { method: "POST" }),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api<{ unread: number }>("/api/notifications/read-all", { method: "POST" }),
    onSuccess: refresh,
  });
  const unread = count.data?.unread ?? 0;
  const text = (n: Notification) => {
    const key = `notification.${n.kind}`;
    const vars = Object.fromEntries(
      Object.entries(localiseNotificationParams(n.params, locale)).map(([k, v]) => [
        k,
        typeof v === "number" ? v : String(v),
      ]),
    );
    return key in en ? t(key as MessageKey, vars) : n.kind;
  };
  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    setOpened(false);
    if (n.link) void navigate(n.link);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? "99+" : unread}
          size={16}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t("notifications.bell")}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" mb="xs">
          <Text size="sm" fw={700}>
            {t("notifications.bell")} {unread > 0 ? `· ${t("notifications.unread", { count: unread })}` : ""}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => readAll.mutate()}
              data-testid="notifications-read-all"
            >
              {t("notifications.markAll")}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4} data-testid="notification-list">
            {list.data?.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("notifications.empty")}
              </Text>
            )}
            {list.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                p={6}
                style={{
                  borderRadius: 6,
                  background: n.readAt ? undefined : "var(--mantine-color-indigo-0)",
                }}
                data-testid="notification-item"
              >
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {text(n)}
                </Text>
                <Text size="xs" c="dimmed">
                  {new Date(n.createdAt).toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}
                </Text>
              </UnstyledButton>
            ))}
            {list.data?.nextBefore !== null && list.data !== undefined && (
              <Anchor size="xs" c="dimmed">
                {t("notifications.more")}
              </Anchor>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
