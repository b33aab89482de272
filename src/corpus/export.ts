import type Database from 'better-sqlite3';
import { cameoRoot } from './cameo.js';
import { EVENT_ORDER, eventConditions } from './query-conditions.js';
import { parseEventFilter, QueryError, type EventCriteria } from './query-filter.js';
import { EVENT_FROM, EVENT_SELECT, REPORTED_DAY, type EventSqlRow } from './query-rows.js';
import { statement } from './query-statements.js';

/** The export's columns, in order; docs/EXPORT.md says what each holds. */
export const EXPORT_COLUMNS = [
  'event_id', 'event_date', 'date_precision', 'date_source', 'event_type', 'mode', 'cameo_root', 'quad_class', 'goldstein',
  'status', 'actor1', 'actor1_code', 'actor2', 'actor2_code', 'location', 'admin1', 'country', 'latitude', 'longitude',
  'geo_precision', 'fatalities', 'num_sources', 'num_articles', 'first_reported', 'source_urls', 'evidence',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | null>;
export type ExportFormat = 'csv' | 'jsonl' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl', 'geojson'];

/** The event filters, with paging optional: an export takes every matching event unless told otherwise. */
export type ExportFilter = EventCriteria & { limit?: number; offset?: number };

/**
 * ACLED's geo-precision scale read off the place kind: 1 = the coordinates are the place itself
 * (a site, a town); 2 = a named area smaller than a province (a district, a valley, a desert);
 * 3 = the coordinates stand for a larger area (a province, a country, a multi-country region).
 */
const GEO_PRECISION: Record<string, number> = { site: 1, city: 1, other: 2, admin1: 3, country: 3, region: 3 };

/** Validates export filters: the event filters, and limit/offset only when given (no cap). */
export function parseExportFilter(input: Record<string, unknown>): ExportFilter {
  const criteria = parseEventFilter({ ...input, limit: undefined, offset: undefined });
  const filter: ExportFilter = {
    actor: criteria.actor,
    type: criteria.type,
    status: criteria.status,
    from: criteria.from,
    to: criteria.to,
    place: criteria.place,
    text: criteria.text,
  };
  const limit = wholeNumber(input['limit'], 'limit', 1);
  const offset = wholeNumber(input['offset'], 'offset', 0);
  if (limit !== undefined) filter.limit = limit;
  if (offset !== undefined) filter.offset = offset;
  return filter;
}

function wholeNumber(value: unknown, field: string, min: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
    throw new QueryError(`${field}: must be a whole number of at least ${min} (got "${String(value)}")`);
  }
  return n;
}

/**
 * The export rows of the events that pass the filter, in event order, read one at a time from
 * SQLite: a large store never sits in memory. The connection is busy until the iteration ends.
 */
export function* exportRows(db: Database.Database, filter: ExportFilter): Generator<ExportRow> {
  const c = eventConditions(db, filter);
  if (c.none) return;
  const paged = filter.limit !== undefined || filter.offset !== undefined;
  const rows = statement<EventSqlRow & { source_urls: string | null }>(
    db,
    `${EVENT_SELECT},
       (SELECT group_concat(url, ' ; ' ORDER BY day, first_id) FROM (
          SELECT a.url, min(${REPORTED_DAY}) AS day, min(m.id) AS first_id
          FROM event_mentions m JOIN articles a ON a.id = m.article_id
          WHERE m.event_id = e.id AND a.url IS NOT NULL GROUP BY a.url)) AS source_urls
     ${EVENT_FROM} WHERE ${c.where} ORDER BY ${EVENT_ORDER}${paged ? ' LIMIT ? OFFSET ?' : ''}`,
  );
  const params = paged ? [...c.params, filter.limit ?? -1, filter.offset ?? 0] : c.params;
  for (const r of rows.iterate(...params)) yield exportRowFrom(r);
}

function exportRowFrom(r: EventSqlRow & { source_urls: string | null }): ExportRow {
  const { root, quadClass, goldstein } = cameoRoot(r.cameo);
  const placeKind = (r['p_kind'] as string | null) ?? null;
  return {
    event_id: r.id,
    event_date: r.date,
    date_precision: r.date_precision,
    date_source: r.date_source,
    event_type: r.type,
    mode: r.mode,
    cameo_root: root,
    quad_class: quadClass,
    goldstein,
    status: r.status,
    actor1: (r['s_name'] as string | null) ?? null,
    actor1_code: (r['s_code'] as string | null) ?? null,
    actor2: (r['t_name'] as string | null) ?? null,
    actor2_code: (r['t_code'] as string | null) ?? null,
    location: (r['p_name'] as string | null) ?? null,
    admin1: placeKind === 'admin1' ? (r['p_name'] as string) : null,
    country: (r['p_country'] as string | null) ?? null,
    latitude: (r['p_lat'] as number | null) ?? null,
    longitude: (r['p_lon'] as number | null) ?? null,
    geo_precision: placeKind === null ? null : (GEO_PRECISION[placeKind] ?? 2),
    fatalities: r.fatalities,
    num_sources: r.num_sources,
    num_articles: r.num_articles,
    first_reported: r.first_reported,
    source_urls: r.source_urls,
    evidence: r.ev_sentence,
  };
}

/** What a writer wrote, and the events GeoJSON leaves out for want of coordinates. */
export interface ExportCounts {
  written: number;
  skipped: number;
}

/** The export as text chunks in one of the formats; `counts` is filled in as the chunks are taken. */
export function* formatExport(format: ExportFormat, rows: Iterable<ExportRow>, counts: ExportCounts = { written: 0, skipped: 0 }): Generator<string> {
  if (format === 'csv') yield* csvChunks(rows, counts);
  else if (format === 'jsonl') yield* jsonlChunks(rows, counts);
  else yield* geojsonChunks(rows, counts);
}

// RFC 4180: CRLF line ends; a field holding a comma, a quote or a line break is quoted, quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;
// Spreadsheets run a cell that starts with one of these as a formula (OWASP's CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function* csvChunks(rows: Iterable<ExportRow>, counts: ExportCounts): Generator<string> {
  yield `${EXPORT_COLUMNS.join(',')}\r\n`;
  for (const row of rows) {
    counts.written++;
    yield `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
  }
}

function* jsonlChunks(rows: Iterable<ExportRow>, counts: ExportCounts): Generator<string> {
  for (const row of rows) {
    counts.written++;
    yield `${JSON.stringify(row)}\n`;
  }
}

/** A FeatureCollection of Point features (longitude, latitude) with the row as properties. */
function* geojsonChunks(rows: Iterable<ExportRow>, counts: ExportCounts): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  for (const row of rows) {
    if (typeof row.latitude !== 'number' || typeof row.longitude !== 'number') {
      counts.skipped++;
      continue;
    }
    const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] }, properties: row };
    yield `${counts.written === 0 ? '\n' : ',\n'}${JSON.stringify(feature)}`;
    counts.written++;
  }
  yield '\n]}\n';
}
