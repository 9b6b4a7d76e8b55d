import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { GroupApplicationDto, GroupApplicationInput } from "../../../../src/shared/metrics-reports-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { PageLoader } from "../../components/PageLoader";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { compareCompanies } from "../../lib/companies";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import {
  useDeleteApplication,
  useMetricSettings,
  useSaveApplication,
  useSaveThreshold,
} from "./admin-queries";

/** Field messages of a failed save, by path (memberCompanyIds.0 → memberCompanyIds). */
function fieldMessage(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const messages = error.fields
    .filter((f) => f.path === path || f.path.startsWith(`${path}.`))
    .map((f) => f.message);
  return messages.length ? messages.join("; ") : undefined;
}

function ThresholdCard({ value }: { value: number }) {
  const t = useT();
  const save = useSaveThreshold();
  const [draft, setDraft] = useState<number | string>(value);
  return (
    <Card padding="md">
      <Title order={3} size="h4" mb="xs">
        {t("metrics.settings.threshold")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("metrics.settings.thresholdHint")}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t("metrics.settings.thresholdLabel")}
          value={draft}
          onChange={setDraft}
          min={2}
          max={100}
          allowDecimal={false}
          w={{ base: "100%", xs: 200 }}
          error={fieldMessage(save.error, "smallGroupThreshold")}
          data-testid="settings-threshold"
        />
        <Button
          onClick={() => save.mutate(Number(draft))}
          loading={save.isPending}
          disabled={Number(draft) === value}
          data-testid="settings-threshold-save"
        >
          {t("metrics.settings.save")}
        </Button>
      </Group>
      {save.isSuccess && (
        <Text size="sm" c="teal" mt="xs">
          {t("metrics.settings.saved")}
        </Text>
      )}
    </Card>
  );
}

const EMPTY: GroupApplicationInput = {
  code: "",
  nameJa: "",
  nameEn: "",
  parentCompanyId: 0,
  validFrom: "",
  validTo: null,
  memberCompanyIds: [],
};

