import { Anchor, Card, Group, NativeSelect, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { MetricId } from "../../../../src/shared/metrics-api";
import type { DashboardCell, GroupDashboard } from "../../../../src/shared/metrics-reports-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { PageLoader } from "../../components/PageLoader";
import { useLocale, useT } from "../../i18n/locale";
import { todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useDashboard } from "./admin-queries";
import { fiscalYearOf, formatFigure } from "./format";
import { useDefinitions } from "./queries";

type SortKey = "company" | MetricId;
interface Sort {
  key: SortKey;
  direction: "asc" | "desc";
}

const YEARS_OFFERED = 10;

const OUTLIER_STYLE = {
  high: { background: "var(--mantine-color-red-1)", color: "var(--mantine-color-red-9)" },
  low: { background: "var(--mantine-color-blue-1)", color: "var(--mantine-color-blue-9)" },
} as const;

function sortRows(dashboard: GroupDashboard, sort: Sort, locale: "en" | "ja") {
  const index = dashboard.columns.findIndex((c) => c.metric === sort.key);
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...dashboard.rows].sort((a, b) => {
    if (index < 0) {
      return (
        sign * localized(a.company.name, locale).localeCompare(localized(b.company.name, locale), locale)
      );
    }
    const va = a.cells[index]!.status === "ok" ? a.cells[index]!.value : null;
    const vb = b.cells[index]!.status === "ok" ? b.cells[index]!.value : null;
    // companies without a number go last, whichever the direction
    if (va === null || vb === null)
      return va === null ? (vb === null ? a.company.code.localeCompare(b.company.code) : 1) : -1;
    return sign * (va - vb) || a.company.code.localeCompare(b.company.code);
  });
}

/** Group HR: every company's figures of a fiscal year side by side, sortable by any column, outliers marked. */
export default function DashboardPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const isGroupHr = me.roles.some((r) => r.role === "group_hr");
  const definitions = useDefinitions();
  const current = fiscalYearOf(todayIso(), 4);
  const [fy, setFy] = useState(current - 1);
  const [sort, setSort] = useState<Sort>({ key: "company", direction: "asc" });
  const dashboard = useDashboard(fy);
  usePageTitle(t("metrics.dashboard.title"));
  const rows = useMemo(
    () => (dashboard.data ? sortRows(dashboard.data, sort, locale) : []),
    [dashboard.data, sort, locale],
  );

  if (!isGroupHr) return <Text c="dimmed">{t("metrics.dashboard.noPermission")}</Text>;

  const title = (metric: MetricId) => {
    const d = definitions.data?.get(metric);
    return d ? localized(d.title, locale) : metric;
  };
  const toggle = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === "asc" ? "desc" : "asc" }
        : { key, direction: key === "company" ? "asc" : "desc" },
    );
  const arrow = (key: SortKey) => (sort.key === key ? (sort.direction === "asc" ? " ▲" : " ▼") : "");
  const header = (key: SortKey, label: string, align: "left" | "right") => (
    <Table.Th
      key={key}
      ta={align}
      style={{
        verticalAlign: "bottom",
        ...(key === "company"
          ? { position: "sticky", left: 0, zIndex: 2, background: "var(--mantine-color-body)" }
          : {}),
      }}
      aria-sort={sort.key === key ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton onClick={() => toggle(key)} fz="sm" fw={600} data-testid={`dashboard-sort-${key}`}>
        {label}
        {arrow(key)}
      </UnstyledButton>
    </Table.Th>
  );
  const cell = (c: DashboardCell, i: number, companyName: string) => {
    const column = dashboard.data!.columns[i]!;
    const text = formatFigure(c, column.unit, column.decimals, locale, t);
    const style = c.outlier ? OUTLIER_STYLE[c.outlier] : undefined;
    const hint =
      c.outlier && column.stats
        ? t(c.outlier === "high" ? "metrics.dashboard.outlierHigh" : "metrics.dashboard.outlierLow", {
            figure: title(column.metric),
            company: companyName,
            median: formatFigure(
              { ...c, status: "ok", value: column.stats.median },
              column.unit,
              column.decimals,
              locale,
              t,
            ),
          })
        : undefined;
    return (
      <Table.Td
        key={column.metric}
        ta="right"
        style={{ whiteSpace: "nowrap", ...style }}
        title={hint}
        data-outlier={c.outlier ?? undefined}
      >
        {c.outlier === "high" ? "▲ " : c.outlier === "low" ? "▼ " : ""}
        {text}
      </Table.Td>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t("metrics.dashboard.title")}</Title>
        <Anchor component={Link} to="/reports" size="sm">
          {t("metrics.dashboard.backToReports")}
        </Anchor>
      </Group>
      <NativeSelect
        label={t("metrics.fiscalYear")}
        value={String(fy)}
        onChange={(e) => setFy(Number(e.currentTarget.value))}
        data={Array.from({ length: YEARS_OFFERED }, (_, i) => current - i).map((year) => ({
          value: String(year),
          label: t("metrics.fy", { year }),
        }))}
        w={{ base: "100%", xs: 200 }}
        data-testid="dashboard-fy"
      />
      <Text size="sm" c="dimmed" data-testid="dashboard-rule">
        {t("metrics.dashboard.rule")}
      </Text>
      {dashboard.error && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.isPending && !dashboard.error && <PageLoader />}
      {dashboard.data && (
        <Card padding="xs" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={180 + 110 * dashboard.data.columns.length} maxHeight={640}>
            <Table highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="dashboard-table">
              <Table.Thead>
                <Table.Tr>
                  {header("company", t("metrics.rowCompany"), "left")}
                  {dashboard.data.columns.map((c) => header(c.metric, title(c.metric), "right"))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const name = localized(row.company.name, locale);
                  return (
                    <Table.Tr key={row.company.id} data-testid="dashboard-row" data-code={row.company.code}>
                      <Table.Td
                        style={{
                          whiteSpace: "nowrap",
                          position: "sticky",
                          left: 0,
                          zIndex: 1,
                          background: "var(--mantine-color-body)",
                        }}
                      >
                        <Anchor component={Link} to={`/reports?company=${row.company.id}&fy=${fy}`} size="sm">
                          {name}
                        </Anchor>
                      </Table.Td>
                      {row.cells.map((c, i) => cell(c, i, name))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
