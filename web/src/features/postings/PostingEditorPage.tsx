import {
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
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { OVERSEAS_PROGRAMS, POSTING_KINDS, type PostingKind } from "../../../../src/shared/mobility-vocab";
import type { PostingDetail } from "../../../../src/shared/postings-api";
import type { JobDescription } from "../../../../src/shared/skills-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { errorMessage } from "../../i18n/errors";
import { useLocale, useT } from "../../i18n/locale";
import { api, isApiError } from "../../lib/api";
import { todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useSkillLibrary } from "../learning/admin-queries";
import { useCompanies, useOrgChart } from "../people/queries";
import { usePositions } from "../skills/queries";
import { percent } from "./labels";
import { usePosting, usePostingMutation } from "./queries";

interface SkillLine {
  skillId: string | null;
  level: number | string;
  required: boolean;
}

interface Form {
  companyId: string | null;
  kind: PostingKind;
  orgUnitId: string | null;
  positionId: string | null;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  share: number | string;
  durationMonths: number | string;
  hostCompanyId: string | null;
  overseasProgram: string | null;
  location: string;
  gradeMin: number | string;
  gradeMax: number | string;
  minTenure: number | string;
  eligibleCompanyIds: string[];
  skills: SkillLine[];
}

const num = (value: number | string) => (value === "" ? null : Number(value));
const opt = (value: number | string) => (value === "" ? undefined : Number(value));

function formOf(p: PostingDetail | undefined, companyId: string | null): Form {
  return {
    companyId: p ? String(p.company.id) : companyId,
    kind: p?.kind ?? "transfer",
    orgUnitId: p ? String(p.orgUnit.id) : null,
    positionId: p?.position ? String(p.position.id) : null,
    titleJa: p?.title.ja ?? "",
    titleEn: p?.title.en ?? "",
    descriptionJa: p?.description.ja ?? "",
    descriptionEn: p?.description.en ?? "",
    share: p?.fteShare != null ? percent(p.fteShare) : "",
    durationMonths: p?.durationMonths ?? "",
    hostCompanyId: p?.hostCompany ? String(p.hostCompany.id) : null,
    overseasProgram: p?.overseasProgram ?? null,
    location: p?.location ?? "",
    gradeMin: p?.eligibility.gradeRanks?.min ?? "",
    gradeMax: p?.eligibility.gradeRanks?.max ?? "",
    minTenure: p?.eligibility.minTenureMonths ?? "",
    eligibleCompanyIds: (p?.eligibility.companyIds ?? []).map(String),
    skills: (p?.skills ?? []).map((s) => ({
      skillId: String(s.skillId),
      level: s.level,
      required: s.required,
    })),
  };
}

/** Create or edit a posting: kind, place, texts in both languages, skills (copied from the skill map), eligibility. */
export default function PostingEditorPage() {
  const t = useT();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const posting = usePosting(id);
  usePageTitle(t(id ? "postings.editor.edit" : "postings.editor.new"));
  if (id !== null && posting.error) return <ErrorState error={posting.error} />;
  if (id !== null && !posting.data) return <Skeleton h={400} />;
  return <Editor posting={posting.data} />;
}

function Editor({ posting }: { posting: PostingDetail | undefined }) {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const companies = useCompanies();
  const manageable = useMemo(() => {
    const all = companies.data?.items ?? [];
    const groupHr = me.roles.some((r) => r.role === "group_hr");
    const ids = new Set(
      me.roles.filter((r) => r.role === "company_hr" || r.role === "recruiter").map((r) => r.companyId),
    );
    return groupHr ? all : all.filter((c) => ids.has(c.id));
  }, [companies.data, me.roles]);
  const [form, setForm] = useState<Form>(() => formOf(posting, null));
  const [copied, setCopied] = useState<number | null>(null);
  useEffect(() => {
    if (!form.companyId && manageable[0]) setForm((f) => ({ ...f, companyId: String(manageable[0]!.id) }));
  }, [manageable, form.companyId]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const unitCompany = form.kind === "overseas" ? form.hostCompanyId : form.companyId;
  const chart = useOrgChart(todayIso(), unitCompany ? Number(unitCompany) : null, unitCompany !== null);
  const positions = usePositions(unitCompany ? Number(unitCompany) : null);
  const library = useSkillLibrary(form.companyId ? Number(form.companyId) : null);
  const save = usePostingMutation();
  const companyOptions = (list: typeof manageable) =>
    list.map((c) => ({ value: String(c.id), label: localized(c.name, locale) }));
  const err = (path: string) => (isApiError(save.error) ? save.error.fieldMessage(path) : undefined);

  const copyFromPosition = async () => {
    if (!form.positionId) return;
    const map = await api<JobDescription>(`/api/positions/${form.positionId}/job-description`);
    setForm((f) => ({
      ...f,
      skills: map.entries.map((e) => ({
        skillId: String(e.skill.id),
        level: e.requiredLevel,
        required: true,
      })),
    }));
    setCopied(map.entries.length);
  };

  const submit = () => {
    const takesShare = form.kind === "side_assignment" || form.kind === "project";
    const body = {
      orgUnitId: Number(form.orgUnitId),
      kind: form.kind,
      titleJa: form.titleJa,
      titleEn: form.titleEn,
      descriptionJa: form.descriptionJa,
      descriptionEn: form.descriptionEn,
      positionId: form.positionId ? Number(form.positionId) : null,
      fteShare: takesShare && form.share !== "" ? Number(form.share) / 100 : null,
      durationMonths: form.kind === "transfer" ? null : num(form.durationMonths),
      hostCompanyId: form.kind === "overseas" && form.hostCompanyId ? Number(form.hostCompanyId) : null,
      overseasProgram: form.kind === "overseas" ? form.overseasProgram : null,
      location: form.location.trim() || null,
      eligibility: {
        ...(form.minTenure !== "" ? { minTenureMonths: Number(form.minTenure) } : {}),
        ...(form.gradeMin !== "" || form.gradeMax !== ""
          ? { gradeRanks: { min: opt(form.gradeMin), max: opt(form.gradeMax) } }
          : {}),
        ...(form.eligibleCompanyIds.length ? { companyIds: form.eligibleCompanyIds.map(Number) } : {}),
      },
      skills: form.skills
        .filter((s) => s.skillId)
        .map((s) => ({ skillId: Number(s.skillId), level: Number(s.level), required: s.required })),
    };
    save.mutate(
      posting
        ? { path: `/api/postings/${posting.id}`, method: "PATCH", body }
        : { path: "/api/postings", method: "POST", body: { ...body, companyId: Number(form.companyId) } },
      { onSuccess: (saved) => void navigate(`/postings/${saved.id}`) },
    );
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t(posting ? "postings.editor.edit" : "postings.editor.new")}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("postings.editor.company")}
          data={companyOptions(manageable)}
          value={form.companyId}
          onChange={(v) => set("companyId", v)}
          disabled={!!posting}
          error={err("companyId")}
          data-testid="editor-company"
        />
        <Select
          label={t("postings.filter.kind")}
          data={POSTING_KINDS.map((k) => ({ value: k, label: t(`postings.kind.${k}`) }))}
          value={form.kind}
          onChange={(v) => v && set("kind", v as PostingKind)}
          allowDeselect={false}
          error={err("kind")}
          data-testid="editor-kind"
        />
        {form.kind === "overseas" && (
          <Select
            label={t("postings.editor.hostCompany")}
            data={companyOptions(companies.data?.items ?? [])}
            value={form.hostCompanyId}
            onChange={(v) => set("hostCompanyId", v)}
            searchable
            error={err("hostCompanyId")}
          />
        )}
        <Select
          label={t(form.kind === "overseas" ? "postings.editor.orgUnitHost" : "postings.editor.orgUnit")}
          data={(chart.data?.companies.flatMap((c) => c.units) ?? []).map((u) => ({
            value: String(u.id),
            label: `${localized(u.name, locale)} (${u.code})`,
          }))}
          value={form.orgUnitId}
          onChange={(v) => set("orgUnitId", v)}
          searchable
          error={err("orgUnitId")}
          data-testid="editor-org-unit"
        />
        <Select
          label={t("postings.editor.position")}
          data={(positions.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: localized(p.name, locale),
          }))}
          value={form.positionId}
          onChange={(v) => set("positionId", v)}
          searchable
          clearable
          error={err("positionId")}
          data-testid="editor-position"
        />
        <TextInput
          label={t("postings.editor.titleJa")}
          value={form.titleJa}
          onChange={(e) => set("titleJa", e.currentTarget.value)}
          error={err("titleJa")}
          data-testid="editor-title-ja"
        />
        <TextInput
          label={t("postings.editor.titleEn")}
          value={form.titleEn}
          onChange={(e) => set("titleEn", e.currentTarget.value)}
          error={err("titleEn")}
          data-testid="editor-title-en"
        />
        {(form.kind === "side_assignment" || form.kind === "project") && (
          <NumberInput
            label={t("postings.editor.share")}
            value={form.share}
            onChange={(v) => set("share", v)}
            min={1}
            max={99}
            error={err("fteShare")}
            data-testid="editor-share"
          />
        )}
        {form.kind !== "transfer" && (
          <NumberInput
            label={t("postings.editor.duration")}
            value={form.durationMonths}
            onChange={(v) => set("durationMonths", v)}
            min={1}
            max={120}
            error={err("durationMonths")}
            data-testid="editor-duration"
          />
        )}
        {form.kind === "overseas" && (
          <Select
            label={t("postings.editor.program")}
            data={OVERSEAS_PROGRAMS.map((p) => ({ value: p, label: t(`postings.program.${p}`) }))}
            value={form.overseasProgram}
            onChange={(v) => set("overseasProgram", v)}
            error={err("overseasProgram")}
          />
        )}
        <TextInput
          label={t("postings.editor.location")}
          value={form.location}
          onChange={(e) => set("location", e.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        label={t("postings.editor.descriptionJa")}
        value={form.descriptionJa}
        onChange={(e) => set("descriptionJa", e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Textarea
        label={t("postings.editor.descriptionEn")}
        value={form.descriptionEn}
        onChange={(e) => set("descriptionEn", e.currentTarget.value)}
        autosize
        minRows={3}
      />

      <Card padding="sm">
        <Group justify="space-between" wrap="wrap" mb="xs">
          <Text fw={600} size="sm">
            {t("postings.editor.skills")}
          </Text>
          <Button
            size="xs"
            variant="light"
            disabled={!form.positionId}
            onClick={() => void copyFromPosition()}
            data-testid="editor-copy-skills"
          >
            {t("postings.editor.copyFromPosition")}
          </Button>
        </Group>
        {copied !== null && (
          <Text size="xs" c="dimmed" mb="xs">
            {t("postings.editor.copied", { count: copied })}
          </Text>
        )}
        <Stack gap="xs">
          {form.skills.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={i === 0 ? t("postings.editor.skill") : undefined}
                data={(library.data?.items ?? []).map((s) => ({
                  value: String(s.id),
                  label: localized(s.name, locale),
                }))}
                value={line.skillId}
                onChange={(v) =>
                  set(
                    "skills",
                    form.skills.map((l, j) => (j === i ? { ...l, skillId: v } : l)),
                  )
                }
                searchable
                w={{ base: "100%", xs: 280 }}
                error={err(`skills.${i}.skillId`)}
              />
              <NumberInput
                label={i === 0 ? t("postings.editor.level") : undefined}
                value={line.level}
                onChange={(v) =>
                  set(
                    "skills",
                    form.skills.map((l, j) => (j === i ? { ...l, level: v } : l)),
                  )
                }
                min={1}
                max={10}
                w={90}
                error={err(`skills.${i}.level`)}
              />
              <Checkbox
                label={t("postings.editor.required")}
                checked={line.required}
                onChange={(e) => {
                  const required = e.currentTarget.checked;
                  set(
                    "skills",
                    form.skills.map((l, j) => (j === i ? { ...l, required } : l)),
                  );
                }}
                mb={8}
              />
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  set(
                    "skills",
                    form.skills.filter((_, j) => j !== i),
                  )
                }
                mb={4}
              >
                {t("postings.editor.remove")}
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => set("skills", [...form.skills, { skillId: null, level: 3, required: true }])}
            >
              {t("postings.editor.addSkill")}
            </Button>
          </Group>
        </Stack>
      </Card>

      <Card padding="sm">
        <Text fw={600} size="sm" mb="xs">
          {t("postings.eligibility")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t("postings.editor.minTenure")}
            value={form.minTenure}
            onChange={(v) => set("minTenure", v)}
            min={0}
            max={600}
            data-testid="editor-min-tenure"
          />
          <NumberInput
            label={t("postings.editor.gradeMin")}
            value={form.gradeMin}
            onChange={(v) => set("gradeMin", v)}
            min={0}
            max={99}
          />
          <NumberInput
            label={t("postings.editor.gradeMax")}
            value={form.gradeMax}
            onChange={(v) => set("gradeMax", v)}
            min={0}
            max={99}
            error={err("eligibility.gradeRanks.max")}
          />
        </SimpleGrid>
        <MultiSelect
          mt="sm"
          label={t("postings.editor.eligibleCompanies")}
          data={companyOptions(companies.data?.items ?? [])}
          value={form.eligibleCompanyIds}
          onChange={(v) => set("eligibleCompanyIds", v)}
          searchable
          clearable
        />
      </Card>
      {save.error && (
        <Alert color="red" variant="light" role="alert">
          {isApiError(save.error) && save.error.fields.length
            ? t("postings.editor.fixErrors")
            : errorMessage(t, save.error)}
        </Alert>
      )}
      <Group>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={!form.companyId || !form.orgUnitId}
          data-testid="editor-save"
        >
          {t("postings.editor.save")}
        </Button>
      </Group>
    </Stack>
  );
}
