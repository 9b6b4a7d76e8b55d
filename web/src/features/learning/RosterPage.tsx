import { Button, Card, Group, NumberInput, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate, isIsoDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { StatusBadge } from "./labels";
import { useComplete, useRoster } from "./queries";

/** HR's view of a session: who is on it, and where attendance and completion (with a score) are recorded. */
export default function RosterPage() {
  const t = useT();
  const [locale] = useLocale();
  const { id } = useParams();
  const sessionId = id && /^\d+$/.test(id) ? Number(id) : null;
  const roster = useRoster(sessionId);
  const complete = useComplete();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [scores, setScores] = useState<Record<number, number | string>>({});
  usePageTitle(t("learning.roster.title"));
  if (roster.error) return <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />;
  if (!roster.data) return <Skeleton h={300} />;
  const { session, course, items } = roster.data;
  const record = (enrolmentId: number, completed: boolean) => {
    const score = scores[enrolmentId];
    complete.mutate({
      id: enrolmentId,
      completed,
      completedOn,
      score: typeof score === "number" ? score : null,
    });
  };
  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>{localized(course.title, locale)}</Title>
        <Text c="dimmed" size="sm">
          {formatDate(session.startsOn, locale)} – {formatDate(session.endsOn, locale)} ·{" "}
          {t("learning.course.seats", { left: session.seatsLeft, capacity: session.capacity })}
        </Text>
      </div>
      <TextInput
        label={t("learning.roster.completedOn")}
        value={completedOn}
        onChange={(e) => setCompletedOn(e.currentTarget.value)}
        error={isIsoDate(completedOn) ? undefined : t("field.date")}
        maw={200}
        data-testid="roster-date"
      />
      {complete.error && <ErrorState error={complete.error} />}
      {items.length === 0 && <Text c="dimmed">{t("learning.roster.empty")}</Text>}
      {items.map((e) => (
        <Card key={e.id} padding="sm" data-testid="roster-row" data-person-id={e.person.personId}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Text fw={600} size="sm">
                {displayName(e.person.name, locale)}
              </Text>
              <StatusBadge status={e.status} />
            </div>
            {e.status === "enrolled" && (
              <Group gap={6} wrap="nowrap">
                <NumberInput
                  placeholder={t("learning.roster.score")}
                  min={0}
                  max={100}
                  w={90}
                  size="xs"
                  value={scores[e.id] ?? ""}
                  onChange={(v) => setScores({ ...scores, [e.id]: v })}
                />
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => record(e.id, false)}
                  loading={complete.isPending}
                >
                  {t("learning.roster.absent")}
                </Button>
                <Button
                  size="compact-sm"
                  onClick={() => record(e.id, true)}
                  loading={complete.isPending}
                  data-testid="complete-button"
                >
                  {t("learning.roster.completed")}
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
