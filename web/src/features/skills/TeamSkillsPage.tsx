import { BarChart } from "@mantine/charts";
import { Card, Group, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { hasRole } from "../auth/session";
import { useCompanies, usePerson } from "../people/queries";
import { Heatmap } from "./Heatmap";
import { fitLabel } from "./levels";
import { useHeatmap, useScarcity } from "./queries";
import { useNarrow } from "../../lib/useNarrow";

function Legend() {
  const t = useT();
  const items = [
    ["teal.2", "skills.team.met"],
    ["yellow.3", "skills.team.near"],
    ["red.3", "skills.team.far"],
  ] as const;
  return (
    <Group gap="md">
      {items.map(([color, key]) => (
        <Group key={key} gap={4}>
          <div
            style={{
              width: 12,
              height: 12,
              borderRadius: 2,
              background: `var(--mantine-color-${color.replace(".", "-")})`,
            }}
          />
          <Text size="xs">{t(key)}</Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {t("skills.team.cellHint")}
      </Text>
    </Group>
  );
}

/** For HR: skills whose requirement few people meet, across their companies (or one). */
function Scarcity() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const [companyId, setCompanyId] = useState<string | null>(null);
  const companies = useCompanies();
  const scarcity = useScarcity(companyId ? Number(companyId) : null, true);
  const labelWidth = useNarrow("(max-width: 36em)") ? 110 : 170;
  const scope = me.permissions.companyScope;
  const data = (scarcity.data?.items ?? []).slice(0, 12).map((item) => ({
    skill: localized(item.skill.name, locale),
    below: item.required - item.meeting,
    meeting: item.meeting,
  }));
  return (
    <Card data-testid="scarcity">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t("skills.scarcity.title")}</Text>
        <Select
          placeholder={t("skills.scarcity.allCompanies")}
          data={[...(companies.data?.items ?? [])]
            .filter((c) => scope === null || scope.includes(c.id))
            .sort(compareCompanies)
            .map((c) => ({ value: String(c.id), label: `${localized(c.name, locale)} (${c.code})` }))}
          value={companyId}
          onChange={setCompanyId}
          clearable
          searchable
          maw={300}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t("skills.scarcity.hint")}
      </Text>
      {scarcity.error && <ErrorState error={scarcity.error} />}
      {!scarcity.data && !scarcity.error && <Skeleton h={240} />}
      {scarcity.data && (
        <>
          <BarChart
            h={Math.max(160, data.length * 28 + 40)}
            data={data}
            dataKey="skill"
            orientation="vertical"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: "top", height: 30 }}
            series={[
              { name: "below", label: t("skills.scarcity.below"), color: "orange.6" },
              { name: "meeting", label: t("skills.scarcity.meeting"), color: "teal.4" },
            ]}
            yAxisProps={{
              width: labelWidth,
              interval: 0,
              tick: { fontSize: 12 },
              tickFormatter: (value: string) => fitLabel(value, labelWidth),
            }}
            maxBarWidth={14}
            data-testid="scarcity-chart"
          />
          <Table fz="xs" mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("skills.scarcity.skill")}</Table.Th>
                <Table.Th ta="right">{t("skills.scarcity.required")}</Table.Th>
                <Table.Th ta="right">{t("skills.scarcity.meeting")}</Table.Th>
                <Table.Th ta="right">{t("skills.scarcity.experts")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scarcity.data.items.slice(0, 12).map((item) => (
                <Table.Tr key={item.skill.id}>
                  <Table.Td>{localized(item.skill.name, locale)}</Table.Td>
                  <Table.Td ta="right" className="tz-tabular">
                    {item.required}
                  </Table.Td>
                  <Table.Td ta="right" className="tz-tabular">
                    {item.meeting}
                  </Table.Td>
                  <Table.Td ta="right" className="tz-tabular">
                    {item.experts}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}

/** The manager's team heat map; HR also sees where skills are scarce. */
export default function TeamSkillsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const own = usePerson(me.personId);
  const units = me.permissions.managedOrgUnitIds;
  const [unit, setUnit] = useState<string | null>(null);
  const unitId = unit ? Number(unit) : (units[0] ?? null);
  const heatmap = useHeatmap(unitId);
  const isHr = hasRole(me, "group_hr", "company_hr");
  usePageTitle(t("skills.team.title"));
  const unitName = (id: number) => {
    for (const e of own.data?.employments ?? []) {
      const a = e.assignments.find((x) => x.orgUnit.id === id);
      if (a) return localized(a.orgUnit.name, locale);
    }
    return `#${id}`;
  };
  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t("skills.team.title")}</Title>
      {units.length > 0 && (
        <Card>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Text fw={600}>
              {heatmap.data ? localized(heatmap.data.orgUnit.name, locale) : t("skills.team.heatmap")}
            </Text>
            {units.length > 1 && (
              <Select
                data={units.map((id) => ({ value: String(id), label: unitName(id) }))}
                value={String(unitId)}
                onChange={setUnit}
                maw={280}
              />
            )}
          </Group>
          <Legend />
          {heatmap.error && <ErrorState error={heatmap.error} />}
          {!heatmap.data && !heatmap.error && <Skeleton h={300} mt="sm" />}
          {heatmap.data && heatmap.data.skills.length === 0 && (
            <Text c="dimmed" mt="sm">
              {t("skills.team.empty")}
            </Text>
          )}
          {heatmap.data && heatmap.data.skills.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <Heatmap data={heatmap.data} />
            </div>
          )}
        </Card>
      )}
      {units.length === 0 && !isHr && <Text c="dimmed">{t("skills.team.noUnits")}</Text>}
      {isHr && <Scarcity />}
    </Stack>
  );
}
