import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import {
  COURSE_DELIVERIES,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  type CourseAudience,
  type CourseDelivery,
  type CourseDetail,
  type CourseKind,
  type CourseLanguage,
} from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { fieldMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies, useOrgChart } from "../people/queries";
import { hrCompanies, useSaveCourse, useSkillLibrary } from "./admin-queries";
import { useCourse } from "./queries";

interface SkillLine {
  key: number;
  skillId: string | null;
  targetLevel: number;
}

interface Draft {
  companyId: string;
  code: string;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  kind: CourseKind;
  delivery: CourseDelivery;
  durationDays: number;
  durationHours: number;
  language: CourseLanguage;
  active: boolean;
  audienceCompanyIds: string[];
  gradeRankMin: number | "";
  gradeRankMax: number | "";
  jobCategoryCodes: string[];
  orgUnitIds: string[];
  managersOnly: boolean;
  skills: SkillLine[];
}

const GROUP = "group";
let lineKey = 0;

function draftOf(course: CourseDetail | undefined, defaultCompany: string): Draft {
  const a = course?.audience ?? {};
  return {
    companyId: course ? (course.companyId === null ? GROUP : String(course.companyId)) : defaultCompany,
    code: course?.code ?? "",
    titleJa: course?.title.ja ?? "",
    titleEn: course?.title.en ?? "",
    descriptionJa: course?.description.ja ?? "",
    descriptionEn: course?.description.en ?? "",
    kind: course?.kind ?? "role",
    delivery: course?.delivery ?? "classroom",
    durationDays: course?.durationDays ?? 1,
    durationHours: course?.durationHours ?? 7,
    language: course?.language ?? "ja",
    active: course?.active ?? true,
    audienceCompanyIds: (a.companyIds ?? []).map(String),
    gradeRankMin: a.gradeRankMin ?? "",
    gradeRankMax: a.gradeRankMax ?? "",
    jobCategoryCodes: a.jobCategoryCodes ?? [],
    orgUnitIds: (a.orgUnitIds ?? []).map(String),
    managersOnly: a.managersOnly ?? false,
    skills: (course?.skills ?? []).map((s) => ({
      key: ++lineKey,
      skillId: String(s.skillId),
      targetLevel: s.targetLevel,
    })),
  };
}

