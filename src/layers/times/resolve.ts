import type { Tense } from './tense.js';
import type { Amount } from './numbers.js';
import type { UnitEntry } from './lexicon.js';
import {
  addDays, addMonths, daysBetween, formatDay, formatMonth, formatQuarter, formatWeek, formatYear,
  isValidDay, quarterOf, weekday, type Day,
} from './calendar.js';

/**
 * Normalization functions: from what an expression says (a month, a weekday, an amount of
 * units) and the document creation time (DCT) to a TimeML value. The clause's tense picks
 * between the occurrence before and the one after the DCT; without a tense the nearest wins.
 */

/** How a calendar name ("Friday", "April") is placed around the DCT. */
export type Direction = Tense | 'last' | 'next' | null;

/** The weekday `wd` (ISO, Monday = 1) before/on the DCT for past, on/after for future. */
export function pickWeekday(dct: Day, wd: number, direction: Direction): Day {
  const back = (weekday(dct) - wd + 7) % 7;
  const ahead = (wd - weekday(dct) + 7) % 7;
  switch (direction) {
    case 'future': return addDays(dct, ahead);
    case 'next': return addDays(dct, ahead || 7);
    case 'last': return addDays(dct, -(back || 7));
    case 'present': return ahead < back ? addDays(dct, ahead) : addDays(dct, -back);
    default: return addDays(dct, -back);
  }
}

/** The month `m` before/on the DCT's month when past, on/after when future, else the nearest. */
export function pickMonth(dct: Day, m: number, direction: Direction): { y: number; m: number } {
  const diff = m - dct.m;
  if (direction === 'past') return { y: diff <= 0 ? dct.y : dct.y - 1, m };
  if (direction === 'future') return { y: diff >= 0 ? dct.y : dct.y + 1, m };
  if (direction === 'last') return { y: diff < 0 ? dct.y : dct.y - 1, m };
  if (direction === 'next') return { y: diff > 0 ? dct.y : dct.y + 1, m };
  if (diff > 6) return { y: dct.y - 1, m };
  if (diff < -6) return { y: dct.y + 1, m };
  return { y: dct.y, m };
}

/**
 * The year of a month and day written without one ("Dec. 28"). The tense decides (a report of
 * 2 January: "was killed on Dec. 30" is last year; "will meet on Jan. 5" this year), except
 * that a past-tense clause rarely means a date nearly a year back while the same date is days
 * ahead ("a hearing has been scheduled for June 3"): then, and without a tense, the nearest wins.
 */
export function pickMonthDay(dct: Day, m: number, d: number, direction: Direction): Day | null {
  const candidates = [dct.y - 1, dct.y, dct.y + 1].filter((y) => isValidDay(y, m, d)).map((y) => ({ y, m, d }));
  if (candidates.length === 0) return null;
  const dist = (c: Day) => daysBetween(dct, c);
  const nearest = candidates.reduce((best, c) => (Math.abs(dist(c)) < Math.abs(dist(best)) ? c : best));
  let tensed: Day | undefined;
  if (direction === 'past' || direction === 'last') tensed = candidates.filter((c) => dist(c) <= 0).pop();
  else if (direction === 'future' || direction === 'next') tensed = candidates.find((c) => dist(c) >= 0);
  if (!tensed) return nearest;
  return direction === 'future' || direction === 'next' || Math.abs(dist(tensed)) <= 300 ? tensed : nearest;
}

/** Picks among consecutive periods (quarters, seasons) indexed year*n+i, the way pickMonth does. */
export function pickPeriod(current: number, target: number, perYear: number, direction: Direction): number {
  const options = [target - perYear, target, target + perYear];
  if (direction === 'past') return options.filter((o) => o <= current).pop() ?? target;
  if (direction === 'future') return options.find((o) => o >= current) ?? target;
  if (direction === 'last') return options.filter((o) => o < current).pop() ?? target;
  if (direction === 'next') return options.find((o) => o > current) ?? target;
  return options.reduce((best, o) => (Math.abs(o - current) < Math.abs(best - current) ? o : best));
}

