import { Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { useT } from "../../i18n/locale";
import { useCancelImport } from "./queries";
import type { ImportResult } from "./types";

/** A running import: % bar, rows/s, time left, cancel. */
export function ImportProgressView({ result }: { result: ImportResult }) {
  const t = useT();
  const cancel = useCancelImport();
  const p = result.progress;
  const percent = Math.max(0, Math.min(100, p?.percent ?? 0));
  return (
    <Paper withBorder p="md" data-testid="import-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {t(p?.phase === "writing" ? "import.progress.writing" : "import.progress.reading")}
          </Text>
          <Text className="tz-tabular">{Math.round(percent)}%</Text>
        </Group>
        <Progress value={percent} animated size="lg" />
        <Group gap="lg">
          <Text size="sm" c="dimmed" className="tz-tabular">
            {t("import.progress.rows", { n: (p?.rows ?? 0).toLocaleString() })}
          </Text>
          <Text size="sm" c="dimmed" className="tz-tabular">
            {t("import.progress.rate", { n: Math.round(p?.rowsPerSecond ?? 0).toLocaleString() })}
          </Text>
          {p?.etaSeconds != null && (
            <Text size="sm" c="dimmed" className="tz-tabular">
              {t("import.progress.eta", { n: Math.ceil(p.etaSeconds) })}
            </Text>
          )}
        </Group>
        <Group>
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(result.id)}
            data-testid="import-cancel"
          >
            {t("import.cancel")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
