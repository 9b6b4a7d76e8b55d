/** Employees: scouts for me (accept and apply, or decline) and the open postings that fit me, explained. */
import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { Explanation, ScoreBar } from "./Explanation";
import { useAnswerScout, useFittingPostings, useMyScouts } from "./queries";

function ScoutCard({
  scout,
}: {
  scout: NonNullable<ReturnType<typeof useMyScouts>["data"]>["scouts"][number];
}) {
  const t = useT();
  const [locale] = useLocale();
  const answer = useAnswerScout();
  const [mode, setMode] = useState<"accept" | "decline" | null>(null);
  const [text, setText] = useState("");
  const [done, setDone] = useState<string | null>(null);
  return (
    <Card padding="sm" data-testid="my-scout">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: "1 1 220px" }}>
          <Text fw={600}>{localized(scout.posting.title, locale)}</Text>
          <Text size="xs" c="dimmed">
            {t(`scouting.kind.${scout.posting.kind}`)} · {localized(scout.posting.company.name, locale)} ·{" "}
            {formatDate(scout.sentAt.slice(0, 10), locale)}
          </Text>
        </div>
        <Badge variant="light" data-testid="my-scout-status">
          {t(`scouting.status.${scout.status}`)}
        </Badge>
      </Group>
      <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
        {scout.message}
      </Text>
      {done && (
        <Alert color="teal" variant="light" mt="xs">
          {done}
        </Alert>
      )}
      {scout.status === "sent" && mode === null && (
        <Group mt="xs" gap="xs">
          <Button size="xs" onClick={() => setMode("accept")} data-testid="scout-accept">
            {t("scouting.accept")}
          </Button>
          <Button size="xs" variant="default" onClick={() => setMode("decline")} data-testid="scout-decline">
            {t("scouting.decline")}
          </Button>
        </Group>
      )}
      {scout.status === "sent" && mode !== null && (
        <Stack gap="xs" mt="xs">
          <Textarea
            label={t(mode === "accept" ? "scouting.motivation" : "scouting.declineNote")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="scout-answer-text"
          />
          {answer.error && <ErrorState error={answer.error} />}
          <Group gap="xs">
            <Button
              size="xs"
              loading={answer.isPending}
              data-testid="scout-answer-confirm"
              onClick={() =>
                answer.mutate(
                  { id: scout.id, accept: mode === "accept", text },
                  {
                    onSuccess: () =>
                      setDone(t(mode === "accept" ? "scouting.accepted" : "scouting.declined")),
                  },
                )
              }
            >
              {t(mode === "accept" ? "scouting.accept" : "scouting.decline")}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setMode(null)}>
              {t("app.back")}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

export default function MyOpportunitiesPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const hasPerson = me.personId !== null;
  const scouts = useMyScouts(hasPerson);
  const fitting = useFittingPostings(hasPerson);
  usePageTitle(t("scouting.mine.title"));
  if (!hasPerson) return <Text>{t("skills.noPerson")}</Text>;
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t("scouting.mine.title")}</Title>
      <Title order={3}>{t("scouting.mine.scouts")}</Title>
      {scouts.error && <ErrorState error={scouts.error} onRetry={() => void scouts.refetch()} />}
      {!scouts.data && !scouts.error && <Skeleton h={80} />}
      {scouts.data?.scouts.length === 0 && <Text c="dimmed">{t("scouting.mine.noScouts")}</Text>}
      {scouts.data?.scouts.map((scout) => (
        <ScoutCard key={scout.id} scout={scout} />
      ))}
      <Title order={3}>{t("scouting.mine.fitting")}</Title>
      {fitting.error && <ErrorState error={fitting.error} onRetry={() => void fitting.refetch()} />}
      {!fitting.data && !fitting.error && <Skeleton h={200} />}
      {fitting.data?.postings.length === 0 && <Text c="dimmed">{t("scouting.mine.noFitting")}</Text>}
      {fitting.data?.postings.map((fit) => (
        <Card key={fit.posting.id} padding="sm" data-testid="fitting-posting">
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <div style={{ minWidth: 0, flex: "1 1 220px" }}>
              <Text fw={600}>{localized(fit.posting.title, locale)}</Text>
              <Text size="xs" c="dimmed">
                {t(`scouting.kind.${fit.posting.kind}`)} · {localized(fit.posting.company.name, locale)} ·{" "}
                {localized(fit.posting.orgUnit.name, locale)}
                {fit.posting.location ? ` · ${fit.posting.location}` : ""}
              </Text>
              {!fit.eligible && (
                <Text size="xs" c="orange">
                  {t("scouting.mine.notEligible", {
                    reasons: fit.ineligibleReasons.map((r) => t(`scouting.mine.reason.${r}`)).join(", "),
                  })}
                </Text>
              )}
            </div>
            <ScoreBar score={fit.explanation.score} />
          </Group>
          <Explanation explanation={fit.explanation} />
        </Card>
      ))}
    </Stack>
  );
}
