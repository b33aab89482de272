/** The calendar days a TimeML date value covers, and how precise it is. */
export interface DayRange {
  start: string;
  end: string;
  precision: 'day' | 'week' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'decade';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthSpan = (y: number, from: number, to: number): { start: string; end: string } => ({
  start: `${y}-${pad(from)}-01`,
  end: `${y}-${pad(to)}-${pad(lastDayOfMonth(y, to))}`,
});

// Northern-hemisphere meteorological seasons, as TimeML's SP/SU/FA/WI are usually read.
const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11] };

/**
 * Reads a TimeML value ("2024-09-27", "2025-09", "2024-W35", "2025-Q3", "2025", "202") into
 * the days it covers; null for values that name no calendar period (PRESENT_REF, durations).
 */
export function dayRange(value: string | null | undefined): DayRange | null {
  if (!value) return null;
  const v = value.split('T')[0]!;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return { start: v, end: v, precision: 'day' };
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { ...monthSpan(y, mo, mo), precision: 'month' };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return { start: iso(monday), end: iso(sunday), precision: 'week' };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const q = Number(m[2]);
    return { ...monthSpan(Number(m[1]), q * 3 - 2, q * 3), precision: 'quarter' };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(v))) {
    const h = Number(m[2]);
    return { ...monthSpan(Number(m[1]), h * 6 - 5, h * 6), precision: 'half' };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) {
    const y = Number(m[1]);
    if (m[2] === 'WI') return { start: `${y}-12-01`, end: `${y + 1}-02-${pad(lastDayOfMonth(y + 1, 2))}`, precision: 'season' };
    const [from, to] = SEASONS[m[2]!]!;
    return { ...monthSpan(y, from, to), precision: 'season' };
  }
  if ((m = /^(\d{4})$/.exec(v))) return { start: `${v}-01-01`, end: `${v}-12-31`, precision: 'year' };
  if ((m = /^(\d{3})$/.exec(v))) return { start: `${v}0-01-01`, end: `${v}9-12-31`, precision: 'decade' };
  return null;
}

function isoWeekMonday(year: number, week: number): Date {
  // ISO week 1 is the week with the year's first Thursday; January 4th is always in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() - jan4Weekday * 86400000 + (week - 1) * 7 * 86400000);
}

/** Adds days to an ISO date string. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  return iso(new Date(d.getTime() + days * 86400000));
}

const PRECISION_RANK: Record<DayRange['precision'], number> = { day: 0, week: 1, month: 2, quarter: 3, season: 3, half: 4, year: 5, decade: 6 };

/** Negative when `a` is more precise than `b`. */
export function comparePrecision(a: DayRange, b: DayRange): number {
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

/**
 * The first days of every month, quarter, season, half, year and decade (as dayRange reads
 * them) that overlap [from, to]. Only days and weeks can start less than a week before `from`
 * and still overlap it; every longer period starts on one of these days. Lookups for events
 * overlapping a span can then seek one short range plus a few exact days, instead of scanning
 * everything that started earlier.
 */
export function periodStarts(from: string, to: string): string[] {
  const days = new Set<string>();
  const first = (y: number, m: number) => `${String(y).padStart(4, '0')}-${pad(m)}-01`;
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [lastY, lastM] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  // A period overlaps the span exactly when it holds one of the span's months.
  while (y < lastY || (y === lastY && m <= lastM)) {
    days.add(first(y, m));
    days.add(first(y, m - ((m - 1) % 3)));
    days.add(first(y, m - ((m - 1) % 6)));
    days.add(first(y, 1));
    days.add(first(Math.floor(y / 10) * 10, 1));
    // Seasons: spring from March, summer from June, autumn from September, winter from the December before.
    if (m >= 3 && m <= 11) days.add(first(y, m - ((m - 3) % 3)));
    else days.add(first(m === 12 ? y : y - 1, 12));
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return [...days].sort();
}
