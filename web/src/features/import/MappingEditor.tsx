import {
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { ErrorState } from "../../components/ErrorState";
import { useT } from "../../i18n/locale";
import { type CsvSample, readCsvSample } from "./csvSample";
import { dateFormatOptions, FieldMappingRow } from "./FieldMappingRow";
import { MappingPreview } from "./MappingPreview";
import { useSaveMapping } from "./queries";
import type { ImportKind, MappingProfile } from "./types";

export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const DELIMITERS = [
  { value: ",", label: "," },
  { value: ";", label: ";" },
  { value: "\t", label: "Tab" },
  { value: "|", label: "|" },
];

/** Edits a mapping profile: per canonical field its source column and transforms, with a preview. */
export function MappingEditor({
  kind,
  companyId,
  id,
  initial,
  onClose,
}: {
  kind: ImportKind;
  companyId: number;
  id: number | null;
  initial: MappingProfile;
  onClose: () => void;
}) {
  const t = useT();
  const save = useSaveMapping();
  const [profile, setProfile] = useState<MappingProfile>(initial);
  const [sampleFile, setSampleFile] = useState<File | null>(null);
  const [sample, setSample] = useState<CsvSample | null>(null);
  const set = (patch: Partial<MappingProfile>) => setProfile((p) => ({ ...p, ...patch }));

  const { encoding, delimiter } = profile;
  useEffect(() => {
    if (!sampleFile) return;
    let live = true;
    void readCsvSample(sampleFile, { encoding, delimiter }).then((s) => {
      if (live) setSample(s);
    });
    return () => {
      live = false;
    };
  }, [sampleFile, encoding, delimiter]);

  const submit = async () => {
    await save.mutateAsync({ id, companyId, definition: profile });
    onClose();
  };

  return (
    <Paper withBorder p="md" data-testid="mapping-editor">
      <Stack gap="sm">
        <Title order={4}>{id === null ? t("import.mapEdit.newTitle") : t("import.mapEdit.editTitle")}</Title>
        <Text size="sm" c="dimmed">
          {t("import.mapEdit.help")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("import.mapEdit.name")}
            value={profile.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            required
            data-testid="mapping-name"
          />
          <Select
            label={t("import.mapEdit.encoding")}
            data={[
              { value: "auto", label: t("import.mapEdit.encodingAuto") },
              { value: "utf8", label: "UTF-8" },
              { value: "cp932", label: "Shift_JIS (CP932)" },
            ]}
            value={profile.encoding ?? "auto"}
            onChange={(v) => set({ encoding: v === "utf8" || v === "cp932" ? v : "auto" })}
          />
          <Select
            label={t("import.mapEdit.delimiter")}
            placeholder={t("import.mapEdit.detect")}
            data={DELIMITERS}
            value={profile.delimiter ?? null}
            onChange={(v) => set({ delimiter: v ?? undefined })}
            clearable
          />
          <Select
            label={t("import.mapEdit.dateFormat")}
            data={dateFormatOptions(t)}
            value={profile.dateFormat ?? "auto"}
            onChange={(v) => set({ dateFormat: v ?? "auto" })}
          />
          <NumberInput
            label={t("import.mapEdit.centuryPivot")}
            description={t("import.mapEdit.centuryPivotHelp")}
            min={0}
            max={99}
            value={profile.centuryPivot ?? ""}
            onChange={(v) => set({ centuryPivot: typeof v === "number" ? v : undefined })}
          />
          <Stack gap={4} justify="flex-end">
            <FileButton onChange={setSampleFile} accept=".csv,.txt,.tsv,text/csv">
              {(props) => (
                <Button variant="light" {...props} data-testid="mapping-sample">
                  {t("import.mapEdit.sample")}
                </Button>
              )}
            </FileButton>
            {sampleFile && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {sampleFile.name}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        {sample && (
          <>
            <Text size="sm" fw={600}>
              {t("import.mapEdit.previewTitle", { n: sample.rows.length })}
            </Text>
            <MappingPreview sample={sample} kind={kind} profile={profile} />
          </>
        )}
        <Stack gap={6}>
          {kind.fields.map((f) => (
            <FieldMappingRow
              key={f.name}
              field={f}
              mapping={profile.fields[f.name]}
              columns={sample?.header ?? []}
              onChange={(m) => {
                const fields = { ...profile.fields };
                if (m) fields[f.name] = m;
                else delete fields[f.name];
                set({ fields });
              }}
            />
          ))}
        </Stack>
        {save.error && <ErrorState error={save.error} />}
        <Group>
          <Button
            onClick={() => void submit()}
            loading={save.isPending}
            disabled={profile.name.trim() === ""}
            data-testid="mapping-save"
          >
            {t("import.mapEdit.save")}
          </Button>
          <Button
            variant="default"
            onClick={() => downloadJson(`${profile.name || "mapping"}.json`, profile)}
          >
            {t("import.mappings.export")}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t("import.mapEdit.close")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
