import { Badge, Group, Text } from "@mantine/core";
import type { ApplicationStatus, PostingKind, PostingStatus } from "../../../../src/shared/mobility-vocab";
import type { Posting } from "../../../../src/shared/postings-api";
import { useLocale, useT } from "../../i18n/locale";
import { localized } from "../../lib/names";

const KIND_COLORS: Record<PostingKind, string> = {
  transfer: "indigo",
  side_assignment: "teal",
  overseas: "grape",
  project: "orange",
};

export function KindBadge({ kind }: { kind: PostingKind }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={KIND_COLORS[kind]}>
      {t(`postings.kind.${kind}`)}
    </Badge>
  );
}

export function PostingStatusBadge({ status }: { status: PostingStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="outline" color={status === "open" ? "green" : "gray"}>
      {t(`postings.status.${status}`)}
    </Badge>
  );
}

const STATUS_COLORS: Partial<Record<ApplicationStatus, string>> = {
  moved: "green",
  confirmed: "teal",
  released: "cyan",
  rejected: "red",
  withdrawn: "gray",
  declined: "gray",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status] ?? "blue"} data-testid="application-status">
      {t(`postings.appStatus.${status}`)}
    </Badge>
  );
}

export const percent = (share: number) => Math.round(share * 100);

/** The one-line facts of a posting: where, share of time, duration, host, location. */
export function PostingFacts({ posting }: { posting: Posting }) {
  const t = useT();
  const [locale] = useLocale();
  const parts = [
    `${localized(posting.company.name, locale)} · ${localized(posting.orgUnit.name, locale)}`,
    posting.position ? localized(posting.position.name, locale) : null,
    posting.fteShare !== null ? t("postings.share", { percent: percent(posting.fteShare) }) : null,
    posting.durationMonths !== null ? t("postings.duration", { months: posting.durationMonths }) : null,
    posting.hostCompany ? t("postings.host", { name: localized(posting.hostCompany.name, locale) }) : null,
    posting.overseasProgram ? t(`postings.program.${posting.overseasProgram}`) : null,
    posting.location,
  ].filter((part): part is string => !!part);
  return (
    <Group gap={6} wrap="wrap">
      {parts.map((part) => (
        <Text key={part} size="xs" c="dimmed">
          {part}
        </Text>
      ))}
    </Group>
  );
}
