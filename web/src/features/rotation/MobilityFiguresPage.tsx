/** HR: the mobility figures of a fiscal year, in total and by company, with charts. */
import { BarChart } from "@mantine/charts";
import { Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useMobilityFigures } from "./queries";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="tz-tabular" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

const defaultFy = () => {
  const now = new Date();
  return now.getMonth() + 1 >= 4 ? now.getFullYear() : now.getFullYear() - 1;
};

export default function MobilityFiguresPage() {
  const t = useT();
  const [locale] = useLocale();
  const [fy, setFy] = useState(defaultFy());
  const figures = useMobilityFigures(fy, null);
  usePageTitle(t("mobilityFigures.title"));
  const d = figures.data;
  const pct = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);
  const companies = (d?.companies ?? []).filter(
    (c) => c.internalMoves.total + c.scouts.sent + c.careerReports.expected + c.selectJobParticipants > 0,
  );
  // Each chart shows the ten companies with the most of what it counts (the API has them all).
  const top = (value: (c: (typeof companies)[number]) => number) =>
    companies
      .filter((c) => value(c) > 0)
      .sort((a, b) => value(b) - value(a) || a.company.code.localeCompare(b.company.code))
      .slice(0, 10);
  const moved = top((c) => c.internalMoves.total);
  const scouted = top((c) => c.scouts.sent);
  const reporting = top((c) => c.careerReports.expected);
  const name = (c: (typeof companies)[number]) => localized(c.company.name, locale);
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t("mobilityFigures.title")}</Title>
        <NumberInput
          label={t("mobilityFigures.fy")}
          value={fy}
          onChange={(value) => setFy(Number(value) || defaultFy())}
          min={2000}
          max={2999}
          w={120}
          data-testid="figures-fy"
        />
      </Group>
      {figures.error && <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />}
      {!d && !figures.error && <Skeleton h={300} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            <Stat
              label={t("mobilityFigures.moves")}
              value={String(d.total.internalMoves.total)}
              testId="fig-moves"
            />
            <Stat
              label={t("mobilityFigures.selectJob")}
              value={String(d.total.selectJobParticipants)}
              testId="fig-selectjob"
            />
            <Stat
              label={t("mobilityFigures.overseas")}
              value={String(
                d.total.overseasByProgram.young_talent +
                  d.total.overseasByProgram.mid_career +
                  d.total.overseasByProgram.other,
              )}
              testId="fig-overseas"
            />
            <Stat
              label={t("mobilityFigures.scouts")}
              value={`${d.total.scouts.sent} / ${d.total.scouts.accepted}`}
              testId="fig-scouts"
            />
            <Stat
              label={t("mobilityFigures.careerReports")}
              value={pct(d.total.careerReports.share)}
              testId="fig-reports"
            />
          </SimpleGrid>
          {companies.length === 0 ? (
            <Text c="dimmed">{t("mobilityFigures.noCompanies")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Card padding="sm" data-testid="chart-moves">
                <Text fw={600} mb="xs">
                  {t("mobilityFigures.moves")} — {t("mobilityFigures.byCompany")}
                </Text>
                <BarChart
                  h={Math.max(160, moved.length * 28 + 60)}
                  data={moved.map((c) => ({ company: name(c), ...c.internalMoves }))}
                  dataKey="company"
                  type="stacked"
                  orientation="vertical"
                  withLegend
                  legendProps={{ verticalAlign: "top", height: 30 }}
                  yAxisProps={{ width: 120, interval: 0, tick: { fontSize: 11 } }}
                  series={(["transfer", "side_assignment", "overseas", "project"] as const).map(
                    (kind, i) => ({
                      name: kind,
                      label: t(`mobilityFigures.kind.${kind}`),
                      color: ["indigo.6", "teal.6", "orange.6", "gray.5"][i]!,
                    }),
                  )}
                />
              </Card>
              <Card padding="sm" data-testid="chart-scouts">
                <Text fw={600} mb="xs">
                  {t("mobilityFigures.scouts")} — {t("mobilityFigures.byCompany")}
                </Text>
                <BarChart
                  h={Math.max(160, scouted.length * 28 + 60)}
                  data={scouted.map((c) => ({
                    company: name(c),
                    sent: c.scouts.sent,
                    accepted: c.scouts.accepted,
                  }))}
                  dataKey="company"
                  orientation="vertical"
                  withLegend
                  legendProps={{ verticalAlign: "top", height: 30 }}
                  yAxisProps={{ width: 120, interval: 0, tick: { fontSize: 11 } }}
                  series={[
                    { name: "sent", label: t("mobilityFigures.sent"), color: "indigo.4" },
                    { name: "accepted", label: t("mobilityFigures.accepted"), color: "teal.6" },
                  ]}
                />
              </Card>
              <Card padding="sm" data-testid="chart-reports">
                <Text fw={600} mb="xs">
                  {t("mobilityFigures.share")} — {t("mobilityFigures.careerReports")}
                </Text>
                <BarChart
                  h={Math.max(160, reporting.length * 28 + 60)}
                  data={reporting.map((c) => ({
                    company: name(c),
                    share: c.careerReports.share === null ? 0 : Math.round(c.careerReports.share * 1000) / 10,
                  }))}
                  dataKey="company"
                  orientation="vertical"
                  yAxisProps={{ width: 120, interval: 0, tick: { fontSize: 11 } }}
                  xAxisProps={{ domain: [0, 100] }}
                  series={[{ name: "share", label: t("mobilityFigures.share"), color: "grape.6" }]}
                />
              </Card>
              <Card padding="sm">
                <Text fw={600} mb="xs">
                  {t("mobilityFigures.overseas")}
                </Text>
                {(["young_talent", "mid_career", "other"] as const).map((program) => (
                  <Group key={program} justify="space-between">
                    <Text size="sm">{t(`mobilityFigures.program.${program}`)}</Text>
                    <Text size="sm" fw={600} className="tz-tabular">
                      {d.total.overseasByProgram[program]}
                    </Text>
                  </Group>
                ))}
              </Card>
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
