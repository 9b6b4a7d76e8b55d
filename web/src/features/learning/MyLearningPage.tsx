import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { CourseKindBadge, StatusBadge } from "./labels";
import { useComplete, useOjtPairs, usePersonLearning } from "./queries";

const OPEN = ["requested", "enrolled", "waitlisted"];

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="tz-tabular">
        {value}
      </Text>
    </Card>
  );
}

/** My enrolments and assignments due, my training records with this fiscal year's totals, certifications, OJT. */
export default function MyLearningPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const learning = usePersonLearning(me.personId);
  const pairs = useOjtPairs(me.personId);
  const complete = useComplete();
  const [allRecords, setAllRecords] = useState(false);
  usePageTitle(t("learning.my.title"));
  if (me.personId === null) return <Text>{t("skills.noPerson")}</Text>;
  if (learning.error) return <ErrorState error={learning.error} onRetry={() => void learning.refetch()} />;
  if (!learning.data) return <Skeleton h={400} />;
  const d = learning.data;
  const open = d.enrolments.filter((e) => OPEN.includes(e.status));
  const records = allRecords ? d.records : d.records.slice(0, 10);
  // expiring soon, or expired within the last 90 days, and not renewed: shown first, prominently
  const renew = d.certifications.filter(
    (c) => !c.renewed && (c.expiringSoon || (c.expired && (c.daysLeft ?? -999) >= -90)),
  );
  const number = (n: number) =>
    n.toLocaleString(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 2 });
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t("learning.my.title")}</Title>
      {renew.length > 0 && (
        <Alert
          color={renew.some((c) => c.expired) ? "red" : "orange"}
          variant="light"
          title={t("learning.cert.expiringTitle")}
          data-testid="certifications-expiring"
        >
          <Stack gap={4}>
            {renew.map((c) => (
              <Text key={c.id} size="sm">
                <b>{localized(c.certification.name, locale)}</b> —{" "}
                {c.expired
                  ? t("learning.cert.expiredAgo", { date: formatDate(c.expiresOn!, locale) })
                  : t("learning.cert.expiresIn", {
                      days: c.daysLeft ?? 0,
                      date: formatDate(c.expiresOn!, locale),
                    })}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {t("learning.cert.renewHint")}
            </Text>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Stat label={t("learning.my.days", { fy: d.totals.fiscalYear })} value={number(d.totals.days)} />
        <Stat label={t("learning.my.hours")} value={number(d.totals.hours)} />
        <Stat label={t("learning.my.courses")} value={String(d.totals.courses)} />
      </SimpleGrid>

      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("learning.my.open")}
        </Text>
        {open.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("learning.my.noOpen")}
          </Text>
        )}
        <Stack gap={6}>
          {open.map((e) => (
            <Group key={e.id} justify="space-between" wrap="wrap" gap="xs" data-testid="my-enrolment">
              <div style={{ minWidth: 0, flex: "1 1 240px" }}>
                <Anchor component={Link} to={`/learning/courses/${e.course.id}`} size="sm" fw={500}>
                  {localized(e.course.title, locale)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {e.session ? formatDate(e.session.startsOn, locale) : t("learning.delivery.e_learning")}
                  {e.dueOn ? ` · ${t("learning.my.due", { date: formatDate(e.dueOn, locale) })}` : ""}
                </Text>
              </div>
              <Group gap={6}>
                <StatusBadge status={e.status} overdue={e.overdue} />
                {e.status === "enrolled" && e.course.delivery === "e_learning" && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={complete.isPending}
                    onClick={() =>
                      complete.mutate({ id: e.id, completed: true, completedOn: todayIso(), score: null })
                    }
                    data-testid="finish-elearning"
                  >
                    {t("learning.my.finished")}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
        {complete.error && <ErrorState error={complete.error} />}
      </Card>

      {(pairs.data?.items.length ?? 0) > 0 && (
        <Card padding="sm" data-testid="my-ojt">
          <Text fw={600} mb="xs">
            {t("learning.ojt.title")}
          </Text>
          {pairs.data!.items.map((p) => (
            <Group key={p.id} justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/ojt/${p.id}`} size="sm">
                {p.trainee.personId === me.personId
                  ? t("learning.ojt.withTrainer", { name: displayName(p.trainer.name, locale) })
                  : t("learning.ojt.withTrainee", { name: displayName(p.trainee.name, locale) })}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(p.validFrom, locale)} – {p.validTo ? formatDate(p.validTo, locale) : ""} ·{" "}
                {t("learning.ojt.counts", { goals: p.goals, checkins: p.checkins })}
              </Text>
            </Group>
          ))}
        </Card>
      )}

      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("learning.my.records")}
        </Text>
        {d.records.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("learning.my.noRecords")}
          </Text>
        )}
        <Table fz="sm" striped>
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr key={r.id} data-testid="training-record">
                <Table.Td className="tz-tabular" style={{ whiteSpace: "nowrap" }}>
                  {formatDate(r.completedOn, locale)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{localized(r.course.title, locale)}</Text>
                  <CourseKindBadge kind={r.course.kind} />
                </Table.Td>
                <Table.Td ta="right" className="tz-tabular" style={{ whiteSpace: "nowrap" }}>
                  {t("learning.duration", { days: r.days, hours: r.hours })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.records.length > 10 && !allRecords && (
          <Button variant="subtle" size="xs" mt="xs" onClick={() => setAllRecords(true)}>
            {t("learning.my.allRecords", { count: d.records.length })}
          </Button>
        )}
      </Card>

      <Card padding="sm">
        <Text fw={600} mb="xs">
          {t("learning.my.certifications")}
        </Text>
        {d.certifications.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("learning.my.noCertifications")}
          </Text>
        )}
        {d.certifications.map((c) => (
          <Group key={c.id} justify="space-between" wrap="wrap" data-testid="certification">
            <Text size="sm">{localized(c.certification.name, locale)}</Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {formatDate(c.obtainedOn, locale)}
                {c.expiresOn ? ` – ${formatDate(c.expiresOn, locale)}` : ""}
              </Text>
              {c.expired && (
                <Badge color="gray" size="sm">
                  {t("learning.my.expired")}
                </Badge>
              )}
              {c.expiringSoon && (
                <Badge color="orange" size="sm">
                  {t("learning.my.expiringSoon")}
                </Badge>
              )}
            </Group>
          </Group>
        ))}
      </Card>
    </Stack>
  );
}
