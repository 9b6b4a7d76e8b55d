import { Anchor, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { DrillTarget, ReportTable } from "../../../../src/shared/metrics-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { PageLoader } from "../../components/PageLoader";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { DrillDrawer } from "./DrillDrawer";
import { ExportMenu } from "./ExportMenu";
import { fiscalYearOf, fiscalYearRange, rangeLabel } from "./format";
import { FrozenBanner, PublicationList, PublishButton } from "./Publications";
import { useDefinitions, usePublication, usePublications, useReport } from "./queries";
import { ReportTableCard } from "./ReportTableCard";
import { useReportParams } from "./useReportParams";

const YEARS_OFFERED = 10;

/** The disclosure report for a fiscal year, for the group or one company: tables and charts, drill-down, publishing. */
export default function ReportsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const isGroupHr = me.roles.some((r) => r.role === "group_hr");
  const hrCompanyIds = me.roles
    .filter((r) => r.role === "company_hr" && r.companyId !== null)
    .map((r) => r.companyId!);
  const allowed = isGroupHr || hrCompanyIds.length > 0;
  const [params, update] = useReportParams(isGroupHr ? null : (hrCompanyIds[0] ?? null));
  const companies = useCompanies(allowed);
  const definitions = useDefinitions();
  usePageTitle(t("metrics.title"));

  const options = [...(companies.data?.items ?? [])]
    .filter((c) => isGroupHr || hrCompanyIds.includes(c.id))
    .sort(compareCompanies);
  const company = options.find((c) => c.id === params.companyId) ?? null;
  // The group's years are labelled by the parent's calendar (April for Japanese groups).
  const month =
    company?.fiscalYearStartMonth ??
    options.find((c) => c.parentCompanyId === null)?.fiscalYearStartMonth ??
    4;
  const current = fiscalYearOf(todayIso(), month);
  const fy = params.fy ?? current - 1;
  const report = useReport(fy, params.companyId, allowed && params.version === null);
  const publications = usePublications(fy, params.companyId, allowed);
  const publication = usePublication(params.version);
  const [drill, setDrill] = useState<{ target: DrillTarget; title: string } | null>(null);

  if (!allowed) return <Text c="dimmed">{t("metrics.noPermission")}</Text>;

  const yearLabel = t("metrics.fy", { year: fy });
  const shown = params.version !== null ? publication.data?.report : report.data;
  const loading = params.version !== null ? publication.isPending : report.isPending;
  const error = params.version !== null ? publication.error : report.error;
  const ranges = shown?.period.ranges ?? [];
  const rowLabel = (table: ReportTable) => (row: ReportTable["rows"][number]) =>
    table.rowKind === "fiscalYear"
      ? t("metrics.fy", { year: row.fiscalYear ?? 0 })
      : localized(row.label, locale);
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => current - i);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t("metrics.title")}</Title>
        {isGroupHr && (
          <Group gap="md">
            <Anchor component={Link} to="/reports/dashboard" size="sm" data-testid="report-dashboard-link">
              {t("metrics.dashboard.link")}
            </Anchor>
            <Anchor component={Link} to="/reports/settings" size="sm" data-testid="report-settings-link">
              {t("metrics.settings.link")}
            </Anchor>
          </Group>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("metrics.scope")}
          value={params.companyId === null ? "group" : String(params.companyId)}
          onChange={(e) =>
            update({ companyId: e.currentTarget.value === "group" ? null : Number(e.currentTarget.value) })
          }
          data={[
            ...(isGroupHr ? [{ value: "group", label: t("metrics.wholeGroup") }] : []),
            ...options.map((c) => ({ value: String(c.id), label: localized(c.name, locale) })),
          ]}
          data-testid="report-scope"
          w={{ base: "100%", xs: 320 }}
        />
        <NativeSelect
          label={t("metrics.fiscalYear")}
          value={String(fy)}
          onChange={(e) => update({ fy: Number(e.currentTarget.value) })}
          data={years.map((year) => {
            const range = fiscalYearRange(year, month);
            return {
              value: String(year),
              label: company
                ? t("metrics.fyOption", { year, range: rangeLabel(range.from, range.to, locale, t) })
                : t("metrics.fy", { year }),
            };
          })}
          data-testid="report-fy"
          w={{ base: "100%", xs: 300 }}
        />
        <ExportMenu fy={fy} companyId={params.companyId} publicationId={params.version} />
        {params.version === null && (
          <PublishButton
            fy={fy}
            companyId={params.companyId}
            onPublished={(p) => update({ version: p.id })}
          />
        )}
      </Group>
      {ranges.length > 1 && (
        <Text size="sm" c="dimmed" data-testid="report-ranges">
          {t("metrics.mixedYears", {
            ranges: ranges
              .map((r) =>
                t(r.companyCount === 1 ? "metrics.rangeCompany" : "metrics.rangeCompanies", {
                  range: rangeLabel(r.from, r.to, locale, t),
                  count: r.companyCount,
                }),
              )
              .join(locale === "ja" ? "、" : "; "),
          })}
        </Text>
      )}

      <PublicationList
        items={publications.data?.items ?? []}
        selected={params.version}
        onSelect={(id) => update({ version: id })}
      />
      {params.version !== null && publication.data && (
        <FrozenBanner
          detail={publication.data}
          definitions={definitions.data}
          onBack={() => update({ version: null })}
        />
      )}
      {error && (
        <ErrorState
          error={error}
          onRetry={() => void (params.version !== null ? publication.refetch() : report.refetch())}
        />
      )}
      {loading && !error && <PageLoader />}
      {shown && (
        <Stack
          gap="md"
          style={{ opacity: report.isPlaceholderData && params.version === null ? 0.6 : 1 }}
          data-testid="report"
          data-fy={shown.fiscalYear}
        >
          {shown.tables.map((table) => (
            <ReportTableCard
              key={table.id}
              table={table}
              definitions={definitions.data}
              yearLabel={yearLabel}
              rowLabel={rowLabel(table)}
              onDrill={params.version === null ? (target, title) => setDrill({ target, title }) : null}
            />
          ))}
        </Stack>
      )}

      <DrillDrawer
        target={drill?.target ?? null}
        title={drill?.title ?? ""}
        definition={drill ? definitions.data?.get(drill.target.metric) : undefined}
        onClose={() => setDrill(null)}
      />
    </Stack>
  );
}
