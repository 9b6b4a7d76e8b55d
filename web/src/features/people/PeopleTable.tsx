import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import type { PersonSummary } from "../../../../src/shared/api";
import { EmploymentTypeLabel } from "../../components/Labels";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized, secondaryName } from "../../lib/names";

export function PeopleTable({ items, loading }: { items: PersonSummary[]; loading: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        fz="sm"
        style={{ opacity: loading ? 0.6 : 1, transition: "opacity 120ms" }}
        data-testid="people-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("people.col.name")}</Table.Th>
            <Table.Th>{t("people.col.company")}</Table.Th>
            <Table.Th>{t("people.col.orgUnit")}</Table.Th>
            <Table.Th>{t("people.col.position")}</Table.Th>
            <Table.Th>{t("people.col.grade")}</Table.Th>
            <Table.Th>{t("people.col.employeeNumber")}</Table.Th>
            <Table.Th>{t("people.col.type")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const secondary = secondaryName(p.name, locale);
            return (
              <Table.Tr
                key={p.id}
                data-testid="people-row"
                data-person-id={p.id}
                className="tz-row-link"
                onClick={(e) => {
                  if (!(e.target instanceof HTMLElement && e.target.closest("a")))
                    navigate(`/people/${p.id}`);
                }}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/people/${p.id}`} fw={500}>
                    {displayName(p.name, locale)}
                  </Anchor>
                  {secondary && (
                    <Text size="xs" c="dimmed">
                      {secondary}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.company ? localized(p.company.name, locale) : ""}</Table.Td>
                <Table.Td>
                  {p.orgUnit ? (
                    localized(p.orgUnit.name, locale)
                  ) : p.employmentId === null ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t("people.former")}
                    </Badge>
                  ) : (
                    ""
                  )}
                </Table.Td>
                <Table.Td>{p.position ? localized(p.position.name, locale) : ""}</Table.Td>
                <Table.Td>
                  {p.grade && (
                    <>
                      {p.grade.code}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {localized(p.grade.name, locale)}
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td className="tz-tabular">{p.employeeNumber ?? ""}</Table.Td>
                <Table.Td>
                  <EmploymentTypeLabel type={p.employmentType} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
