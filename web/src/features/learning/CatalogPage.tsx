import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { COURSE_KINDS, type CourseKind } from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { isLearningAdmin } from "./admin-queries";
import { CourseKindBadge, DeliveryLabel, useDuration } from "./labels";
import { useCourses } from "./queries";

/** The training catalog: search, filter by kind, or show only the courses meant for me. */
export default function CatalogPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const duration = useDuration();
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<string | null>(null);
  const admin = isLearningAdmin(me);
  const [forMe, setForMe] = useState(me.personId !== null && !admin);
  const [inactive, setInactive] = useState(false);
  const courses = useCourses({
    q: search,
    kind: kind as CourseKind | null,
    forMe,
    includeInactive: inactive,
  });
  usePageTitle(t("learning.catalog.title"));
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("learning.catalog.title")}</Title>
        {admin && (
          <Button component={Link} to="/learning/courses/new" size="sm" data-testid="course-new">
            {t("learning.admin.newCourse")}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("learning.catalog.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
          data-testid="catalog-search"
        />
        <Select
          label={t("learning.catalog.kind")}
          placeholder={t("people.any")}
          data={COURSE_KINDS.map((k) => ({ value: k, label: t(`learning.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={220}
        />
        {me.personId !== null && (
          <Switch
            label={t("learning.catalog.forMe")}
            checked={forMe}
            onChange={(e) => setForMe(e.currentTarget.checked)}
            mb={8}
          />
        )}
        {admin && (
          <Switch
            label={t("learning.admin.showInactive")}
            checked={inactive}
            onChange={(e) => setInactive(e.currentTarget.checked)}
            mb={8}
          />
        )}
      </Group>
      {courses.error && <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />}
      {!courses.data && !courses.error && <Skeleton h={300} />}
      {courses.data && (
        <Text size="sm" c="dimmed">
          {t("learning.catalog.count", { count: courses.data.total })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {(courses.data?.items ?? []).map((course) => (
          <Card key={course.id} padding="sm" data-testid="course-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/learning/courses/${course.id}`} fw={600} size="sm">
                {localized(course.title, locale)}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                {!course.active && (
                  <Badge size="sm" color="gray" variant="outline">
                    {t("learning.admin.inactive")}
                  </Badge>
                )}
                <CourseKindBadge kind={course.kind} />
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {course.code} · <DeliveryLabel delivery={course.delivery} /> ·{" "}
              {duration(course.durationDays, course.durationHours)}
            </Text>
            {course.skills.length > 0 && (
              <Group gap={4} mt={6}>
                {course.skills.map((s) => (
                  <Badge key={s.skillId} size="xs" variant="outline" color="gray">
                    {localized(s.name, locale)} → {s.targetLevel}
                  </Badge>
                ))}
              </Group>
            )}
            <Text size="xs" mt={6} c={course.upcomingSessions ? undefined : "dimmed"}>
              {course.delivery === "e_learning"
                ? t("learning.catalog.anytime")
                : t("learning.catalog.sessions", { count: course.upcomingSessions })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
