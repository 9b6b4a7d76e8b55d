/** The explanation of a match: skills (has / gap / missing), experience, wishes and the courses that close gaps. */
import { Anchor, Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { MatchExplanation } from "../../../../src/shared/matching-api";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";

const STATUS_COLOR = { has: "teal", gap: "orange", missing: "red" } as const;

export function ScoreBar({ score }: { score: number }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress
        value={score}
        w={80}
        color={score >= 80 ? "teal" : score >= 50 ? "indigo" : "gray"}
        aria-hidden
      />
      <Text size="sm" fw={600} className="tz-tabular" data-testid="match-score">
        {t("scouting.score", { score: Math.round(score) })}
      </Text>
    </Group>
  );
}

export function Explanation({ explanation }: { explanation: MatchExplanation }) {
  const t = useT();
  const [locale] = useLocale();
  const nameOf = new Map(explanation.skills.map((l) => [l.skill.id, localized(l.skill.name, locale)]));
  return (
    <Stack gap="xs" data-testid="match-explanation">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t("scouting.skills")}
        </Text>
        <Stack gap={4}>
          {explanation.skills.map((line) => (
            <Group key={line.skill.id} gap={6} wrap="wrap" data-testid="match-skill">
              <Badge color={STATUS_COLOR[line.status]} variant="light" size="sm">
                {line.status === "gap"
                  ? t("scouting.skill.gap", { gap: line.gap })
                  : t(`scouting.skill.${line.status}`)}
              </Badge>
              <Text size="sm">{localized(line.skill.name, locale)}</Text>
              <Text size="xs" c="dimmed">
                {t(line.required ? "scouting.skill.required" : "scouting.skill.preferred")} ·{" "}
                {t("scouting.skill.level", { have: line.personLevel ?? "–", want: line.level })}
              </Text>
            </Group>
          ))}
        </Stack>
      </div>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t("scouting.experience")}
        </Text>
        {explanation.experience.monthsInJobCategory > 0 && (
          <Text size="sm">
            {t("scouting.experience.months", { months: explanation.experience.monthsInJobCategory })}
          </Text>
        )}
        {explanation.experience.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("scouting.experience.none")}
          </Text>
        ) : (
          explanation.experience.entries.map((entry) => (
            <Text size="sm" key={entry.id}>
              {formatDate(entry.periodFrom, locale)}–
              {entry.periodTo ? formatDate(entry.periodTo, locale) : ""} · {entry.organisation} · {entry.role}{" "}
              <Text span size="xs" c="dimmed">
                ({entry.skillIds.map((id) => nameOf.get(id) ?? id).join(", ")})
              </Text>
            </Text>
          ))
        )}
      </div>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t("scouting.wishes")}
          {explanation.careerReportYear !== null ? ` (${explanation.careerReportYear})` : ""}
        </Text>
        {explanation.wishes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("scouting.wishes.none")}
          </Text>
        ) : (
          <Group gap={6}>
            {explanation.wishes.map((wish) => (
              <Badge
                key={`${wish.kind}-${wish.detail ?? ""}`}
                color={wish.fits ? "teal" : "red"}
                variant="outline"
                size="sm"
                data-testid={`wish-${wish.kind}`}
              >
                {t(`scouting.wish.${wish.kind}`)}
                {wish.kind === "timing" && wish.detail
                  ? `: ${t(`scouting.timing.${wish.detail as "within_1y"}`)}`
                  : wish.detail
                    ? `: ${wish.detail}`
                    : ""}{" "}
                — {t(wish.fits ? "scouting.wish.fits" : "scouting.wish.conflicts")}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      {explanation.courses.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t("scouting.courses")}
          </Text>
          {explanation.courses.map((group) =>
            group.courses.map((course) => (
              <Text size="sm" key={`${group.skillId}-${course.id}`} data-testid="match-course">
                {nameOf.get(group.skillId)}:{" "}
                <Anchor component={Link} to={`/learning/courses/${course.id}`}>
                  {localized(course.title, locale)}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  {t("scouting.courses.days", { days: course.durationDays, level: course.targetLevel })}
                </Text>
              </Text>
            )),
          )}
        </div>
      )}
    </Stack>
  );
}
