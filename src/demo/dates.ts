/**
 * Dates as whole days since 1970-01-01 (UTC), which keeps the simulation fast and free of time zones.
 * They are turned into SQL dates only when written (`date '1970-01-01' + day`).
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayFromIso(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const result = dayOf(year, month, day);
  if (isoFromDay(result) !== iso) throw new Error(`Not a valid date: ${iso}`);
  return result;
}

export function isoFromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function ymdOf(day: Day): YearMonthDay {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function firstOfMonth(year: number, month: number): Day {
  return dayOf(year, month, 1);
}

export function lastOfMonth(year: number, month: number): Day {
  return dayOf(year, month + 1, 1) - 1;
}

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dom } = ymdOf(day);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth() + 1;
  return Math.min(dayOf(ty, tm, dom), lastOfMonth(ty, tm));
}

/** First day of the fiscal year that contains `day`, for a fiscal year starting in `startMonth`. */
export function fiscalYearStart(day: Day, startMonth: number): Day {
  const { year, month } = ymdOf(day);
  return firstOfMonth(month >= startMonth ? year : year - 1, startMonth);
}

/** Today's date on this machine, as YYYY-MM-DD (local time). Only a default for `today`. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
