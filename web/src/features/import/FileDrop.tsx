import { Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useRef, useState } from "react";
import { useLocale, useT } from "../../i18n/locale";
import { formatBytes } from "./format";

/** Drag a file here or click to choose one (CSV, Excel .xlsx, JSON). */
export function FileDrop({ file, onFile }: { file: File | null; onFile: (file: File | null) => void }) {
  const t = useT();
  const [locale] = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Paper
      withBorder
      p="md"
      role="button"
      tabIndex={0}
      aria-label={t("import.file.choose")}
      onClick={() => input.current?.click()}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") input.current?.click();
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: "dashed",
        cursor: "pointer",
        background: over ? "var(--mantine-color-indigo-0)" : undefined,
      }}
      data-testid="import-drop"
    >
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.txt,.tsv,.xlsx,.json,text/csv,application/json"
        onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
        data-testid="import-file"
      />
      <Stack gap={2} align="center">
        {file ? (
          <>
            <Text fw={600} style={{ overflowWrap: "anywhere" }} data-testid="import-file-name">
              {file.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(file.size, locale)} · {t("import.file.replace")}
            </Text>
          </>
        ) : (
          <>
            <Text fw={600}>{t("import.file.drop")}</Text>
            <Text size="xs" c="dimmed">
              {t("import.file.formats")}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
