import { Anchor, Group, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { SkillGapLine } from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { AssessModal } from "./AssessModal";
import { GapChart } from "./GapChart";
import { GapList } from "./GapList";
import { usePersonSkills, usePositions } from "./queries";

/** A person's skills against their position's map (and an aspired one): chart first, then one card per skill. */
export default function MySkillsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { id } = useParams();
  const personId = id && /^\d+$/.test(id) ? Number(id) : me.personId;
  const [aspired, setAspired] = useState<string | null>(null);
  const skills = usePersonSkills(personId, aspired ? Number(aspired) : null);
  const positions = usePositions(skills.data?.position?.companyId ?? null);
  const [assessing, setAssessing] = useState<SkillGapLine | null>(null);
  const own = personId === me.personId;
  usePageTitle(t("skills.myTitle"));

  if (personId === null) return <Text>{t("skills.noPerson")}</Text>;
  if (skills.error) return <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />;
  if (!skills.data) return <Skeleton h={400} />;
  const view = skills.data;
  const sources = [
    ...(view.canSelfAssess ? (["self"] as const) : []),
    ...(view.canManagerAssess ? (["manager"] as const) : []),
    ...(view.canHrAssess && !view.canManagerAssess && !view.canSelfAssess ? (["hr"] as const) : []),
  ];
  const maxLevel = view.scale.at(-1)?.level ?? 5;
  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2} data-testid="skills-title">
          {own ? t("skills.myTitle") : t("skills.personTitle", { name: displayName(view.name, locale) })}
        </Title>
        <Group gap="xs">
          <Text c="dimmed" size="sm">
            {view.position ? localized(view.position.name, locale) : t("skills.noPosition")}
          </Text>
          {view.position && (
            <Anchor component={Link} to={`/jobs/${view.position.id}`} size="sm" data-testid="job-link">
              {t("skills.jobDescription")}
            </Anchor>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t(
            view.currentLevelRule === "latest_confirmed"
              ? "skills.rule.latest_confirmed"
              : "skills.rule.latest_any",
          )}
        </Text>
      </div>
      {view.lines.length > 0 ? (
        <GapChart lines={view.lines} maxLevel={maxLevel} />
      ) : (
        <Text c="dimmed">{t("skills.noMap")}</Text>
      )}
      <GapList
        personId={personId}
        lines={view.lines}
        scale={view.scale}
        canAssess={sources.length > 0}
        onAssess={setAssessing}
      />

      <Stack gap="xs" mt="md">
        <Text fw={700} size="lg">
          {t("skills.aspired")}
        </Text>
        <Select
          placeholder={t("skills.aspiredPlaceholder")}
          data={(positions.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: localized(p.name, locale),
          }))}
          value={aspired}
          onChange={setAspired}
          searchable
          clearable
          maw={420}
          data-testid="aspired-select"
        />
        {view.aspiredPosition && (
          <GapList
            personId={personId}
            lines={view.aspiredLines}
            scale={view.scale}
            canAssess={sources.length > 0}
            onAssess={setAssessing}
          />
        )}
      </Stack>

      {view.otherSkills.length > 0 && (
        <Stack gap="xs" mt="md">
          <Text fw={700} size="lg">
            {t("skills.otherSkills")}
          </Text>
          <GapList
            personId={personId}
            lines={view.otherSkills}
            scale={view.scale}
            canAssess={sources.length > 0}
            onAssess={setAssessing}
          />
        </Stack>
      )}
      <AssessModal
        personId={personId}
        line={assessing}
        scale={view.scale}
        sources={[...sources]}
        onClose={() => setAssessing(null)}
      />
    </Stack>
  );
}
