/** A plan's effect per unit: headcount, share of women and skills covered, before → after. */
import { Table, Text } from "@mantine/core";
import type { RotationUnitEffect } from "../../../../src/shared/matching-api";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";

const pct = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

export function EffectTable({ effect }: { effect: RotationUnitEffect[] }) {
  const t = useT();
  const [locale] = useLocale();
  if (effect.length === 0) return <Text c="dimmed">{t("rotation.noMoves")}</Text>;
  const arrow = (before: string | number, after: string | number) => (
    <Text
      span
      size="sm"
      fw={before === after ? 400 : 600}
      className="tz-tabular"
      style={{ whiteSpace: "nowrap" }}
    >
      {before} → {after}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} data-testid="plan-effect">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("rotation.unit")}</Table.Th>
            <Table.Th>{t("rotation.headcount")}</Table.Th>
            <Table.Th>{t("rotation.women")}</Table.Th>
            <Table.Th>{t("rotation.skills")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {effect.map((unit) => (
            <Table.Tr key={unit.orgUnit.id} data-testid="effect-row">
              <Table.Td>
                <Text size="sm">{localized(unit.orgUnit.name, locale)}</Text>
                <Text size="xs" c="dimmed">
                  {localized(unit.company.name, locale)}
                </Text>
              </Table.Td>
              <Table.Td>{arrow(unit.headcount.before, unit.headcount.after)}</Table.Td>
              <Table.Td>{arrow(pct(unit.womenShare.before), pct(unit.womenShare.after))}</Table.Td>
              <Table.Td>
                {arrow(unit.skillsCovered.before, unit.skillsCovered.after)}
                {unit.skillsLost.length > 0 && (
                  <Text size="xs" c="red">
                    {t("rotation.lost", {
                      skills: unit.skillsLost.map((s) => localized(s.name, locale)).join(", "),
                    })}
                  </Text>
                )}
                {unit.skillsGained.length > 0 && (
                  <Text size="xs" c="teal">
                    {t("rotation.gained", {
                      skills: unit.skillsGained.map((s) => localized(s.name, locale)).join(", "),
                    })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
