import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Application } from "../../../../src/shared/postings-api";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { ApplicationStatusBadge, KindBadge, percent } from "./labels";
import { type StepAction, useApplication, useApplicationStep } from "./queries";

/** One application: its status timeline and the steps the reader may take (review, release, confirm, withdraw). */
export default function ApplicationPage() {
  const t = useT();
  const id = Number(useParams().id);
  const application = useApplication(Number.isInteger(id) ? id : null);
  usePageTitle(t("postings.app.title"));
  if (application.error)
    return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  if (!application.data) return <Skeleton h={400} />;
  return <ApplicationView application={application.data} />;
}

export function ApplicationView({ application: a }: { application: Application }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap="md" maw={820}>
      <Group gap="xs">
        <KindBadge kind={a.posting.kind} />
        <ApplicationStatusBadge status={a.status} />
      </Group>
      <Title order={2}>
        <Anchor component={Link} to={`/postings/${a.posting.id}`} inherit>
          {localized(a.posting.title, locale)}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed">
        {localized(a.posting.company, locale)} · {localized(a.posting.orgUnit, locale)} ·{" "}
        {t("postings.app.applicant")}:{" "}
        <Text span fw={600} c="dark" data-testid="applicant-name">
          {displayName(a.person.name, locale)}
        </Text>
      </Text>
      {a.awaitingRelease && a.releasingManager && (
        <Alert color="yellow" variant="light">
          {t("postings.app.awaitingRelease", { name: displayName(a.releasingManager.name, locale) })}
        </Alert>
      )}
      {a.effectiveOn && (
        <Alert color="teal" variant="light" data-testid="application-effective">
          {t("postings.app.effective", { date: formatDate(a.effectiveOn, locale) })}
          {a.endsOn ? ` (${t("postings.app.until", { date: formatDate(a.endsOn, locale) })})` : ""}
          {a.approvedFteShare !== null
            ? ` · ${t("postings.app.approvedShare", { percent: percent(a.approvedFteShare) })}`
            : ""}
        </Alert>
      )}
      {a.motivation && (
        <Card padding="sm">
          <Text fw={600} size="sm">
            {t("postings.app.motivation")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {a.motivation}
          </Text>
        </Card>
      )}
      <Actions application={a} />
      <Title order={4}>{t("postings.app.timeline")}</Title>
      <Timeline active={a.events.length - 1} bulletSize={14} lineWidth={2} data-testid="application-timeline">
        {a.events.map((event) => (
          <Timeline.Item key={event.id} title={t(`postings.appStatus.${event.marker ?? event.toStatus}`)}>
            <Text size="xs" c="dimmed">
              {formatDate(event.at.slice(0, 10), locale)}
              {event.actorName ? ` · ${event.actorName}` : ""}
            </Text>
            {event.note && <Text size="sm">{event.note}</Text>}
          </Timeline.Item>
        ))}
        {a.nextStep && (
          <Timeline.Item
            title={t("postings.app.next", { step: t(`postings.appStatus.${a.nextStep}`) })}
            lineVariant="dashed"
          >
            {null}
          </Timeline.Item>
        )}
      </Timeline>
    </Stack>
  );
}

function Actions({ application: a }: { application: Application }) {
  const t = useT();
  const step = useApplicationStep(a.id);
  const [note, setNote] = useState("");
  const [share, setShare] = useState<number | string>(
    a.posting.fteShare !== null ? percent(a.posting.fteShare) : "",
  );
  const [effectiveOn, setEffectiveOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const any = Object.values(a.can).some(Boolean);
  if (!any) return null;
  const run = (action: StepAction, extra: Record<string, unknown> = {}) =>
    step.mutate({ action, body: { note: note.trim() || null, ...extra } });
  const takesShare = a.posting.kind === "side_assignment" || a.posting.kind === "project";
  const fieldError = (path: string) =>
    step.error && "fieldMessage" in step.error
      ? (step.error as { fieldMessage(p: string): string | undefined }).fieldMessage(path)
      : undefined;
  return (
    <Card padding="sm" data-testid="application-actions">
      <Stack gap="xs">
        {(a.can.advance || a.can.reject || a.can.release || a.can.confirm) && (
          <Textarea
            label={t("postings.app.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
          />
        )}
        {a.can.release && takesShare && (
          <NumberInput
            label={t("postings.app.releaseShare")}
            value={share}
            onChange={setShare}
            min={1}
            max={99}
            w={220}
            error={fieldError("approvedFteShare")}
            data-testid="release-share"
          />
        )}
        {a.can.confirm && (
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("postings.app.effectiveOn")}
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              error={fieldError("effectiveOn")}
              data-testid="confirm-effective-on"
            />
            {a.posting.kind !== "transfer" && (
              <TextInput
                type="date"
                label={t("postings.app.endsOn")}
                value={endsOn}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
                error={fieldError("endsOn")}
                maw={320}
              />
            )}
          </Group>
        )}
        {step.error && (
          <Text c="red" size="sm" role="alert" data-testid="step-error">
            {errorMessage(t, step.error)}
            {step.error && "fields" in step.error
              ? ` ${(step.error as { fields: { message: string }[] }).fields.map((f) => f.message).join("; ")}`
              : ""}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {a.can.advance && (
            <Button
              size="sm"
              onClick={() => run("advance")}
              loading={step.isPending}
              data-testid="app-advance"
            >
              {a.nextStep === "released" ? t("postings.app.requestRelease") : t("postings.app.advance")}
            </Button>
          )}
          {a.can.release && (
            <Button
              size="sm"
              onClick={() =>
                run("release", takesShare && share !== "" ? { approvedFteShare: Number(share) / 100 } : {})
              }
              loading={step.isPending}
              data-testid="app-release"
            >
              {t("postings.app.release")}
            </Button>
          )}
          {a.can.confirm && (
            <Button
              size="sm"
              onClick={() => run("confirm", { effectiveOn, endsOn: endsOn || null })}
              loading={step.isPending}
              disabled={!effectiveOn}
              data-testid="app-confirm"
            >
              {t("postings.app.confirm")}
            </Button>
          )}
          {a.can.reject && (
            <Button
              size="sm"
              variant="outline"
              color="red"
              onClick={() => run("reject")}
              loading={step.isPending}
            >
              {t("postings.app.reject")}
            </Button>
          )}
          {a.can.decline && (
            <Button
              size="sm"
              variant="outline"
              color="gray"
              onClick={() => run("decline")}
              loading={step.isPending}
            >
              {t("postings.app.decline")}
            </Button>
          )}
          {a.can.withdraw && (
            <Button
              size="sm"
              variant="subtle"
              color="gray"
              onClick={() => run("withdraw")}
              loading={step.isPending}
              data-testid="app-withdraw"
            >
              {t("postings.app.withdraw")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
