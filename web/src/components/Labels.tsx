import { Badge } from "@mantine/core";
import type { AssignmentKind, EmploymentType } from "../../../src/shared/enums";
import { useT } from "../i18n/locale";

const KIND_COLOR: Record<AssignmentKind, string> = {
  primary: "indigo",
  secondary: "teal",
  secondment: "orange",
};

export function AssignmentKindBadge({ kind }: { kind: AssignmentKind }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={KIND_COLOR[kind]} data-testid="assignment-kind">
      {t(`assignmentKind.${kind}`)}
    </Badge>
  );
}

export function EmploymentTypeLabel({ type }: { type: EmploymentType | null }) {
  const t = useT();
  return type ? t(`employmentType.${type}`) : "";
}
