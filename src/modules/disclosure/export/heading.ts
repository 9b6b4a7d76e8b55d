/** The heading every exported report carries: what it is, for which scope and year, and whether it is frozen. */
import type { Locale } from "../../../shared/enums";
import type { DisclosureReport, PublicationSummary } from "../../../shared/metrics-api";
import { fill, fiscalYearLabel, WORDS } from "./labels";

export interface ExportHeading {
  title: string;
  subtitle: string;
  /** ISO timestamp: the publication's, or the moment the live report was computed. */
  at: string;
}

export function exportHeading(
  report: DisclosureReport,
  lang: Locale,
  publication: PublicationSummary | null,
  now: Date,
): ExportHeading {
  const title = `${WORDS.title[lang]} ${fiscalYearLabel(report.fiscalYear, lang)} — ${report.scope.label[lang]}`;
  const ranges = report.period.ranges
    .map((r) => `${r.from} – ${r.to} (${r.companyCount}${lang === "ja" ? "" : " "}${WORDS.companies[lang]})`)
    .join(", ");
  const at = publication ? publication.publishedAt : now.toISOString();
  const stamp = publication
    ? fill(WORDS.published[lang], { version: publication.version, at: at.slice(0, 10) })
    : fill(WORDS.live[lang], { at: at.slice(0, 16).replace("T", " ") });
  return { title, subtitle: `${WORDS.period[lang]}: ${ranges} · ${stamp}`, at };
}

/** `tekizai-disclosure-FY2025-group-v2.xlsx` */
export function exportFileName(
  report: DisclosureReport,
  publication: PublicationSummary | null,
  format: string,
): string {
  const scope =
    report.scope.spec.kind === "company" ? (report.scope.companies[0]?.code ?? "company") : "group";
  const safe = scope.replace(/[^A-Za-z0-9_-]/g, "_");
  const version = publication ? `-v${publication.version}` : "";
  return `tekizai-disclosure-FY${report.fiscalYear}-${safe}${version}.${format}`;
}
