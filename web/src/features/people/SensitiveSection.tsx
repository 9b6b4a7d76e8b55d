import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Text } from "@mantine/core";
import { useState } from "react";
import { ErrorState } from "../../components/ErrorState";
import { useT } from "../../i18n/locale";
import { useSensitive } from "./queries";

/** Sensitive attributes, fetched only on request because every read is audited. */
export function SensitiveSection({ personId }: { personId: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const sensitive = useSensitive(personId, open);
  const data = sensitive.data;

  return (
    <Card data-testid="sensitive-section">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t("person.sensitive.title")}</Text>
        {open && (
          <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
            {t("person.sensitive.hide")}
          </Button>
        )}
      </Group>
      <Alert color="yellow" variant="light" mb="sm" p="xs">
        <Text size="sm">{t("person.sensitive.notice")}</Text>
      </Alert>
      {!open && (
        <Button variant="light" color="yellow" onClick={() => setOpen(true)} data-testid="sensitive-show">
          {t("person.sensitive.show")}
        </Button>
      )}
      {open && sensitive.error && (
        <ErrorState error={sensitive.error} onRetry={() => void sensitive.refetch()} />
      )}
      {open && sensitive.isPending && <Skeleton h={48} />}
      {open && data && (
        <SimpleGrid cols={2} data-testid="sensitive-data">
          <div>
            <Text size="xs" c="dimmed" fw={600}>
              {t("person.sensitive.disability")}
            </Text>
            <Text size="sm">
              {data.disabilityCategory
                ? t(`disability.${data.disabilityCategory}`)
                : t("person.sensitive.none")}
            </Text>
          </div>
          {data.disabilityCategory && (
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t("person.sensitive.severe")}
              </Text>
              <Text size="sm">
                {data.disabilitySevere ? t("person.sensitive.yes") : t("person.sensitive.no")}
              </Text>
            </div>
          )}
        </SimpleGrid>
      )}
    </Card>
  );
}
