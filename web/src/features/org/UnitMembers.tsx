import { Anchor, Badge, Card, Group, ScrollArea, Skeleton, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { OrgChartUnit } from "../../../../src/shared/api";
import { ErrorState } from "../../components/ErrorState";
import { AssignmentKindBadge } from "../../components/Labels";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized, secondaryName } from "../../lib/names";
import { useOrgUnitMembers } from "../people/queries";

/** The people assigned to one unit on the date (heads first, then by name as the server orders them). */
export function UnitMembers({
  unitId,
  unit,
  asOf,
}: {
  unitId: number | null;
  unit: OrgChartUnit | null;
  asOf: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const members = useOrgUnitMembers(unitId, asOf);

  if (unitId === null) {
    return (
      <Card>
        <Text c="dimmed" size="sm">
          {t("org.selectUnit")}
        </Text>
      </Card>
    );
  }
  const items = [...(members.data?.items ?? [])].sort((a, b) => Number(b.isHead) - Number(a.isHead));
  return (
    <Card data-testid="unit-members">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700}>{unit ? localized(unit.name, locale) : t("org.members")}</Text>
          {unit && (
            <Text size="xs" c="dimmed">
              {unit.code}
            </Text>
          )}
        </div>
        {members.data && (
          <Badge variant="light" className="tz-tabular">
            {t("org.headcount", { count: members.data.items.length })}
          </Badge>
        )}
      </Group>
      {members.error && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && <Skeleton h={160} />}
      {members.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("org.noMembers")}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
          <Stack gap={0}>
            {items.map((m) => {
              const secondary = secondaryName(m.name, locale);
              return (
                <Group
                  key={`${m.id}-${m.assignmentKind}`}
                  justify="space-between"
                  wrap="nowrap"
                  py={6}
                  style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
                  data-testid="unit-member"
                >
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/people/${m.id}`} fw={500} size="sm">
                      {displayName(m.name, locale)}
                    </Anchor>
                    {secondary && (
                      <Text size="xs" c="dimmed" span ml={6}>
                        {secondary}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[m.position && localized(m.position.name, locale), m.grade?.code]
                        .filter(Boolean)
                        .join(" · ")}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {m.isHead && (
                      <Badge size="sm" variant="outline">
                        {t("person.head")}
                      </Badge>
                    )}
                    {m.assignmentKind !== "primary" && <AssignmentKindBadge kind={m.assignmentKind} />}
                  </Group>
                </Group>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
