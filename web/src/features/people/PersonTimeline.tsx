import { Anchor, Badge, Group, Paper, Stack, Text, Timeline } from "@mantine/core";
import { Link } from "react-router";
import type { Assignment, Employment, PersonDetail } from "../../../../src/shared/api";
import { AssignmentKindBadge } from "../../components/Labels";
import { useLocale, useT } from "../../i18n/locale";
import { covers, formatDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { assignmentsNewestFirst, employmentsNewestFirst, isEmployedOn } from "../../lib/person";

function Period({ from, to }: { from: string; to: string | null }) {
  const t = useT();
  const [locale] = useLocale();
  return to
    ? t("person.period", { from: formatDate(from, locale), to: formatDate(to, locale) })
    : t("person.periodOpen", { from: formatDate(from, locale) });
}

function AssignmentCard({ assignment: a, today }: { assignment: Assignment; today: string }) {
  const t = useT();
  const [locale] = useLocale();
  const current = covers(a.validFrom, a.validTo, today);
  const role = [a.position && localized(a.position.name, locale), a.grade && `${a.grade.code}`]
    .filter(Boolean)
    .join(" · ");
  return (
    <Paper withBorder p="sm" data-testid="assignment" bg={current ? "indigo.0" : undefined}>
      <Group gap={6} justify="space-between" wrap="wrap">
        <Text fw={600} size="sm">
          {localized(a.orgUnit.name, locale)}
        </Text>
        <Group gap={4}>
          <AssignmentKindBadge kind={a.kind} />
          {a.isHead && (
            <Badge size="sm" variant="outline">
              {t("person.head")}
            </Badge>
          )}
          {current && (
            <Badge size="sm" color="green" variant="light">
              {t("person.current")}
            </Badge>
          )}
        </Group>
      </Group>
      {role && (
        <Text size="sm" mt={2}>
          {role}
          {a.grade && (
            <Text span size="xs" c="dimmed" ml={6}>
              {localized(a.grade.name, locale)}
            </Text>
          )}
        </Text>
      )}
      <Group gap="md" mt={4} wrap="wrap">
        <Text size="xs" c="dimmed" className="tz-tabular">
          <Period from={a.validFrom} to={a.validTo} />
        </Text>
        <Text size="xs" c="dimmed" className="tz-tabular">
          {t("person.fte", { fte: a.fte.toLocaleString(locale === "ja" ? "ja-JP" : "en-US") })}
        </Text>
        {a.lineManager && (
          <Text size="xs" c="dimmed">
            {t("person.lineManager")}:{" "}
            <Anchor component={Link} to={`/people/${a.lineManager.personId}`} size="xs">
              {displayName(a.lineManager.name, locale)}
            </Anchor>
          </Text>
        )}
      </Group>
    </Paper>
  );
}

function EmploymentItem({ employment: e, today }: { employment: Employment; today: string }) {
  const t = useT();
  const [locale] = useLocale();
  const assignments = assignmentsNewestFirst(e);
  return (
    <Stack gap="xs" data-testid="employment">
      <Group gap="xs" wrap="wrap" c="dimmed">
        <Text size="sm" className="tz-tabular">
          {t("person.employeeNumber", { number: e.employeeNumber })}
        </Text>
        <Text size="sm">· {t(`employmentType.${e.employmentType}`)}</Text>
        <Text size="sm">· {t("person.weeklyHours", { hours: e.weeklyHours })}</Text>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t("person.hired", { date: formatDate(e.hireDate, locale) })}</Text>
        {e.terminationDate && (
          <Text size="sm">
            — {t("person.terminated", { date: formatDate(e.terminationDate, locale) })}
            {e.terminationReason && ` (${t(`terminationReason.${e.terminationReason}`)})`}
          </Text>
        )}
      </Group>
      {assignments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("person.noAssignments")}
        </Text>
      ) : (
        <Stack gap={6}>
          {assignments.map((a) => (
            <AssignmentCard key={a.id} assignment={a} today={today} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function PersonTimeline({ person }: { person: PersonDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const today = todayIso();
  const employments = employmentsNewestFirst(person);
  if (employments.length === 0) return <Text c="dimmed">{t("person.noHistory")}</Text>;
  const activeIndex = employments.findIndex((e) => isEmployedOn(e, today));
  return (
    <Timeline active={activeIndex} bulletSize={22} lineWidth={2} data-testid="person-timeline">
      {employments.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Group gap="xs">
              <Text fw={700}>{localized(e.company.name, locale)}</Text>
              {isEmployedOn(e, today) && (
                <Badge size="sm" color="green" variant="light">
                  {t("person.current")}
                </Badge>
              )}
            </Group>
          }
        >
          <EmploymentItem employment={e} today={today} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
