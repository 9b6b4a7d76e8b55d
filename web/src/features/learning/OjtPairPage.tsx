import { Badge, Button, Card, Group, Skeleton, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import type { OjtPairDetail } from "../../../../src/shared/skills-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { api } from "../../lib/api";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useOjtMutation, useOjtPair } from "./queries";

/** An OJT year: the trainee's capability-development goals and the check-ins with the trainer's advice. */
export default function OjtPairPage() {
  const t = useT();
  const [locale] = useLocale();
  const { id } = useParams();
  const pairId = id && /^\d+$/.test(id) ? Number(id) : null;
  const pair = useOjtPair(pairId);
  const [goal, setGoal] = useState("");
  const [progress, setProgress] = useState("");
  const [advice, setAdvice] = useState("");
  const addGoal = useOjtMutation(pairId ?? 0, (title: string) =>
    api<OjtPairDetail>(`/api/ojt/pairs/${pairId}/goals`, { method: "POST", body: { title } }),
  );
  const addCheckin = useOjtMutation(pairId ?? 0, (body: { progress: string; advice: string }) =>
    api<OjtPairDetail>(`/api/ojt/pairs/${pairId}/checkins`, {
      method: "POST",
      body: { heldOn: todayIso(), ...body },
    }),
  );
  usePageTitle(t("learning.ojt.title"));
  if (pair.error) return <ErrorState error={pair.error} onRetry={() => void pair.refetch()} />;
  if (!pair.data) return <Skeleton h={300} />;
  const p = pair.data;
  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2}>{t("learning.ojt.title")}</Title>
        <Text size="sm">
          {t("learning.ojt.pair", {
            trainee: displayName(p.trainee.name, locale),
            trainer: displayName(p.trainer.name, locale),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(p.validFrom, locale)} – {p.validTo ? formatDate(p.validTo, locale) : ""} ·{" "}
          {t(`learning.ojt.status.${p.status}`)}
        </Text>
      </div>
      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("learning.ojt.goals")}
        </Text>
        {p.goalItems.map((g) => (
          <Group key={g.id} justify="space-between" wrap="wrap" gap="xs" data-testid="ojt-goal">
            <div>
              <Text size="sm">{g.title}</Text>
              {g.skill && (
                <Text size="xs" c="dimmed">
                  {localized(g.skill.name, locale)} → {g.targetLevel}
                </Text>
              )}
            </div>
            <Badge
              variant="light"
              color={g.status === "achieved" ? "teal" : g.status === "open" ? "blue" : "orange"}
            >
              {t(`learning.ojt.goalStatus.${g.status}`)}
            </Badge>
          </Group>
        ))}
        {p.canEdit && (
          <Group mt="sm" gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              placeholder={t("learning.ojt.newGoal")}
              value={goal}
              onChange={(e) => setGoal(e.currentTarget.value)}
              style={{ flex: 1 }}
              maxLength={200}
            />
            <Button
              size="sm"
              disabled={!goal.trim()}
              loading={addGoal.isPending}
              onClick={() => addGoal.mutate(goal.trim(), { onSuccess: () => setGoal("") })}
            >
              {t("learning.ojt.add")}
            </Button>
          </Group>
        )}
      </Card>
      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("learning.ojt.checkins")}
        </Text>
        {p.checkinItems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("learning.ojt.noCheckins")}
          </Text>
        )}
        <Stack gap="xs">
          {[...p.checkinItems].reverse().map((k) => (
            <div key={k.id} data-testid="ojt-checkin">
              <Text size="xs" c="dimmed">
                {formatDate(k.heldOn, locale)}
              </Text>
              <Text size="sm">{k.progress}</Text>
              {k.advice && (
                <Text size="sm" c="indigo.8">
                  {t("learning.ojt.advice", { text: k.advice })}
                </Text>
              )}
            </div>
          ))}
        </Stack>
        {p.canEdit && (
          <Stack gap="xs" mt="sm">
            <Textarea
              placeholder={t("learning.ojt.progress")}
              value={progress}
              onChange={(e) => setProgress(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              placeholder={t("learning.ojt.adviceField")}
              value={advice}
              onChange={(e) => setAdvice(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              w="fit-content"
              disabled={!progress.trim()}
              loading={addCheckin.isPending}
              onClick={() =>
                addCheckin.mutate(
                  { progress: progress.trim(), advice: advice.trim() },
                  {
                    onSuccess: () => {
                      setProgress("");
                      setAdvice("");
                    },
                  },
                )
              }
            >
              {t("learning.ojt.addCheckin")}
            </Button>
          </Stack>
        )}
        {(addGoal.error || addCheckin.error) && <ErrorState error={addGoal.error ?? addCheckin.error} />}
      </Card>
    </Stack>
  );
}
