import type Database from 'better-sqlite3';
import type { Extraction } from '../output/json.js';
import { EVENT_ORDER, eventConditions } from './query-conditions.js';
import { parsePaging, type EventCriteria, type EventFilter } from './query-filter.js';
import {
  EVENT_FROM,
  EVENT_SELECT,
  REPORTED_DAY,
  entityColumns,
  entityFrom,
  eventFrom,
  eventsFromRaw,
  placeColumns,
  placeFrom,
  type EntityRef,
  type EventRow,
  type EventSqlRow,
} from './query-rows.js';
import { resolveActorIds } from './query-resolve.js';
import { likeContaining, likeStarting, statement } from './query-statements.js';
import { cachedCount } from './query-totals.js';

/**
 * The one query core over the store: the CLI (`sitrep events|actors|articles|show`) and the
 * HTTP server call these functions and only format what they return.
 */
export { eventFilterSchema, parseEventFilter, QueryError, MAX_LIMIT, DEFAULT_LIMIT } from './query-filter.js';
export type { EventFilter, EventCriteria } from './query-filter.js';
export type { EntityRef, PlaceRef, EventRow } from './query-rows.js';

type Db = Database.Database;

export type { Mention, ActorSummary, PlaceSummary, ArticleSummary } from './api-types.js';
import type { Mention, ActorSummary, PlaceSummary, ArticleSummary, PlaceRef } from './api-types.js';
export interface ArticleDetail {
  id: number;
  docId: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  origin: string | null;
  ingestedAt: string;
  extraction: Extraction;
}
export interface ListOptions {
  q?: string;
  limit?: number;
  offset?: number;
}

// ---------------------------------------------------------------------------------------------
// Events

/** The events that pass the filter, one page of them, in date order (undated last), and how many pass. */
export function queryEvents(db: Db, filter: EventFilter): { total: number; events: EventRow[] } {
  const c = eventConditions(db, filter);
  if (c.none) return { total: 0, events: [] };
  const total = c.knownTotal ?? cachedCount(db, `SELECT count(*) FROM events e WHERE ${c.where}`, c.params);
  return { total, events: eventPage(db, c.where, c.params, total, filter.limit, filter.offset, c.ordered) };
}

/** A page of events: the ids are chosen on the events table alone, then only they are joined. */
function eventPage(db: Db, where: string, params: unknown[], total: number, limit: number, offset: number, ordered = false): EventRow[] {
  if (offset >= total) return [];
  const ids = pageIds(db, where, params, total, limit, offset, ordered);
  if (ids.length === 0) return [];
  // Rows come as arrays: with some forty columns a row, building an object per row costs more than the query.
  const page = statement<unknown[]>(db, `${EVENT_SELECT} ${EVENT_FROM} WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY ${EVENT_ORDER}`, 'raw');
  return eventsFromRaw(page, page.all(JSON.stringify(ids)));
}

/**
 * The ids of one page, by whichever of two plans reads fewer rows. When few events match, they
 * are found through the filters' indexes and sorted. When many match (a common type, a status,
 * no filter at all), sorting them all is the slow part: walking the date index in order and
 * stopping once the page is full reads about (offset + limit) x events / matches rows instead.
 * The walk takes dated events first, then undated ones, which is the listing order. From
 * schema 3 on, the date index holds the columns the actor, place and text filters test, so a
 * walked entry costs a fraction of a sorted match (a table read): the walk wins while shorter
 * than WALK_ADVANTAGE x matches; and a filter on type or status has an index in the listing
 * order (`ordered`), off which the page is read.
 */
