import {
  Button,
  Card,
  Drawer,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { PageLoader } from "../../components/PageLoader";
import { useLocale, useT } from "../../i18n/locale";
import { companyGroup, compareCompanies } from "../../lib/companies";
import { isIsoDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies, useOrgChart } from "../people/queries";
import { OrgTree } from "./OrgTree";
import { UnitMembers } from "./UnitMembers";
import { useOrgParams } from "./useOrgParams";

/** The org chart on a date, for one company or the whole group, with the members of the selected unit. */
export default function OrgPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const scope = me.permissions.companyScope;
  const defaultCompanyId = scope && scope.length === 1 ? (scope[0] ?? null) : null;
  const [params, update] = useOrgParams(defaultCompanyId);
  usePageTitle(t("org.title"));
  const companies = useCompanies(me.permissions.viewOrgChart);
  const chart = useOrgChart(params.asOf, params.companyId, me.permissions.viewOrgChart);
  const narrow = useNarrow();
  const [expandSignal, setExpandSignal] = useState<{ all: boolean; n: number }>({ all: false, n: 0 });

  if (!me.permissions.viewOrgChart) return <Text c="dimmed">{t("org.noPermission")}</Text>;

  const sorted = [...(companies.data?.items ?? [])].sort(compareCompanies);
  const option = (c: (typeof sorted)[number]) => ({ value: String(c.id), label: localized(c.name, locale) });
  const groups = (["parent", "domestic", "overseas"] as const)
    .map((g) => ({
      group: t(`org.group.${g}`),
      items: sorted.filter((c) => companyGroup(c) === g).map(option),
    }))
    .filter((g) => g.items.length > 0);

  const selectedUnit =
    params.unitId === null
      ? null
      : (chart.data?.companies.flatMap((c) => c.units).find((u) => u.id === params.unitId) ?? null);
  const members = params.unitId !== null && (
    <UnitMembers unitId={params.unitId} unit={selectedUnit} asOf={params.asOf} />
  );

  return (
    <Stack gap="md">
      <Title order={2}>{t("org.title")}</Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("org.asOf")}
          type="date"
          value={params.asOf}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isIsoDate(v)) update({ asOf: v });
          }}
          data-testid="org-date"
          w={{ base: "100%", xs: 180 }}
        />
        <NativeSelect
          label={t("org.company")}
          value={params.companyId === null ? "" : String(params.companyId)}
          onChange={(e) =>
            update({ companyId: e.currentTarget.value ? Number(e.currentTarget.value) : null })
          }
          data={[{ value: "", label: t("org.wholeGroup") }, ...groups]}
          data-testid="org-company"
          w={{ base: "100%", xs: 300 }}
        />
        <Group gap="xs">
          <Button
            variant="default"
            size="sm"
            onClick={() => setExpandSignal((s) => ({ all: true, n: s.n + 1 }))}
          >
            {t("org.expandAll")}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => setExpandSignal((s) => ({ all: false, n: s.n + 1 }))}
          >
            {t("org.collapseAll")}
          </Button>
        </Group>
      </Group>

      {chart.error && <ErrorState error={chart.error} onRetry={() => void chart.refetch()} />}
      {chart.isPending && !chart.error && <PageLoader />}
      {chart.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card padding="xs" style={{ opacity: chart.isPlaceholderData ? 0.6 : 1 }}>
              <OrgTree
                key={`${params.companyId ?? "group"}`}
                chart={chart.data}
                groupView={params.companyId === null}
                selectedUnitId={params.unitId}
                onSelect={(unitId) => update({ unitId })}
                expandSignal={expandSignal}
              />
            </Card>
          </Grid.Col>
          {!narrow && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <div style={{ position: "sticky", top: 72 }}>
                {members || <UnitMembers unitId={null} unit={null} asOf={params.asOf} />}
              </div>
            </Grid.Col>
          )}
        </Grid>
      )}
      {narrow && (
        <Drawer
          opened={params.unitId !== null}
          onClose={() => update({ unitId: null })}
          position="bottom"
          size="75%"
          title={t("org.members")}
        >
          {members}
        </Drawer>
      )}
    </Stack>
  );
}
