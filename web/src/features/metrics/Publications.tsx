import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea, Tooltip } from "@mantine/core";
import { useState } from "react";
import type {
  MetricDefinition,
  MetricId,
  PublicationDetail,
  PublicationSummary,
} from "../../../../src/shared/metrics-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { formatFigure } from "./format";
import { usePublish } from "./queries";

function formatTimestamp(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** The publish button and its confirmation. */
export function PublishButton({
  fy,
  companyId,
  onPublished,
}: {
  fy: number;
  companyId: number | null;
  onPublished: (p: PublicationSummary) => void;
}) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState("");
  const publish = usePublish();
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="report-publish">
        {t("metrics.publish")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("metrics.publishTitle")}>
        <Stack gap="sm">
          <Text size="sm">{t("metrics.publishHint")}</Text>
          <Textarea
            label={t("metrics.publishNote")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          {publish.error && <ErrorState error={publish.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t("metrics.cancel")}
            </Button>
            <Button
              loading={publish.isPending}
              data-testid="report-publish-confirm"
              onClick={() =>
                publish.mutate(
                  { fy, companyId, note: note.trim() || null },
                  {
                    onSuccess: (published) => {
                      setOpened(false);
                      setNote("");
                      onPublished(published);
                    },
                  },
                )
              }
            >
              {t("metrics.publish")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The published versions of the report in view, as a row of chips; click one to see it as frozen. */
export function PublicationList({
  items,
  selected,
  onSelect,
}: {
  items: PublicationSummary[];
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Group gap="xs" align="center" data-testid="publications">
      <Text size="sm" fw={600}>
        {t("metrics.published")}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("metrics.noPublished")}
        </Text>
      ) : (
        items.map((p) => (
          <Tooltip
            key={p.id}
            label={`${t("metrics.publishedOn", { date: formatTimestamp(p.publishedAt, locale), user: p.publishedBy ?? "" })}${p.note ? ` — ${p.note}` : ""}`}
            withArrow
            multiline
            maw={320}
          >
            <Button
              size="compact-sm"
              variant={p.id === selected ? "filled" : "light"}
              onClick={() => onSelect(p.id)}
              data-testid="publication"
            >
              {t("metrics.version", { version: p.version })}
            </Button>
          </Tooltip>
        ))
      )}
    </Group>
  );
}

/** Above a frozen version: when it was published, and what a computation today would change. */
export function FrozenBanner({
  detail,
  definitions,
  onBack,
}: {
  detail: PublicationDetail;
  definitions: Map<MetricId, MetricDefinition> | undefined;
  onBack: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const changed = detail.dataStatus === "changed";
  return (
    <Alert
      color={changed && detail.changes.length ? "orange" : "indigo"}
      variant="light"
      data-testid="frozen-banner"
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("metrics.frozen", {
            version: detail.version,
            date: formatTimestamp(detail.publishedAt, locale),
          })}
        </Text>
        <Text size="sm" data-testid="frozen-status">
          {!changed
            ? t("metrics.dataUnchanged")
            : detail.changes.length
              ? t("metrics.dataChanged", { count: detail.changes.length })
              : t("metrics.dataChangedNoEffect")}
        </Text>
        {detail.changes.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("metrics.change.figure")}</Table.Th>
                  <Table.Th ta="right">{t("metrics.change.frozen")}</Table.Th>
                  <Table.Th ta="right">{t("metrics.change.current")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.changes.slice(0, 50).map((c) => {
                  const d = definitions?.get(c.metric);
                  const unit = d?.unit ?? "people";
                  const decimals = d?.decimals ?? 0;
                  const table = detail.report.tables.find((x) => x.id === c.table);
                  const row = table?.rows.find((r) => r.key === c.rowKey);
                  const rowLabel =
                    table?.rowKind === "fiscalYear"
                      ? t("metrics.fy", { year: Number(c.rowKey) })
                      : row
                        ? localized(row.label, locale)
                        : c.rowKey;
                  return (
                    <Table.Tr key={`${c.table}|${c.rowKey}|${c.metric}`}>
                      <Table.Td>{`${d ? localized(d.title, locale) : c.metric} · ${rowLabel}`}</Table.Td>
                      <Table.Td ta="right">{formatFigure(c.frozen, unit, decimals, locale, t)}</Table.Td>
                      <Table.Td ta="right">{formatFigure(c.current, unit, decimals, locale, t)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button size="xs" variant="white" onClick={onBack} data-testid="back-to-live">
            {t("metrics.backToLive")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
