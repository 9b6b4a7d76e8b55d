import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { PostingDetail } from "../../../../src/shared/postings-api";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { ApplicationStatusBadge, KindBadge, PostingFacts, PostingStatusBadge } from "./labels";
import { useApply, usePosting, usePostingApplications, usePostingMutation } from "./queries";

/** One posting: description, skills, who may apply, and the apply form; its managers also see the applications. */
export default function PostingPage() {
  const t = useT();
  const [locale] = useLocale();
  const id = Number(useParams().id);
  const posting = usePosting(Number.isInteger(id) ? id : null);
  usePageTitle(posting.data ? localized(posting.data.title, locale) : t("postings.board.title"));
  if (posting.error) return <ErrorState error={posting.error} onRetry={() => void posting.refetch()} />;
  if (!posting.data) return <Skeleton h={400} />;
  const p = posting.data;
  return (
    <Stack gap="md" maw={900}>
      <Group gap="xs" wrap="wrap">
        <KindBadge kind={p.kind} />
        <PostingStatusBadge status={p.status} />
      </Group>
      <Title order={2} data-testid="posting-title">
        {localized(p.title, locale)}
      </Title>
      <PostingFacts posting={p} />
      {p.openedOn && (
        <Text size="xs" c="dimmed">
          {t("postings.opened", { date: formatDate(p.openedOn, locale) })}
          {p.ownerName ? ` · ${t("postings.owner", { name: p.ownerName })}` : ""}
        </Text>
      )}
      {p.canManage && <ManageBar posting={p} />}
      <Text style={{ whiteSpace: "pre-wrap" }}>{localized(p.description, locale)}</Text>
      {p.skills.length > 0 && (
        <Card padding="sm">
          <Text fw={600} size="sm" mb={4}>
            {t("postings.skills")}
          </Text>
          <Group gap={6}>
            {p.skills.map((s) => (
              <Badge
                key={s.skillId}
                variant={s.required ? "light" : "outline"}
                color={s.required ? "indigo" : "gray"}
              >
                {s.required ? t("postings.required") : t("postings.preferred")}: {localized(s.name, locale)} ·{" "}
                {t("postings.level", { level: s.level })}
              </Badge>
            ))}
          </Group>
        </Card>
      )}
      <Eligibility posting={p} />
      <ApplyBox posting={p} />
      {p.canManage && <PostingApplications posting={p} />}
    </Stack>
  );
}

function ManageBar({ posting }: { posting: PostingDetail }) {
  const t = useT();
  const mutation = usePostingMutation();
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="light"
        component={Link}
        to={`/postings/${posting.id}/edit`}
        data-testid="posting-edit"
      >
        {t("postings.manage.edit")}
      </Button>
      {posting.status !== "open" ? (
        <Button
          size="xs"
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ path: `/api/postings/${posting.id}/open`, method: "POST" })}
          data-testid="posting-open"
        >
          {t("postings.manage.open")}
        </Button>
      ) : (
        <Button
          size="xs"
          color="gray"
          variant="outline"
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ path: `/api/postings/${posting.id}/close`, method: "POST" })}
          data-testid="posting-close"
        >
          {t("postings.manage.close")}
        </Button>
      )}
      {mutation.error && (
        <Text c="red" size="sm">
          {errorMessage(t, mutation.error)}
        </Text>
      )}
    </Group>
  );
}

function Eligibility({ posting }: { posting: PostingDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const companies = useCompanies();
  const rules = posting.eligibility;
  const lines: string[] = [];
  if (rules.minTenureMonths !== undefined)
    lines.push(t("postings.eligibility.tenure", { months: rules.minTenureMonths }));
  if (rules.gradeRanks && (rules.gradeRanks.min !== undefined || rules.gradeRanks.max !== undefined))
    lines.push(
      t("postings.eligibility.grades", {
        min: rules.gradeRanks.min ?? "–",
        max: rules.gradeRanks.max ?? "–",
      }),
    );
  if (rules.companyIds?.length) {
    const names = rules.companyIds.map((cid) => {
      const company = companies.data?.items.find((c) => c.id === cid);
      return company ? localized(company.name, locale) : String(cid);
    });
    lines.push(t("postings.eligibility.companies", { names: names.join(", ") }));
  }
  return (
    <Card padding="sm">
      <Text fw={600} size="sm" mb={4}>
        {t("postings.eligibility")}
      </Text>
      {lines.length ? (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t("postings.eligibility.everyone")}</Text>
      )}
    </Card>
  );
}

function ApplyBox({ posting }: { posting: PostingDetail }) {
  const t = useT();
  const [motivation, setMotivation] = useState("");
  const apply = useApply(posting.id);
  const mine = posting.myApplication;
  const open =
    mine &&
    ["applied", "in_review", "interviewing", "offered", "released", "confirmed"].includes(mine.status);
  if (mine && (open || mine.status === "moved"))
    return (
      <Alert color="blue" variant="light" data-testid="my-application">
        <Group gap="xs">
          <Text size="sm">{t("postings.apply.yours")}</Text>
          <ApplicationStatusBadge status={mine.status} />
          <Anchor component={Link} to={`/applications/${mine.id}`} size="sm">
            {t("postings.apply.view")}
          </Anchor>
        </Group>
      </Alert>
    );
  if (posting.ineligible.length)
    return (
      <Alert color="gray" variant="light" title={t("postings.ineligible.title")} data-testid="ineligible">
        <List size="sm">
          {posting.ineligible.map((reason) => (
            <List.Item key={reason.code}>
              {t(
                `postings.ineligible.${reason.code}`,
                Object.fromEntries(Object.entries(reason.params).map(([k, v]) => [k, v ?? "–"])),
              )}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  return (
    <Card padding="sm">
      <Text fw={600} size="sm" mb="xs">
        {t("postings.apply.title")}
      </Text>
      <Textarea
        label={t("postings.apply.motivation")}
        value={motivation}
        onChange={(e) => setMotivation(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={4000}
        data-testid="apply-motivation"
      />
      {apply.error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {errorMessage(t, apply.error)}
        </Text>
      )}
      <Group mt="sm">
        <Button onClick={() => apply.mutate(motivation)} loading={apply.isPending} data-testid="apply-send">
          {t("postings.apply.send")}
        </Button>
      </Group>
    </Card>
  );
}

function PostingApplications({ posting }: { posting: PostingDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const applications = usePostingApplications(posting.id, true);
  return (
    <Stack gap="xs">
      <Title order={4}>{t("postings.applications")}</Title>
      {applications.error && <ErrorState error={applications.error} />}
      {applications.data && applications.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("postings.applications.none")}
        </Text>
      )}
      {applications.data && applications.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table striped data-testid="posting-applications">
            <Table.Tbody>
              {applications.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/applications/${a.id}`} size="sm">
                      {displayName(a.person.name, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ApplicationStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatDate(a.createdAt.slice(0, 10), locale)}
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
