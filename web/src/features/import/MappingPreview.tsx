import { Table, Text } from "@mantine/core";
import { useLocale, useT } from "../../i18n/locale";
import { type CsvSample, readField } from "./csvSample";
import type { ImportKind, MappingProfile } from "./types";

/** The first rows of the sample file as the profile reads them. */
export function MappingPreview({
  sample,
  kind,
  profile,
}: {
  sample: CsvSample;
  kind: ImportKind;
  profile: MappingProfile;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (sample.rows.length === 0) return <Text c="dimmed">{t("import.mapEdit.sampleEmpty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={Math.max(320, kind.fields.length * 110)} data-testid="mapping-preview">
      <Table striped fz="xs" verticalSpacing={2} withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            {kind.fields.map((f) => (
              <Table.Th key={f.name} style={{ whiteSpace: "nowrap" }}>
                {f.label[locale]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed sample
            <Table.Tr key={i}>
              {kind.fields.map((f) => {
                const value = readField(sample, row, f, profile.fields[f.name]);
                return (
                  <Table.Td key={f.name} c={value === "" && f.required ? "red" : undefined}>
                    {value === "" ? (f.required ? t("import.mapEdit.missing") : "") : value}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
