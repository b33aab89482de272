import type Database from 'better-sqlite3';
import { cameoRoot } from './cameo.js';

export type { EntityRef, PlaceRef, EventRow } from './api-types.js';
import type { EntityRef, EventRow, PlaceRef } from './api-types.js';

/** The day an article reports on: its publication date, else the day it was stored. */
export const REPORTED_DAY = 'coalesce(a.published, substr(a.ingested_at, 1, 10))';

export const entityColumns = (t: string) =>
  `${t}.id AS ${t}_id, ${t}.name AS ${t}_name, ${t}.code AS ${t}_code, ${t}.kind AS ${t}_kind, ${t}.country AS ${t}_country`;
export const placeColumns = (t: string) =>
  `${t}.id AS ${t}_id, ${t}.name AS ${t}_name, ${t}.kind AS ${t}_kind, ${t}.country AS ${t}_country, ${t}.lat AS ${t}_lat, ${t}.lon AS ${t}_lon`;

/** The mention an event was first reported in (earliest article, then first stored). */
const FIRST_MENTION = `(SELECT m.id FROM event_mentions m JOIN articles a ON a.id = m.article_id
  WHERE m.event_id = e.id ORDER BY ${REPORTED_DAY}, m.id LIMIT 1)`;

/** Columns and joins of an EventRow, over `events e`; a query appends WHERE and ORDER BY. */
export const EVENT_SELECT = `
  SELECT e.id, e.type, e.mode, e.cameo, e.status, e.status_class, e.date, e.date_start, e.date_end, e.date_precision,
         e.date_source, e.fatalities, e.num_articles, e.num_sources, e.first_reported, e.last_reported,
         ${entityColumns('s')}, ${entityColumns('t')}, ${placeColumns('p')},
         fm.article_id AS ev_article, fm.trigger_text AS ev_trigger, coalesce(fs.text, fm.trigger_text) AS ev_sentence`;
export const EVENT_FROM = `
  FROM events e
  LEFT JOIN entities s ON s.id = e.source_id
  LEFT JOIN entities t ON t.id = e.target_id
  LEFT JOIN places p ON p.id = e.place_id
  LEFT JOIN event_mentions fm ON fm.id = ${FIRST_MENTION}
  LEFT JOIN sentences fs ON fs.id = fm.sentence_id`;

/** A row of EVENT_SELECT as SQLite returns it. */
export interface EventSqlRow {
  id: number;
  type: string;
  mode: string | null;
  cameo: string;
  status: string;
  status_class: string;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  date_source: string | null;
  fatalities: number | null;
  num_articles: number;
  num_sources: number;
  first_reported: string | null;
  last_reported: string | null;
  ev_article: number | null;
  ev_trigger: string | null;
  ev_sentence: string | null;
  [column: string]: unknown;
}

export function entityFrom(row: Record<string, unknown>, t: string): EntityRef | null {
  const id = row[`${t}_id`];
  if (typeof id !== 'number') return null;
  return {
    id,
    name: row[`${t}_name`] as string,
    code: (row[`${t}_code`] as string | null) ?? null,
    kind: row[`${t}_kind`] as string,
    country: (row[`${t}_country`] as string | null) ?? null,
  };
}

export function placeFrom(row: Record<string, unknown>, t: string): PlaceRef | null {
  const id = row[`${t}_id`];
  if (typeof id !== 'number') return null;
  return {
    id,
    name: row[`${t}_name`] as string,
    kind: row[`${t}_kind`] as string,
    country: (row[`${t}_country`] as string | null) ?? null,
    lat: (row[`${t}_lat`] as number | null) ?? null,
    lon: (row[`${t}_lon`] as number | null) ?? null,
  };
}

