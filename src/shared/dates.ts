/** Calendar dates as ISO `YYYY-MM-DD` strings: no time zones, comparable as strings. */

/** Today's date in the server's local time zone. */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether a dated row [from, to] (to inclusive, null = open) covers the day. */
export function covers(validFrom: string, validTo: string | null, day: string): boolean {
  return validFrom <= day && (validTo === null || validTo >= day);
}

/** Whether two inclusive periods overlap. */
export function overlaps(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  return (a.to === null || a.to >= b.from) && (b.to === null || b.to >= a.from);
}
