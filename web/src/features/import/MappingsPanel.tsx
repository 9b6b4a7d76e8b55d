import { Alert, Button, FileButton, Group, Paper, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDateTime } from "./format";
import { downloadJson, MappingEditor } from "./MappingEditor";
import { useDeleteMapping, useMappings } from "./queries";
import type { MappingProfile, SavedMapping } from "./types";
import type { ImportTarget } from "./UploadPanel";
import { useImportScope } from "./useImportScope";

function isProfile(value: unknown): value is MappingProfile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === "string" &&
    (v.fields === undefined || (typeof v.fields === "object" && v.fields !== null))
  );
}

function asProfile(value: unknown, kind: string): MappingProfile {
  const base: MappingProfile = { format: "tekizai.import-mapping.v1", name: "", kind, fields: {} };
  return isProfile(value) ? { ...base, ...value, fields: value.fields ?? {} } : base;
}

interface Editing {
  id: number | null;
  profile: MappingProfile;
}

/** A company's saved mapping profiles: list, edit, export and import as JSON. */
export function MappingsPanel({
  target,
  setTarget,
}: {
  target: ImportTarget;
  setTarget: (t: ImportTarget) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const { companyOptions, kindList, kindOptions } = useImportScope();
  const mappings = useMappings(target.companyId);
  const remove = useDeleteMapping();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [importError, setImportError] = useState(false);
  const companyKinds = kindList.filter((k) => k.scope === "company");
  const editKind = editing ? kindList.find((k) => k.name === editing.profile.kind) : undefined;

  const importJson = async (file: File | null) => {
    if (!file) return;
    try {
      const value: unknown = JSON.parse(await file.text());
      if (!isProfile(value) || !kindList.some((k) => k.name === value.kind)) throw new Error("not a profile");
      setImportError(false);
      setEditing({ id: null, profile: asProfile(value, value.kind) });
    } catch {
      setImportError(true);
    }
  };
  const items = (mappings.data?.items ?? []).filter((m) => !target.kind || m.kind === target.kind);
  const open = (m: SavedMapping) => setEditing({ id: m.id, profile: asProfile(m.definition, m.kind) });

  return (
    <Stack gap="md" data-testid="import-mappings">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("import.company")}
          data={companyOptions}
          value={target.companyId === null ? null : String(target.companyId)}
          onChange={(v) => setTarget({ ...target, companyId: v ? Number(v) : null })}
          searchable
        />
        <Select
          label={t("import.kind")}
          data={kindOptions.filter((o) => companyKinds.some((k) => k.name === o.value))}
          value={target.kind}
          onChange={(v) => setTarget({ ...target, kind: v })}
        />
      </SimpleGrid>
      {editing && editKind && target.companyId !== null ? (
        <MappingEditor
          key={`${editing.id}-${editing.profile.name}`}
          kind={editKind}
          companyId={target.companyId}
          id={editing.id}
          initial={editing.profile}
          onClose={() => setEditing(null)}
        />
      ) : (
        <>
          <Group>
            <Button
              disabled={!target.kind || target.companyId === null}
              onClick={() => target.kind && setEditing({ id: null, profile: asProfile(null, target.kind) })}
              data-testid="mapping-new"
            >
              {t("import.mappings.new")}
            </Button>
            <FileButton onChange={(f) => void importJson(f)} accept=".json,application/json">
              {(props) => (
                <Button variant="light" {...props} data-testid="mapping-import-json">
                  {t("import.mappings.importJson")}
                </Button>
              )}
            </FileButton>
          </Group>
          {importError && <Alert color="red">{t("import.mappings.importError")}</Alert>}
          {mappings.error && <ErrorState error={mappings.error} />}
          {remove.error && <ErrorState error={remove.error} />}
          {mappings.data && items.length === 0 && <Text c="dimmed">{t("import.mappings.empty")}</Text>}
          {items.map((m) => (
            <Paper key={m.id} withBorder p="sm" data-testid="mapping-row">
              <Group justify="space-between" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {kindList.find((k) => k.name === m.kind)?.label[locale] ?? m.kind} ·{" "}
                    {t("import.mappings.updated", { at: formatDateTime(m.updatedAt, locale) })}
                  </Text>
                </div>
                <Group gap={4}>
                  <Button size="xs" variant="light" onClick={() => open(m)}>
                    {t("import.mappings.edit")}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => downloadJson(`${m.name}.json`, m.definition)}
                  >
                    {t("import.mappings.export")}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === m.id}
                    onClick={() => {
                      if (window.confirm(t("import.mappings.confirmDelete", { name: m.name })))
                        remove.mutate(m.id);
                    }}
                  >
                    {t("import.mappings.delete")}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}
