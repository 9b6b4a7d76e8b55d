import { Anchor, Badge, Card, Group, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies, usePerson } from "../people/queries";
import { usePositionCatalog } from "./queries";

/** Every position of a company with its job description (skill map): open to everyone, to plan a career. */
export default function JobsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const own = usePerson(me.personId);
  const companies = useCompanies();
  const [chosen, setChosen] = useState<string | null>(null);
  const ownCompany = own.data?.employments.find((e) => e.terminationDate === null)?.company.id ?? null;
  const firstCompany = [...(companies.data?.items ?? [])].sort(compareCompanies)[0]?.id ?? null;
  const companyId = chosen
    ? Number(chosen)
    : (ownCompany ?? (me.personId === null || own.isFetched ? firstCompany : null));
  const catalog = usePositionCatalog(companyId);
  usePageTitle(t("skills.jobs.title"));
  const groups = new Map<string, { name: string; items: NonNullable<typeof catalog.data>["items"] }>();
  for (const item of catalog.data?.items ?? []) {
    const key = item.jobCategory?.code ?? "";
    const group = groups.get(key) ?? {
      name: item.jobCategory ? localized(item.jobCategory.name, locale) : t("skills.jobs.noCategory"),
      items: [],
    };
    group.items.push(item);
    groups.set(key, group);
  }
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t("skills.jobs.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("skills.jobs.intro")}
      </Text>
      <Select
        label={t("people.company")}
        data={[...(companies.data?.items ?? [])]
          .sort(compareCompanies)
          .map((c) => ({ value: String(c.id), label: `${localized(c.name, locale)} (${c.code})` }))}
        value={companyId === null ? null : String(companyId)}
        onChange={setChosen}
        searchable
        maw={420}
        data-testid="jobs-company"
      />
      {catalog.error && <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {!catalog.data && !catalog.error && <Skeleton h={300} />}
      {[...groups.values()].map((group) => (
        <Card key={group.name} padding="sm">
          <Text fw={600} mb="xs">
            {group.name}
          </Text>
          <Stack gap={4}>
            {group.items.map((item) => (
              <Group key={item.id} justify="space-between" wrap="nowrap" data-testid="job-row">
                <Anchor component={Link} to={`/jobs/${item.id}`} size="sm">
                  {localized(item.name, locale)}
                </Anchor>
                <Badge variant="light" color={item.skills ? "indigo" : "gray"} className="tz-tabular">
                  {t("skills.jobs.skillCount", { count: item.skills })}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
