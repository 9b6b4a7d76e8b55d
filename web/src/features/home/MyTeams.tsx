import { Anchor, Badge, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized } from "../../lib/names";
import { usePeople, usePerson } from "../people/queries";

const TEAM_LIMIT = 100;

interface TeamCardProps {
  unitId: number;
  unitName: string;
  companyId: number | null;
  asOf: string;
}

/**
 * One org unit the manager heads, with everyone in it and in the units below it (the directory filtered by
 * org unit covers the subtree; GET /api/org-units/:id/members would give the unit's own members only).
 */
function TeamCard({ unitId, unitName, companyId, asOf }: TeamCardProps) {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const team = usePeople({ orgUnitId: unitId, companyId, asOf, limit: TEAM_LIMIT, offset: 0 });
  // The manager first, then as the directory orders them.
  const items = [...(team.data?.items ?? [])].sort(
    (a, b) => Number(b.id === me.personId) - Number(a.id === me.personId),
  );
  const total = team.data?.total ?? 0;
  return (
    <Card data-testid="team-card">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={600}>{unitName}</Text>
        {team.data && (
          <Badge variant="light" data-testid="team-headcount" className="tz-tabular">
            {t("home.teamHeadcount", { count: total })}
          </Badge>
        )}
      </Group>
      {team.error && <ErrorState error={team.error} onRetry={() => void team.refetch()} />}
      {team.isPending && <Skeleton h={120} />}
      {team.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("home.emptyTeam")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap={0}>
          {items.map((p) => (
            <Group
              key={p.id}
              justify="space-between"
              wrap="nowrap"
              py={6}
              style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
              data-testid="team-member"
            >
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/people/${p.id}`} fw={500} size="sm">
                  {displayName(p.name, locale)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[
                    p.orgUnit && localized(p.orgUnit.name, locale),
                    p.position && localized(p.position.name, locale),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                {p.id === me.personId && (
                  <Badge size="xs" variant="outline">
                    {t("person.head")}
                  </Badge>
                )}
                <Text size="xs" c="dimmed" className="tz-tabular">
                  {p.grade?.code ?? ""}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {total > items.length && (
        <Anchor
          component={Link}
          to={`/people?orgUnitId=${unitId}${companyId ? `&companyId=${companyId}` : ""}`}
          size="sm"
          mt="sm"
          display="block"
        >
          {t("home.teamMore", { count: total - items.length })}
        </Anchor>
      )}
    </Card>
  );
}

/** The org units the manager heads, each with its people on the date. */
export function MyTeams({ asOf }: { asOf: string }) {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const own = usePerson(me.personId);
  const unitIds = me.permissions.managedOrgUnitIds;

  const unitOf = (id: number) => {
    for (const e of own.data?.employments ?? []) {
      const a = e.assignments.find((x) => x.orgUnit.id === id);
      if (a) return { name: localized(a.orgUnit.name, locale), companyId: a.orgUnit.companyId };
    }
    return { name: `${t("home.team")} #${id}`, companyId: null };
  };

  return (
    <Stack gap="sm">
      <Text fw={700} size="lg">
        {t("home.myTeams")}
      </Text>
      {unitIds.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("home.noTeams")}
        </Text>
      )}
      {me.personId !== null && own.isPending && unitIds.length > 0 && <Skeleton h={40} />}
      {(me.personId === null || !own.isPending) &&
        unitIds.map((id) => {
          const unit = unitOf(id);
          return (
            <TeamCard key={id} unitId={id} unitName={unit.name} companyId={unit.companyId} asOf={asOf} />
          );
        })}
    </Stack>
  );
}
