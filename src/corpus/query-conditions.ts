import type Database from 'better-sqlite3';
import { addDays } from './dates.js';
import { ftsQuery } from './fts.js';
import type { EventCriteria } from './query-filter.js';
import { resolveActorIds, resolvePlaceIds } from './query-resolve.js';
import { statement } from './query-statements.js';

/** A WHERE clause over `events e` with its parameters; `none` when no event can match. */
export interface Conditions {
  where: string;
  params: unknown[];
  none: boolean;
  /** A type or status filter: an index lists its events in EVENT_ORDER (schema 3 on), so a page is read off it. */
  ordered: boolean;
  /** How many events match, when it is known without a query (a text filter alone). */
  knownTotal?: number;
}

/**
 * Turns filters into SQL. Names are resolved to entity and place ids first (small indexed
 * lookups), so the events query itself runs on the events indexes; every value is a bound
 * parameter, never part of the SQL text, and the SQL text depends only on which filters are set
 * (so the prepared statements are reused).
 */
export function eventConditions(db: Database.Database, c: EventCriteria): Conditions {
  const parts: string[] = [];
  const params: unknown[] = [];
  let none = false;
  let knownTotal: number | undefined;
  if (c.actor !== undefined) {
    const ids = resolveActorIds(db, c.actor);
    if (ids.length === 0) none = true;
    parts.push('(e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(ids), JSON.stringify(ids));
  }
  if (c.type !== undefined) {
    parts.push('e.type = ?');
    params.push(c.type);
  }
  if (c.status !== undefined) {
    parts.push('e.status = ?');
    params.push(c.status);
  }
  // Overlap of the event's days with [from, to]; an undated event fails every comparison.
  if (c.from !== undefined) {
    parts.push(`(e.date_start BETWEEN ? AND ? OR e.date_start IN (SELECT value FROM json_each(?))) AND e.date_end >= ?`);
    params.push(addDays(c.from, -(MAX_SHORT_SPAN_DAYS - 1)), c.to ?? '9999-12-31', JSON.stringify(longPeriodStarts(c.from)), c.from);
  } else if (c.to !== undefined) {
    parts.push('e.date_start <= ?');
    params.push(c.to);
  }
  if (c.place !== undefined) {
    const ids = resolvePlaceIds(db, c.place);
    if (ids.length === 0) none = true;
    parts.push('e.place_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
  }
  if (c.text !== undefined) {
    // Resolved once, here: the count and the page then share the list instead of each running FTS5.
    const ids = eventsWithText(db, c.text);
    if (ids.length === 0) none = true;
    parts.push('e.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
    if (parts.length === 1) knownTotal = ids.length;
  }
  const ordered = c.type !== undefined || c.status !== undefined;
  return { where: parts.length > 0 ? parts.join(' AND ') : '1', params, none, ordered, ...(knownTotal !== undefined && { knownTotal }) };
}

/** The events reported in a sentence holding all the words of `text` (see ftsQuery). */
function eventsWithText(db: Database.Database, text: string): number[] {
  const match = ftsQuery(text);
  if (match === null) return [];
  // Plucked: a common word matches thousands of events, and an object per id costs more than the search.
  return statement<number>(
    db,
    `SELECT DISTINCT m.event_id FROM sentences_fts f JOIN event_mentions m ON m.sentence_id = f.rowid
     WHERE sentences_fts MATCH ? ORDER BY m.event_id`,
    'pluck',
  ).all(match);
}

/** Days, weeks and months span at most this many days. */
const MAX_SHORT_SPAN_DAYS = 31;
/** Quarters, seasons and halves start at most this many months before a day they hold. */
const MONTHS_BACK = 6;
/** Decades start at most this many years before a day they hold. */
const YEARS_BACK = 9;

/**
 * The first days of the longer periods (quarter, season, half, year, decade) that can hold
 * `from` while starting over a month before it: they all start on the first of a month, and
 * years and decades on 1 January. With them, "overlaps [from, to]" is a short range seek on the
 * date index plus a few exact days, not a scan of every event that started before `to`.
 */
function longPeriodStarts(from: string): string[] {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  const days: string[] = [];
  const first = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  for (let back = 1; back <= MONTHS_BACK + 1; back++) {
    const index = year * 12 + (month - 1) - back;
    days.push(first(Math.floor(index / 12), (index % 12) + 1));
  }
  for (let y = year - YEARS_BACK; y <= year; y++) days.push(first(y, 1));
  return days;
}

/**
 * Events in the order every listing uses: dated events by their first day, then undated ones.
 * The events_type_order and events_status_order indexes hold exactly this order (schema.ts):
 * change them together.
 */
export const EVENT_ORDER = 'e.date_start IS NULL, e.date_start, e.id';
