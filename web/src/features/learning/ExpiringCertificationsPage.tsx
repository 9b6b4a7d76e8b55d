import { Anchor, Badge, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { ExpiringCertification } from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { hasRole } from "../auth/session";
import { useCompanies } from "../people/queries";
import { hrCompanies, useExpiringCertifications } from "./admin-queries";

export function StageBadge({ item }: { item: Pick<ExpiringCertification, "stage"> }) {
  const t = useT();
  if (item.stage === "expired")
    return (
      <Badge size="sm" color="red" variant="filled">
        {t("learning.cert.stage.expired")}
      </Badge>
    );
  return (
    <Badge size="sm" color={item.stage <= 30 ? "orange" : "yellow"} variant="light">
      {t("learning.cert.stage.lead", { days: item.stage })}
    </Badge>
  );
}

/** For managers (their units) and HR (their companies): certifications expiring soon or just expired, not renewed. */
export default function ExpiringCertificationsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const narrow = useNarrow();
  const companies = useCompanies();
  const scope = hrCompanies(me);
  const options = (companies.data?.items ?? [])
    .filter((c) => scope === null || scope.includes(c.id))
    .map((c) => ({ value: String(c.id), label: `${c.code} · ${localized(c.name, locale)}` }));
  const [company, setCompany] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get("companyId"),
  );
  const list = useExpiringCertifications(company ? Number(company) : null, true);
  usePageTitle(t("learning.cert.listTitle"));
  const data = list.data;
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t("learning.cert.listTitle")}</Title>
      {data && (
        <Text size="sm" c="dimmed">
          {t("learning.cert.listHint", {
            days: Math.max(...data.leadDays),
            leads: data.leadDays.join(" / "),
          })}{" "}
          {hasRole(me, "group_hr") && (
            <Anchor component={Link} to="/skills/settings" size="sm" data-testid="expiring-settings-link">
              {t("skills.settings.link")}
            </Anchor>
          )}
        </Text>
      )}
      {options.length > 0 && (
        <Select
          label={t("learning.assign.company")}
          placeholder={t("learning.cert.allCompanies")}
          data={options}
          value={company}
          onChange={setCompany}
          clearable
          w={320}
          maw="100%"
          data-testid="expiring-company"
        />
      )}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {!data && !list.error && <Skeleton h={200} />}
      {data && data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("learning.cert.none")}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Card padding="sm">
          <Table fz="sm" verticalSpacing={6} data-testid="expiring-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("learning.cert.holder")}</Table.Th>
                {!narrow && <Table.Th>{t("learning.cert.certification")}</Table.Th>}
                <Table.Th>{t("learning.cert.expiresOn")}</Table.Th>
                {!narrow && <Table.Th>{t("learning.cert.manager")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.personCertificationId} data-testid="expiring-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${item.person.personId}`} size="sm">
                      {displayName(item.person.name, locale)}
                    </Anchor>
                    {narrow && (
                      <Text size="xs" c="dimmed">
                        {localized(item.certification.name, locale)}
                      </Text>
                    )}
                  </Table.Td>
                  {!narrow && <Table.Td>{localized(item.certification.name, locale)}</Table.Td>}
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" className="tz-tabular">
                        {formatDate(item.expiresOn, locale)}
                      </Text>
                      <StageBadge item={item} />
                    </Group>
                  </Table.Td>
                  {!narrow && (
                    <Table.Td>{item.manager ? displayName(item.manager.name, locale) : "—"}</Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
