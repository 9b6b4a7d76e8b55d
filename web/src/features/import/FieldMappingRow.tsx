import {
  Button,
  Checkbox,
  Collapse,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { type Translate, useLocale, useT } from "../../i18n/locale";
import type { FieldMapping, ImportField } from "./types";

export const DATE_FORMATS = [
  "auto",
  "yyyy-mm-dd",
  "yyyy/mm/dd",
  "m/d/y",
  "d/m/y",
  "d.m.y",
  "yyyymmdd",
  "japanese-era",
] as const;

/** The date formats, with the two that are not patterns explained. */
export function dateFormatOptions(t: Translate): { value: string; label: string }[] {
  return DATE_FORMATS.map((f) => ({
    value: f,
    label:
      f === "auto" ? t("import.mapEdit.dateAuto") : f === "japanese-era" ? t("import.mapEdit.dateEra") : f,
  }));
}

const NAME_FIELDS = /name(Kana|Latin)?$/i;

function valuesToText(values: Record<string, string> | undefined): string {
  return Object.entries(values ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

function textToValues(text: string): Record<string, string> | undefined {
  const entries = text
    .split("\n")
    .filter((line) => line.includes("="))
    .map((line) => {
      const at = line.indexOf("=");
      return [line.slice(0, at), line.slice(at + 1).trim()] as const;
    });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Drops undefined keys so that the exported JSON stays small. */
function clean(m: FieldMapping): FieldMapping | undefined {
  const out = Object.fromEntries(
    Object.entries(m).filter(([, v]) => v !== undefined && v !== ""),
  ) as FieldMapping;
  return Object.keys(out).length ? out : undefined;
}

/** One canonical field: where it comes from, and the transforms applied on the way. */
export function FieldMappingRow({
  field,
  mapping,
  columns,
  onChange,
}: {
  field: ImportField;
  mapping: FieldMapping | undefined;
  columns: string[];
  onChange: (m: FieldMapping | undefined) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const m = mapping ?? {};
  const [open, setOpen] = useState(false);
  const [valuesText, setValuesText] = useState(valuesToText(m.values));
  const set = (patch: Partial<FieldMapping>) => onChange(clean({ ...m, ...patch }));
  const columnData = [...new Set([...columns, ...(m.column ? [m.column] : [])])];
  const transforms = [
    m.trim === false,
    m.values,
    m.default,
    m.dateFormat,
    m.centuryPivot,
    m.namePart,
    m.lookupBy,
  ].filter((x) => x !== undefined && x !== false).length;

  return (
    <Paper withBorder p="xs" data-testid="mapping-field" data-field={field.name}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-end">
        <div style={{ minWidth: 150, flex: "1 1 150px" }}>
          <Text size="sm" fw={600}>
            {field.label[locale]}
            {field.required && (
              <Text span c="red">
                {" *"}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {field.name} · {field.type}
          </Text>
        </div>
        <Select
          style={{ flex: "2 1 180px" }}
          size="xs"
          placeholder={t("import.mapEdit.byName")}
          data={columnData}
          value={m.column ?? null}
          onChange={(v) => set({ column: v ?? undefined, constant: undefined })}
          searchable
          clearable
          aria-label={t("import.mapEdit.column")}
          data-testid={`mapping-column-${field.name}`}
        />
        <TextInput
          style={{ flex: "1 1 120px" }}
          size="xs"
          placeholder={t("import.mapEdit.constant")}
          aria-label={t("import.mapEdit.constant")}
          value={m.constant ?? ""}
          onChange={(e) => set({ constant: e.currentTarget.value || undefined, column: undefined })}
        />
        <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
          {t("import.mapEdit.transforms", { n: transforms })}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          <Checkbox
            label={t("import.mapEdit.trim")}
            checked={m.trim !== false}
            onChange={(e) => set({ trim: e.currentTarget.checked ? undefined : false })}
          />
          <TextInput
            size="xs"
            label={t("import.mapEdit.default")}
            value={m.default ?? ""}
            onChange={(e) => set({ default: e.currentTarget.value || undefined })}
          />
          <Textarea
            size="xs"
            label={t("import.mapEdit.values")}
            description={t("import.mapEdit.valuesHelp")}
            autosize
            minRows={2}
            value={valuesText}
            onChange={(e) => {
              setValuesText(e.currentTarget.value);
              set({ values: textToValues(e.currentTarget.value) });
            }}
          />
          {field.type === "date" && (
            <>
              <Select
                size="xs"
                label={t("import.mapEdit.dateFormat")}
                placeholder={t("import.mapEdit.profileDefault")}
                data={dateFormatOptions(t)}
                value={m.dateFormat ?? null}
                onChange={(v) => set({ dateFormat: v ?? undefined })}
                clearable
              />
              <NumberInput
                size="xs"
                label={t("import.mapEdit.centuryPivot")}
                description={t("import.mapEdit.centuryPivotHelp")}
                min={0}
                max={99}
                value={m.centuryPivot ?? ""}
                onChange={(v) => set({ centuryPivot: typeof v === "number" ? v : undefined })}
              />
            </>
          )}
          {field.type === "string" && NAME_FIELDS.test(field.name) && (
            <>
              <Select
                size="xs"
                label={t("import.mapEdit.namePart")}
                placeholder={t("import.mapEdit.wholeValue")}
                data={[
                  { value: "family", label: t("import.mapEdit.family") },
                  { value: "given", label: t("import.mapEdit.given") },
                ]}
                value={m.namePart ?? null}
                onChange={(v) => set({ namePart: v === "family" || v === "given" ? v : undefined })}
                clearable
              />
              <Select
                size="xs"
                label={t("import.mapEdit.nameOrder")}
                data={[
                  { value: "family_first", label: t("import.mapEdit.familyFirst") },
                  { value: "given_first", label: t("import.mapEdit.givenFirst") },
                ]}
                value={m.nameOrder ?? "family_first"}
                onChange={(v) => set({ nameOrder: v === "given_first" ? v : undefined })}
              />
            </>
          )}
          {field.type === "code-lookup" && (
            <Select
              size="xs"
              label={t("import.mapEdit.lookupBy")}
              data={[
                { value: "code", label: t("import.mapEdit.lookupCode") },
                { value: "name", label: t("import.mapEdit.lookupName") },
              ]}
              value={m.lookupBy ?? "code"}
              onChange={(v) => set({ lookupBy: v === "name" ? v : undefined })}
            />
          )}
        </SimpleGrid>
        {field.values && (
          <Text size="xs" c="dimmed" mt={4}>
            {t("import.mapEdit.allowed", { values: field.values.join(", ") })}
          </Text>
        )}
      </Collapse>
    </Paper>
  );
}
