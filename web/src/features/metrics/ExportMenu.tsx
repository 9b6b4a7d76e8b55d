import { Button, Menu } from "@mantine/core";
import type { ExportFormat } from "../../../../src/shared/metrics-reports-api";
import { useLocale, useT } from "../../i18n/locale";

const FORMATS: ExportFormat[] = ["xlsx", "csv", "pdf", "json"];

/** Download links for the report on screen (live, or the published version being looked at), in the UI's language. */
export function ExportMenu({
  fy,
  companyId,
  publicationId,
}: {
  fy: number;
  companyId: number | null;
  publicationId: number | null;
}) {
  const t = useT();
  const [locale] = useLocale();
  const href = (format: ExportFormat) => {
    const query = new URLSearchParams({ format, lang: locale });
    if (publicationId !== null) query.set("publicationId", String(publicationId));
    else {
      query.set("fy", String(fy));
      if (companyId !== null) query.set("companyId", String(companyId));
    }
    return `/api/reports/disclosure/export?${query.toString()}`;
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="report-export">
          {t("metrics.export.button")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={href(format)}
            download
            data-testid={`report-export-${format}`}
          >
            {t(`metrics.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
