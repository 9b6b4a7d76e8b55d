/** Recruiters: the top 50 opted-in candidates for a posting, each explained, and the posting's scouts. */
import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import type { MatchPerson } from "../../../../src/shared/matching-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { Explanation, ScoreBar } from "./Explanation";
import { useCandidates, usePostingScouts, useWithdrawScout } from "./queries";
import { ScoutModal } from "./ScoutModal";

const personLine = (person: MatchPerson, locale: "ja" | "en") =>
  [person.company, person.orgUnit, person.position]
    .filter((x) => x !== null)
    .map((x) => localized(x!.name, locale))
    .join(" · ");

export default function CandidatesPage() {
  const t = useT();
  const [locale] = useLocale();
  const postingId = Number(useParams().id);
  const candidates = useCandidates(postingId);
  const scouts = usePostingScouts(postingId);
  const withdraw = useWithdrawScout();
  const [scouting, setScouting] = useState<MatchPerson | null>(null);
  const [sent, setSent] = useState(false);
  const title = candidates.data ? localized(candidates.data.posting.title, locale) : "";
  usePageTitle(t("scouting.candidates.title", { title }));
  if (candidates.error)
    return <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (!candidates.data) return <Skeleton h={400} />;
  const d = candidates.data;
  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Title order={2}>{t("scouting.candidates.title", { title })}</Title>
        <Text size="sm" c="dimmed">
          {t(`scouting.kind.${d.posting.kind}`)} · {localized(d.posting.company.name, locale)} ·{" "}
          {localized(d.posting.orgUnit.name, locale)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("scouting.candidates.intro")}
        </Text>
      </div>
      {sent && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={() => setSent(false)}
          data-testid="scout-sent"
        >
          {t("scouting.sent")}
        </Alert>
      )}
      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("scouting.scouts")}
        </Text>
        {scouts.data && scouts.data.scouts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("scouting.scouts.none")}
          </Text>
        )}
        <Stack gap={6}>
          {scouts.data?.scouts.map((scout) => (
            <Group key={scout.id} justify="space-between" wrap="wrap" gap="xs" data-testid="posting-scout">
              <Text size="sm">
                {scout.person ? displayName(scout.person.name, locale) : ""} ·{" "}
                {formatDate(scout.sentAt.slice(0, 10), locale)}
              </Text>
              <Group gap={6}>
                <Badge variant="light">{t(`scouting.status.${scout.status}`)}</Badge>
                {scout.status === "sent" && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => withdraw.mutate(scout.id)}
                  >
                    {t("scouting.withdraw")}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      </Card>
      <Title order={3}>{t("scouting.candidates")}</Title>
      {d.candidates.length === 0 && <Text c="dimmed">{t("scouting.candidates.none")}</Text>}
      {d.candidates.map((candidate) => (
        <Card key={candidate.person.id} padding="sm" data-testid="candidate">
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <div style={{ minWidth: 0, flex: "1 1 220px" }}>
              <Text fw={600}>{displayName(candidate.person.name, locale)}</Text>
              <Text size="xs" c="dimmed">
                {personLine(candidate.person, locale)}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <ScoreBar score={candidate.explanation.score} />
              {candidate.scout ? (
                <Badge variant="light">{t(`scouting.status.${candidate.scout.status}`)}</Badge>
              ) : (
                <Button size="xs" onClick={() => setScouting(candidate.person)} data-testid="scout-open">
                  {t("scouting.scout")}
                </Button>
              )}
            </Group>
          </Group>
          <Explanation explanation={candidate.explanation} />
        </Card>
      ))}
      <ScoutModal
        person={scouting}
        postingId={postingId}
        onClose={() => setScouting(null)}
        onSent={() => setSent(true)}
      />
    </Stack>
  );
}
