import { Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { PersonDetail } from "../../../../src/shared/api";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName, initials, kanaReading, latinName, localized, nativeName } from "../../lib/names";
import { currentPosition } from "../../lib/person";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function PersonHeader({ person }: { person: PersonDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const { employment, assignment } = currentPosition(person, todayIso());
  const shown = displayName(person.name, locale);
  const reading = locale === "ja" ? kanaReading(person.name) : null;
  const native = nativeName(person.name);
  const latin = latinName(person.name);
  const other = locale === "ja" ? (latin !== native ? latin : null) : native !== shown ? native : null;

  return (
    <Card>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Avatar size={64} radius="xl" color="indigo" visibleFrom="xs">
          {initials(person.name, locale)}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} data-testid="person-name">
            {shown}
          </Title>
          {reading && reading !== shown && (
            <Text c="dimmed" size="sm" data-testid="person-reading">
              {reading}
            </Text>
          )}
          {other && (
            <Text c="dimmed" size="sm">
              {other}
            </Text>
          )}
          <Group gap={6} mt={6}>
            {employment && <Badge variant="light">{localized(employment.company.name, locale)}</Badge>}
            {!employment && (
              <Badge color="gray" variant="light">
                {t("people.former")}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm" mt="md">
        {assignment && (
          <Field label={t("person.orgUnit")}>{localized(assignment.orgUnit.name, locale)}</Field>
        )}
        {assignment?.position && (
          <Field label={t("person.position")}>{localized(assignment.position.name, locale)}</Field>
        )}
        {assignment?.grade && (
          <Field label={t("person.grade")}>
            {assignment.grade.code} {localized(assignment.grade.name, locale)}
          </Field>
        )}
        <Field label={t("person.gender")}>{t(`gender.${person.gender}`)}</Field>
        {person.birthDate && (
          <Field label={t("person.birthDate")}>{formatDate(person.birthDate, locale)}</Field>
        )}
        {person.email && (
          <Field label={t("person.email")}>
            <span style={{ wordBreak: "break-all" }}>{person.email}</span>
          </Field>
        )}
      </SimpleGrid>
    </Card>
  );
}
