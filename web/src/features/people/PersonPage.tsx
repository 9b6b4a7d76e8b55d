import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { displayName } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { PersonHeader } from "./PersonHeader";
import { PersonTimeline } from "./PersonTimeline";
import { usePerson } from "./queries";
import { SensitiveSection } from "./SensitiveSection";

/** One person: header, employment and assignment history (newest first), and — if allowed — sensitive data. */
export default function PersonPage() {
  const t = useT();
  const { id } = useParams();
  const personId = id && /^\d+$/.test(id) ? Number(id) : null;
  const person = usePerson(personId);
  const [locale] = useLocale();
  usePageTitle(person.data ? displayName(person.data.name, locale) : null);

  if (personId === null || (isApiError(person.error) && person.error.status === 404)) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t("person.notFound")}</Text>
        <Anchor component={Link} to="/">
          {t("notFound.home")}
        </Anchor>
      </Stack>
    );
  }
  if (person.error) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) {
    return (
      <Stack>
        <Skeleton h={140} />
        <Skeleton h={300} />
      </Stack>
    );
  }
  const p = person.data;
  return (
    <Stack gap="lg" maw={960}>
      <PersonHeader person={p} />
      <Group justify="space-between" align="flex-start">
        <Text fw={700} size="lg">
          {t("person.history")}
        </Text>
      </Group>
      <PersonTimeline person={p} />
      {p.canViewSensitive && <SensitiveSection personId={p.id} />}
    </Stack>
  );
}
