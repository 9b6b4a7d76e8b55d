import { BarChart, LineChart } from "@mantine/charts";
import {
  Alert,
  Card,
  Grid,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import type {
  DrillTarget,
  MetricDefinition,
  MetricId,
  MetricUnit,
  ReportCell,
  ReportTable,
} from "../../../../src/shared/metrics-api";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { formatFigure, formatNumber } from "./format";

const COLORS = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.7", "pink.6", "lime.8"];

interface Props {
  table: ReportTable;
  definitions: Map<MetricId, MetricDefinition> | undefined;
  /** "FY2025" / "2025年度" for the one-year tables' titles. */
  yearLabel: string;
  rowLabel: (row: ReportTable["rows"][number]) => string;
  /** null: cells are not clickable (a frozen version). */
  onDrill: ((target: DrillTarget, title: string) => void) | null;
}

function CellValue({
  cell,
  unit,
  decimals,
  title,
  onDrill,
}: {
  cell: ReportCell;
  unit: MetricUnit;
  decimals: number;
  title: string;
  onDrill: Props["onDrill"];
}) {
  const t = useT();
  const [locale] = useLocale();
  const text = formatFigure(cell, unit, decimals, locale, t);
  const ratio =
    cell.status === "ok" && cell.numerator !== null && cell.denominator !== null && unit === "percent";
  const body = (
    <Stack gap={0} align="flex-end">
      <Text
        size="sm"
        fw={cell.status === "ok" ? 500 : 400}
        c={cell.status === "ok" ? undefined : "dimmed"}
        className="tz-tabular"
      >
        {text}
      </Text>
      {ratio && (
        <Text size="xs" c="dimmed" className="tz-tabular">
          {`${formatNumber(cell.numerator!, "weighted_people", 1, locale, t)} / ${formatNumber(cell.denominator!, "weighted_people", 1, locale, t)}`}
        </Text>
      )}
    </Stack>
  );
  const reason = cell.reason && cell.reason !== "empty" ? t(`metrics.reason.${cell.reason}`) : null;
  const wrapped = reason ? (
    <Tooltip label={reason} withArrow multiline maw={260}>
      <span>{body}</span>
    </Tooltip>
  ) : (
    body
  );
  if (!onDrill || !cell.drill || cell.status !== "ok") return wrapped;
  const drill = cell.drill;
  return (
    <UnstyledButton
      onClick={() => onDrill(drill, title)}
      aria-label={t("metrics.openDrill", { figure: title })}
      data-testid="metric-cell"
      data-metric={cell.metric}
      style={{ borderBottom: "1px dashed var(--mantine-color-indigo-3)", display: "inline-block" }}
    >
      {wrapped}
    </UnstyledButton>
  );
}

function Charts({
  table,
  titles,
  wide,
}: {
  table: ReportTable;
  titles: Map<MetricId, string>;
  wide: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const data = table.rows.map((row) => {
    const point: Record<string, string | number | null> = {
      label: row.fiscalYear === null ? row.key : t("metrics.fy", { year: row.fiscalYear }),
    };
    row.cells.forEach((cell) => {
      point[cell.metric] = cell.status === "ok" ? cell.value : null;
    });
    return point;
  });
  const series = (units: MetricUnit[]) =>
    table.columns
      .filter((c) => units.includes(c.unit))
      .map((c, i) => ({
        name: c.metric,
        label: titles.get(c.metric) ?? c.metric,
        color: COLORS[i % COLORS.length]!,
      }));
  const counts = table.id === "disability" ? [] : series(["people"]);
  // A stock (employees) dwarfs the flows beside it (leavers): give it a chart of its own.
  const maxOf = (metric: string) => Math.max(0, ...data.map((d) => Number(d[metric] ?? 0)));
  const first = counts[0];
  const rest = counts.slice(1);
  const split =
    first !== undefined &&
    rest.length > 0 &&
    maxOf(first.name) > 4 * Math.max(1, ...rest.map((c) => maxOf(c.name)));
  const barGroups = split ? [[first], rest] : counts.length ? [counts] : [];
  const lineGroups = (["percent", "years", "days", "hours"] as const)
    .map((unit) => ({ unit, series: series([unit]) }))
    .filter((g) => g.series.length);
  const format = (unit: MetricUnit, decimals: number) => (value: number) =>
    formatNumber(value, unit, decimals, locale, t);
  return (
    <SimpleGrid cols={wide ? { base: 1, sm: 2, lg: 3 } : 1} spacing="md" data-testid="report-chart">
      {barGroups.map((group) => (
        <BarChart
          key={group.map((c) => c.name).join()}
          h={split ? 160 : 200}
          data={data}
          dataKey="label"
          series={group}
          withLegend
          legendProps={{ verticalAlign: "bottom" }}
          valueFormatter={format("people", 0)}
          tickLine="y"
        />
      ))}
      {lineGroups.map((group) => (
        <LineChart
          key={group.unit}
          h={200}
          data={data}
          dataKey="label"
          series={group.series}
          withLegend
          legendProps={{ verticalAlign: "bottom" }}
          valueFormatter={format(group.unit, 1)}
          connectNulls={false}
          curveType="linear"
          tickLine="y"
        />
      ))}
    </SimpleGrid>
  );
}

/** One table of the report, with charts of its trend (bars for counts, lines for ratios) beside it. */
export function ReportTableCard({ table, definitions, yearLabel, rowLabel, onDrill }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const titles = new Map<MetricId, string>(
    table.columns.map((c) => [
      c.metric,
      definitions?.get(c.metric) ? localized(definitions.get(c.metric)!.title, locale) : c.metric,
    ]),
  );
  const allNoData =
    table.rows.length > 0 &&
    table.rows.every((row) =>
      row.cells.every((cell) => cell.status === "no_data" && cell.reason !== "empty"),
    );
  const trend = table.rowKind === "fiscalYear";
  // why some cells have no number (small groups, figures for company HR only), said once under the title
  const withheld = [
    ...new Set(
      table.rows.flatMap((row) =>
        row.cells.flatMap((cell) =>
          cell.status === "withheld" && (cell.reason === "restricted" || cell.reason === "small_group")
            ? [cell.reason]
            : [],
        ),
      ),
    ),
  ];
  const anyValue = table.rows.some((row) => row.cells.some((cell) => cell.status === "ok"));
  const rowHeader = t(
    table.rowKind === "fiscalYear"
      ? "metrics.row"
      : table.rowKind === "company"
        ? "metrics.rowCompany"
        : "metrics.rowReason",
  );

  const grid = (
    <Table.ScrollContainer
      minWidth={110 + 90 * table.columns.length}
      maxHeight={table.rowKind === "company" ? 560 : undefined}
    >
      <Table striped verticalSpacing={6} fz="sm" data-testid={`report-table-${table.id}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rowHeader}</Table.Th>
            {table.columns.map((c) => (
              <Table.Th key={c.metric} ta="right" style={{ verticalAlign: "bottom" }}>
                {titles.get(c.metric)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key} data-testid="report-row" data-key={row.key}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{rowLabel(row)}</Table.Td>
              {row.cells.map((cell, i) => (
                <Table.Td key={cell.metric} ta="right">
                  <CellValue
                    cell={cell}
                    unit={table.columns[i]!.unit}
                    decimals={table.columns[i]!.decimals}
                    title={`${titles.get(cell.metric) ?? ""} · ${rowLabel(row)}`}
                    onDrill={onDrill}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Card padding="md" data-testid={`report-section-${table.id}`}>
      <Title order={3} size="h4" mb="sm">
        {t(`metrics.table.${table.id}`, { fy: yearLabel })}
      </Title>
      {withheld.length > 0 && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="report-withheld">
          {t("metrics.someWithheld", {
            reasons: withheld
              .map((reason) => t(`metrics.reason.${reason}`))
              .join(locale === "ja" ? "、" : "; "),
          })}
        </Text>
      )}
      {allNoData ? (
        <Stack gap="sm">
          <Alert color="gray" variant="light" data-testid="report-no-data">
            {t("metrics.noDataTable")}
          </Alert>
          {grid}
        </Stack>
      ) : trend && anyValue && table.columns.length > 5 ? (
        // many columns: the charts side by side above a full-width table
        <Stack gap="md">
          <Charts table={table} titles={titles} wide />
          {grid}
        </Stack>
      ) : trend && anyValue ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Charts table={table} titles={titles} wide={false} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>{grid}</Grid.Col>
        </Grid>
      ) : (
        grid
      )}
    </Card>
  );
}
