import {
  Anchor,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { POSTING_KINDS, type PostingKind } from "../../../../src/shared/mobility-vocab";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { KindBadge, PostingFacts } from "./labels";
import { usePostings } from "./queries";

/** The postings board: every open posting of the group, with filters. */
export default function BoardPage() {
  const t = useT();
  const [locale] = useLocale();
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<string | null>(null);
  const [company, setCompany] = useState<string | null>(null);
  const companies = useCompanies();
  const postings = usePostings({
    view: "board",
    q: search,
    kind: kind as PostingKind | null,
    companyId: company ? Number(company) : null,
  });
  usePageTitle(t("postings.board.title"));
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t("postings.board.title")}</Title>
      <Text size="sm" c="dimmed" maw={720}>
        {t("postings.board.intro")}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("postings.filter.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", xs: 240 }}
          data-testid="postings-search"
        />
        <Select
          label={t("postings.filter.kind")}
          placeholder={t("postings.any")}
          data={POSTING_KINDS.map((k) => ({ value: k, label: t(`postings.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={{ base: "100%", xs: 230 }}
          data-testid="postings-kind"
        />
        <Select
          label={t("postings.filter.company")}
          placeholder={t("postings.any")}
          data={(companies.data?.items ?? []).map((c) => ({
            value: String(c.id),
            label: localized(c.name, locale),
          }))}
          value={company}
          onChange={setCompany}
          clearable
          searchable
          w={{ base: "100%", xs: 230 }}
        />
      </Group>
      {postings.error && <ErrorState error={postings.error} onRetry={() => void postings.refetch()} />}
      {!postings.data && !postings.error && <Skeleton h={300} />}
      {postings.data && (
        <Text size="sm" c="dimmed">
          {postings.data.total
            ? t("postings.board.count", { count: postings.data.total })
            : t("postings.board.empty")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {(postings.data?.items ?? []).map((posting) => (
          <Card key={posting.id} padding="sm" data-testid="posting-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/postings/${posting.id}`} fw={600} size="sm">
                {localized(posting.title, locale)}
              </Anchor>
              <KindBadge kind={posting.kind} />
            </Group>
            <PostingFacts posting={posting} />
            {posting.skills.length > 0 && (
              <Group gap={4} mt={6}>
                {posting.skills.slice(0, 6).map((s) => (
                  <Badge key={s.skillId} size="xs" variant={s.required ? "light" : "outline"} color="gray">
                    {localized(s.name, locale)} {s.level}
                  </Badge>
                ))}
              </Group>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
