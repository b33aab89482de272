/**
 * Calendar arithmetic on plain dates (no time zone: a news date is a calendar day) and the
 * TimeML spellings of dates, weeks, months and years.
 */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

export function parseDay(s: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const toEpochDay = (day: Day) => Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY;

function fromEpochDay(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export const addDays = (day: Day, n: number): Day => fromEpochDay(toEpochDay(day) + n);
export const daysBetween = (a: Day, b: Day): number => toEpochDay(b) - toEpochDay(a);
export const compareDays = (a: Day, b: Day): number => toEpochDay(a) - toEpochDay(b);

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function weekday(day: Day): number {
  const w = new Date(toEpochDay(day) * MS_PER_DAY).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: the week (Monday to Sunday) belongs to the year of its Thursday. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** Month arithmetic on (year, month) pairs. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export const quarterOf = (m: number): number => Math.ceil(m / 3);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const formatYear = (y: number): string => pad(y, 4);
export const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m, 2)}`;
export const formatDay = (day: Day): string => `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
export const formatQuarter = (y: number, q: number): string => `${pad(y, 4)}-Q${q}`;

export function formatWeek(day: Day): string {
  const w = isoWeek(day);
  return `${pad(w.year, 4)}-W${pad(w.week, 2)}`;
}

/** Parses the day part of a TimeML value ("2024-09-27", "2024-09-27TNI"), or null. */
export function dayOfValue(value: string | null): Day | null {
  return value && /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value) ? parseDay(value) : null;
}
