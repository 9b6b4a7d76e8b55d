import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { CareerCycle, CareerReport } from "../../../../src/shared/careers-api";
import { MOVE_TIMINGS, type MoveTiming } from "../../../../src/shared/mobility-vocab";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { usePositions } from "../skills/queries";
import { useMyCareerReports, useSaveCareerReport, useSubmitCareerReport } from "./queries";
import { ReportView } from "./ReportView";

function ReportForm({ cycle, report }: { cycle: CareerCycle; report: CareerReport | null }) {
  const t = useT();
  const [locale] = useLocale();
  const save = useSaveCareerReport();
  const submit = useSubmitCareerReport();
  const positions = usePositions(cycle.companyId);
  const [reflection, setReflection] = useState(report?.reflection ?? "");
  const [vision, setVision] = useState(report?.vision ?? "");
  const [positionIds, setPositionIds] = useState<string[]>(
    (report?.desiredPositions ?? []).map((p) => String(p.id)),
  );
  const [locations, setLocations] = useState((report?.desiredLocations ?? []).join(", "));
  const [timing, setTiming] = useState<MoveTiming>(report?.moveTiming ?? "no_wish");
  const [wantsTransfer, setWantsTransfer] = useState(report?.wantsTransfer ?? false);
  const [overseas, setOverseas] = useState(report?.openToOverseas ?? false);
  const [saved, setSaved] = useState(false);
  const wishes = () => ({
    reflection,
    vision,
    desiredPositionIds: positionIds.map(Number),
    desiredLocations: locations
      .split(/[,、]/)
      .map((s) => s.trim())
      .filter(Boolean),
    moveTiming: timing,
    wantsTransfer,
    openToOverseas: overseas,
  });
  const err = (path: string) => (isApiError(save.error) ? save.error.fieldMessage(path) : undefined);
  const onSave = async () => {
    setSaved(false);
    await save.mutateAsync({ cycleId: cycle.id, wishes: wishes() });
    setSaved(true);
  };
  const onSubmit = async () => {
    const draft = await save.mutateAsync({ cycleId: cycle.id, wishes: wishes() });
    await submit.mutateAsync(draft.id);
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>
          {t("careers.report.cycle", { year: cycle.fiscalYear, due: formatDate(cycle.dueOn, locale) })}
        </Title>
        <Textarea
          label={t("careers.report.reflection")}
          value={reflection}
          onChange={(e) => setReflection(e.currentTarget.value)}
          autosize
          minRows={3}
          error={err("reflection")}
          data-testid="career-reflection"
        />
        <Textarea
          label={t("careers.report.vision")}
          value={vision}
          onChange={(e) => setVision(e.currentTarget.value)}
          autosize
          minRows={3}
          error={err("vision")}
          data-testid="career-vision"
        />
        <MultiSelect
          label={t("careers.report.positions")}
          data={(positions.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: localized(p.name, locale),
          }))}
          value={positionIds}
          onChange={setPositionIds}
          searchable
          error={err("desiredPositionIds")}
        />
        <TextInput
          label={t("careers.report.locations")}
          value={locations}
          onChange={(e) => setLocations(e.currentTarget.value)}
          error={err("desiredLocations")}
          data-testid="career-locations"
        />
        <Select
          label={t("careers.report.timing")}
          data={MOVE_TIMINGS.map((m) => ({ value: m, label: t(`careers.timing.${m}`) }))}
          value={timing}
          onChange={(value) => value && setTiming(value as MoveTiming)}
          allowDeselect={false}
          data-testid="career-timing"
        />
        <Checkbox
          label={t("careers.report.wantsTransfer")}
          checked={wantsTransfer}
          onChange={(e) => setWantsTransfer(e.currentTarget.checked)}
          data-testid="career-transfer"
        />
        <Checkbox
          label={t("careers.report.openToOverseas")}
          checked={overseas}
          onChange={(e) => setOverseas(e.currentTarget.checked)}
          data-testid="career-overseas"
        />
        {(save.error || submit.error) && (
          <Alert color="red" variant="light">
            {errorMessage(t, save.error ?? submit.error)}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() => void onSave()}
            loading={save.isPending}
            data-testid="career-save"
          >
            {t("careers.report.save")}
          </Button>
          <Button onClick={() => void onSubmit()} loading={submit.isPending} data-testid="career-submit">
            {t("careers.report.submit")}
          </Button>
          {saved && (
            <Text size="sm" c="teal">
              {t("careers.report.saved")}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The employee's career report: the open cycle's form (or the submitted report) and earlier years. */
export default function MyCareerReportPage() {
  const t = useT();
  const mine = useMyCareerReports();
  usePageTitle(t("careers.report.title"));
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Skeleton h={400} />;
  const openIds = new Set(mine.data.open.map((o) => o.cycle.id));
  const earlier = mine.data.reports.filter((r) => !openIds.has(r.cycleId) || r.status !== "draft");
  return (
    <Stack gap="md" maw={860}>
      <Title order={2}>{t("careers.report.title")}</Title>
      {mine.data.open.length === 0 && <Text c="dimmed">{t("careers.report.none")}</Text>}
      {mine.data.open
        .filter((o) => !o.report || o.report.status === "draft")
        .map((o) => (
          <ReportForm key={o.cycle.id} cycle={o.cycle} report={o.report} />
        ))}
      {earlier.length > 0 && <Title order={3}>{t("careers.report.earlier")}</Title>}
      {earlier.map((report) => (
        <ReportView key={report.id} report={report} />
      ))}
    </Stack>
  );
}
