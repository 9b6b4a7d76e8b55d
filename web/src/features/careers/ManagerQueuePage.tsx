import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { ReportStatusBadge, TimingBadge } from "./labels";
import { useManagerQueue } from "./queries";

/** Career reports submitted to the signed-in manager, those waiting for comments first. */
export default function ManagerQueuePage() {
  const t = useT();
  const [locale] = useLocale();
  const queue = useManagerQueue();
  usePageTitle(t("careers.manager.title"));
  if (queue.error) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  if (!queue.data) return <Skeleton h={300} />;
  return (
    <Stack gap="sm" maw={860}>
      <Title order={2}>{t("careers.manager.title")}</Title>
      {queue.data.items.length === 0 && <Text c="dimmed">{t("careers.manager.empty")}</Text>}
      {queue.data.items.map((row) => (
        <Card key={row.id} withBorder padding="sm" data-testid={`queue-row-${row.id}`}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/careers/reports/${row.id}`} fw={700}>
                {displayName(row.person.name, locale)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {row.fiscalYear} · {row.orgUnit ? localized(row.orgUnit.name, locale) : ""}
              </Text>
            </Stack>
            <Group gap="xs">
              <TimingBadge timing={row.moveTiming} />
              <ReportStatusBadge status={row.status} />
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
