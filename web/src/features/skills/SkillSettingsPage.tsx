import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import {
  CURRENT_LEVEL_RULES,
  type CurrentLevelRule,
  REMINDER_DAYS_BOUNDS,
  type SkillSettings,
} from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { PageLoader } from "../../components/PageLoader";
import { useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { usePageTitle } from "../../lib/usePageTitle";
import { hasRole } from "../auth/session";
import { useSaveSkillSettings, useSkillSettings } from "./queries";

const { minCount, maxCount, minDays, maxDays } = REMINDER_DAYS_BOUNDS;

type Lead = number | string;

const validLead = (value: Lead) =>
  typeof value === "number" && Number.isInteger(value) && value >= minDays && value <= maxDays;

/** The lead times as they would be saved: distinct, largest first. */
const normalized = (leads: Lead[]) => [...new Set(leads.filter(validLead).map(Number))].sort((a, b) => b - a);

function SettingsForm({ saved }: { saved: SkillSettings }) {
  const t = useT();
  const save = useSaveSkillSettings();
  const [rule, setRule] = useState<CurrentLevelRule>(saved.currentLevelRule);
  const [leads, setLeads] = useState<Lead[]>(saved.certificationReminderDays);
  const [tried, setTried] = useState(false);
  const days = normalized(leads);
  const countError = leads.length < minCount || leads.length > maxCount;
  const invalid = countError || leads.some((l) => !validLead(l));
  const changed =
    rule !== saved.currentLevelRule || days.join(",") !== saved.certificationReminderDays.join(",");
  const serverError = isApiError(save.error)
    ? save.error.fields
        .filter((f) => f.path.startsWith("certificationReminderDays"))
        .map((f) => f.message)
        .join("; ")
    : "";
  const submit = () => {
    setTried(true);
    if (invalid) return;
    save.mutate(
      { currentLevelRule: rule, certificationReminderDays: days },
      { onSuccess: (data) => setLeads(data.certificationReminderDays) },
    );
  };

  return (
    <Stack gap="md">
      <Card padding="md">
        <Title order={3} size="h4" mb={4}>
          {t("skills.settings.rule")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("skills.settings.ruleHint")}
        </Text>
        <Radio.Group value={rule} onChange={(v) => setRule(v as CurrentLevelRule)}>
          <Stack gap="sm">
            {CURRENT_LEVEL_RULES.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`skills.settings.rule.${value}`)}
                description={t(`skills.settings.rule.${value}.hint`)}
                data-testid={`settings-rule-${value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Card>

      <Card padding="md">
        <Title order={3} size="h4" mb={4}>
          {t("skills.settings.reminders")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("skills.settings.remindersHint")}
        </Text>
        <Stack gap="xs" data-testid="settings-leads">
          {leads.map((lead, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are positional; values may repeat while typed
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <NumberInput
                aria-label={t("skills.settings.leadDayN", { n: i + 1 })}
                placeholder={t("skills.settings.leadDay")}
                value={lead}
                onChange={(value) => setLeads((all) => all.map((l, j) => (j === i ? value : l)))}
                min={minDays}
                max={maxDays}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                suffix={` ${t("skills.settings.daysSuffix")}`}
                error={tried && !validLead(lead) ? t("skills.settings.error.range") : undefined}
                style={{ flex: 1, maxWidth: 260 }}
                data-testid="settings-lead"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t("skills.settings.removeLead", { n: i + 1 })}
                disabled={leads.length <= minCount}
                onClick={() => setLeads((all) => all.filter((_, j) => j !== i))}
                data-testid="settings-lead-remove"
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Group mt="xs" gap="sm" wrap="wrap">
          <Button
            variant="default"
            size="xs"
            disabled={leads.length >= maxCount}
            onClick={() => setLeads((all) => [...all, ""])}
            data-testid="settings-lead-add"
          >
            {t("skills.settings.addLead")}
          </Button>
          <Text size="xs" c="dimmed">
            {t("skills.settings.leadRule")}
          </Text>
        </Group>
        {tried && countError && (
          <Text size="sm" c="red" mt="xs">
            {t("skills.settings.error.count")}
          </Text>
        )}
        {serverError && (
          <Text size="sm" c="red" mt="xs" data-testid="settings-server-error">
            {serverError}
          </Text>
        )}
        {days.length > 0 && !invalid && (
          <Text size="sm" mt="sm" data-testid="settings-preview">
            {t("skills.settings.preview", { days: days.join(" / ") })}
          </Text>
        )}
      </Card>

      {save.error && !isApiError(save.error) && <ErrorState error={save.error} />}
      <Group gap="sm" wrap="wrap">
        <Button onClick={submit} loading={save.isPending} disabled={!changed} data-testid="settings-save">
          {t("skills.settings.save")}
        </Button>
        {save.isSuccess && !changed && (
          <Text size="sm" c="teal" data-testid="settings-saved">
            {t("skills.settings.saved")}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Group HR: the current-level rule and the certification-expiry reminder lead times. */
export default function SkillSettingsPage() {
  const t = useT();
  const me = useCurrentUser();
  const isGroupHr = hasRole(me, "group_hr");
  const settings = useSkillSettings(isGroupHr);
  usePageTitle(t("skills.settings.title"));
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t("skills.settings.title")}</Title>
      {!isGroupHr ? (
        <Alert color="gray" variant="light">
          {t("skills.settings.noPermission")}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t("skills.settings.intro")}
          </Text>
          {settings.error && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
          {settings.isPending && !settings.error && <PageLoader />}
          {settings.data && <SettingsForm saved={settings.data} />}
        </>
      )}
    </Stack>
  );
}
