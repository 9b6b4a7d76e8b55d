import { Alert, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { FileDrop } from "./FileDrop";
import { ImportResultView } from "./ImportResultView";
import { useImport, useMappings, useStartImport } from "./queries";
import { useImportScope } from "./useImportScope";

export interface ImportTarget {
  companyId: number | null;
  kind: string | null;
}

/** Choose company, kind, file and mapping; preview (dry run); then apply all-or-nothing or the valid rows. */
export function UploadPanel({
  target,
  setTarget,
}: {
  target: ImportTarget;
  setTarget: (t: ImportTarget) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const { companyOptions, kindList, kindOptions, error } = useImportScope();
  const [file, setFile] = useState<File | null>(null);
  const [mappingId, setMappingId] = useState<string | null>(null);
  const [mode, setMode] = useState<"all" | "valid">("all");
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [applyId, setApplyId] = useState<number | null>(null);
  const start = useStartImport();
  const preview = useImport(previewId);
  const kind = kindList.find((k) => k.name === target.kind);
  const needsCompany = kind?.scope !== "group";
  const mappings = useMappings(target.companyId);
  const mappingOptions = (mappings.data?.items ?? [])
    .filter((m) => m.kind === target.kind)
    .map((m) => ({ value: String(m.id), label: m.name }));

  // A new choice starts over.
  const resetKey = `${target.companyId}|${target.kind}|${mappingId}|${file?.name}|${file?.size}|${file?.lastModified}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the choice changes
  useEffect(() => {
    setPreviewId(null);
    setApplyId(null);
    start.reset();
  }, [resetKey]);

  const ready = file !== null && kind !== undefined && (!needsCompany || target.companyId !== null);
  const run = async (dryRun: boolean) => {
    if (!ready || !file) return;
    const result = await start.mutateAsync({
      file,
      kind: kind.name,
      companyId: needsCompany ? target.companyId : null,
      mappingId: mappingId ? Number(mappingId) : null,
      dryRun,
      acceptValidRows: !dryRun && mode === "valid",
    });
    if (dryRun) {
      setPreviewId(result.id);
      setApplyId(null);
    } else setApplyId(result.id);
  };
  const previewed = preview.data?.status === "previewed";
  const hasRejected = (preview.data?.counts.rejected ?? 0) > 0;

  return (
    <Stack gap="md">
      {error && <ErrorState error={error} />}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("import.company")}
              data={companyOptions}
              value={target.companyId === null ? null : String(target.companyId)}
              onChange={(v) => setTarget({ ...target, companyId: v ? Number(v) : null })}
              disabled={!needsCompany}
              searchable
              data-testid="import-company"
            />
            <Select
              label={t("import.kind")}
              data={kindOptions}
              value={target.kind}
              onChange={(v) => setTarget({ ...target, kind: v })}
              data-testid="import-kind"
            />
            <Select
              label={t("import.mapping")}
              placeholder={t("import.mapping.none")}
              data={mappingOptions}
              value={mappingId}
              onChange={setMappingId}
              clearable
              disabled={mappingOptions.length === 0}
              data-testid="import-mapping"
            />
          </SimpleGrid>
          {kind && (
            <Text size="sm" c="dimmed">
              {kind.description[locale]}
            </Text>
          )}
          <FileDrop file={file} onFile={setFile} />
          <Group>
            <Button
              onClick={() => void run(true)}
              disabled={!ready}
              loading={start.isPending && previewId === null}
              data-testid="import-preview"
            >
              {t("import.preview")}
            </Button>
          </Group>
          {start.error && <ErrorState error={start.error} />}
        </Stack>
      </Paper>

      {previewId !== null && (
        <>
          <Title order={3}>{t("import.result.previewTitle")}</Title>
          <ImportResultView id={previewId} />
        </>
      )}

      {previewed && applyId === null && (
        <Paper withBorder p="md" data-testid="import-apply-panel">
          <Stack gap="sm">
            <Title order={4}>{t("import.apply.title")}</Title>
            <Radio.Group value={mode} onChange={(v) => setMode(v === "valid" ? "valid" : "all")}>
              <Stack gap={6}>
                <Radio value="all" label={t("import.apply.all")} data-testid="import-mode-all" />
                <Radio value="valid" label={t("import.apply.valid")} data-testid="import-mode-valid" />
              </Stack>
            </Radio.Group>
            {hasRejected && mode === "all" && (
              <Alert color="orange" variant="light">
                {t("import.apply.willReject")}
              </Alert>
            )}
            <Group>
              <Button
                color="teal"
                onClick={() => void run(false)}
                loading={start.isPending}
                data-testid="import-apply"
              >
                {t("import.apply.button")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {applyId !== null && (
        <>
          <Title order={3}>{t("import.result.applyTitle")}</Title>
          <ImportResultView id={applyId} />
        </>
      )}
    </Stack>
  );
}
