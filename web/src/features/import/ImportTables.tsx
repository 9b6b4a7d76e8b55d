import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { useNarrow } from "../../lib/useNarrow";
import { changedFields, formatValue } from "./format";
import type { ImportChange, ImportError } from "./types";

function Diff({ change }: { change: ImportChange }) {
  return (
    <Stack gap={0}>
      {changedFields(change.before, change.after).map((f) => (
        <Text key={f.field} size="xs" style={{ overflowWrap: "anywhere" }}>
          <Text span fw={600} size="xs">
            {f.field}
          </Text>
          {": "}
          {change.before && (
            <>
              <Text span size="xs" c="red.8" td="line-through">
                {formatValue(f.before)}
              </Text>
              {" → "}
            </>
          )}
          <Text span size="xs" c="teal.8">
            {formatValue(f.after)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/** The changes a dry run found (or an apply wrote), with before/after. */
export function ChangesTable({ changes }: { changes: ImportChange[] }) {
  const t = useT();
  const narrow = useNarrow();
  if (changes.length === 0) return null;
  const action = (a: ImportChange["action"]) => t(`import.action.${a}` as MessageKey);
  return (
    <Stack gap="xs" data-testid="import-changes">
      <Title order={4}>{t("import.changes.title", { n: changes.length })}</Title>
      {narrow ? (
        changes.map((c) => (
          <Paper key={`${c.row}-${c.entity}-${c.key}`} withBorder p="xs" data-testid="import-change">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {c.key}
              </Text>
              <Text size="xs" c="dimmed">
                {t("import.col.row")} {c.row} · {action(c.action)}
              </Text>
            </Group>
            <Diff change={c} />
          </Paper>
        ))
      ) : (
        <Table.ScrollContainer minWidth={640} mah={420}>
          <Table striped fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.col.row")}</Table.Th>
                <Table.Th>{t("import.col.key")}</Table.Th>
                <Table.Th>{t("import.col.action")}</Table.Th>
                <Table.Th>{t("import.col.beforeAfter")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={`${c.row}-${c.entity}-${c.key}`} data-testid="import-change">
                  <Table.Td className="tz-tabular">{c.row}</Table.Td>
                  <Table.Td>{c.key}</Table.Td>
                  <Table.Td>{action(c.action)}</Table.Td>
                  <Table.Td>
                    <Diff change={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Rejected rows: row, column, value, reason; all of them as CSV. */
export function ErrorsTable({
  importId,
  errors,
  total,
}: {
  importId: number;
  errors: ImportError[];
  total: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow();
  if (total === 0) return null;
  return (
    <Stack gap="xs" data-testid="import-errors">
      <Group justify="space-between">
        <Title order={4}>{t("import.errors.title", { n: total })}</Title>
        <Anchor
          href={`/api/imports/${importId}/errors.csv?locale=${locale}`}
          download
          data-testid="import-errors-csv"
          size="sm"
        >
          {t("import.errors.download")}
        </Anchor>
      </Group>
      {total > errors.length && (
        <Text size="xs" c="dimmed">
          {t("import.errors.firstOnly", { n: errors.length })}
        </Text>
      )}
      {narrow ? (
        errors.map((e) => (
          <Paper key={`${e.row}-${e.column}-${e.message}`} withBorder p="xs" data-testid="import-error">
            <Text size="xs" c="dimmed">
              {t("import.col.row")} {e.row} · {e.column} · {formatValue(e.value)}
            </Text>
            <Text size="sm">{e.message}</Text>
          </Paper>
        ))
      ) : (
        <Table.ScrollContainer minWidth={640} mah={420}>
          <Table striped fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.col.row")}</Table.Th>
                <Table.Th>{t("import.col.column")}</Table.Th>
                <Table.Th>{t("import.col.value")}</Table.Th>
                <Table.Th>{t("import.col.message")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.message}`} data-testid="import-error">
                  <Table.Td className="tz-tabular">{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{formatValue(e.value)}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