/** "the third quarter" without a year. */
export function pickQuarter(dct: Day, q: number, direction: Direction): string {
  const current = dct.y * 4 + quarterOf(dct.m) - 1;
  const index = pickPeriod(current, dct.y * 4 + q - 1, 4, direction);
  return formatQuarter(Math.floor(index / 4), (index % 4) + 1);
}

const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

/** Season years run spring to winter; the winter of 2009 is December 2009 to February 2010. */
function seasonIndexOf(day: Day): number {
  if (day.m <= 2) return (day.y - 1) * 4 + 3;
  if (day.m === 12) return day.y * 4 + 3;
  return day.y * 4 + Math.floor((day.m - 3) / 3);
}

export function pickSeason(dct: Day, code: string, direction: Direction): string {
  const current = seasonIndexOf(dct);
  const order = SEASON_ORDER.indexOf(code);
  const index = pickPeriod(current, Math.floor(current / 4) * 4 + order, 4, direction);
  return `${formatYear(Math.floor(index / 4))}-${code}`;
}

export const seasonOf = (y: number, code: string): string => `${formatYear(y)}-${code}`;

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** "two hours" -> PT2H, "a decade" -> P10Y, "several weeks" -> PXW, "decades" -> PXDE. */
export function durationValue(amount: Amount, unit: UnitEntry): string {
  const t = unit.clock ? 'T' : '';
  if (amount === 'X') return `P${t}X${unit.vague ?? unit.letter}`;
  let n = amount * (unit.times ?? 1);
  let letter = unit.letter;
  // TimeML writes half an hour as PT30M, not PT0.5H.
  if (n < 1 && unit.clock && letter === 'H') {
    n *= 60;
    letter = 'M';
  }
  return `P${t}${formatAmount(n)}${letter}`;
}

/** "three days ago" -> the day, "two years ago" -> the year: the date at the unit's granularity. */
export function agoValue(dct: Day, amount: Amount, unit: UnitEntry, sign = -1): string {
  if (amount === 'X') return sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
  const n = Math.round(amount * (unit.times ?? 1)) * sign;
  if (unit.clock) return formatDay(dct);
  switch (unit.letter) {
    case 'D': return formatDay(addDays(dct, n));
    case 'W': return formatDay(addDays(dct, 7 * n));
    case 'M': { const mm = addMonths(dct.y, dct.m, n); return formatMonth(mm.y, mm.m); }
    case 'Q': { const mm = addMonths(dct.y, dct.m, 3 * n); return formatQuarter(mm.y, quarterOf(mm.m)); }
    default: return formatYear(dct.y + n);
  }
}

/** The value of "this/last/next week|month|year|decade|century" (offset 0, -1, +1) around a day. */
export function relativeUnitValue(day: Day, unit: string, offset: number): string | null {
  switch (unit) {
    case 'day': return formatDay(addDays(day, offset));
    case 'week': return formatWeek(addDays(day, 7 * offset));
    case 'weekend': return `${formatWeek(addDays(day, 7 * offset))}-WE`;
    case 'month': { const mm = addMonths(day.y, day.m, offset); return formatMonth(mm.y, mm.m); }
    case 'quarter': { const mm = addMonths(day.y, day.m, 3 * offset); return formatQuarter(mm.y, quarterOf(mm.m)); }
    case 'year': return formatYear(day.y + offset);
    case 'decade': return String(Math.floor(day.y / 10) + offset);
    case 'century': return String(Math.floor(day.y / 100) + offset).padStart(2, '0');
    default: return null;
  }
}

/** Two-digit years: '82 is 1982, '08 is 2008 (within twenty years ahead of the DCT or now). */
export function expandTwoDigitYear(yy: number, dct: Day | null): number {
  const pivot = (dct?.y ?? 2030) + 20;
  const y = 2000 + yy;
  return y > pivot ? y - 100 : y;
}