function pageIds(db: Db, where: string, params: unknown[], total: number, limit: number, offset: number, ordered: boolean): number[] {
  const schema3 = hasOrderIndexes(db);
  // Two subqueries, each one seek on the primary key: max(id) - min(id) in one select scans the table.
  const span = statement<number | null>(db, 'SELECT (SELECT max(id) FROM events) - (SELECT min(id) FROM events) + 1', 'pluck').get() ?? 0;
  const walk = ((offset + limit) * span) / total;
  if ((ordered && schema3) || walk >= total * (schema3 ? WALK_ADVANTAGE : 1)) {
    return statement<{ id: number }>(db, `SELECT e.id FROM events e WHERE ${where} ORDER BY ${EVENT_ORDER} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset)
      .map((r) => r.id);
  }
  const dated = statement<{ id: number }>(
    db,
    `SELECT e.id FROM events e INDEXED BY events_date WHERE ${where} AND e.date_start IS NOT NULL ORDER BY e.date_start, e.id LIMIT ? OFFSET ?`,
  )
    .all(...params, limit, offset)
    .map((r) => r.id);
  if (dated.length === limit) return dated;
  const datedTotal =
    dated.length > 0
      ? offset + dated.length
      : statement<{ n: number }>(db, `SELECT count(*) AS n FROM events e WHERE ${where} AND e.date_start IS NOT NULL`).get(...params)!.n;
  const undated = statement<{ id: number }>(db, `SELECT e.id FROM events e WHERE ${where} AND e.date_start IS NULL ORDER BY e.id LIMIT ? OFFSET ?`)
    .all(...params, limit - dated.length, Math.max(0, offset - datedTotal))
    .map((r) => r.id);
  return [...dated, ...undated];
}

/**
 * How many index entries a walk may read per event the sorting plan would read from the table
 * (measured about 5 on 100,000 events; kept lower, since matches bunched late in the order make
 * the walk longer than its estimate).
 */
const WALK_ADVANTAGE = 3;

const orderIndexes = new WeakMap<Db, boolean>();

/** Whether the store has the listing-order indexes: a store opened read-only may predate them (schema 3). */
function hasOrderIndexes(db: Db): boolean {
  let has = orderIndexes.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('events_type_order', 'events_status_order')").pluck().get() === 2;
    orderIndexes.set(db, has);
  }
  return has;
}

/** How many events pass the filters (no paging). */
export function countEvents(db: Db, criteria: EventCriteria): number {
  const c = eventConditions(db, criteria);
  if (c.none) return 0;
  return c.knownTotal ?? cachedCount(db, `SELECT count(*) FROM events e WHERE ${c.where}`, c.params);
}

interface MentionSqlRow {
  id: number;
  article_id: number;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  sentence_id: number | null;
  sentence_text: string | null;
  sentence_start: number | null;
  sentence_end: number | null;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  status: string;
  date: string | null;
  date_source: string | null;
  fatalities: number | null;
  confidence: number;
  [column: string]: unknown;
}

/** One event with every report of it, earliest report first. */
export function getEvent(db: Db, id: number): (EventRow & { mentions: Mention[] }) | null {
  const row = statement<EventSqlRow>(db, `${EVENT_SELECT} ${EVENT_FROM} WHERE e.id = ?`).get(id);
  if (!row) return null;
  const mentions = statement<MentionSqlRow>(
    db,
    `SELECT m.id, m.article_id, a.title, a.url, a.source AS outlet, a.published,
            m.sentence_id, sn.text AS sentence_text, sn.start AS sentence_start, sn.end AS sentence_end,
            m.trigger_start, m.trigger_end, m.trigger_text, m.status, m.date, m.date_source, m.fatalities, m.confidence,
            ${entityColumns('s')}, ${entityColumns('t')}, ${placeColumns('p')}
     FROM event_mentions m
     JOIN articles a ON a.id = m.article_id
     LEFT JOIN sentences sn ON sn.id = m.sentence_id
     LEFT JOIN entities s ON s.id = m.source_id
     LEFT JOIN entities t ON t.id = m.target_id
     LEFT JOIN places p ON p.id = m.place_id
     WHERE m.event_id = ? ORDER BY ${REPORTED_DAY}, m.id`,
  ).all(id);
  return { ...eventFrom(row), mentions: mentions.map(mentionFrom) };
}

function mentionFrom(r: MentionSqlRow): Mention {
  const inSentence = r.sentence_id !== null && r.sentence_text !== null;
  return {
    id: r.id,
    article: { id: r.article_id, title: r.title, url: r.url, source: r.outlet, published: r.published },
    sentence: inSentence
      ? { id: r.sentence_id, text: r.sentence_text!, start: r.sentence_start!, end: r.sentence_end! }
      : { id: null, text: r.trigger_text, start: r.trigger_start, end: r.trigger_end },
    trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
    status: r.status as Mention['status'],
    date: r.date,
    dateSource: r.date_source as Mention['dateSource'],
    source: entityFrom(r, 's'),
    target: entityFrom(r, 't'),
    place: placeFrom(r, 'p'),
    fatalities: r.fatalities,
    confidence: r.confidence,
  };
}

// ---------------------------------------------------------------------------------------------
// Actors

interface ActorSqlRow {
  id: number;
  name: string;
  code: string | null;
  kind: string;
  country: string | null;
  articles: number;
  as_source: number;
  as_target: number;
}

/** One actor's activity: articles naming it, events it is the source and the target of. */
const ACTOR_ACTIVITY = `
  SELECT en.id, en.name, en.code, en.kind, en.country,
         (SELECT count(DISTINCT article_id) FROM article_actors WHERE entity_id = en.id) AS articles,
         (SELECT count(*) FROM events WHERE source_id = en.id) AS as_source,
         (SELECT count(*) FROM events WHERE target_id = en.id) AS as_target
  FROM entities en`;
/**
 * Every actor's activity at once: three grouped scans of covering indexes, which is much less
 * work than three lookups per actor when the listing has to rank them all.
 */
const ALL_ACTOR_ACTIVITY = `
  WITH art AS (SELECT entity_id AS id, count(DISTINCT article_id) AS n FROM article_actors GROUP BY entity_id),
       src AS (SELECT source_id AS id, count(*) AS n FROM events WHERE source_id IS NOT NULL GROUP BY source_id),
       tgt AS (SELECT target_id AS id, count(*) AS n FROM events WHERE target_id IS NOT NULL GROUP BY target_id)
  SELECT en.id, en.name, en.code, en.kind, en.country,
         coalesce(art.n, 0) AS articles, coalesce(src.n, 0) AS as_source, coalesce(tgt.n, 0) AS as_target
  FROM entities en LEFT JOIN art ON art.id = en.id LEFT JOIN src ON src.id = en.id LEFT JOIN tgt ON tgt.id = en.id`;
const ACTIVITY_ORDER = 'articles + as_source + as_target DESC, en.id';
/** Most names an actor listing shows per actor. */
const MAX_NAMES = 12;

/**
 * Corpus actors, most active first (articles naming them plus events they are a side of). `q`
 * finds them by a part of any name they were written with, by what --actor accepts (surname,
 * lexicon alias), or by CAMEO code prefix.
 */
export function listActors(db: Db, opts: ListOptions = {}): { total: number; actors: ActorSummary[] } {
  const { limit, offset } = parsePaging(opts);
  const q = opts.q?.trim();
  let where = '1';
  const params: unknown[] = [];
  if (q) {
    const exact = resolveActorIds(db, q);
    where = `(en.id IN (SELECT entity_id FROM entity_names WHERE name LIKE ? ESCAPE '\\')
              OR en.id IN (SELECT value FROM json_each(?))
              OR en.code LIKE ? ESCAPE '\\')`;
    params.push(likeContaining(q.toLowerCase()), JSON.stringify(exact), likeStarting(q.toUpperCase()));
  }
  const total = statement<{ n: number }>(db, `SELECT count(*) AS n FROM entities en WHERE ${where}`).get(...params)!.n;
  if (offset >= total) return { total, actors: [] };
  // A search finds a few actors: their counts are looked up one by one; the full list ranks all.
  const activity = q ? ACTOR_ACTIVITY : ALL_ACTOR_ACTIVITY;
  const rows = statement<ActorSqlRow>(db, `${activity} WHERE ${where} ORDER BY ${ACTIVITY_ORDER} LIMIT ? OFFSET ?`).all(...params, limit, offset);
  return { total, actors: rows.map((r) => ({ ...actorRef(r), names: actorNames(db, r.id), articles: r.articles, asSource: r.as_source, asTarget: r.as_target })) };
}

/** One actor: its names, how many articles name it, its events (a page, in date order) and a monthly timeline. */
export function getActor(
  db: Db,
  id: number,
  opts: { limit?: number; offset?: number } = {},
): (EntityRef & { names: string[]; articles: number; totalEvents: number; events: EventRow[]; timeline: { month: string; asSource: number; asTarget: number }[] }) | null {
  const row = statement<ActorSqlRow>(db, `${ACTOR_ACTIVITY} WHERE en.id = ?`).get(id);
  if (!row) return null;
  const { limit, offset } = parsePaging(opts);
  const where = '(e.source_id = ? OR e.target_id = ?)';
  const totalEvents = statement<{ n: number }>(db, `SELECT count(*) AS n FROM events e WHERE ${where}`).get(id, id)!.n;
  // A timeline places an event in the month it happened when its date is that precise, else in
  // the month it was first reported: "by 2026" belongs to when it was announced, not to January 2026.
  const timeline = statement<{ month: string; as_source: number; as_target: number }>(
    db,
    `SELECT substr(CASE WHEN e.date_precision IN ('day', 'week', 'month') THEN e.date_start ELSE coalesce(e.first_reported, e.date_start) END, 1, 7) AS month,
            count(CASE WHEN e.source_id = ? THEN 1 END) AS as_source, count(CASE WHEN e.target_id = ? THEN 1 END) AS as_target
     FROM events e WHERE ${where} GROUP BY month HAVING month IS NOT NULL ORDER BY month`,
  ).all(id, id, id, id);
  return {
    ...actorRef(row),
    names: actorNames(db, id),
    articles: row.articles,
    totalEvents,
    events: eventPage(db, where, [id, id], totalEvents, limit, offset),
    timeline: timeline.map((t) => ({ month: t.month, asSource: t.as_source, asTarget: t.as_target })),
  };
}

function actorRef(r: ActorSqlRow): EntityRef {
  return { id: r.id, name: r.name, code: r.code, kind: r.kind, country: r.country };
}

/** The names articles wrote the actor with, most used first. */
function actorNames(db: Db, id: number): string[] {
  return statement<{ name: string }>(
    db,
    `SELECT name FROM article_actors WHERE entity_id = ? GROUP BY name ORDER BY count(*) DESC, name LIMIT ${MAX_NAMES}`,
  )
    .all(id)
    .map((r) => r.name);
}

// ---------------------------------------------------------------------------------------------
// Places

interface PlaceSqlRow extends PlaceRef {
  events: number;
  articles: number;
}

/** Corpus places with the events located there and the articles naming them, most events first. `q`: part of the name, or an ISO3 country code. */
export function listPlaces(db: Db, opts: ListOptions & { country?: string } = {}): { total: number; places: PlaceSummary[] } {
  const { limit, offset } = parsePaging(opts);
  const parts: string[] = [];
  const params: unknown[] = [];
  const q = opts.q?.trim();
  if (q) {
    parts.push(`(p.name LIKE ? ESCAPE '\\' OR p.country = ?)`);
    params.push(likeContaining(q), q.toUpperCase());
  }
  const country = opts.country?.trim();
  if (country) {
    parts.push('p.country = ?');
    params.push(country.toUpperCase());
  }
  const where = parts.length > 0 ? parts.join(' AND ') : '1';
  const total = statement<{ n: number }>(db, `SELECT count(*) AS n FROM places p WHERE ${where}`).get(...params)!.n;
  if (offset >= total) return { total, places: [] };
  // Grouped scans of the place indexes rank every place at once. A corpus place is one row per
  // kind, country and name, and an article lists each of its places once, so its rows count articles.
  const rows = statement<PlaceSqlRow>(
    db,
    `WITH ev AS (SELECT place_id AS id, count(*) AS n FROM events WHERE place_id IS NOT NULL GROUP BY place_id),
          ap AS (SELECT place_id AS id, count(*) AS n FROM article_places GROUP BY place_id)
     SELECT p.id, p.name, p.kind, p.country, p.lat, p.lon, coalesce(ev.n, 0) AS events, coalesce(ap.n, 0) AS articles
     FROM places p LEFT JOIN ev ON ev.id = p.id LEFT JOIN ap ON ap.id = p.id
     WHERE ${where} ORDER BY events DESC, articles DESC, p.id LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset);
  return { total, places: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, country: r.country, lat: r.lat, lon: r.lon, events: r.events, articles: r.articles })) };
}

