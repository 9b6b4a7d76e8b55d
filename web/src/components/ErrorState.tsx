import { Alert, Button, Stack } from "@mantine/core";
import { errorMessage } from "../i18n/errors";
import { useT } from "../i18n/locale";

/** An error from an API call, translated, with an optional retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert color="red" variant="light" title={errorMessage(t, error)} role="alert" w="100%" maw={560}>
      {onRetry && (
        <Stack align="flex-start" mt="xs">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        </Stack>
      )}
    </Alert>
  );
}
