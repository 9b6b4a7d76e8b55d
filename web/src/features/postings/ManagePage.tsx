import { Anchor, Button, Group, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { KindBadge, PostingStatusBadge } from "./labels";
import { usePostings } from "./queries";

/** The postings the signed-in HR / recruiter manages or owns, any status, with their open applications. */
export default function ManagePage() {
  const t = useT();
  const [locale] = useLocale();
  const postings = usePostings({ view: "manage" });
  usePageTitle(t("postings.manage.title"));
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("postings.manage.title")}</Title>
        <Button component={Link} to="/postings/new" size="sm" data-testid="posting-new">
          {t("postings.manage.new")}
        </Button>
      </Group>
      {postings.error && <ErrorState error={postings.error} onRetry={() => void postings.refetch()} />}
      {!postings.data && !postings.error && <Skeleton h={300} />}
      {postings.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("postings.manage.empty")}
        </Text>
      )}
      {!!postings.data?.items.length && (
        <Table.ScrollContainer minWidth={360}>
          <Table striped data-testid="manage-postings">
            <Table.Tbody>
              {postings.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/postings/${p.id}`} size="sm" fw={600}>
                      {localized(p.title, locale)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {localized(p.company.name, locale)} · {localized(p.orgUnit.name, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <KindBadge kind={p.kind} />
                      <PostingStatusBadge status={p.status} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t("postings.applications.count", { count: p.applicationCount ?? 0 })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