function ApplicationForm({
  editing,
  onClose,
}: {
  editing: GroupApplicationDto | "new";
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const companies = [...(useCompanies().data?.items ?? [])]
    .filter((c) => c.isDomestic)
    .sort(compareCompanies);
  const save = useSaveApplication();
  const [form, setForm] = useState<GroupApplicationInput>(
    editing === "new"
      ? { ...EMPTY, parentCompanyId: companies.find((c) => c.parentCompanyId === null)?.id ?? 0 }
      : {
          code: editing.code,
          nameJa: editing.name.ja,
          nameEn: editing.name.en,
          parentCompanyId: editing.parentCompanyId,
          validFrom: editing.validFrom,
          validTo: editing.validTo,
          memberCompanyIds: editing.memberCompanyIds,
        },
  );
  const set = (patch: Partial<GroupApplicationInput>) => setForm((f) => ({ ...f, ...patch }));
  const options = companies.map((c) => ({
    value: String(c.id),
    label: `${c.code} ${localized(c.name, locale)}`,
  }));
  const error = (path: string) => fieldMessage(save.error, path);
  return (
    <Stack gap="sm">
      <TextInput
        label={t("metrics.settings.code")}
        value={form.code}
        onChange={(e) => set({ code: e.currentTarget.value })}
        error={error("code")}
        data-testid="application-code"
      />
      <TextInput
        label={t("metrics.settings.nameJa")}
        value={form.nameJa}
        onChange={(e) => set({ nameJa: e.currentTarget.value })}
        error={error("nameJa")}
      />
      <TextInput
        label={t("metrics.settings.nameEn")}
        value={form.nameEn}
        onChange={(e) => set({ nameEn: e.currentTarget.value })}
        error={error("nameEn")}
      />
      <NativeSelect
        label={t("metrics.settings.parent")}
        value={String(form.parentCompanyId)}
        onChange={(e) => set({ parentCompanyId: Number(e.currentTarget.value) })}
        data={options}
        error={error("parentCompanyId")}
      />
      <MultiSelect
        label={t("metrics.settings.members")}
        value={form.memberCompanyIds.map(String)}
        onChange={(values) => set({ memberCompanyIds: values.map(Number) })}
        data={options.filter((o) => o.value !== String(form.parentCompanyId))}
        searchable
        error={error("memberCompanyIds")}
        data-testid="application-members"
      />
      <Group grow wrap="wrap">
        <TextInput
          label={t("metrics.settings.validFrom")}
          placeholder="2024-04-01"
          value={form.validFrom}
          onChange={(e) => set({ validFrom: e.currentTarget.value })}
          error={error("validFrom")}
        />
        <TextInput
          label={t("metrics.settings.validTo")}
          placeholder={t("metrics.settings.open")}
          value={form.validTo ?? ""}
          onChange={(e) =>
            set({ validTo: e.currentTarget.value.trim() === "" ? null : e.currentTarget.value })
          }
          error={error("validTo")}
        />
      </Group>
      {save.error && !isApiError(save.error) && <ErrorState error={save.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("metrics.cancel")}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ id: editing === "new" ? null : editing.id, input: form }, { onSuccess: onClose })
          }
          data-testid="application-save"
        >
          {t("metrics.settings.save")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Group HR: the small-group threshold and the group applications of the disability employment quota. */
export default function SettingsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const isGroupHr = me.roles.some((r) => r.role === "group_hr");
  const settings = useMetricSettings();
  const companies = useCompanies(isGroupHr);
  const remove = useDeleteApplication();
  const [editing, setEditing] = useState<GroupApplicationDto | "new" | null>(null);
  usePageTitle(t("metrics.settings.title"));
  if (!isGroupHr) return <Text c="dimmed">{t("metrics.settings.noPermission")}</Text>;
  const name = (id: number) => {
    const c = companies.data?.items.find((x) => x.id === id);
    return c ? localized(c.name, locale) : String(id);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t("metrics.settings.title")}</Title>
        <Anchor component={Link} to="/reports" size="sm">
          {t("metrics.dashboard.backToReports")}
        </Anchor>
      </Group>
      {settings.error && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && !settings.error && <PageLoader />}
      {settings.data && (
        <>
          <ThresholdCard key={settings.data.smallGroupThreshold} value={settings.data.smallGroupThreshold} />
          <Card padding="md">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={3} size="h4">
                {t("metrics.settings.applications")}
              </Title>
              <Button size="xs" onClick={() => setEditing("new")} data-testid="application-add">
                {t("metrics.settings.add")}
              </Button>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t("metrics.settings.applicationsHint")}
            </Text>
            {remove.error && (
              <Alert color="red" mb="sm">
                {remove.error.message}
              </Alert>
            )}
            {settings.data.applications.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("metrics.settings.none")}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={6} fz="sm" data-testid="applications-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("metrics.settings.code")}</Table.Th>
                      <Table.Th>{t("metrics.settings.parent")}</Table.Th>
                      <Table.Th>{t("metrics.settings.members")}</Table.Th>
                      <Table.Th>{t("metrics.settings.period")}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {settings.data.applications.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {a.code}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {localized(a.name, locale)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{name(a.parentCompanyId)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {a.memberCompanyIds.map((id) => (
                              <Badge key={id} variant="light" size="sm">
                                {name(id)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          {a.validFrom} – {a.validTo ?? t("metrics.settings.open")}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="xs" variant="default" onClick={() => setEditing(a)}>
                              {t("metrics.settings.edit")}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                if (window.confirm(t("metrics.settings.confirmDelete", { code: a.code })))
                                  remove.mutate(a.id);
                              }}
                            >
                              {t("metrics.settings.delete")}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("metrics.settings.add") : t("metrics.settings.edit")}
        size="lg"
      >
        {editing !== null && <ApplicationForm editing={editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
