import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import type { MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { ApplicationStatusBadge, KindBadge } from "./labels";
import { useApplications } from "./queries";

const TEXTS: Record<
  "mine" | "release" | "confirm",
  { title: MessageKey; intro: MessageKey | null; empty: MessageKey }
> = {
  mine: { title: "postings.app.mine.title", intro: null, empty: "postings.app.mine.empty" },
  release: {
    title: "postings.app.release.title",
    intro: "postings.app.release.intro",
    empty: "postings.app.release.empty",
  },
  confirm: {
    title: "postings.app.confirm.title",
    intro: "postings.app.confirm.intro",
    empty: "postings.app.confirm.empty",
  },
};

/** A list of applications: mine (with status), waiting for my release (manager), waiting for confirmation (HR). */
export default function ApplicationsPage({ view }: { view: "mine" | "release" | "confirm" }) {
  const t = useT();
  const [locale] = useLocale();
  const applications = useApplications(view);
  const texts = TEXTS[view];
  usePageTitle(t(texts.title));
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t(texts.title)}</Title>
      {texts.intro && (
        <Text size="sm" c="dimmed" maw={720}>
          {t(texts.intro)}
        </Text>
      )}
      {applications.error && (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      )}
      {!applications.data && !applications.error && <Skeleton h={200} />}
      {applications.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(texts.empty)}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {(applications.data?.items ?? []).map((a) => (
          <Card key={a.id} padding="sm" data-testid="application-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/applications/${a.id}`} fw={600} size="sm">
                {view === "mine" ? localized(a.posting.title, locale) : displayName(a.person.name, locale)}
              </Anchor>
              <ApplicationStatusBadge status={a.status} />
            </Group>
            <Group gap={6} mt={4}>
              <KindBadge kind={a.posting.kind} />
              <Text size="xs" c="dimmed">
                {view === "mine" ? localized(a.posting.orgUnit, locale) : localized(a.posting.title, locale)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t("postings.app.appliedOn", { date: formatDate(a.createdAt.slice(0, 10), locale) })}
              {a.nextStep
                ? ` · ${t("postings.app.next", { step: t(`postings.appStatus.${a.nextStep}`) })}`
                : ""}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
