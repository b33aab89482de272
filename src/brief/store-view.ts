import type Database from 'better-sqlite3';
import type { Extraction } from '../output/json.js';
import type { ActorRef, EventRef, PlaceRef, StatusClass } from './types.js';

/** One report of an event by an article visible on the brief's day. */
export interface VisibleMention {
  articleId: number;
  sentenceId: number | null;
  status: string;
  trigger: string;
  triggerStart: number;
  /** The day the article was published (else ingested). */
  reported: string;
}

export interface BriefEvent {
  ref: EventRef;
  mentions: VisibleMention[];
}

interface EventRow {
  id: number;
  type: string;
  mode: string | null;
  status: string;
  status_class: StatusClass;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  date_source: string | null;
  fatalities: number | null;
  source_id: number | null;
  source_name: string | null;
  source_code: string | null;
  source_country: string | null;
  target_id: number | null;
  target_name: string | null;
  target_code: string | null;
  target_country: string | null;
  place_id: number | null;
  place_name: string | null;
  place_kind: string | null;
  place_country: string | null;
}

interface MentionRow {
  event_id: number;
  article_id: number;
  sentence_id: number | null;
  status: string;
  trigger_text: string;
  trigger_start: number;
  reported: string;
  outlet: string;
}

// The day an article counts from; the same expression the store's event summaries use.
const REPORTED = 'coalesce(a.published, substr(a.ingested_at, 1, 10))';

/**
 * The store as it stood on the brief's day: only articles published on or before it are read,
 * and an event's counts (articles, outlets, first and last report) are recomputed from those.
 * An event's own fields (actors, date, place) are the store's summary over all its reports.
 */
export class StoreView {
  private readonly extractionOf;
  private readonly actorsOf;
  private readonly placesOf;
  private readonly extractions = new Map<number, Extraction | null>();
  private readonly localActors = new Map<number, Map<string, ActorRef>>();
  private readonly localPlaces = new Map<number, Map<string, PlaceRef>>();

  constructor(readonly db: Database.Database, readonly asOf: string) {
    this.extractionOf = db.prepare<[number], { extraction: string }>('SELECT extraction FROM articles WHERE id = ?');
    this.actorsOf = db.prepare<[number], { local_id: string; id: number; name: string; code: string | null; country: string | null }>(
      'SELECT aa.local_id, e.id, e.name, e.code, e.country FROM article_actors aa JOIN entities e ON e.id = aa.entity_id WHERE aa.article_id = ?');
    this.placesOf = db.prepare<[number], { local_id: string; id: number; name: string; kind: string; country: string | null }>(
      'SELECT ap.local_id, p.id, p.name, p.kind, p.country FROM article_places ap JOIN places p ON p.id = ap.place_id WHERE ap.article_id = ?');
  }

  /** How many articles are visible, and the first and last days they were published. */
  articleSpan(): { articles: number; first: string | null; last: string | null } {
    const r = this.db
      .prepare<[string], { n: number; first: string | null; last: string | null }>(
        `SELECT count(*) AS n, min(${REPORTED}) AS first, max(${REPORTED}) AS last FROM articles a WHERE ${REPORTED} <= ?`)
      .get(this.asOf)!;
    return { articles: r.n, first: r.first, last: r.last };
  }

  /** Every event with at least one visible report, with those reports in the order they came. */
  events(): BriefEvent[] {
    const mentions = this.db
      .prepare<[string], MentionRow>(`
        SELECT m.event_id, m.article_id, m.sentence_id, m.status, m.trigger_text, m.trigger_start,
               ${REPORTED} AS reported, coalesce(a.source, a.url, a.key) AS outlet
        FROM event_mentions m JOIN articles a ON a.id = m.article_id
        WHERE ${REPORTED} <= ? ORDER BY reported, m.id`)
      .all(this.asOf);
    const byEvent = new Map<number, MentionRow[]>();
    for (const m of mentions) {
      const list = byEvent.get(m.event_id);
      if (list) list.push(m);
      else byEvent.set(m.event_id, [m]);
    }
    const rows = this.db
      .prepare<[], EventRow>(`
        SELECT ev.id, ev.type, ev.mode, ev.status, ev.status_class, ev.date, ev.date_start, ev.date_end, ev.date_source, ev.fatalities,
               s.id AS source_id, s.name AS source_name, s.code AS source_code, s.country AS source_country,
               t.id AS target_id, t.name AS target_name, t.code AS target_code, t.country AS target_country,
               p.id AS place_id, p.name AS place_name, p.kind AS place_kind, p.country AS place_country
        FROM events ev
        LEFT JOIN entities s ON s.id = ev.source_id
        LEFT JOIN entities t ON t.id = ev.target_id
        LEFT JOIN places p ON p.id = ev.place_id
        ORDER BY ev.id`)
      .all();
    const out: BriefEvent[] = [];
    for (const row of rows) {
      const ms = byEvent.get(row.id);
      if (ms) out.push({ ref: toEventRef(row, ms), mentions: ms.map(toMention) });
    }
    return out;
  }

  /** The stored extraction JSON of an article (parsed once per brief). */
  extraction(articleId: number): Extraction | null {
    let x = this.extractions.get(articleId);
    if (x === undefined) {
      const row = this.extractionOf.get(articleId);
      x = row ? (JSON.parse(row.extraction) as Extraction) : null;
      this.extractions.set(articleId, x);
    }
    return x;
  }

  /** The corpus entity behind each local actor id of an article. */
  actors(articleId: number): Map<string, ActorRef> {
    let m = this.localActors.get(articleId);
    if (!m) {
      m = new Map(this.actorsOf.all(articleId).map((r) => [r.local_id, { id: r.id, name: r.name, code: r.code, country: r.country }]));
      this.localActors.set(articleId, m);
    }
    return m;
  }

  /** The corpus place behind each local place id of an article. */
  places(articleId: number): Map<string, PlaceRef> {
    let m = this.localPlaces.get(articleId);
    if (!m) {
      m = new Map(this.placesOf.all(articleId).map((r) => [r.local_id, { id: r.id, name: r.name, kind: r.kind, country: r.country }]));
      this.localPlaces.set(articleId, m);
    }
    return m;
  }
}

/** The SQL expression for an article's reporting day, for sections that query articles themselves. */
export const reportedDay = REPORTED;

function toMention(m: MentionRow): VisibleMention {
  return { articleId: m.article_id, sentenceId: m.sentence_id, status: m.status, trigger: m.trigger_text, triggerStart: m.trigger_start, reported: m.reported };
}

function toEventRef(r: EventRow, ms: MentionRow[]): EventRef {
  return {
    eventId: r.id,
    type: r.type,
    mode: r.mode,
    status: r.status,
    statusClass: r.status_class,
    source: r.source_id === null ? null : { id: r.source_id, name: r.source_name!, code: r.source_code, country: r.source_country },
    target: r.target_id === null ? null : { id: r.target_id, name: r.target_name!, code: r.target_code, country: r.target_country },
    place: r.place_id === null ? null : { id: r.place_id, name: r.place_name!, kind: r.place_kind!, country: r.place_country },
    date: r.date,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    dateSource: r.date_source,
    fatalities: r.fatalities,
    triggers: byFrequency(ms.map((m) => m.trigger_text)),
    numArticles: new Set(ms.map((m) => m.article_id)).size,
    numSources: new Set(ms.map((m) => m.outlet)).size,
    firstReported: ms[0]!.reported,
    lastReported: ms[ms.length - 1]!.reported,
  };
}

function byFrequency(words: string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}
