import {
  Accordion,
  Anchor,
  Button,
  Drawer,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { DrillPart, DrillRow, DrillTarget, MetricDefinition } from "../../../../src/shared/metrics-api";
import { ErrorState } from "../../components/ErrorState";
import type { MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { DRILL_PAGE, useDrill } from "./queries";

function Detail({ row }: { row: DrillRow }) {
  const t = useT();
  const [locale] = useLocale();
  const parts: string[] = [];
  if (row.terminationReason) parts.push(t(`terminationReason.${row.terminationReason}`));
  if (row.otherCompany) {
    const name = localized(row.otherCompany.name, locale);
    parts.push(t(row.terminationReason ? "metrics.detail.to" : "metrics.detail.from", { company: name }));
  }
  if (row.weight !== null) parts.push(t("metrics.drill.weight", { weight: row.weight }));
  if (row.weeklyHours !== null) parts.push(t("metrics.drill.hours", { hours: row.weeklyHours }));
  if (row.exclusion) parts.push(exclusionLabel(t, row.exclusion));
  return <Text size="xs">{parts.join(" · ")}</Text>;
}

const EXCLUSIONS: Record<string, MessageKey> = {
  move_within_scope: "metrics.exclusion.move_within_scope",
  transfer_in: "metrics.exclusion.transfer_in",
  transfer_out: "metrics.exclusion.transfer_out",
  transfer_out_unmatched: "metrics.exclusion.transfer_out_unmatched",
  executive: "metrics.exclusion.executive",
  no_birth_date: "metrics.exclusion.no_birth_date",
  not_regular_worker: "metrics.exclusion.not_regular_worker",
  under_20_hours: "metrics.exclusion.under_20_hours",
};

function exclusionLabel(t: ReturnType<typeof useT>, code: string): string {
  const key = EXCLUSIONS[code];
  return key ? t(key) : code;
}

function PeopleTable({ items }: { items: DrillRow[] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing={4} fz="sm" data-testid="drill-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("metrics.col.name")}</Table.Th>
            <Table.Th>{t("metrics.col.company")}</Table.Th>
            <Table.Th>{t("metrics.col.employeeNumber")}</Table.Th>
            <Table.Th>{t("metrics.col.date")}</Table.Th>
            <Table.Th>{t("metrics.col.gender")}</Table.Th>
            <Table.Th>{t("metrics.col.age")}</Table.Th>
            <Table.Th>{t("metrics.col.type")}</Table.Th>
            <Table.Th>{t("metrics.col.grade")}</Table.Th>
            <Table.Th>{t("metrics.col.detail")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={`${row.employmentId}-${row.date}`} data-testid="drill-row">
              <Table.Td>
                <Anchor component={Link} to={`/people/${row.personId}`} size="sm">
                  {displayName(row.name, locale)}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.company.code}</Table.Td>
              <Table.Td className="tz-tabular">{row.employeeNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(row.date, locale)}</Table.Td>
              <Table.Td>{t(`gender.${row.gender}`)}</Table.Td>
              <Table.Td className="tz-tabular">{row.age ?? t("metrics.ageGroup.unknown")}</Table.Td>
              <Table.Td>{t(`employmentType.${row.employmentType}`)}</Table.Td>
              <Table.Td>{row.grade ? localized(row.grade.name, locale) : ""}</Table.Td>
              <Table.Td>
                <Detail row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The people behind a figure, with what the figure counts and why some are left out. */
export function DrillDrawer({
  target,
  title,
  definition,
  onClose,
}: {
  target: DrillTarget | null;
  title: string;
  definition: MetricDefinition | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow();
  const [part, setPart] = useState<DrillPart>("numerator");
  const [pages, setPages] = useState(1);
  const drill = useDrill(target, part, pages);
  const parts: DrillPart[] =
    definition && (definition.kind === "ratio" || definition.kind === "disability")
      ? ["numerator", "denominator", "excluded"]
      : ["numerator", "excluded"];
  const docs: [MessageKey, string][] = definition
    ? [
        ["metrics.doc.counts", definition.documentation.counts],
        ["metrics.doc.date", definition.documentation.date],
        ["metrics.doc.rule", definition.documentation.rule],
        ["metrics.doc.source", definition.documentation.source],
      ]
    : [];
  const data = drill.data;

  return (
    <Drawer
      opened={target !== null}
      onClose={() => {
        setPart("numerator");
        setPages(1);
        onClose();
      }}
      position={narrow ? "bottom" : "right"}
      size={narrow ? "90%" : "xl"}
      title={<Text fw={600}>{title}</Text>}
      data-testid="drill-drawer"
    >
      <Stack gap="sm">
        {definition && <Text size="sm">{localized(definition.summary, locale)}</Text>}
        {definition && (
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="how">
              <Accordion.Control>{t("metrics.drill.how")}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap={6}>
                  {locale === "ja" && (
                    <Text size="xs" c="dimmed">
                      {t("metrics.drill.docLanguage")}
                    </Text>
                  )}
                  {docs.map(([label, text]) => (
                    <div key={label}>
                      <Text size="xs" fw={700}>
                        {t(label)}
                      </Text>
                      <Text size="xs" lang="en">
                        {text}
                      </Text>
                    </div>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
        <SegmentedControl
          value={part}
          onChange={(value) => {
            setPart(value as DrillPart);
            setPages(1);
          }}
          data={parts.map((p) => ({ value: p, label: t(`metrics.drill.part.${p}`) }))}
          data-testid="drill-part"
        />
        {drill.error && <ErrorState error={drill.error} onRetry={() => void drill.refetch()} />}
        {drill.isPending && !drill.error && <Skeleton h={160} />}
        {data && (
          <Stack gap="xs" style={{ opacity: drill.isPlaceholderData ? 0.6 : 1 }}>
            <Group gap="md">
              <Text fw={600} data-testid="drill-total">
                {t("metrics.drill.total", { count: data.total })}
              </Text>
              {data.hidden > 0 && (
                <Text size="sm" c="dimmed">
                  {t("metrics.drill.hidden", { count: data.hidden })}
                </Text>
              )}
            </Group>
            {part === "excluded" && data.exclusions.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t("metrics.drill.exclusions")}
                </Text>
                {data.exclusions.map((x) => (
                  <Text size="sm" key={x.reason}>
                    {`${exclusionLabel(t, x.reason)}: ${t("metrics.drill.total", { count: x.count })}`}
                  </Text>
                ))}
              </Stack>
            )}
            {data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("metrics.drill.empty")}
              </Text>
            ) : (
              <PeopleTable items={data.items} />
            )}
            {data.items.length < data.total - data.hidden && data.items.length >= DRILL_PAGE * pages && (
              <Button variant="default" size="xs" onClick={() => setPages((n) => n + 1)}>
                {t("metrics.drill.more")}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
