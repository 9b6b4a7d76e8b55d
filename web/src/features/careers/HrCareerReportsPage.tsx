import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { CareerReportSummary } from "../../../../src/shared/careers-api";
import { MOVE_TIMINGS } from "../../../../src/shared/mobility-vocab";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { ReportStatusBadge, TimingBadge } from "./labels";
import {
  type HrFilters,
  useCareerCycles,
  useCreateCycle,
  useHrCareerReports,
  useUpdateCycle,
} from "./queries";

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card padding="sm" withBorder>
      <Text size="xs" c="dimmed" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="tz-tabular" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** Horizontal bars: how many submitted reports per wished timing. */
function TimingChart({ summary }: { summary: CareerReportSummary }) {
  const t = useT();
  const max = Math.max(1, ...MOVE_TIMINGS.map((m) => summary.byMoveTiming[m]));
  return (
    <Card withBorder padding="sm" data-testid="timing-chart">
      <Text size="sm" fw={700} mb="xs">
        {t("careers.hr.byTiming")}
      </Text>
      <Stack gap={6}>
        {MOVE_TIMINGS.map((m) => (
          <Group key={m} gap="xs" wrap="nowrap">
            <Text size="xs" w={110} style={{ flexShrink: 0 }}>
              {t(`careers.timing.${m}`)}
            </Text>
            <Box style={{ flex: 1 }} bg="gray.1" h={14}>
              <Box
                h={14}
                bg={m === "within_1y" ? "orange.5" : "indigo.4"}
                style={{ width: `${(summary.byMoveTiming[m] / max) * 100}%` }}
              />
            </Box>
            <Text size="xs" w={32} ta="right" className="tz-tabular">
              {summary.byMoveTiming[m]}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function Cycles({ companyId }: { companyId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const cycles = useCareerCycles(companyId);
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [opensOn, setOpensOn] = useState("");
  const [dueOn, setDueOn] = useState("");
  return (
    <Card withBorder padding="sm">
      <Text size="sm" fw={700} mb="xs">
        {t("careers.hr.cycles")}
      </Text>
      <Stack gap={6}>
        {(cycles.data?.items ?? []).map((c) => (
          <Group key={c.id} gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm">
              {c.fiscalYear} · {formatDate(c.opensOn, locale)} – {formatDate(c.dueOn, locale)}
            </Text>
            <Group gap="xs">
              <Badge variant="light">{t(`careers.cycle.${c.status}`)}</Badge>
              {c.status !== "open" && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => update.mutate({ id: c.id, status: "open" })}
                  data-testid={`cycle-open-${c.fiscalYear}`}
                >
                  {c.status === "draft" ? t("careers.hr.open") : t("careers.hr.reopen")}
                </Button>
              )}
              {c.status === "open" && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => update.mutate({ id: c.id, status: "closed" })}
                >
                  {t("careers.hr.close")}
                </Button>
              )}
            </Group>
          </Group>
        ))}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            size="xs"
            w={80}
            label={t("careers.hr.year")}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            w={130}
            type="date"
            label={t("careers.hr.opensOn")}
            value={opensOn}
            onChange={(e) => setOpensOn(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            w={130}
            type="date"
            label={t("careers.hr.dueOn")}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
          />
          <Button
            size="xs"
            onClick={() => create.mutate({ companyId, fiscalYear: Number(year), opensOn, dueOn })}
            loading={create.isPending}
          >
            {t("careers.hr.create")}
          </Button>
        </Group>
        {(create.error || update.error) && (
          <Text size="xs" c="red">
            {errorMessage(t, create.error ?? update.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** HR: a company's submitted career reports for a fiscal year, filters, a summary with a chart, and the cycles. */
export default function HrCareerReportsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const narrow = useNarrow();
  const companies = useCompanies();
  const scope = me.permissions.companyScope;
  const choices = (companies.data?.items ?? []).filter((c) => scope === null || scope.includes(c.id));
  const [filters, setFilters] = useState<HrFilters>({
    companyId: null,
    fiscalYear: null,
    moveWithinYear: false,
    openToOverseas: false,
    wantsTransfer: false,
  });
  const companyId = filters.companyId ?? choices[0]?.id ?? null;
  const effective = { ...filters, companyId };
  const list = useHrCareerReports(effective);
  const cycles = useCareerCycles(companyId);
  usePageTitle(t("careers.hr.title"));
  const set = (patch: Partial<HrFilters>) => setFilters({ ...effective, ...patch });
  const d = list.data;
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t("careers.hr.title")}</Title>
      <Text size="xs" c="dimmed">
        {t("careers.hr.audited")}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("careers.hr.company")}
          data={choices.map((c) => ({
            value: String(c.id),
            label: `${c.code} ${localized(c.name, locale)}`,
          }))}
          value={companyId === null ? null : String(companyId)}
          onChange={(v) => v && set({ companyId: Number(v), fiscalYear: null })}
          allowDeselect={false}
          w={narrow ? "100%" : 260}
          data-testid="hr-company"
        />
        <Select
          label={t("careers.hr.year")}
          data={(cycles.data?.items ?? [])
            .filter((c) => c.status !== "draft")
            .map((c) => String(c.fiscalYear))}
          value={
            filters.fiscalYear === null
              ? d?.cycle
                ? String(d.cycle.fiscalYear)
                : null
              : String(filters.fiscalYear)
          }
          onChange={(v) => v && set({ fiscalYear: Number(v) })}
          allowDeselect={false}
          w={120}
          data-testid="hr-year"
        />
      </Group>
      <Group gap="md" wrap="wrap">
        <Checkbox
          label={t("careers.hr.filterWithinYear")}
          checked={filters.moveWithinYear}
          onChange={(e) => set({ moveWithinYear: e.currentTarget.checked })}
          data-testid="filter-within-year"
        />
        <Checkbox
          label={t("careers.hr.filterOverseas")}
          checked={filters.openToOverseas}
          onChange={(e) => set({ openToOverseas: e.currentTarget.checked })}
          data-testid="filter-overseas"
        />
        <Checkbox
          label={t("careers.hr.filterTransfer")}
          checked={filters.wantsTransfer}
          onChange={(e) => set({ wantsTransfer: e.currentTarget.checked })}
        />
      </Group>
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {!d && !list.error && <Skeleton h={300} />}
      {d && !d.cycle && <Text c="dimmed">{t("careers.hr.noCycle")}</Text>}
      {d?.cycle && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t("careers.hr.expected")} value={String(d.summary.expected)} />
            <Stat
              label={t("careers.hr.submittedShare")}
              value={
                d.summary.submittedShare === null
                  ? "—"
                  : `${d.summary.submitted} (${Math.round(d.summary.submittedShare * 100)}%)`
              }
              testId="summary-submitted"
            />
            <Stat label={t("careers.hr.filterWithinYear")} value={String(d.summary.moveWithinYear)} />
            <Stat label={t("careers.hr.filterOverseas")} value={String(d.summary.openToOverseas)} />
          </SimpleGrid>
          <TimingChart summary={d.summary} />
          {d.items.length === 0 ? (
            <Text c="dimmed">{t("careers.hr.empty")}</Text>
          ) : narrow ? (
            <Stack gap="xs" data-testid="hr-report-list">
              {d.items.map((row) => (
                <Card key={row.id} withBorder padding="xs">
                  <Anchor component={Link} to={`/careers/reports/${row.id}`} fw={700}>
                    {displayName(row.person.name, locale)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.orgUnit ? localized(row.orgUnit.name, locale) : ""}
                  </Text>
                  <Group gap={4} mt={4}>
                    <TimingBadge timing={row.moveTiming} />
                    {row.openToOverseas && (
                      <Badge size="sm" color="grape" variant="light">
                        {t("careers.hr.filterOverseas")}
                      </Badge>
                    )}
                    <ReportStatusBadge status={row.status} />
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table striped data-testid="hr-report-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("careers.hr.person")}</Table.Th>
                  <Table.Th>{t("careers.hr.unit")}</Table.Th>
                  <Table.Th>{t("careers.hr.wishes")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/careers/reports/${row.id}`}>
                        {displayName(row.person.name, locale)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.orgUnit ? localized(row.orgUnit.name, locale) : ""}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <TimingBadge timing={row.moveTiming} />
                        {row.wantsTransfer && (
                          <Badge size="sm" variant="light">
                            {t("careers.hr.filterTransfer")}
                          </Badge>
                        )}
                        {row.openToOverseas && (
                          <Badge size="sm" color="grape" variant="light">
                            {t("careers.hr.filterOverseas")}
                          </Badge>
                        )}
                        {row.desiredLocations.length > 0 && (
                          <Text size="xs">{row.desiredLocations.join(", ")}</Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ReportStatusBadge status={row.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {companyId !== null && <Cycles companyId={companyId} />}
    </Stack>
  );
}
