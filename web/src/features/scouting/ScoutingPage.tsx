/** Recruiters: search opted-in work-history records, and the postings of their companies with scout counts. */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { MatchPerson } from "../../../../src/shared/matching-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import type { QueryValue } from "../../lib/api";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useSkillLibrary } from "../learning/admin-queries";
import { useScoutCounts, useScoutingSearch } from "./queries";
import { ScoutModal } from "./ScoutModal";

interface SkillFilter {
  key: number;
  skillId: string | null;
  minLevel: number;
}

function SearchTab() {
  const t = useT();
  const [locale] = useLocale();
  const library = useSkillLibrary(null);
  const [skills, setSkills] = useState<SkillFilter[]>([{ key: 0, skillId: null, minLevel: 3 }]);
  const [text, setText] = useState("");
  const [wantsTransfer, setWantsTransfer] = useState(false);
  const [openToOverseas, setOpenToOverseas] = useState(false);
  const [timing, setTiming] = useState<string | null>(null);
  const [query, setQuery] = useState<Record<string, QueryValue> | null>(null);
  const [after, setAfter] = useState<number | undefined>(undefined);
  const [scouting, setScouting] = useState<MatchPerson | null>(null);
  const [sent, setSent] = useState(false);
  const search = useScoutingSearch(query ? { ...query, after } : null);
  const skillOptions = (library.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: localized(s.name, locale),
  }));
  const run = () => {
    const chosen = skills.filter((s) => s.skillId !== null);
    setAfter(undefined);
    setQuery({
      skills: chosen.length ? chosen.map((s) => `${s.skillId}:${s.minLevel}`).join(",") : null,
      q: text.trim().length >= 2 ? text.trim() : null,
      wantsTransfer: wantsTransfer ? "true" : null,
      openToOverseas: openToOverseas ? "true" : null,
      moveTiming: timing,
      limit: 20,
    });
  };
  return (
    <Stack gap="md">
      <Card padding="sm">
        <Stack gap="xs">
          {skills.map((filter, index) => (
            <Group key={filter.key} gap="xs" wrap="wrap" align="flex-end">
              <Select
                label={t("scouting.filter.skill")}
                data={skillOptions}
                value={filter.skillId}
                onChange={(value) =>
                  setSkills(skills.map((s, i) => (i === index ? { ...s, skillId: value } : s)))
                }
                searchable
                clearable
                style={{ flex: "1 1 200px" }}
                data-testid={`filter-skill-${index}`}
              />
              <NumberInput
                label={t("scouting.filter.minLevel")}
                min={1}
                max={5}
                value={filter.minLevel}
                onChange={(value) =>
                  setSkills(skills.map((s, i) => (i === index ? { ...s, minLevel: Number(value) || 1 } : s)))
                }
                w={110}
              />
              {skills.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setSkills(skills.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                setSkills([
                  ...skills,
                  { key: Math.max(...skills.map((f) => f.key)) + 1, skillId: null, minLevel: 3 },
                ])
              }
            >
              {t("scouting.filter.addSkill")}
            </Button>
          </Group>
          <TextInput
            label={t("scouting.filter.text")}
            placeholder={t("scouting.filter.textHint")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="filter-text"
          />
          <Group gap="md" wrap="wrap">
            <Checkbox
              label={t("scouting.filter.wantsTransfer")}
              checked={wantsTransfer}
              onChange={(e) => setWantsTransfer(e.currentTarget.checked)}
            />
            <Checkbox
              label={t("scouting.filter.openToOverseas")}
              checked={openToOverseas}
              onChange={(e) => setOpenToOverseas(e.currentTarget.checked)}
            />
            <Select
              placeholder={t("scouting.filter.timing")}
              data={(["within_1y", "within_3y", "later"] as const).map((v) => ({
                value: v,
                label: t(`scouting.timing.${v}`),
              }))}
              value={timing}
              onChange={setTiming}
              clearable
              w={180}
            />
          </Group>
          <Group>
            <Button onClick={run} data-testid="scouting-search">
              {t("scouting.filter.search")}
            </Button>
          </Group>
        </Stack>
      </Card>
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
      {search.error && <ErrorState error={search.error} />}
      {search.isFetching && !search.data && <Skeleton h={200} />}
      {search.data && search.data.hits.length === 0 && <Text c="dimmed">{t("scouting.results.none")}</Text>}
      <Stack gap="xs">
        {search.data?.hits.map((hit) => (
          <Card key={hit.person.id} padding="sm" data-testid="scouting-hit">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0, flex: "1 1 240px" }}>
                <Text fw={600}>{displayName(hit.person.name, locale)}</Text>
                <Text size="xs" c="dimmed">
                  {[hit.person.company, hit.person.orgUnit, hit.person.position]
                    .filter((x) => x !== null)
                    .map((x) => localized(x!.name, locale))
                    .join(" · ")}
                </Text>
                {hit.entry && (
                  <Text size="sm">
                    {hit.entry.organisation} · {hit.entry.role}
                  </Text>
                )}
                <Group gap={4} mt={4}>
                  {hit.skills.map((s) => (
                    <Badge key={s.skillId} variant="light" size="sm">
                      {localized(s.name, locale)} {s.level}
                    </Badge>
                  ))}
                  {hit.wishes?.wantsTransfer && (
                    <Badge color="teal" variant="outline" size="sm">
                      {t("scouting.filter.wantsTransfer")}
                    </Badge>
                  )}
                  {hit.wishes?.openToOverseas && (
                    <Badge color="teal" variant="outline" size="sm">
                      {t("scouting.filter.openToOverseas")}
                    </Badge>
                  )}
                </Group>
              </div>
              <Button size="xs" onClick={() => setScouting(hit.person)} data-testid="scout-open">
                {t("scouting.scout")}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      {search.data?.nextAfter && (
        <Group>
          <Button variant="default" onClick={() => setAfter(search.data!.nextAfter ?? undefined)}>
            {t("scouting.results.more")}
          </Button>
        </Group>
      )}
      <ScoutModal person={scouting} onClose={() => setScouting(null)} onSent={() => setSent(true)} />
    </Stack>
  );
}

function PostingsTab() {
  const t = useT();
  const [locale] = useLocale();
  const counts = useScoutCounts(true);
  if (counts.error) return <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />;
  if (!counts.data) return <Skeleton h={200} />;
  if (counts.data.postings.length === 0) return <Text c="dimmed">{t("scouting.counts.none")}</Text>;
  return (
    <Stack gap="xs">
      {counts.data.postings.map((row) => (
        <Card key={row.posting.id} padding="sm" data-testid="scout-counts">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: "1 1 220px" }}>
              <Anchor component={Link} to={`/scouting/postings/${row.posting.id}`} fw={600}>
                {localized(row.posting.title, locale)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`scouting.kind.${row.posting.kind}`)} · {localized(row.posting.company.name, locale)} ·{" "}
                {localized(row.posting.orgUnit.name, locale)}
              </Text>
            </div>
            <SimpleGrid cols={4} spacing={6}>
              {(["sent", "accepted", "declined", "open"] as const).map((key) => (
                <div key={key} style={{ textAlign: "center" }}>
                  <Text size="xs" c="dimmed">
                    {t(`scouting.counts.${key}`)}
                  </Text>
                  <Text fw={700} className="tz-tabular" data-testid={`count-${key}`}>
                    {row[key]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export default function ScoutingPage() {
  const t = useT();
  usePageTitle(t("scouting.title"));
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t("scouting.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("scouting.intro")}
      </Text>
      <Tabs defaultValue="search" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="search" data-testid="tab-search">
            {t("scouting.tab.search")}
          </Tabs.Tab>
          <Tabs.Tab value="postings" data-testid="tab-postings">
            {t("scouting.tab.postings")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="search" pt="md">
          <SearchTab />
        </Tabs.Panel>
        <Tabs.Panel value="postings" pt="md">
          <PostingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
