import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PersonSummary } from "../../../../src/shared/api";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized, secondaryName } from "../../lib/names";

/** The directory results on a phone: one card per person instead of a wide table. */
export function PeopleCards({ items, loading }: { items: PersonSummary[]; loading: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap={8} style={{ opacity: loading ? 0.6 : 1 }} data-testid="people-cards">
      {items.map((p) => {
        const secondary = secondaryName(p.name, locale);
        const role = [p.position && localized(p.position.name, locale), p.grade?.code]
          .filter(Boolean)
          .join(" · ");
        return (
          <Paper key={p.id} withBorder p="sm" data-testid="people-row" data-person-id={p.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
                  {displayName(p.name, locale)}
                </Anchor>
                {secondary && (
                  <Text size="xs" c="dimmed">
                    {secondary}
                  </Text>
                )}
              </div>
              {p.employeeNumber && (
                <Text size="xs" c="dimmed" className="tz-tabular" style={{ whiteSpace: "nowrap" }}>
                  {p.employeeNumber}
                </Text>
              )}
            </Group>
            <Text size="sm" mt={4}>
              {p.company ? localized(p.company.name, locale) : ""}
            </Text>
            <Text size="sm" c="dimmed">
              {[p.orgUnit && localized(p.orgUnit.name, locale), role].filter(Boolean).join(" · ")}
            </Text>
            <Group gap={4} mt={4}>
              {p.employmentType && (
                <Badge size="xs" variant="light" color="gray">
                  {t(`employmentType.${p.employmentType}`)}
                </Badge>
              )}
              {p.employmentId === null && (
                <Badge size="xs" variant="light" color="red">
                  {t("people.former")}
                </Badge>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
