import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { Enrolment } from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { StatusBadge } from "./labels";
import { useApprovals, useDecide, useOverdue } from "./queries";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function PersonCourse({ e }: { e: Enrolment }) {
  const [locale] = useLocale();
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`/skills/people/${e.person.personId}`} size="sm" fw={600}>
        {displayName(e.person.name, locale)}
      </Anchor>
      <Text size="xs">
        <Anchor component={Link} to={`/learning/courses/${e.course.id}`} size="xs">
          {localized(e.course.title, locale)}
        </Anchor>
        {e.session ? ` · ${formatDate(e.session.startsOn, locale)}` : ""}
      </Text>
      {e.requestNote && (
        <Text size="xs" c="dimmed">
          “{e.requestNote}”
        </Text>
      )}
    </div>
  );
}

function Approvals() {
  const t = useT();
  const approvals = useApprovals(true);
  const decide = useDecide();
  if (approvals.error) return <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />;
  if (!approvals.data) return <Skeleton h={200} />;
  return (
    <Stack gap="xs">
      {approvals.data.items.length === 0 && <Text c="dimmed">{t("learning.approvals.none")}</Text>}
      {decide.error && <ErrorState error={decide.error} />}
      {approvals.data.items.map((e) => (
        <Card key={e.id} padding="sm" data-testid="approval-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <PersonCourse e={e} />
            <Group gap={6}>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => decide.mutate({ id: e.id, approve: false })}
                loading={decide.isPending}
                data-testid="reject-button"
              >
                {t("learning.approvals.reject")}
              </Button>
              <Button
                size="compact-sm"
                onClick={() => decide.mutate({ id: e.id, approve: true })}
                loading={decide.isPending}
                data-testid="approve-button"
              >
                {t("learning.approvals.approve")}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Overdue() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const companies = useCompanies();
  const [company, setCompany] = useState<string | null>(null);
  const overdue = useOverdue(company ? Number(company) : null, true);
  const today = todayIso();
  const scope = me.permissions.companyScope;
  const isHr = scope === null || scope.length > 0;
  return (
    <Stack gap="xs">
      {isHr && (
        <Select
          placeholder={t("learning.overdue.allInScope")}
          data={[...(companies.data?.items ?? [])]
            .filter((c) => scope === null || scope.includes(c.id))
            .sort(compareCompanies)
            .map((c) => ({ value: String(c.id), label: `${localized(c.name, locale)} (${c.code})` }))}
          value={company}
          onChange={setCompany}
          clearable
          searchable
          maw={360}
        />
      )}
      {overdue.error && <ErrorState error={overdue.error} />}
      {!overdue.data && !overdue.error && <Skeleton h={200} />}
      {overdue.data && overdue.data.items.length === 0 && (
        <Text c="dimmed">{t("learning.overdue.none")}</Text>
      )}
      {overdue.data && overdue.data.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t("learning.overdue.count", { count: overdue.data.items.length })}
          </Text>
          <Table fz="sm" striped>
            <Table.Tbody>
              {overdue.data.items.map((e) => (
                <Table.Tr key={e.id} data-testid="overdue-row">
                  <Table.Td>
                    <PersonCourse e={e} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <StatusBadge status={e.status} overdue />
                    <Text size="xs" c="red">
                      {t("learning.overdue.daysLate", { days: e.dueOn ? daysBetween(e.dueOn, today) : 0 })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

/** For managers and HR: requests waiting for a decision, and mandatory training past its due date. */
export default function ApprovalsPage() {
  const t = useT();
  usePageTitle(t("learning.approvals.title"));
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t("learning.approvals.title")}</Title>
      <Tabs defaultValue="approvals" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="approvals" data-testid="tab-approvals">
            {t("learning.approvals.tab")}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" data-testid="tab-overdue">
            {t("learning.overdue.tab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="approvals" pt="sm">
          <Approvals />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="sm">
          <Overdue />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
