import { Badge } from "@mantine/core";
import type { CareerReportStatus, MoveTiming } from "../../../../src/shared/mobility-vocab";
import { useT } from "../../i18n/locale";

const STATUS_COLOR: Record<CareerReportStatus, string> = {
  draft: "gray",
  submitted: "blue",
  commented: "teal",
};

export function ReportStatusBadge({ status }: { status: CareerReportStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="career-report-status">
      {t(`careers.status.${status}`)}
    </Badge>
  );
}

export function TimingBadge({ timing }: { timing: MoveTiming }) {
  const t = useT();
  return (
    <Badge color={timing === "within_1y" ? "orange" : "gray"} variant="light">
      {t(`careers.timing.${timing}`)}
    </Badge>
  );
}