// ---------------------------------------------------------------------------------------------
// Articles

interface ArticleSqlRow {
  id: number;
  doc_id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  origin: string | null;
  ingested_at: string;
  events: number;
  extraction: string;
}

/** Stored articles, latest published first. `q`: part of the title, outlet, URL or document id. */
export function listArticles(db: Db, opts: ListOptions = {}): { total: number; articles: ArticleSummary[] } {
  const { limit, offset } = parsePaging(opts);
  const q = opts.q?.trim();
  const where = q ? `(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\' OR a.url LIKE ? ESCAPE '\\' OR a.doc_id LIKE ? ESCAPE '\\')` : '1';
  const params = q ? Array<string>(4).fill(likeContaining(q)) : [];
  const total = statement<{ n: number }>(db, `SELECT count(*) AS n FROM articles a WHERE ${where}`).get(...params)!.n;
  if (offset >= total) return { total, articles: [] };
  // The page is chosen on the published-date index (NULLs sort last in descending order), and
  // only its rows are read: an article row carries its whole extraction.
  const rows = statement<ArticleSqlRow>(
    db,
    `WITH page AS (SELECT a.id FROM articles a WHERE ${where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?)
     SELECT a.id, a.doc_id, a.title, a.url, a.source, a.published, a.ingested_at,
            (SELECT count(DISTINCT event_id) FROM event_mentions WHERE article_id = a.id) AS events
     FROM articles a WHERE a.id IN (SELECT id FROM page) ORDER BY a.published DESC, a.id DESC`,
  ).all(...params, limit, offset);
  return {
    total,
    articles: rows.map((r) => ({ id: r.id, docId: r.doc_id, title: r.title, url: r.url, source: r.source, published: r.published, events: r.events, ingestedAt: r.ingested_at })),
  };
}

/** One stored article with its whole extraction (text and every layer). */
export function getArticle(db: Db, id: number): ArticleDetail | null {
  const r = statement<ArticleSqlRow>(
    db,
    'SELECT id, doc_id, title, url, source, published, origin, ingested_at, extraction FROM articles WHERE id = ?',
  ).get(id);
  if (!r) return null;
  return {
    id: r.id,
    docId: r.doc_id,
    title: r.title,
    url: r.url,
    source: r.source,
    published: r.published,
    origin: r.origin,
    ingestedAt: r.ingested_at,
    extraction: JSON.parse(r.extraction) as Extraction,
  };
}
