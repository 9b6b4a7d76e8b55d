import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Radio,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { WorkHistoryEntry } from "../../../../src/shared/careers-api";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import {
  type EntryInput,
  useConsent,
  useConsentOptions,
  useDeleteEntry,
  useFillFromAssignments,
  useGrantConsent,
  useSaveEntry,
  useWithdrawConsent,
  useWorkHistory,
} from "./queries";

function EntryForm({ entry, onDone }: { entry: WorkHistoryEntry | null; onDone: () => void }) {
  const t = useT();
  const save = useSaveEntry();
  const [value, setValue] = useState<EntryInput>({
    periodFrom: entry?.periodFrom ?? "",
    periodTo: entry?.periodTo ?? null,
    organisation: entry?.organisation ?? "",
    role: entry?.role ?? "",
    achievements: entry?.achievements ?? "",
    skillIds: entry?.skills.map((s) => s.id) ?? [],
  });
  const err = (path: string) => (isApiError(save.error) ? save.error.fieldMessage(path) : undefined);
  const locked = entry?.source === "assignment";
  return (
    <Card withBorder padding="sm" data-testid="work-history-form">
      <Stack gap="xs">
        <Group grow wrap="wrap">
          <TextInput
            type="date"
            label={t("careers.history.from")}
            value={value.periodFrom}
            disabled={locked}
            onChange={(e) => setValue({ ...value, periodFrom: e.currentTarget.value })}
            error={err("periodFrom")}
            data-testid="wh-from"
          />
          <TextInput
            type="date"
            label={t("careers.history.to")}
            value={value.periodTo ?? ""}
            disabled={locked}
            onChange={(e) => setValue({ ...value, periodTo: e.currentTarget.value || null })}
            error={err("periodTo")}
            data-testid="wh-to"
          />
        </Group>
        <TextInput
          label={t("careers.history.organisation")}
          value={value.organisation}
          onChange={(e) => setValue({ ...value, organisation: e.currentTarget.value })}
          error={err("organisation")}
          data-testid="wh-organisation"
        />
        <TextInput
          label={t("careers.history.role")}
          value={value.role}
          onChange={(e) => setValue({ ...value, role: e.currentTarget.value })}
          error={err("role")}
          data-testid="wh-role"
        />
        <Textarea
          label={t("careers.history.achievements")}
          value={value.achievements}
          onChange={(e) => setValue({ ...value, achievements: e.currentTarget.value })}
          autosize
          minRows={2}
          error={err("achievements")}
        />
        {save.error && !isApiError(save.error) && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
        <Group>
          <Button
            size="xs"
            onClick={async () => {
              await save.mutateAsync({ id: entry?.id ?? null, entry: value });
              onDone();
            }}
            loading={save.isPending}
            data-testid="wh-save"
          >
            {t("careers.history.save")}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("careers.history.cancel")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ConsentPanel() {
  const t = useT();
  const [locale] = useLocale();
  const consent = useConsent();
  const options = useConsentOptions();
  const grant = useGrantConsent();
  const withdraw = useWithdrawConsent();
  const current = consent.data?.current ?? null;
  const [mode, setMode] = useState<"all" | "some" | null>(null);
  const [companyIds, setCompanyIds] = useState<string[] | null>(null);
  const [unitIds, setUnitIds] = useState<string[] | null>(null);
  if (!consent.data) return <Skeleton h={200} />;
  const effectiveMode = mode ?? (current && !current.allCompanies ? "some" : "all");
  const companies = companyIds ?? (current?.companies ?? []).map((c) => String(c.id));
  const units = unitIds ?? (current?.orgUnits ?? []).map((u) => String(u.id));
  const date = (iso: string) => formatDate(iso.slice(0, 10), locale);
  return (
    <Card withBorder padding="md" data-testid="consent-panel">
      <Stack gap="sm">
        <Title order={3}>{t("careers.consent.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("careers.consent.explain")}
        </Text>
        {current ? (
          <Alert color="teal" variant="light" data-testid="consent-state">
            {t("careers.consent.active", { date: date(current.grantedAt) })}
          </Alert>
        ) : (
          <Alert color="gray" variant="light" data-testid="consent-state">
            {t("careers.consent.none")}
          </Alert>
        )}
        <Radio.Group value={effectiveMode} onChange={(v) => setMode(v as "all" | "some")}>
          <Stack gap={6}>
            <Radio value="all" label={t("careers.consent.all")} data-testid="consent-all" />
            <Radio
              value="some"
              label={`${t("careers.consent.companies")} / ${t("careers.consent.divisions")}`}
              data-testid="consent-some"
            />
          </Stack>
        </Radio.Group>
        {effectiveMode === "some" && (
          <>
            <MultiSelect
              label={t("careers.consent.companies")}
              data={(options.data?.companies ?? []).map((c) => ({
                value: String(c.id),
                label: `${c.code} ${localized(c.name, locale)}`,
              }))}
              value={companies}
              onChange={setCompanyIds}
              data-testid="consent-companies"
            />
            <MultiSelect
              label={t("careers.consent.divisions")}
              data={(options.data?.divisions ?? []).map((d) => ({
                value: String(d.id),
                label: localized(d.name, locale),
              }))}
              value={units}
              onChange={setUnitIds}
            />
          </>
        )}
        {(grant.error || withdraw.error) && (
          <Alert color="red" variant="light">
            {isApiError(grant.error) && grant.error.fields[0]
              ? grant.error.fields[0].message
              : errorMessage(t, grant.error ?? withdraw.error)}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() =>
              grant.mutate(
                effectiveMode === "all"
                  ? { allCompanies: true, companyIds: [], orgUnitIds: [] }
                  : { allCompanies: false, companyIds: companies.map(Number), orgUnitIds: units.map(Number) },
              )
            }
            loading={grant.isPending}
            data-testid="consent-grant"
          >
            {t("careers.consent.grant")}
          </Button>
          {current && (
            <Button
              color="red"
              variant="light"
              onClick={() => withdraw.mutate()}
              loading={withdraw.isPending}
              data-testid="consent-withdraw"
            >
              {t("careers.consent.withdraw")}
            </Button>
          )}
        </Group>
        {consent.data.history.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t("careers.consent.history")}
            </Text>
            {consent.data.history.map((h) => (
              <Text key={h.id} size="xs" c="dimmed" data-testid="consent-history-row">
                {t("careers.consent.period", {
                  from: date(h.grantedAt),
                  to: h.withdrawnAt ? date(h.withdrawnAt) : "…",
                })}{" "}
                ·{" "}
                {h.allCompanies
                  ? t("careers.consent.all")
                  : [
                      ...h.companies.map((c) => c.code),
                      ...h.orgUnits.map((u) => localized(u.name, locale)),
                    ].join(", ")}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The employee's work-history record (with "fill from my assignments") and their scouting consent. */
export default function WorkHistoryPage() {
  const t = useT();
  const [locale] = useLocale();
  const history = useWorkHistory();
  const fill = useFillFromAssignments();
  const remove = useDeleteEntry();
  const [editing, setEditing] = useState<WorkHistoryEntry | "new" | null>(null);
  const [filled, setFilled] = useState<number | null>(null);
  usePageTitle(t("careers.history.title"));
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Skeleton h={400} />;
  return (
    <Stack gap="md" maw={860}>
      <ConsentPanel />
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("careers.history.title")}</Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={async () => setFilled((await fill.mutateAsync()).created)}
            loading={fill.isPending}
            data-testid="wh-fill"
          >
            {t("careers.history.fill")}
          </Button>
          <Button size="xs" onClick={() => setEditing("new")} data-testid="wh-add">
            {t("careers.history.add")}
          </Button>
        </Group>
      </Group>
      {filled !== null && (
        <Text size="sm" c="teal">
          {t("careers.history.filled", { count: filled })}
        </Text>
      )}
      {editing === "new" && <EntryForm entry={null} onDone={() => setEditing(null)} />}
      {history.data.items.length === 0 && <Text c="dimmed">{t("careers.history.empty")}</Text>}
      {history.data.items.map((entry) =>
        editing !== "new" && editing?.id === entry.id ? (
          <EntryForm key={entry.id} entry={entry} onDone={() => setEditing(null)} />
        ) : (
          <Card key={entry.id} withBorder padding="sm" data-testid="work-history-entry">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" c="dimmed">
                {formatDate(entry.periodFrom, locale)} –{" "}
                {entry.periodTo ? formatDate(entry.periodTo, locale) : t("careers.history.ongoing")}
              </Text>
              {entry.source === "assignment" && (
                <Badge size="sm" variant="light">
                  {t("careers.history.fromAssignment")}
                </Badge>
              )}
            </Group>
            <Text fw={700}>{entry.role}</Text>
            <Text size="sm">{entry.organisation}</Text>
            {entry.achievements && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {entry.achievements}
              </Text>
            )}
            {entry.skills.length > 0 && (
              <Group gap={4} mt={4}>
                {entry.skills.map((s) => (
                  <Badge key={s.id} size="sm" variant="outline">
                    {localized(s.name, locale)}
                  </Badge>
                ))}
              </Group>
            )}
            <Group gap="xs" mt="xs">
              <Button size="compact-xs" variant="default" onClick={() => setEditing(entry)}>
                {t("careers.history.edit")}
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(entry.id)}>
                {t("careers.history.delete")}
              </Button>
            </Group>
          </Card>
        ),
      )}
    </Stack>
  );
}
