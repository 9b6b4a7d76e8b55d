import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { ScaleLevel, SkillGapLine } from "../../../../src/shared/skills-api";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { LevelBadge, levelState } from "./levels";
import { useAssessmentHistory } from "./queries";

function History({ personId, skillId, scale }: { personId: number; skillId: number; scale: ScaleLevel[] }) {
  const t = useT();
  const [locale] = useLocale();
  const history = useAssessmentHistory(personId, skillId);
  if (!history.data) return null;
  if (history.data.items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t("skills.noHistory")}
      </Text>
    );
  }
  return (
    <Table fz="xs" withRowBorders={false} data-testid="assessment-history">
      <Table.Tbody>
        {history.data.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td className="tz-tabular" style={{ whiteSpace: "nowrap" }}>
              {formatDate(item.assessedOn, locale)}
            </Table.Td>
            <Table.Td>
              <LevelBadge level={item.level} scale={scale} state="none" />
            </Table.Td>
            <Table.Td>
              {t(`skills.source.${item.source}`)}
              {item.course ? ` · ${localized(item.course.title, locale)}` : ""}
              {item.note ? ` · ${item.note}` : ""}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface GapListProps {
  personId: number;
  lines: SkillGapLine[];
  scale: ScaleLevel[];
  canAssess: boolean;
  onAssess: (line: SkillGapLine) => void;
}

/** One card per skill: levels, the gap, who confirmed it when, and the courses that close it. */
export function GapList({ personId, lines, scale, canAssess, onAssess }: GapListProps) {
  const t = useT();
  const [locale] = useLocale();
  const [open, setOpen] = useState<number | null>(null);
  const sorted = [...lines].sort((a, b) => b.gap - a.gap || a.skill.code.localeCompare(b.skill.code));
  return (
    <Stack gap="xs">
      {sorted.map((line) => (
        <Card
          key={line.skill.id}
          padding="sm"
          data-testid="skill-gap-line"
          data-skill-id={line.skill.id}
          data-gap={line.gap}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: "1 1 220px" }}>
              <Text fw={600}>{localized(line.skill.name, locale)}</Text>
              <Text size="xs" c="dimmed">
                {localized(line.skill.category, locale)}
              </Text>
            </div>
            <Group gap={6} wrap="wrap">
              <Stack gap={0} align="center">
                <Text size="xs" c="dimmed">
                  {t("skills.current")}
                </Text>
                <LevelBadge
                  level={line.currentLevel}
                  scale={scale}
                  state={levelState(line.currentLevel, line.requiredLevel)}
                  testId="current-level"
                />
              </Stack>
              {line.requiredLevel !== null && (
                <Stack gap={0} align="center">
                  <Text size="xs" c="dimmed">
                    {t("skills.required")}
                  </Text>
                  <LevelBadge level={line.requiredLevel} scale={scale} state="none" />
                </Stack>
              )}
              {line.selfLevel !== null && (
                <Stack gap={0} align="center">
                  <Text size="xs" c="dimmed">
                    {t("skills.self")}
                  </Text>
                  <LevelBadge level={line.selfLevel} scale={scale} state="none" />
                </Stack>
              )}
            </Group>
          </Group>
          <Group justify="space-between" mt={6} gap="xs">
            <Text size="xs" c="dimmed">
              {line.currentOn && line.currentSource
                ? t("skills.confirmedBy", {
                    source: t(`skills.source.${line.currentSource}`),
                    date: formatDate(line.currentOn, locale),
                  })
                : t("skills.notAssessed")}
              {line.desirableLevel !== null
                ? ` · ${t("skills.desirableLevel", { level: line.desirableLevel })}`
                : ""}
            </Text>
            <Group gap={4}>
              {line.gap > 0 && (
                <Badge color={line.gap > 1 ? "red" : "yellow"} variant="filled" size="sm">
                  {t("skills.gap", { gap: line.gap })}
                </Badge>
              )}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setOpen(open === line.skill.id ? null : line.skill.id)}
              >
                {t("skills.history")}
              </Button>
              {canAssess && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onAssess(line)}
                  data-testid="assess-button"
                >
                  {t("skills.assess")}
                </Button>
              )}
            </Group>
          </Group>
          {open === line.skill.id && <History personId={personId} skillId={line.skill.id} scale={scale} />}
          {line.suggestedCourses.length > 0 && (
            <Stack gap={2} mt={6}>
              <Text size="xs" fw={600}>
                {t("skills.closeWith")}
              </Text>
              {line.suggestedCourses.map((course) => (
                <Group key={course.id} gap={6} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/learning/courses/${course.id}`}
                    size="sm"
                    data-testid="suggested-course"
                  >
                    {localized(course.title, locale)}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {t("skills.toLevel", { level: course.targetLevel })}
                    {course.nextSession ? ` · ${formatDate(course.nextSession.startsOn, locale)}` : ""}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
