import { ScrollArea, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useNavigate } from "react-router";
import type { Heatmap as HeatmapData } from "../../../../src/shared/skills-api";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized } from "../../lib/names";
import { levelState, STATE_COLOR } from "./levels";
import classes from "./Heatmap.module.css";

/** Skills × people: each cell the current level, coloured by how it meets the position's requirement. */
export function Heatmap({ data }: { data: HeatmapData }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid="heatmap">
      <Table withTableBorder withColumnBorders className={classes.table} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.sticky}>{t("skills.team.person")}</Table.Th>
            {data.skills.map((skill) => (
              <Table.Th key={skill.id} className={classes.skill}>
                <Tooltip label={t("skills.team.requiredBy", { count: skill.requiredBy })} withArrow>
                  <span className={classes.vertical}>{localized(skill.name, locale)}</span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.people.map((person) => (
            <Table.Tr key={person.personId} data-testid="heatmap-row">
              <Table.Td className={classes.sticky}>
                <UnstyledButton onClick={() => navigate(`/skills/people/${person.personId}`)}>
                  <Text size="xs" fw={600} lineClamp={1}>
                    {displayName(person.name, locale)}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {person.position ? localized(person.position, locale) : ""}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              {person.cells.map((cell, i) => {
                const state = levelState(cell.current, cell.required);
                const color =
                  state === "none" ? "gray.1" : `${STATE_COLOR[state]}.${state === "met" ? 2 : 3}`;
                return (
                  <Table.Td
                    key={data.skills[i]!.id}
                    className={classes.cell}
                    bg={cell.required === null && cell.current === null ? undefined : color}
                  >
                    {cell.current ?? (cell.required !== null ? "·" : "")}
                    {cell.required !== null && <span className={classes.required}>/{cell.required}</span>}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
