import { Badge } from "@mantine/core";
import type { CourseDelivery, CourseKind, EnrolmentStatus } from "../../../../src/shared/skills-api";
import { useT } from "../../i18n/locale";

const KIND_COLOR: Record<CourseKind, string> = {
  layer: "indigo",
  role: "blue",
  department: "cyan",
  compliance: "grape",
  ojt_trainer: "teal",
  external_seminar: "orange",
  certification_prep: "pink",
};

export function CourseKindBadge({ kind }: { kind: CourseKind }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={KIND_COLOR[kind]}>
      {t(`learning.kind.${kind}`)}
    </Badge>
  );
}

export function DeliveryLabel({ delivery }: { delivery: CourseDelivery }) {
  const t = useT();
  return <>{t(`learning.delivery.${delivery}`)}</>;
}

const STATUS_COLOR: Record<EnrolmentStatus, string> = {
  requested: "yellow",
  enrolled: "blue",
  waitlisted: "orange",
  completed: "teal",
  not_completed: "red",
  rejected: "gray",
  cancelled: "gray",
};

export function StatusBadge({ status, overdue }: { status: EnrolmentStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <Badge
      size="sm"
      variant={overdue ? "filled" : "light"}
      color={overdue ? "red" : STATUS_COLOR[status]}
      data-testid="enrolment-status"
      data-status={status}
    >
      {overdue ? t("learning.overdueBadge") : t(`learning.status.${status}`)}
    </Badge>
  );
}

/** "2 days · 14 h" */
export function useDuration() {
  const t = useT();
  return (days: number, hours: number) => t("learning.duration", { days, hours });
}
