import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Session } from "../../../../src/shared/skills-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { AssignModal, SessionModal } from "./CourseAdminModals";
import { CourseKindBadge, DeliveryLabel, StatusBadge, useDuration } from "./labels";
import { useCancelEnrolment, useCourse, useEnrol } from "./queries";

const OPEN = ["requested", "enrolled", "waitlisted"];

/** A course: what it builds, its sessions with free seats, and the signed-in person's place on it. */
export default function CoursePage() {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow();
  const duration = useDuration();
  const { id } = useParams();
  const courseId = id && /^\d+$/.test(id) ? Number(id) : null;
  const course = useCourse(courseId);
  const enrol = useEnrol();
  const cancel = useCancelEnrolment();
  // HR: the session being edited (null = a new one) and the assignment dialog
  const [sessionModal, setSessionModal] = useState<{ session: Session | null } | null>(null);
  const [assigning, setAssigning] = useState(false);
  usePageTitle(course.data ? localized(course.data.title, locale) : t("learning.catalog.title"));
  if (course.error) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  if (!course.data) return <Skeleton h={400} />;
  const c = course.data;
  const open = c.myEnrolments.find((e) => OPEN.includes(e.status));
  const canAsk = c.inAudience && !open && c.active;
  const sessionLabel = (s: Session) =>
    s.startsOn === s.endsOn
      ? formatDate(s.startsOn, locale)
      : `${formatDate(s.startsOn, locale)} – ${formatDate(s.endsOn, locale)}`;
  const ask = (sessionId: number | null) => enrol.mutate({ courseId: c.id, sessionId });
  return (
    <Stack gap="md" maw={960}>
      <div>
        <Group gap="xs">
          <CourseKindBadge kind={c.kind} />
          <Text size="xs" c="dimmed">
            {c.code}
          </Text>
        </Group>
        <Title order={2} data-testid="course-title">
          {localized(c.title, locale)}
        </Title>
        <Text size="sm" c="dimmed">
          <DeliveryLabel delivery={c.delivery} /> · {duration(c.durationDays, c.durationHours)} ·{" "}
          {t(`learning.language.${c.language}`)}
          {!c.active && ` · ${t("learning.admin.inactive")}`}
        </Text>
      </div>
      {c.canManage && (
        <Group gap="xs" wrap="wrap" data-testid="course-admin">
          <Button
            component={Link}
            to={`/learning/courses/${c.id}/edit`}
            variant="light"
            size="xs"
            data-testid="course-edit"
          >
            {t("learning.admin.edit")}
          </Button>
          {c.delivery !== "e_learning" && (
            <Button
              variant="light"
              size="xs"
              onClick={() => setSessionModal({ session: null })}
              data-testid="session-new"
            >
              {t("learning.session.new")}
            </Button>
          )}
          <Button variant="light" size="xs" onClick={() => setAssigning(true)} data-testid="assign-open">
            {t("learning.assign.title")}
          </Button>
        </Group>
      )}
      {sessionModal && (
        <SessionModal
          key={sessionModal.session?.id ?? "new"}
          course={c}
          session={sessionModal.session}
          opened
          onClose={() => setSessionModal(null)}
        />
      )}
      {assigning && <AssignModal course={c} opened onClose={() => setAssigning(false)} />}
      {localized(c.description, locale) && <Text size="sm">{localized(c.description, locale)}</Text>}
      {c.skills.length > 0 && (
        <Card padding="sm">
          <Text fw={600} size="sm" mb={4}>
            {t("learning.course.builds")}
          </Text>
          <Group gap={6}>
            {c.skills.map((s) => (
              <Badge key={s.skillId} variant="light">
                {localized(s.name, locale)} → {s.targetLevel}
              </Badge>
            ))}
          </Group>
        </Card>
      )}
      {!c.inAudience && (
        <Alert color="gray" variant="light">
          {t("learning.course.notForYou")}
        </Alert>
      )}
      {c.myEnrolments.length > 0 && (
        <Card padding="sm" data-testid="my-course-enrolments">
          <Text fw={600} size="sm" mb={4}>
            {t("learning.course.myPlace")}
          </Text>
          {c.myEnrolments.map((e) => (
            <Group key={e.id} justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <StatusBadge status={e.status} overdue={e.overdue} />
                <Text size="sm">
                  {e.session ? formatDate(e.session.startsOn, locale) : t("learning.delivery.e_learning")}
                </Text>
                {e.waitlistPosition !== null && (
                  <Text size="xs">
                    {t("learning.course.waitlistPosition", { position: e.waitlistPosition })}
                  </Text>
                )}
              </Group>
              {OPEN.includes(e.status) && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={cancel.isPending}
                  onClick={() => cancel.mutate(e.id)}
                  data-testid="cancel-enrolment"
                >
                  {t("learning.course.cancel")}
                </Button>
              )}
            </Group>
          ))}
        </Card>
      )}
      {(enrol.error || cancel.error) && <ErrorState error={enrol.error ?? cancel.error} />}
      {c.delivery === "e_learning" ? (
        canAsk && (
          <Button
            onClick={() => ask(null)}
            loading={enrol.isPending}
            w="fit-content"
            data-testid="enrol-button"
          >
            {t("learning.course.askELearning")}
          </Button>
        )
      ) : (
        <Card padding="sm">
          <Text fw={600} size="sm" mb="xs">
            {t("learning.course.sessions")}
          </Text>
          {c.sessions.length === 0 && (
            <Text c="dimmed" size="sm">
              {t("learning.course.noSessions")}
            </Text>
          )}
          <Table fz="sm" verticalSpacing={6}>
            <Table.Tbody>
              {c.sessions.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td>
                    <Text size="sm" className="tz-tabular">
                      {sessionLabel(s)}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {s.place ?? s.url ?? ""}
                    </Text>
                  </Table.Td>
                  {!narrow && (
                    <Table.Td>
                      <Text size="xs">
                        {t("learning.course.seats", { left: s.seatsLeft, capacity: s.capacity })}
                      </Text>
                      {s.waitlisted > 0 && (
                        <Text size="xs" c="dimmed">
                          {t("learning.course.waiting", { count: s.waitlisted })}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {canAsk && (
                        <Button
                          size="compact-sm"
                          onClick={() => ask(s.id)}
                          loading={enrol.isPending}
                          data-testid="enrol-button"
                        >
                          {s.seatsLeft > 0 ? t("learning.course.ask") : t("learning.course.askWaitlist")}
                        </Button>
                      )}
                      {c.canManage && (
                        <Anchor
                          component="button"
                          size="xs"
                          onClick={() => setSessionModal({ session: s })}
                          data-testid="session-edit"
                        >
                          {t("learning.admin.edit")}
                        </Anchor>
                      )}
                      {c.canManage && (
                        <Anchor
                          component={Link}
                          to={`/learning/sessions/${s.id}`}
                          size="xs"
                          data-testid="roster-link"
                        >
                          {t("learning.course.roster")}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canAsk && (
            <Text size="xs" c="dimmed" mt="xs">
              {t("learning.course.approvalHint")}
            </Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
