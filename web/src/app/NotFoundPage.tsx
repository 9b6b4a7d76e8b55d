import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../i18n/locale";

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={2}>{t("notFound.title")}</Title>
      <Text c="dimmed">{t("notFound.body")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("notFound.home")}
      </Button>
    </Stack>
  );
}