export function eventFrom(r: EventSqlRow): EventRow {
  const { quadClass, goldstein } = cameoRoot(r.cameo);
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    cameo: r.cameo,
    quadClass,
    goldstein,
    // The store only ever holds these values (writer.ts writes them from the extraction's own types).
    status: r.status as EventRow['status'],
    statusClass: r.status_class as EventRow['statusClass'],
    date: r.date,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    datePrecision: r.date_precision,
    dateSource: r.date_source as EventRow['dateSource'],
    source: entityFrom(r, 's'),
    target: entityFrom(r, 't'),
    place: placeFrom(r, 'p'),
    fatalities: r.fatalities,
    numArticles: r.num_articles,
    numSources: r.num_sources,
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    evidence: { articleId: r.ev_article ?? 0, sentence: r.ev_sentence ?? '', trigger: r.ev_trigger ?? '' },
  };
}

const columnIndexes = new WeakMap<Database.Statement, Map<string, number>>();

/**
 * EventRows from the rows of an EVENT_SELECT statement in raw mode (arrays, not objects): the
 * same values as eventFrom, found by the position of each column in the statement.
 */
export function eventsFromRaw(statement: Database.Statement, rows: readonly unknown[][]): EventRow[] {
  let at = columnIndexes.get(statement);
  if (!at) {
    at = new Map(statement.columns().map((c, i) => [c.name, i]));
    columnIndexes.set(statement, at);
  }
  const i = (name: string): number => {
    const n = at.get(name);
    if (n === undefined) throw new Error(`EVENT_SELECT has no column ${name}`);
    return n;
  };
  const c = {
    id: i('id'), type: i('type'), mode: i('mode'), cameo: i('cameo'), status: i('status'), statusClass: i('status_class'),
    date: i('date'), dateStart: i('date_start'), dateEnd: i('date_end'), datePrecision: i('date_precision'), dateSource: i('date_source'),
    fatalities: i('fatalities'), numArticles: i('num_articles'), numSources: i('num_sources'),
    firstReported: i('first_reported'), lastReported: i('last_reported'),
    evArticle: i('ev_article'), evTrigger: i('ev_trigger'), evSentence: i('ev_sentence'),
  };
  const entity = (t: string) => ({ id: i(`${t}_id`), name: i(`${t}_name`), code: i(`${t}_code`), kind: i(`${t}_kind`), country: i(`${t}_country`) });
  const s = entity('s');
  const t = entity('t');
  const p = { id: i('p_id'), name: i('p_name'), kind: i('p_kind'), country: i('p_country'), lat: i('p_lat'), lon: i('p_lon') };
  const entityAt = (r: readonly unknown[], e: typeof s): EntityRef | null =>
    typeof r[e.id] === 'number'
      ? { id: r[e.id] as number, name: r[e.name] as string, code: (r[e.code] as string | null) ?? null, kind: r[e.kind] as string, country: (r[e.country] as string | null) ?? null }
      : null;
  return rows.map((r): EventRow => {
    const cameo = r[c.cameo] as string;
    const { quadClass, goldstein } = cameoRoot(cameo);
    return {
      id: r[c.id] as number,
      type: r[c.type] as string,
      mode: r[c.mode] as string | null,
      cameo,
      quadClass,
      goldstein,
      status: r[c.status] as EventRow['status'],
      statusClass: r[c.statusClass] as EventRow['statusClass'],
      date: r[c.date] as string | null,
      dateStart: r[c.dateStart] as string | null,
      dateEnd: r[c.dateEnd] as string | null,
      datePrecision: r[c.datePrecision] as string | null,
      dateSource: r[c.dateSource] as EventRow['dateSource'],
      source: entityAt(r, s),
      target: entityAt(r, t),
      place:
        typeof r[p.id] === 'number'
          ? {
              id: r[p.id] as number,
              name: r[p.name] as string,
              kind: r[p.kind] as string,
              country: (r[p.country] as string | null) ?? null,
              lat: (r[p.lat] as number | null) ?? null,
              lon: (r[p.lon] as number | null) ?? null,
            }
          : null,
      fatalities: r[c.fatalities] as number | null,
      numArticles: r[c.numArticles] as number,
      numSources: r[c.numSources] as number,
      firstReported: r[c.firstReported] as string | null,
      lastReported: r[c.lastReported] as string | null,
      evidence: { articleId: (r[c.evArticle] as number | null) ?? 0, sentence: (r[c.evSentence] as string | null) ?? '', trigger: (r[c.evTrigger] as string | null) ?? '' },
    };
  });
}
