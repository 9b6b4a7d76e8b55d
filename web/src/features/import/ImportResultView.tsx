import { Alert, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { ErrorState } from "../../components/ErrorState";
import type { MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { formatBytes, formatDateTime } from "./format";
import { ImportCounts } from "./ImportCounts";
import { ImportProgressView } from "./ImportProgressView";
import { ChangesTable, ErrorsTable } from "./ImportTables";
import { useImport } from "./queries";
import type { ImportStatus } from "./types";

const STATUS_COLOR: Record<ImportStatus, string> = {
  running: "blue",
  previewed: "indigo",
  applied: "teal",
  rejected: "red",
  failed: "red",
  cancelled: "gray",
  interrupted: "orange",
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-testid="import-status" data-status={status}>
      {t(`import.status.${status}` as MessageKey)}
    </Badge>
  );
}

/** One import, live: progress while it runs, then counts, changes and errors. */
export function ImportResultView({ id }: { id: number }) {
  const t = useT();
  const [locale] = useLocale();
  const query = useImport(id);
  const r = query.data;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!r) return <Text c="dimmed">{t("app.loading")}</Text>;
  return (
    <Stack gap="md" data-testid="import-result" data-import-id={r.id}>
      <Paper withBorder p="sm">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <StatusBadge status={r.status} />
            <Text fw={600}>{r.dryRun ? t("import.result.dryRun") : t("import.result.apply")}</Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            #{r.id} · {r.fileName} · {formatBytes(r.fileSize, locale)} · {formatDateTime(r.createdAt, locale)}
          </Text>
        </Group>
      </Paper>
      {r.status === "running" && <ImportProgressView result={r} />}
      {r.message && (
        <Alert
          color={r.status === "failed" || r.status === "rejected" ? "red" : "gray"}
          data-testid="import-message"
        >
          {r.message}
        </Alert>
      )}
      {r.status !== "running" && (
        <>
          <ImportCounts counts={r.counts} />
          {r.dryRun && r.status === "previewed" && (
            <Text size="sm" c="dimmed">
              {t("import.result.nothingWritten")}
            </Text>
          )}
          <ChangesTable changes={r.preview} />
          <ErrorsTable importId={r.id} errors={r.errors} total={r.errorCount} />
        </>
      )}
    </Stack>
  );
}
