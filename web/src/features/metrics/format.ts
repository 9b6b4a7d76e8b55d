/** How figures, fiscal years and their ranges are written in each language. */

import type { Locale } from "../../../../src/shared/enums";
import type { Figure, MetricUnit } from "../../../../src/shared/metrics-api";
import type { Translate } from "../../i18n/locale";

const numberFormat = (locale: Locale, decimals: number) =>
  new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });

/** The number with its unit ("44.4%", "42.2 yrs" / "42.2年"); null for figures without one. */
export function formatNumber(
  value: number,
  unit: MetricUnit,
  decimals: number,
  locale: Locale,
  t: Translate,
): string {
  // counts are whole; weighted counts (disability) may end in .5
  const shown = unit === "people" ? 0 : unit === "weighted_people" && Number.isInteger(value) ? 0 : decimals;
  const text = numberFormat(locale, shown).format(value);
  switch (unit) {
    case "percent":
      return `${text}%`;
    case "years":
      return t("metrics.unit.years", { value: text });
    case "days":
      return t("metrics.unit.days", { value: text });
    case "hours":
      return t("metrics.unit.hours", { value: text });
    default:
      return text;
  }
}

export function formatFigure(
  figure: Figure,
  unit: MetricUnit,
  decimals: number,
  locale: Locale,
  t: Translate,
): string {
  if (figure.status === "ok" && figure.value !== null)
    return formatNumber(figure.value, unit, decimals, locale, t);
  if (figure.status === "no_data" && figure.reason === "empty") return "—";
  return t(`metrics.status.${figure.status === "ok" ? "no_data" : figure.status}`);
}

/** "Apr 2025" / "2025年4月". */
export function monthYear(iso: string, locale: Locale): string {
  const [year, month] = iso.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", {
    year: "numeric",
    month: locale === "ja" ? "long" : "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export function rangeLabel(from: string, to: string, locale: Locale, t: Translate): string {
  return t("metrics.range", { from: monthYear(from, locale), to: monthYear(to, locale) });
}

/** The first and last day of fiscal year `year` for a company whose year starts in `month`. */
export function fiscalYearRange(year: number, month: number): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const from = `${year}-${pad(month)}-01`;
  const endMonth = month === 1 ? 12 : month - 1;
  const endYear = month === 1 ? year : year + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return { from, to: `${endYear}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The fiscal year (by its starting calendar year) that contains the day. */
export function fiscalYearOf(iso: string, month: number): number {
  const [year, m] = iso.split("-").map(Number) as [number, number];
  return m >= month ? year : year - 1;
}
