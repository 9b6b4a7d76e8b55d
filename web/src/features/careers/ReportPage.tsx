import { Alert, Button, Card, Group, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n/locale";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCareerReport, useCommentCareerReport } from "./queries";
import { ReportView } from "./ReportView";

/** One career report; the manager it was submitted to writes comments here. */
export default function ReportPage() {
  const t = useT();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  const report = useCareerReport(id);
  const comment = useCommentCareerReport();
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  usePageTitle(t("careers.report.detail"));
  if (report.error) return <ErrorState error={report.error} />;
  if (!report.data) return <Skeleton h={400} />;
  const r = report.data;
  const isManager = me.personId !== null && r.manager?.personId === me.personId;
  return (
    <Stack gap="md" maw={860}>
      <Title order={2}>{t("careers.report.detail")}</Title>
      <ReportView report={r} showPerson />
      {isManager && (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Textarea
              label={t("careers.manager.comment")}
              value={text ?? r.managerComment ?? ""}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setSaved(false);
              }}
              autosize
              minRows={3}
              data-testid="manager-comment-input"
            />
            {comment.error && (
              <Alert color="red" variant="light">
                {errorMessage(t, comment.error)}
              </Alert>
            )}
            <Group>
              <Button
                onClick={async () => {
                  await comment.mutateAsync({ id, comment: text ?? r.managerComment ?? "" });
                  setSaved(true);
                }}
                loading={comment.isPending}
                data-testid="manager-comment-save"
              >
                {t("careers.manager.save")}
              </Button>
              {saved && (
                <Text size="sm" c="teal">
                  {t("careers.manager.saved")}
                </Text>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
