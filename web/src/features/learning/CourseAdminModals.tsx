import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import {
  type CourseDetail,
  SESSION_STATUSES,
  type Session,
  type SessionStatus,
} from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { fieldMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate, todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { useCompanies, useGrades, useOrgChart } from "../people/queries";
import { type AssignResult, hrCompanies, useAssignCourse, useSaveSession } from "./admin-queries";

function useCompanyOptions(course: CourseDetail) {
  const me = useCurrentUser();
  const [locale] = useLocale();
  const companies = useCompanies();
  const scope = hrCompanies(me);
  return (companies.data?.items ?? [])
    .filter((c) => scope === null || scope.includes(c.id))
    .filter((c) => course.companyId === null || c.id === course.companyId)
    .map((c) => ({ value: String(c.id), label: `${c.code} · ${localized(c.name, locale)}` }));
}

/** Schedule a session of a course, or change one: dates, place or link, capacity, status. */
export function SessionModal({
  course,
  session,
  opened,
  onClose,
}: {
  course: CourseDetail;
  session: Session | null;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const companyOptions = useCompanyOptions(course);
  const [companyId, setCompanyId] = useState<string | null>(
    session ? String(session.companyId) : (companyOptions[0]?.value ?? null),
  );
  const [startsOn, setStartsOn] = useState(session?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(session?.endsOn ?? "");
  const [place, setPlace] = useState(session?.place ?? "");
  const [url, setUrl] = useState(session?.url ?? "");
  const [capacity, setCapacity] = useState<number | "">(session?.capacity ?? 20);
  const [status, setStatus] = useState<SessionStatus>(session?.status ?? "open");
  const save = useSaveSession(course.id, session?.id ?? null);
  const err = isApiError(save.error) ? save.error : null;
  const fieldError = (path: string) => fieldMessage(t, err?.fieldMessage(path));
  const submit = () =>
    save.mutate(
      {
        ...(session ? { status } : { companyId: Number(companyId ?? companyOptions[0]?.value) }),
        startsOn,
        endsOn: endsOn || startsOn,
        place: place.trim() || null,
        url: url.trim() || null,
        capacity: capacity === "" ? 0 : capacity,
      },
      { onSuccess: onClose },
    );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={session ? t("learning.session.edit") : t("learning.session.new")}
      size="lg"
    >
      <Stack gap="sm">
        {!session && (
          <Select
            label={t("learning.session.company")}
            data={companyOptions}
            value={companyId ?? companyOptions[0]?.value ?? null}
            onChange={setCompanyId}
            allowDeselect={false}
            error={fieldError("companyId")}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t("learning.session.startsOn")}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            required
            error={fieldError("startsOn")}
            data-testid="session-starts"
          />
          <TextInput
            type="date"
            label={t("learning.session.endsOn")}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={fieldError("endsOn")}
            data-testid="session-ends"
          />
          <TextInput
            label={t("learning.session.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={fieldError("place")}
            data-testid="session-place"
          />
          <TextInput
            label={t("learning.session.url")}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            placeholder="https://"
            error={fieldError("url")}
          />
          <NumberInput
            label={t("learning.session.capacity")}
            value={capacity}
            onChange={(v) => setCapacity(v === "" ? "" : Number(v))}
            min={1}
            max={10000}
            allowDecimal={false}
            error={fieldError("capacity")}
            data-testid="session-capacity"
          />
          {session && (
            <Select
              label={t("learning.session.status")}
              data={SESSION_STATUSES.map((s) => ({ value: s, label: t(`learning.session.status.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v as SessionStatus)}
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
        {save.error && <ErrorState error={save.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t("learning.admin.cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="session-save">
            {t("learning.admin.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Assign the course to a company's people (optionally one org unit and some grades), with a due date. */
export function AssignModal({
  course,
  opened,
  onClose,
}: {
  course: CourseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const companyOptions = useCompanyOptions(course);
  const [companyId, setCompanyId] = useState<string | null>(companyOptions[0]?.value ?? null);
  const company = companyId ? Number(companyId) : companyOptions[0] ? Number(companyOptions[0].value) : null;
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [gradeIds, setGradeIds] = useState<string[]>([]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState("");
  const [preview, setPreview] = useState<AssignResult | null>(null);
  const [done, setDone] = useState<AssignResult | null>(null);
  const chart = useOrgChart(todayIso(), company, company !== null && opened);
  const grades = useGrades(opened ? company : null);
  const assign = useAssignCourse(course.id);
  const err = isApiError(assign.error) ? assign.error : null;
  const fieldError = (path: string) => fieldMessage(t, err?.fieldMessage(path));
  const sessions = course.sessions.filter((s) => s.companyId === company && s.status === "open");
  const body = (dryRun: boolean) => ({
    companyId: company ?? 0,
    ...(orgUnitId ? { orgUnitId: Number(orgUnitId) } : {}),
    ...(gradeIds.length ? { gradeIds: gradeIds.map(Number) } : {}),
    sessionId: course.delivery === "e_learning" || !sessionId ? null : Number(sessionId),
    dueOn: dueOn || null,
    dryRun,
  });
  const change = (fn: () => void) => {
    fn();
    setPreview(null);
    setDone(null);
  };
  const close = () => {
    setPreview(null);
    setDone(null);
    assign.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("learning.assign.title")} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("learning.assign.hint")}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t("learning.assign.company")}
            data={companyOptions}
            value={companyId ?? companyOptions[0]?.value ?? null}
            onChange={(v) =>
              change(() => {
                setCompanyId(v);
                setOrgUnitId(null);
                setGradeIds([]);
                setSessionId(null);
              })
            }
            allowDeselect={false}
            error={fieldError("companyId")}
            data-testid="assign-company"
          />
          <Select
            label={t("learning.assign.orgUnit")}
            data={(chart.data?.companies ?? []).flatMap((c) =>
              c.units.map((u) => ({
                value: String(u.id),
                label: `${u.code} · ${localized(u.name, locale)}`,
              })),
            )}
            value={orgUnitId}
            onChange={(v) => change(() => setOrgUnitId(v))}
            searchable
            clearable
            error={fieldError("orgUnitId")}
            data-testid="assign-unit"
          />
          <MultiSelect
            label={t("learning.assign.grades")}
            data={(grades.data?.items ?? []).map((g) => ({
              value: String(g.id),
              label: `${g.code} · ${localized(g.name, locale)}`,
            }))}
            value={gradeIds}
            onChange={(v) => change(() => setGradeIds(v))}
            clearable
            data-testid="assign-grades"
          />
          {course.delivery !== "e_learning" && (
            <Select
              label={t("learning.assign.session")}
              data={sessions.map((s) => ({
                value: String(s.id),
                label: `${formatDate(s.startsOn, locale)}${s.place ? ` · ${s.place}` : ""}`,
              }))}
              value={sessionId}
              onChange={(v) => change(() => setSessionId(v))}
              error={fieldError("sessionId")}
              data-testid="assign-session"
            />
          )}
          <TextInput
            type="date"
            label={t("learning.assign.dueOn")}
            value={dueOn}
            onChange={(e) => change(() => setDueOn(e.currentTarget.value))}
            error={fieldError("dueOn")}
            data-testid="assign-due"
          />
        </SimpleGrid>
        {assign.error && <ErrorState error={assign.error} />}
        {err?.fields
          .filter((f) => f.path.startsWith("personIds") || f.path.startsWith("gradeIds"))
          .slice(0, 3)
          .map((f) => (
            <Text key={f.path} size="xs" c="red">
              {f.message}
            </Text>
          ))}
        {preview && !done && (
          <Alert color="blue" variant="light" data-testid="assign-preview">
            {t("learning.assign.previewResult", {
              assigned: preview.assigned,
              skipped: preview.skipped,
              waitlisted: preview.waitlisted,
            })}
          </Alert>
        )}
        {done && (
          <Alert color="teal" variant="light" data-testid="assign-done">
            {t("learning.assign.done", {
              assigned: done.assigned,
              skipped: done.skipped,
              waitlisted: done.waitlisted,
            })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={close}>
            {t("learning.admin.cancel")}
          </Button>
          {!done && (
            <Button
              variant="light"
              onClick={() => assign.mutate(body(true), { onSuccess: setPreview })}
              loading={assign.isPending && !preview}
              data-testid="assign-check"
            >
              {t("learning.assign.preview")}
            </Button>
          )}
          {preview && !done && (
            <Button
              onClick={() => assign.mutate(body(false), { onSuccess: setDone })}
              loading={assign.isPending}
              disabled={preview.assigned === 0}
              data-testid="assign-confirm"
            >
              {t("learning.assign.confirm")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
