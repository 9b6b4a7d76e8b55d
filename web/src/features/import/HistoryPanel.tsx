import { Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { useNarrow } from "../../lib/useNarrow";
import { formatBytes, formatDateTime } from "./format";
import { StatusBadge } from "./ImportResultView";
import { useImportHistory } from "./queries";
import type { ImportKind, ImportSummary } from "./types";

function Counts({ s }: { s: ImportSummary }) {
  const t = useT();
  const c = s.counts;
  return (
    <Text size="xs" className="tz-tabular">
      {t("import.history.counts", {
        rows: c.rows,
        inserted: c.inserted,
        updated: c.updated,
        unchanged: c.unchanged,
        rejected: c.rejected,
      })}
    </Text>
  );
}

/** Past imports, newest first, each linking to its result. */
export function HistoryPanel({ companyId, kinds }: { companyId: number | null; kinds: ImportKind[] }) {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow();
  const history = useImportHistory(companyId);
  const kindLabel = (name: string) => kinds.find((k) => k.name === name)?.label[locale] ?? name;
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.items;
  if (!items) return <Text c="dimmed">{t("app.loading")}</Text>;
  if (items.length === 0) return <Text c="dimmed">{t("import.history.empty")}</Text>;
  const link = (s: ImportSummary, wrap = true) => (
    <Anchor
      component={Link}
      to={`/imports/${s.id}`}
      fw={500}
      style={wrap ? { overflowWrap: "anywhere" } : { whiteSpace: "nowrap" }}
    >
      {s.fileName}
    </Anchor>
  );
  const mode = (s: ImportSummary) =>
    s.dryRun && (
      <Badge size="xs" variant="light" color="gray">
        {t("import.history.dryRun")}
      </Badge>
    );
  if (narrow)
    return (
      <Stack gap={8} data-testid="import-history">
        {items.map((s) => (
          <Paper key={s.id} withBorder p="sm" data-testid="import-history-row" data-import-id={s.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              {link(s)}
              <StatusBadge status={s.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {kindLabel(s.kind)} · {s.companyCode ?? ""} · {formatBytes(s.fileSize, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(s.createdAt, locale)} · {s.userEmail ?? s.via}
            </Text>
            <Group gap={6} mt={4}>
              {mode(s)}
              <Counts s={s} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped fz="sm" verticalSpacing={6} data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("import.history.when")}</Table.Th>
            <Table.Th>{t("import.history.who")}</Table.Th>
            <Table.Th>{t("import.history.file")}</Table.Th>
            <Table.Th>{t("import.history.kind")}</Table.Th>
            <Table.Th>{t("import.history.counts.title")}</Table.Th>
            <Table.Th>{t("import.history.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="import-history-row" data-import-id={s.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(s.createdAt, locale)}</Table.Td>
              <Table.Td>{s.userEmail ?? s.via}</Table.Td>
              <Table.Td>
                {link(s, false)}
                <Text size="xs" c="dimmed">
                  {formatBytes(s.fileSize, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                {kindLabel(s.kind)}
                <Text size="xs" c="dimmed">
                  {s.companyCode ?? ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Counts s={s} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={s.status} />
                  {mode(s)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
