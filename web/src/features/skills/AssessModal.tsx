import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { ScaleLevel, SkillGapLine } from "../../../../src/shared/skills-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { useRecordAssessment } from "./queries";

type Source = "self" | "manager" | "hr";

interface AssessModalProps {
  personId: number;
  line: SkillGapLine | null;
  scale: ScaleLevel[];
  sources: Source[];
  onClose: () => void;
}

/** Records a self, manager or HR view of one skill's level (a new dated row; the history stays). */
export function AssessModal({ personId, line, scale, sources, onClose }: AssessModalProps) {
  const t = useT();
  const [locale] = useLocale();
  const [source, setSource] = useState<Source>(sources[0] ?? "self");
  const [level, setLevel] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const record = useRecordAssessment(personId);
  const close = () => {
    setLevel(null);
    setNote("");
    record.reset();
    onClose();
  };
  const submit = () => {
    if (!line || level === null) return;
    record.mutate(
      { skillId: line.skill.id, level: Number(level), source, note: note.trim() || null },
      { onSuccess: close },
    );
  };
  return (
    <Modal
      opened={line !== null}
      onClose={close}
      title={line ? localized(line.skill.name, locale) : ""}
      centered
    >
      <Stack gap="sm">
        {sources.length > 1 && (
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v as Source)}
            data={sources.map((s) => ({ value: s, label: t(`skills.source.${s}`) }))}
          />
        )}
        {sources.length === 1 && (
          <Text size="sm" c="dimmed">
            {t(`skills.assessAs.${source}`)}
          </Text>
        )}
        <Select
          label={t("skills.level")}
          data={scale.map((s) => ({
            value: String(s.level),
            label: `${s.level} ${localized(s.name, locale)}`,
          }))}
          value={level}
          onChange={setLevel}
          data-testid="assess-level"
          comboboxProps={{ withinPortal: true }}
        />
        {level !== null && (
          <Text size="xs" c="dimmed">
            {localized(
              scale.find((s) => String(s.level) === level)?.description ?? { ja: "", en: "" },
              locale,
            )}
          </Text>
        )}
        <Textarea
          label={t("skills.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {record.error && <ErrorState error={record.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("skills.cancel")}
          </Button>
          <Button
            onClick={submit}
            disabled={level === null}
            loading={record.isPending}
            data-testid="assess-submit"
          >
            {t("skills.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
