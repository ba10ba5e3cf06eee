/**
 * Partial dates ("2014", "2014-04", "2014-04-16") as sources give them. For ordering and for
 * "as of" questions a partial date counts from the first day of its period: a change dated
 * only "2014" is taken to hold from 2014-01-01. The UI always shows the date as written.
 */
export type PartialDate = string;
export type IsoDay = string;

/** First day of a partial date's period. @example periodStart('2014') === '2014-01-01' */
export function periodStart(date: PartialDate): IsoDay {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Compares two partial dates by period start, then by precision (less precise first). */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const byStart = periodStart(a).localeCompare(periodStart(b));
  return byStart !== 0 ? byStart : a.length - b.length;
}

/** True when the date is a real calendar day (rejects 2023-02-30). */
export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): IsoDay {
  return now.toISOString().slice(0, 10);
}

/** The year of a partial date, as a number. */
export function yearOf(date: PartialDate): number {
  return Number(date.slice(0, 4));
}

/** The day after a YYYY-MM-DD day. @example nextDay('2025-06-30') === '2025-07-01' */
export function nextDay(day: IsoDay): IsoDay {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
