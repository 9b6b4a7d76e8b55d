import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { useLocale, useT } from "../../i18n/locale";
import { apiPath } from "../../lib/api";
import type { ImportKind } from "./types";

/** Per kind: template downloads as CSV or Excel, with the header row in English or Japanese. */
export function TemplatesPanel({ kinds }: { kinds: ImportKind[] }) {
  const t = useT();
  const [locale] = useLocale();
  const links = [
    { format: "csv", lang: "en", label: t("import.templates.csvEn") },
    { format: "csv", lang: "ja", label: t("import.templates.csvJa") },
    { format: "xlsx", lang: "en", label: t("import.templates.xlsxEn") },
    { format: "xlsx", lang: "ja", label: t("import.templates.xlsxJa") },
  ];
  return (
    <Stack gap="xs" data-testid="import-templates">
      <Text size="sm" c="dimmed">
        {t("import.templates.help")}
      </Text>
      {kinds.map((kind) => (
        <Paper key={kind.name} withBorder p="sm" data-testid="import-template" data-kind={kind.name}>
          <Text fw={600}>{kind.label[locale]}</Text>
          <Text size="xs" c="dimmed" mb={6}>
            {kind.description[locale]}
          </Text>
          <Group gap="md">
            {links.map((l) => (
              <Anchor
                key={`${l.format}-${l.lang}`}
                size="sm"
                href={apiPath(`/api/import-templates/${kind.name}`, { format: l.format, lang: l.lang })}
                download
                data-testid={`import-template-${l.format}-${l.lang}`}
              >
                {l.label}
              </Anchor>
            ))}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
