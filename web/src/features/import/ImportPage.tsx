import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { useT } from "../../i18n/locale";
import { usePageTitle } from "../../lib/usePageTitle";
import { ImportResultView } from "./ImportResultView";

/** One import's result (linked from the history). */
export default function ImportPage() {
  const t = useT();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  usePageTitle(t("import.detail.title", { id }));
  if (!me.permissions.editPeople) return <Text c="dimmed">{t("import.noPermission")}</Text>;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/imports?tab=history" size="sm" data-testid="import-back">
        ← {t("import.detail.back")}
      </Anchor>
      <Title order={2}>{t("import.detail.title", { id })}</Title>
      {Number.isInteger(id) && id > 0 ? (
        <ImportResultView id={id} />
      ) : (
        <Text>{t("import.detail.notFound")}</Text>
      )}
    </Stack>
  );
}