/** HR create or change a course: catalog fields, target audience, and the skills it builds with target levels. */
export default function CourseEditorPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { id } = useParams();
  const courseId = id && /^\d+$/.test(id) ? Number(id) : null;
  const course = useCourse(courseId);
  const companies = useCompanies();
  const scope = hrCompanies(me);
  const ownCompanies = (companies.data?.items ?? []).filter((c) => scope === null || scope.includes(c.id));
  const defaultCompany = scope === null ? GROUP : String(scope[0] ?? "");
  const [draft, setDraft] = useState<Draft | null>(
    courseId === null ? draftOf(undefined, defaultCompany) : null,
  );
  useEffect(() => {
    if (courseId !== null && course.data && draft === null) setDraft(draftOf(course.data, defaultCompany));
  }, [courseId, course.data, draft, defaultCompany]);
  const ownerId =
    draft && draft.companyId !== GROUP && draft.companyId !== "" ? Number(draft.companyId) : null;
  const skills = useSkillLibrary(ownerId);
  const chart = useOrgChart(todayIso(), ownerId, ownerId !== null);
  const save = useSaveCourse(courseId);
  usePageTitle(courseId === null ? t("learning.admin.newCourse") : t("learning.admin.editCourse"));

  const skillOptions = useMemo(
    () =>
      (skills.data?.items ?? []).map((s) => ({
        value: String(s.id),
        label: `${localized(s.name, locale)} (${s.code})`,
      })),
    [skills.data, locale],
  );
  const unitOptions = useMemo(
    () =>
      (chart.data?.companies ?? []).flatMap((c) =>
        c.units.map((u) => ({ value: String(u.id), label: `${u.code} · ${localized(u.name, locale)}` })),
      ),
    [chart.data, locale],
  );
  if (courseId !== null && course.error)
    return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  if (!draft) return <Skeleton h={500} />;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const err = isApiError(save.error) ? save.error : null;
  const fieldError = (path: string) => fieldMessage(t, err?.fieldMessage(path));
  const duplicateSkills = new Set(
    draft.skills
      .map((s, i) =>
        s.skillId !== null && draft.skills.findIndex((o) => o.skillId === s.skillId) < i ? i : -1,
      )
      .filter((i) => i >= 0),
  );
  const levels = Array.from({ length: 10 }, (_, i) => String(i + 1));

  const submit = () => {
    if (duplicateSkills.size) return;
    const audience: CourseAudience = {
      ...(draft.audienceCompanyIds.length ? { companyIds: draft.audienceCompanyIds.map(Number) } : {}),
      ...(draft.gradeRankMin !== "" ? { gradeRankMin: draft.gradeRankMin } : {}),
      ...(draft.gradeRankMax !== "" ? { gradeRankMax: draft.gradeRankMax } : {}),
      ...(draft.jobCategoryCodes.length ? { jobCategoryCodes: draft.jobCategoryCodes } : {}),
      ...(draft.orgUnitIds.length ? { orgUnitIds: draft.orgUnitIds.map(Number) } : {}),
      ...(draft.managersOnly ? { managersOnly: true } : {}),
    };
    const body = {
      titleJa: draft.titleJa,
      titleEn: draft.titleEn,
      descriptionJa: draft.descriptionJa,
      descriptionEn: draft.descriptionEn,
      kind: draft.kind,
      delivery: draft.delivery,
      durationDays: draft.durationDays,
      durationHours: draft.durationHours,
      language: draft.language,
      audience,
      skills: draft.skills
        .filter((s) => s.skillId !== null)
        .map((s) => ({ skillId: Number(s.skillId), targetLevel: s.targetLevel })),
    };
    save.mutate(
      courseId === null
        ? { ...body, code: draft.code, companyId: ownerId }
        : { ...body, active: draft.active },
      { onSuccess: (saved) => navigate(`/learning/courses/${saved.id}`) },
    );
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>
        {courseId === null ? t("learning.admin.newCourse") : t("learning.admin.editCourse")}
      </Title>
      <Card padding="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("learning.admin.owner")}
              data={[
                ...(scope === null ? [{ value: GROUP, label: t("learning.admin.groupWide") }] : []),
                ...ownCompanies.map((c) => ({
                  value: String(c.id),
                  label: `${c.code} · ${localized(c.name, locale)}`,
                })),
              ]}
              value={draft.companyId}
              onChange={(v) => v && set("companyId", v)}
              disabled={courseId !== null}
              allowDeselect={false}
              error={fieldError("companyId")}
              data-testid="course-owner"
            />
            <TextInput
              label={t("learning.admin.code")}
              value={draft.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              disabled={courseId !== null}
              required
              error={fieldError("code")}
              data-testid="course-code"
            />
            <TextInput
              label={t("learning.admin.titleJa")}
              value={draft.titleJa}
              onChange={(e) => set("titleJa", e.currentTarget.value)}
              required
              error={fieldError("titleJa")}
              data-testid="course-title-ja"
            />
            <TextInput
              label={t("learning.admin.titleEn")}
              value={draft.titleEn}
              onChange={(e) => set("titleEn", e.currentTarget.value)}
              required
              error={fieldError("titleEn")}
              data-testid="course-title-en"
            />
            <Textarea
              label={t("learning.admin.descriptionJa")}
              value={draft.descriptionJa}
              onChange={(e) => set("descriptionJa", e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t("learning.admin.descriptionEn")}
              value={draft.descriptionEn}
              onChange={(e) => set("descriptionEn", e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Select
              label={t("learning.admin.kind")}
              data={COURSE_KINDS.map((k) => ({ value: k, label: t(`learning.kind.${k}`) }))}
              value={draft.kind}
              onChange={(v) => v && set("kind", v as CourseKind)}
              allowDeselect={false}
              data-testid="course-kind"
            />
            <Select
              label={t("learning.admin.delivery")}
              data={COURSE_DELIVERIES.map((d) => ({ value: d, label: t(`learning.delivery.${d}`) }))}
              value={draft.delivery}
              onChange={(v) => v && set("delivery", v as CourseDelivery)}
              allowDeselect={false}
              data-testid="course-delivery"
            />
            <NumberInput
              label={t("learning.admin.days")}
              value={draft.durationDays}
              onChange={(v) => set("durationDays", typeof v === "number" ? v : Number(v) || 0)}
              min={0}
              max={365}
              decimalScale={2}
              step={0.5}
              error={fieldError("durationDays")}
              data-testid="course-days"
            />
            <NumberInput
              label={t("learning.admin.hours")}
              value={draft.durationHours}
              onChange={(v) => set("durationHours", typeof v === "number" ? v : Number(v) || 0)}
              min={0}
              max={2000}
              decimalScale={2}
              error={fieldError("durationHours")}
              data-testid="course-hours"
            />
            <Select
              label={t("learning.admin.language")}
              data={COURSE_LANGUAGES.map((l) => ({ value: l, label: t(`learning.language.${l}`) }))}
              value={draft.language}
              onChange={(v) => v && set("language", v as CourseLanguage)}
              allowDeselect={false}
            />
            {courseId !== null && (
              <Switch
                label={t("learning.admin.active")}
                checked={draft.active}
                onChange={(e) => set("active", e.currentTarget.checked)}
                mt="lg"
              />
            )}
          </SimpleGrid>
        </Stack>
      </Card>

      <Card padding="md">
        <Text fw={600}>{t("learning.admin.audience")}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t("learning.admin.audienceHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t("learning.admin.audienceCompanies")}
            data={(companies.data?.items ?? []).map((c) => ({
              value: String(c.id),
              label: `${c.code} · ${localized(c.name, locale)}`,
            }))}
            value={draft.audienceCompanyIds}
            onChange={(v) => set("audienceCompanyIds", v)}
            searchable
            clearable
            data-testid="audience-companies"
          />
          <TagsInput
            label={t("learning.admin.jobCategories")}
            value={draft.jobCategoryCodes}
            onChange={(v) => set("jobCategoryCodes", v)}
            clearable
          />
          <NumberInput
            label={t("learning.admin.gradeRankMin")}
            value={draft.gradeRankMin}
            onChange={(v) => set("gradeRankMin", v === "" ? "" : Number(v))}
            min={0}
            max={100}
            allowDecimal={false}
            error={fieldError("audience.gradeRankMin")}
            data-testid="audience-rank-min"
          />
          <NumberInput
            label={t("learning.admin.gradeRankMax")}
            value={draft.gradeRankMax}
            onChange={(v) => set("gradeRankMax", v === "" ? "" : Number(v))}
            min={0}
            max={100}
            allowDecimal={false}
            error={fieldError("audience.gradeRankMax")}
          />
          {ownerId !== null && (
            <MultiSelect
              label={t("learning.admin.orgUnits")}
              data={unitOptions}
              value={draft.orgUnitIds}
              onChange={(v) => set("orgUnitIds", v)}
              searchable
              clearable
            />
          )}
          <Checkbox
            label={t("learning.admin.managersOnly")}
            checked={draft.managersOnly}
            onChange={(e) => set("managersOnly", e.currentTarget.checked)}
            mt="lg"
          />
        </SimpleGrid>
      </Card>

      <Card padding="md">
        <Text fw={600}>{t("learning.admin.skills")}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t("learning.admin.skillsHint")}
        </Text>
        <Stack gap="xs">
          {draft.skills.map((line, i) => (
            <Group key={line.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="course-skill-line">
              <Select
                aria-label={t("learning.admin.skill")}
                placeholder={t("learning.admin.skill")}
                data={skillOptions}
                value={line.skillId}
                onChange={(v) =>
                  set(
                    "skills",
                    draft.skills.map((s) => (s.key === line.key ? { ...s, skillId: v } : s)),
                  )
                }
                searchable
                style={{ flex: 1, minWidth: 0 }}
                error={
                  duplicateSkills.has(i) ? t("learning.admin.skillTwice") : fieldError(`skills.${i}.skillId`)
                }
                data-testid="course-skill"
              />
              <Select
                aria-label={t("learning.admin.targetLevel")}
                data={levels}
                value={String(line.targetLevel)}
                onChange={(v) =>
                  set(
                    "skills",
                    draft.skills.map((s) => (s.key === line.key ? { ...s, targetLevel: Number(v ?? 1) } : s)),
                  )
                }
                allowDeselect={false}
                w={80}
                error={fieldError(`skills.${i}.targetLevel`)}
                data-testid="course-skill-level"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={6}
                aria-label={t("learning.admin.remove")}
                onClick={() =>
                  set(
                    "skills",
                    draft.skills.filter((s) => s.key !== line.key),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() =>
              set("skills", [...draft.skills, { key: ++lineKey, skillId: null, targetLevel: 2 }])
            }
            data-testid="course-add-skill"
          >
            {t("learning.admin.addSkill")}
          </Button>
        </Stack>
      </Card>

      {save.error && (
        <Stack gap={4}>
          <ErrorState error={save.error} />
          {err && err.fields.length > 0 && (
            <Alert color="red" variant="light" p="xs">
              {t("learning.admin.fixErrors")}
            </Alert>
          )}
        </Stack>
      )}
      <Group>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={duplicateSkills.size > 0}
          data-testid="course-save"
        >
          {t("learning.admin.save")}
        </Button>
        <Button
          variant="subtle"
          onClick={() => navigate(courseId === null ? "/learning" : `/learning/courses/${courseId}`)}
        >
          {t("learning.admin.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
