import { Avatar, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, initials, localized, secondaryName } from "../../lib/names";
import { currentPosition } from "../../lib/person";
import { usePerson } from "../people/queries";

export function MyProfileCard({ asOf }: { asOf: string }) {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const person = usePerson(me.personId);

  if (me.personId === null) {
    return (
      <Card>
        <Text c="dimmed">{t("home.noPerson")}</Text>
      </Card>
    );
  }
  if (person.error) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Skeleton h={160} radius="md" />;

  const p = person.data;
  const { employment, assignment } = currentPosition(p, asOf);
  const secondary = secondaryName(p.name, locale);
  return (
    <Card data-testid="my-profile">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm">
        {t("home.myProfile")}
      </Text>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Avatar size={56} radius="xl" color="indigo">
          {initials(p.name, locale)}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="lg">
            {displayName(p.name, locale)}
          </Text>
          {secondary && (
            <Text size="sm" c="dimmed">
              {secondary}
            </Text>
          )}
          {employment && (
            <Text size="sm">
              {localized(employment.company.name, locale)} ·{" "}
              {t("person.employeeNumber", { number: employment.employeeNumber })}
            </Text>
          )}
        </Stack>
      </Group>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt="lg" mb={4}>
        {t("home.currentAssignment")}
      </Text>
      {assignment ? (
        <Stack gap={2}>
          <Text fw={500}>{localized(assignment.orgUnit.name, locale)}</Text>
          <Text size="sm" c="dimmed">
            {[assignment.position && localized(assignment.position.name, locale), assignment.grade?.code]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("person.periodOpen", { from: formatDate(assignment.validFrom, locale) })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("home.noAssignment")}
        </Text>
      )}
      <Group mt="lg">
        <Button component={Link} to={`/people/${p.id}`} variant="light" data-testid="open-my-profile">
          {t("home.openProfile")}
        </Button>
      </Group>
    </Card>
  );
}
