import type { EventRow, Standing } from './api.js';
import { parseDay } from './format.js';

/** Where an event sits on a time axis, and how a planned one stands against its deadline. */
export interface Placed {
  event: EventRow;
  /** The days its date covers (a month-precise date covers the month). */
  start: Date;
  end: Date;
  /** The point drawn: a deadline's last day for planned events, else the middle of the range. */
  at: Date;
  /** False when the text gives no date and the report's date stands in for it. */
  dated: boolean;
  /** A planned event with a date from the text: a commitment with a deadline. */
  deadline: boolean;
  /** The deadline passed with no report that it was kept. */
  overdue: boolean;
  /** The brief's judgement of a commitment, when the brief lists it. */
  standing: Standing | null;
}

/** The brief's standing of each commitment by event id; without it, a passed deadline is overdue. */
export type Standings = ReadonlyMap<number, Standing>;

export function placeEvent(e: EventRow, asOf: string, standings?: Standings): Placed | null {
  const fromText = !!e.dateStart && e.dateSource !== 'published';
  const start = parseDay(e.dateStart) ?? parseDay(e.firstReported);
  if (!start) return null;
  const end = (e.dateStart ? parseDay(e.dateEnd) : null) ?? start;
  const planned = e.statusClass === 'planned';
  const deadline = planned && fromText;
  const at = planned ? end : new Date((start.getTime() + end.getTime()) / 2);
  const standing = planned ? (standings?.get(e.id) ?? null) : null;
  const passed = deadline && (e.dateEnd ?? e.dateStart ?? '9999') < asOf;
  const overdue = standing ? standing === 'overdue-unconfirmed' : passed;
  return { event: e, start, end, at, dated: !!e.dateStart, deadline, overdue, standing };
}

export function placeAll(events: readonly EventRow[], asOf: string, standings?: Standings): { placed: Placed[]; unplaced: EventRow[] } {
  const placed: Placed[] = [];
  const unplaced: EventRow[] = [];
  for (const e of events) {
    const p = placeEvent(e, asOf, standings);
    if (p) placed.push(p);
    else unplaced.push(e);
  }
  return { placed, unplaced };
}
