import type { Locale } from "../../../src/shared/enums";

const formatters = new Map<Locale, Intl.DateTimeFormat>();

function formatter(locale: Locale): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    f =
      locale === "ja"
        ? new Intl.DateTimeFormat("ja-JP", {
            year: "numeric",
            month: "long",
            day: "numeric",
            timeZone: "UTC",
          })
        : new Intl.DateTimeFormat("en-US", {
            year: "numeric",
            month: "short",
            day: "numeric",
            timeZone: "UTC",
          });
    formatters.set(locale, f);
  }
  return f;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** `2026-11-23` → "2026年11月23日" (ja) or "Nov 23, 2026" (en). */
export function formatDate(iso: string, locale: Locale): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return formatter(locale).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** Today's date in the browser's time zone, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a dated row (inclusive `validTo`, null = open) covers `asOf`. */
export function covers(from: string, to: string | null, asOf: string): boolean {
  return from <= asOf && (to === null || to >= asOf);
}
