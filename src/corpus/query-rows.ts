import { cameoRoot } from './cameo.js';

/** An actor of the corpus as queries return it. */
export interface EntityRef {
  id: number;
  name: string;
  code: string | null;
  kind: string;
  country: string | null;
}

export interface PlaceRef {
  id: number;
  name: string;
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** One real-world event: the summary of every report of it, with the first report's sentence. */
export interface EventRow {
  id: number;
  type: string;
  mode: string | null;
  cameo: string;
  quadClass: number;
  goldstein: number;
  status: string;
  statusClass: string;
  date: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  dateSource: string | null;
  source: EntityRef | null;
  target: EntityRef | null;
  place: PlaceRef | null;
  fatalities: number | null;
  numArticles: number;
  numSources: number;
  firstReported: string | null;
  lastReported: string | null;
  evidence: { articleId: number; sentence: string; trigger: string };
}

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
    status: r.status,
    statusClass: r.status_class,
    date: r.date,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    datePrecision: r.date_precision,
    dateSource: r.date_source,
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
