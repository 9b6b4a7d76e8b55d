import { Badge, Box, Group, Stack, Text } from "@mantine/core";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/locale";
import type { ImportCounts as Counts } from "./types";

const BARS: { key: keyof Counts; label: MessageKey; color: string }[] = [
  { key: "inserted", label: "import.count.inserted", color: "teal" },
  { key: "updated", label: "import.count.updated", color: "blue" },
  { key: "unchanged", label: "import.count.unchanged", color: "gray" },
  { key: "terminations", label: "import.count.terminations", color: "orange" },
  { key: "rejected", label: "import.count.rejected", color: "red" },
];

/** The counts as badges and a small horizontal bar chart (bars relative to the rows read). */
export function ImportCounts({ counts }: { counts: Counts }) {
  const t = useT();
  const max = Math.max(1, counts.rows);
  return (
    <Stack gap="xs" data-testid="import-counts">
      <Group gap={6}>
        <Badge variant="outline" color="dark" data-testid="import-count-rows">
          {t("import.count.rows", { n: counts.rows })}
        </Badge>
        {BARS.map((bar) => (
          <Badge key={bar.key} variant="light" color={bar.color} data-testid={`import-count-${bar.key}`}>
            {t(bar.label)}: {counts[bar.key].toLocaleString()}
          </Badge>
        ))}
      </Group>
      <Stack gap={4} maw={520} aria-hidden>
        {BARS.map((bar) => (
          <Group key={bar.key} gap="xs" wrap="nowrap">
            <Text size="xs" w={96} style={{ flexShrink: 0 }} truncate>
              {t(bar.label)}
            </Text>
            <Box style={{ flex: 1, background: "var(--mantine-color-gray-1)", borderRadius: 3 }} h={10}>
              <Box
                h={10}
                style={{
                  width: `${(counts[bar.key] / max) * 100}%`,
                  background: `var(--mantine-color-${bar.color}-6)`,
                  borderRadius: 3,
                }}
              />
            </Box>
            <Text size="xs" w={48} ta="right" className="tz-tabular">
              {counts[bar.key].toLocaleString()}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
