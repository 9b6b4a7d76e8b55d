import { BarChart } from "@mantine/charts";
import { Card, Text } from "@mantine/core";
import type { SkillGapLine } from "../../../../src/shared/skills-api";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { fitLabel } from "./levels";

const ROW = 34;

/** Required vs current level per skill of the map, the biggest gaps first: the picture before the list. */
export function GapChart({ lines, maxLevel }: { lines: SkillGapLine[]; maxLevel: number }) {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow("(max-width: 36em)");
  const data = [...lines]
    .sort((a, b) => b.gap - a.gap || a.skill.code.localeCompare(b.skill.code))
    .map((line) => ({
      skill: localized(line.skill.name, locale),
      current: line.currentLevel ?? 0,
      required: line.requiredLevel ?? 0,
    }));
  const labelWidth = narrow ? 110 : 190;
  return (
    <Card data-testid="skills-gap-chart">
      <Text fw={600} mb={4}>
        {t("skills.chart.title")}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t("skills.chart.hint")}
      </Text>
      <BarChart
        h={Math.max(140, data.length * ROW + 50)}
        data={data}
        dataKey="skill"
        orientation="vertical"
        withLegend
        legendProps={{ verticalAlign: "top", height: 30 }}
        series={[
          { name: "current", label: t("skills.current"), color: "indigo.6" },
          { name: "required", label: t("skills.required"), color: "gray.4" },
        ]}
        gridAxis="x"
        xAxisProps={{ domain: [0, maxLevel], allowDecimals: false, tickCount: maxLevel + 1 }}
        yAxisProps={{
          width: labelWidth,
          interval: 0,
          tick: { fontSize: 12 },
          tickFormatter: (value: string) => fitLabel(value, labelWidth),
        }}
        maxBarWidth={12}
      />
    </Card>
  );
}
