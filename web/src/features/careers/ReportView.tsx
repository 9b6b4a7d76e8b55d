import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { CareerReport } from "../../../../src/shared/careers-api";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { ReportStatusBadge, TimingBadge } from "./labels";

/** A career report read-only: wishes, texts and the manager's comments. */
export function ReportView({ report, showPerson = false }: { report: CareerReport; showPerson?: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Card withBorder padding="md" data-testid={`career-report-${report.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>
            {showPerson ? `${displayName(report.person.name, locale)} · ` : ""}
            {t("careers.hr.year")} {report.fiscalYear}
          </Title>
          <Group gap="xs">
            <ReportStatusBadge status={report.status} />
            <TimingBadge timing={report.moveTiming} />
            {report.wantsTransfer && <Badge variant="light">{t("careers.report.wantsTransfer")}</Badge>}
            {report.openToOverseas && (
              <Badge variant="light" color="grape">
                {t("careers.report.openToOverseas")}
              </Badge>
            )}
          </Group>
        </Group>
        {report.submittedAt && (
          <Text size="sm" c="dimmed">
            {t("careers.report.submitted", { date: formatDate(report.submittedAt.slice(0, 10), locale) })}
            {report.manager
              ? ` · ${t("careers.report.manager")}: ${displayName(report.manager.name, locale)}`
              : ""}
          </Text>
        )}
        <Text size="sm" fw={700}>
          {t("careers.report.reflection")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {report.reflection || "—"}
        </Text>
        <Text size="sm" fw={700}>
          {t("careers.report.vision")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {report.vision || "—"}
        </Text>
        {report.desiredJobCategories.length > 0 && (
          <Text size="sm" data-testid="career-report-job-categories">
            <b>{t("careers.report.jobCategories")}:</b>{" "}
            {report.desiredJobCategories.map((c) => localized(c.name, locale)).join(", ")}
          </Text>
        )}
        {report.desiredPositions.length > 0 && (
          <Text size="sm">
            <b>{t("careers.report.positions")}:</b>{" "}
            {report.desiredPositions.map((p) => localized(p.name, locale)).join(", ")}
          </Text>
        )}
        {report.desiredLocations.length > 0 && (
          <Text size="sm">
            <b>{t("careers.report.locations")}:</b> {report.desiredLocations.join(", ")}
          </Text>
        )}
        {report.status !== "draft" && (
          <Card bg="gray.0" padding="sm">
            <Text size="sm" fw={700}>
              {t("careers.report.managerComment")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="manager-comment">
              {report.managerComment ?? t("careers.report.noComment")}
            </Text>
          </Card>
        )}
      </Stack>
    </Card>
  );
}
