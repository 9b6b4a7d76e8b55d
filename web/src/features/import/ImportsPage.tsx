import { Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { useT } from "../../i18n/locale";
import { usePageTitle } from "../../lib/usePageTitle";
import { HistoryPanel } from "./HistoryPanel";
import { MappingsPanel } from "./MappingsPanel";
import { TemplatesPanel } from "./TemplatesPanel";
import { type ImportTarget, UploadPanel } from "./UploadPanel";
import { useImportScope } from "./useImportScope";

const TABS = ["upload", "history", "mappings", "templates"] as const;
type Tab = (typeof TABS)[number];

/** Personnel data imports (HR): upload and preview, history, mapping profiles, templates. */
export default function ImportsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t("import.title"));
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = TABS.find((x) => x === tabParam) ?? "upload";
  const { companyOptions, kindList } = useImportScope();
  const [chosen, setTarget] = useState<ImportTarget>({ companyId: null, kind: null });
  // Until chosen: the first company in scope and the first kind.
  const target: ImportTarget = {
    companyId: chosen.companyId ?? (companyOptions[0] ? Number(companyOptions[0].value) : null),
    kind: chosen.kind ?? kindList.find((k) => k.scope === "company")?.name ?? null,
  };

  if (!me.permissions.editPeople) return <Text c="dimmed">{t("import.noPermission")}</Text>;

  return (
    <Stack gap="md" data-testid="imports-page">
      <Title order={2}>{t("import.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("import.intro")}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== "upload" ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: "wrap" }}>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`import-tab-${x}`}>
              {t(`import.tab.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="upload" pt="md">
          <UploadPanel target={target} setTarget={setTarget} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel companyId={null} kinds={kindList} />
        </Tabs.Panel>
        <Tabs.Panel value="mappings" pt="md">
          <MappingsPanel target={target} setTarget={setTarget} />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesPanel kinds={kindList} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
