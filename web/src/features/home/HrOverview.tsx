import { BarChart } from "@mantine/charts";
import { Button, Card, Group, ScrollArea, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { companyGroup } from "../../lib/companies";
import { localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { useOrgChart } from "../people/queries";

function Stat({ label, value }: { label: string; value: number }) {
  const [locale] = useLocale();
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="tz-tabular">
        {value.toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}
      </Text>
    </Card>
  );
}

const ROW = 26;

/** Shortens an axis label to about `px` pixels at 12 px (CJK characters count double). */
function fitLabel(text: string, px: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 6.6;
    if (width > px - 10) return `${out}…`;
    out += ch;
  }
  return out;
}

/** HR home: headcount per company in scope (from the org chart of today) and quick links. */
export function HrOverview({ asOf }: { asOf: string }) {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const narrow = useNarrow("(max-width: 36em)");
  const chart = useOrgChart(asOf, null, me.permissions.viewOrgChart);

  const scope = me.permissions.companyScope;
  const companies = (chart.data?.companies ?? [])
    .filter((c) => scope === null || scope.includes(c.company.id))
    .sort((a, b) => b.headcount - a.headcount || a.company.id - b.company.id);
  const sum = (pick: (c: (typeof companies)[number]) => boolean) =>
    companies.filter(pick).reduce((n, c) => n + c.headcount, 0);
  // Phones: the short company code as the label; wider screens: the name.
  const data = companies.map((c) => ({
    company: narrow ? c.company.code : localized(c.company.name, locale),
    headcount: c.headcount,
  }));
  const labelWidth = narrow ? 76 : 230;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t("home.totalHeadcount")} value={sum(() => true)} />
        <Stat label={t("home.companies")} value={companies.length} />
        <Stat label={t("home.domestic")} value={sum((c) => companyGroup(c.company) !== "overseas")} />
        <Stat label={t("home.overseas")} value={sum((c) => companyGroup(c.company) === "overseas")} />
      </SimpleGrid>

      <Card data-testid="headcount-chart">
        <Text fw={600} mb="sm">
          {t("home.headcountByCompany")}
        </Text>
        {chart.error && <ErrorState error={chart.error} onRetry={() => void chart.refetch()} />}
        {chart.isPending && me.permissions.viewOrgChart && <Skeleton h={320} />}
        {chart.data && (
          <ScrollArea.Autosize mah={520} type="auto" scrollbars="y">
            <BarChart
              h={Math.max(160, data.length * ROW + 40)}
              data={data}
              dataKey="company"
              orientation="vertical"
              series={[{ name: "headcount", label: t("home.headcount"), color: "indigo.6" }]}
              gridAxis="x"
              withBarValueLabel
              yAxisProps={{
                width: labelWidth,
                interval: 0,
                tick: { fontSize: 12 },
                tickFormatter: (value: string) => fitLabel(value, labelWidth),
              }}
              valueFormatter={(v) => v.toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}
              maxBarWidth={18}
              barChartProps={{ margin: { right: 36 } }}
            />
          </ScrollArea.Autosize>
        )}
      </Card>

      <Card>
        <Text fw={600} mb="sm">
          {t("home.quickLinks")}
        </Text>
        <Group gap="sm">
          {me.permissions.viewDirectory && (
            <Button component={Link} to="/people" variant="light" data-testid="quick-people">
              {t("home.openDirectory")}
            </Button>
          )}
          {me.permissions.viewOrgChart && (
            <Button component={Link} to="/org" variant="light" data-testid="quick-org">
              {t("home.openOrgChart")}
            </Button>
          )}
        </Group>
      </Card>
    </Stack>
  );
}
