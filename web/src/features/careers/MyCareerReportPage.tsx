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
import type { CareerCycle, CareerReport, CareerWishOptions } from "../../../../src/shared/careers-api";
import type { Locale } from "../../../../src/shared/enums";
import { MOVE_TIMINGS, type MoveTiming } from "../../../../src/shared/mobility-vocab";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { usePositions } from "../skills/queries";
import {
  useCareerWishOptions,
  useMyCareerReports,
  useSaveCareerReport,
  useSubmitCareerReport,
} from "./queries";
import { ReportView } from "./ReportView";

/**
 * The job-category choices grouped by company, the cycle's company first. Categories already in the report but
 * no longer listed (e.g. removed from the catalogue) stay as choices so that saving keeps them.
 */
function jobCategoryChoices(
  options: CareerWishOptions | undefined,
  stored: CareerReport["desiredJobCategories"],
  companyId: number,
  locale: Locale,
) {
  const groups = new Map<number, { group: string; items: { value: string; label: string }[] }>();
  for (const category of options?.jobCategories ?? []) {
    const group = groups.get(category.company.id) ?? {
      group: localized(category.company.name, locale),
      items: [],
    };
    group.items.push({ value: String(category.id), label: localized(category.name, locale) });
    groups.set(category.company.id, group);
  }
  const listed = new Set((options?.jobCategories ?? []).map((c) => c.id));
  const ordered = [
    ...(groups.has(companyId) ? [groups.get(companyId)!] : []),
    ...[...groups.entries()].filter(([id]) => id !== companyId).map(([, group]) => group),
  ];
  const kept = stored.filter((c) => !listed.has(c.id));
  return kept.length
    ? [...ordered, ...kept.map((c) => ({ value: String(c.id), label: localized(c.name, locale) }))]
    : ordered;
}

function ReportForm({ cycle, report }: { cycle: CareerCycle; report: CareerReport | null }) {
  const t = useT();
  const [locale] = useLocale();
  const save = useSaveCareerReport();
  const submit = useSubmitCareerReport();
  const positions = usePositions(cycle.companyId);
  const wishOptions = useCareerWishOptions();
  const [jobCategoryIds, setJobCategoryIds] = useState<string[]>(
    (report?.desiredJobCategories ?? []).map((c) => String(c.id)),
  );
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
    desiredJobCategoryIds: jobCategoryIds.map(Number),
    desiredPositionIds: positionIds.map(Number),
    desiredLocations: locations
      .split(/[,、]/)
      .map((s) => s.trim())
      .filter(Boolean),
    moveTiming: timing,
    wantsTransfer,
    openToOverseas: overseas,
  });
  /** The server's message for the field or one of its items (`desiredJobCategoryIds.0`). */
  const err = (path: string) =>
    isApiError(save.error)
      ? save.error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message
      : undefined;
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
          label={t("careers.report.jobCategories")}
          description={t("careers.report.jobCategoriesHint")}
          data={jobCategoryChoices(
            wishOptions.data,
            report?.desiredJobCategories ?? [],
            cycle.companyId,
            locale,
          )}
          value={jobCategoryIds}
          onChange={setJobCategoryIds}
          searchable
          clearable
          maxValues={10}
          nothingFoundMessage={t("careers.report.nothingFound")}
          error={err("desiredJobCategoryIds")}
          data-testid="career-job-categories"
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
