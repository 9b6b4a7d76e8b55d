import { Group, Pagination, Stack, Text, Title } from "@mantine/core";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useT } from "../../i18n/locale";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { PeopleCards } from "./PeopleCards";
import { PeopleFilters } from "./PeopleFilters";
import { PeopleTable } from "./PeopleTable";
import { usePeople } from "./queries";
import { PAGE_SIZE, usePeopleParams } from "./usePeopleParams";

/** The people directory: search and filters in the URL, results paged by the server. */
export default function PeoplePage() {
  const t = useT();
  const me = useCurrentUser();
  const [params, update] = usePeopleParams();
  usePageTitle(t("people.title"));
  const narrow = useNarrow();
  const people = usePeople({
    q: params.q.trim(),
    companyId: params.companyId,
    orgUnitId: params.orgUnitId,
    gradeId: params.gradeId,
    employmentType: params.employmentType,
    asOf: params.asOf,
    includeInactive: params.includeInactive ? "true" : undefined,
    limit: PAGE_SIZE,
    offset: params.offset,
  });

  if (!me.permissions.viewDirectory) return <Text c="dimmed">{t("people.noPermission")}</Text>;

  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.floor(params.offset / PAGE_SIZE) + 1;
  const from = total === 0 ? 0 : params.offset + 1;
  const to = Math.min(total, params.offset + (people.data?.items.length ?? 0));

  return (
    <Stack gap="md">
      <Title order={2}>{t("people.title")}</Title>
      <PeopleFilters params={params} update={update} narrow={narrow} />
      {people.error && <ErrorState error={people.error} onRetry={() => void people.refetch()} />}
      {people.data && (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="people-count" className="tz-tabular">
              {total === 0 ? t("people.noResults") : t("people.results", { from, to, total })}
            </Text>
          </Group>
          {total > 0 && narrow && <PeopleCards items={people.data.items} loading={people.isFetching} />}
          {total > 0 && !narrow && <PeopleTable items={people.data.items} loading={people.isFetching} />}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => update({ offset: (p - 1) * PAGE_SIZE })}
                siblings={1}
                boundaries={1}
                size="sm"
                data-testid="people-pagination"
              />
            </Group>
          )}
        </>
      )}
      {people.isPending && !people.error && (
        <Text size="sm" c="dimmed">
          {t("app.loading")}
        </Text>
      )}
    </Stack>
  );
}
