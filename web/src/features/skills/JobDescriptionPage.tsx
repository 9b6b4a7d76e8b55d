import { Badge, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { useNarrow } from "../../lib/useNarrow";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useJobDescription } from "./queries";

/** A position's job description: what each skill of its map must be at, in words (the level anchors). */
export default function JobDescriptionPage() {
  const t = useT();
  const [locale] = useLocale();
  const narrow = useNarrow();
  const { id } = useParams();
  const positionId = id && /^\d+$/.test(id) ? Number(id) : null;
  const [grade, setGrade] = useState<string | null>(null);
  const job = useJobDescription(positionId, grade ? Number(grade) : null);
  usePageTitle(job.data ? localized(job.data.position.name, locale) : t("skills.jobs.title"));
  if (job.error) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <Skeleton h={400} />;
  const d = job.data;
  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Title order={2} data-testid="job-title">
          {localized(d.position.name, locale)}
        </Title>
        <Text c="dimmed" size="sm">
          {[
            localized(d.position.company.name, locale),
            d.position.jobCategory && localized(d.position.jobCategory.name, locale),
            d.position.onetSocCode && `O*NET-SOC ${d.position.onetSocCode}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <Text size="sm">{t("skills.jobs.holders", { count: d.holders })}</Text>
      </div>
      <Select
        label={t("skills.jobs.grade")}
        placeholder={t("skills.jobs.allGrades")}
        data={d.grades.map((g) => ({ value: String(g.id), label: `${g.code} ${localized(g.name, locale)}` }))}
        value={grade}
        onChange={setGrade}
        clearable
        maw={320}
      />
      <Card padding={narrow ? "xs" : "md"}>
        <Text fw={600} mb="sm">
          {t("skills.jobs.skillMap")}
        </Text>
        {d.entries.length === 0 && <Text c="dimmed">{t("skills.noMap")}</Text>}
        {narrow ? (
          <Stack gap="sm">
            {d.entries.map((entry) => (
              <div key={entry.skill.id} data-testid="job-skill">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {localized(entry.skill.name, locale)}
                  </Text>
                  <Badge variant="filled" className="tz-tabular">
                    {entry.desirableLevel
                      ? `${entry.requiredLevel} → ${entry.desirableLevel}`
                      : entry.requiredLevel}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {localized(entry.requiredAnchor, locale)}
                </Text>
              </div>
            ))}
          </Stack>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("skills.jobs.skill")}</Table.Th>
                <Table.Th ta="center">{t("skills.required")}</Table.Th>
                <Table.Th>{t("skills.jobs.whatItMeans")}</Table.Th>
                <Table.Th ta="center">{t("skills.desirable")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.entries.map((entry) => (
                <Table.Tr key={entry.skill.id} data-testid="job-skill">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {localized(entry.skill.name, locale)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {localized(entry.skill.category, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="center">
                    <Badge variant="filled" className="tz-tabular">
                      {entry.requiredLevel}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{localized(entry.requiredAnchor, locale)}</Text>
                    {entry.desirableAnchor && (
                      <Text size="xs" c="dimmed">
                        {t("skills.jobs.desirableMeans", {
                          level: entry.desirableLevel ?? 0,
                          text: localized(entry.desirableAnchor, locale),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="center" className="tz-tabular">
                    {entry.desirableLevel ?? "–"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card padding="sm">
        <Text fw={600} size="sm" mb={4}>
          {t("skills.jobs.scale")}
        </Text>
        {d.scale.map((level) => (
          <Text key={level.level} size="xs">
            <b className="tz-tabular">{level.level}</b> {localized(level.name, locale)} —{" "}
            {localized(level.description, locale)}
          </Text>
        ))}
      </Card>
      {d.attribution && (
        <Text size="xs" c="dimmed">
          {t("skills.attribution", { text: d.attribution })}
        </Text>
      )}
    </Stack>
  );
}
