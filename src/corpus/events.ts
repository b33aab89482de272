import type Database from 'better-sqlite3';
import type { StatusClass } from './api-types.js';
import type { EventRecord } from '../doc/layers.js';
import { addDays, dayRange, periodStarts, type DayRange } from './dates.js';
import { codesAgree, isSymmetricType, type CodedActor } from './same-event.js';

export type { StatusClass };

/** Reported and ongoing events happened; a plan, a denial and a threat are other facts. */
export function statusClass(status: EventRecord['status']): StatusClass {
  return status === 'reported' || status === 'ongoing' ? 'happened' : status;
}

/** What a new mention brings, with its actors and place already resolved to corpus rows. */
export interface MentionFacts {
  type: string;
  statusClass: StatusClass;
  sourceId: number | null;
  targetId: number | null;
  placeId: number | null;
  date: DayRange | null;
  dateFromText: boolean;
  fatalities: number | null;
  /** The day the article reporting it was published, if known. */
  published: string | null;
  articleId: number;
}

interface Candidate {
  id: number;
  source_id: number | null;
  target_id: number | null;
  place_id: number | null;
  date_start: string | null;
  date_end: string | null;
  date_source: string | null;
  fatalities: number | null;
  source_code: string | null;
  source_country: string | null;
  target_code: string | null;
  target_country: string | null;
  place_kind: string | null;
  place_country: string | null;
}

/** How far back from its publication day an undated report may describe an event. */
const UNDATED_LOOKBACK_DAYS = 7;
/** A day or a week spans at most this many days; longer periods are looked up by their first day. */
const MAX_SHORT_SPAN_DAYS = 7;
/** Enough candidates for any real overlap; a bound on the work for one mention. */
const MAX_CANDIDATES = 500;
/** A date read off the publication day can be a day late ("overnight", time zones). */
const PUBLISHED_DATE_SLACK_DAYS = 1;

/**
 * Finds the corpus event a mention reports, if any: same type and status class, dates that
 * overlap within their precision, actors that do not disagree (same entity or codes of one
 * body), places that do not disagree (same place, or a country containing the other), and at
 * least one positive agreement beyond the type. An article never reports one event twice, so
 * events it already has a mention in are not candidates.
 */
export class EventMatcher {
  private readonly startingNear;
  private readonly startingEarlier;
  private readonly undatedNear;
  private readonly entityCode;
  private readonly placeInfo;

  constructor(db: Database.Database) {
    const candidateColumns = `
      SELECT ev.id, ev.source_id, ev.target_id, ev.place_id, ev.date_start, ev.date_end, ev.date_source, ev.fatalities,
             s.code AS source_code, s.country AS source_country, t.code AS target_code, t.country AS target_country, p.kind AS place_kind, p.country AS place_country
      FROM events ev
      LEFT JOIN entities s ON s.id = ev.source_id
      LEFT JOIN entities t ON t.id = ev.target_id
      LEFT JOIN places p ON p.id = ev.place_id`;
    const notInArticle = 'NOT EXISTS (SELECT 1 FROM event_mentions em WHERE em.event_id = ev.id AND em.article_id = ?)';
    const typed = 'ev.type = ? AND ev.status_class = ?';
    // A few index seeks instead of a scan of every earlier event of the type (see periodStarts).
    this.startingNear = db.prepare<[string, StatusClass, string, string, string, number], Candidate>(
      `${candidateColumns} WHERE ${typed} AND ev.date_start BETWEEN ? AND ? AND ev.date_end >= ? AND ${notInArticle}
       ORDER BY ev.date_start, ev.id LIMIT ${MAX_CANDIDATES}`,
    );
    this.startingEarlier = db.prepare<[string, StatusClass, string, string, string, number], Candidate>(
      `${candidateColumns} WHERE ${typed} AND ev.date_start IN (SELECT value FROM json_each(?)) AND ev.date_start < ? AND ev.date_end >= ? AND ${notInArticle}
       ORDER BY ev.date_start, ev.id LIMIT ${MAX_CANDIDATES}`,
    );
    // The unary + keeps SQLite on the first_reported index: undated events are many, recent ones few.
    this.undatedNear = db.prepare<[StatusClass, string, string, string, number], Candidate>(
      `${candidateColumns} WHERE ev.status_class = ? AND ev.type = ? AND +ev.date_start IS NULL AND ev.first_reported BETWEEN ? AND ? AND ${notInArticle}
       ORDER BY ev.first_reported, ev.id LIMIT ${MAX_CANDIDATES}`,
    );
    this.entityCode = db.prepare<[number], CodedActor>('SELECT code, country FROM entities WHERE id = ?');
    this.placeInfo = db.prepare<[number], { kind: string; country: string | null }>('SELECT kind, country FROM places WHERE id = ?');
  }

  find(m: MentionFacts): number | null {
    const candidates = this.candidates(m);
    if (candidates.length === 0) return null;
    const mine = {
      source: this.coding(m.sourceId),
      target: this.coding(m.targetId),
      place: m.placeId === null ? null : (this.placeInfo.get(m.placeId) ?? null),
    };
    let best: { id: number; score: number } | null = null;
    for (const c of candidates) {
      const score = this.agreement(m, mine, c);
      if (score > 0 && (best === null || score > best.score)) best = { id: c.id, score };
    }
    return best?.id ?? null;
  }

  private coding(entityId: number | null): CodedActor {
    return (entityId === null ? undefined : this.entityCode.get(entityId)) ?? { code: null, country: null };
  }

  private candidates(m: MentionFacts): Candidate[] {
    if (m.date) {
      return this.overlapping(m, addDays(m.date.start, -PUBLISHED_DATE_SLACK_DAYS), addDays(m.date.end, PUBLISHED_DATE_SLACK_DAYS));
    }
    if (!m.published) return [];
    const dated = this.overlapping(m, addDays(m.published, -UNDATED_LOOKBACK_DAYS), m.published);
    if (dated.length >= MAX_CANDIDATES) return dated;
    const undated = this.undatedNear.all(m.statusClass, m.type, addDays(m.published, -3), addDays(m.published, 3), m.articleId);
    return [...dated, ...undated].slice(0, MAX_CANDIDATES);
  }

  /** Dated events of the mention's type and class that overlap [from, to], by start day. */
  private overlapping(m: MentionFacts, from: string, to: string): Candidate[] {
    const nearFrom = addDays(from, -(MAX_SHORT_SPAN_DAYS - 1));
    const earlier = this.startingEarlier.all(m.type, m.statusClass, JSON.stringify(periodStarts(from, to)), nearFrom, from, m.articleId);
    if (earlier.length >= MAX_CANDIDATES) return earlier;
    const near = this.startingNear.all(m.type, m.statusClass, nearFrom, to, from, m.articleId);
    return [...earlier, ...near].slice(0, MAX_CANDIDATES);
  }

  /** 0 when the two disagree or nothing but the type agrees; else how many facts agree. */
  private agreement(
    m: MentionFacts,
    mine: { source: CodedActor; target: CodedActor; place: { kind: string; country: string | null } | null },
    c: Candidate,
  ): number {
    if (m.date && c.date_start && c.date_end) {
      const exact = m.dateFromText && c.date_source === 'text';
      const slack = exact ? 0 : PUBLISHED_DATE_SLACK_DAYS;
      if (!(m.date.start <= addDays(c.date_end, slack) && m.date.end >= addDays(c.date_start, -slack))) return 0;
    }
    const cSource = { code: c.source_code, country: c.source_country };
    const cTarget = { code: c.target_code, country: c.target_country };
    const straight = rolesAgree(m.sourceId, mine.source, c.source_id, cSource) + rolesAgree(m.targetId, mine.target, c.target_id, cTarget);
    const swapped = isSymmetricType(m.type)
      ? rolesAgree(m.sourceId, mine.source, c.target_id, cTarget) + rolesAgree(m.targetId, mine.target, c.source_id, cSource)
      : -Infinity;
    const roles = Math.max(straight, swapped);
    if (roles < 0) return 0;
    const place = placesAgree(m.placeId, mine.place, c);
    if (place < 0) return 0;
    const sameDay = m.date?.precision === 'day' && c.date_start === c.date_end && m.date.start === c.date_start ? 1 : 0;
    // Two tolls that differ tell two events apart, unless day and place already say they are one
    // (a toll can be revised upwards between reports of the same day's attack).
    if (m.fatalities !== null && c.fatalities !== null && m.fatalities !== c.fatalities && !(sameDay && place >= 1)) return 0;
    const score = roles + place + sameDay;
    // A month ("earlier in September") against a day fits many events: it needs more than one agreement.
    const coarseAgainstDay = m.date !== null && c.date_start !== null && (m.date.precision === 'day') !== (c.date_start === c.date_end);
    return coarseAgainstDay && score < 2 ? 0 : score;
  }
}

/** 1 when both sides name the same actor, 0 when either is unknown, -1 when they disagree. */
function rolesAgree(aId: number | null, a: CodedActor, bId: number | null, b: CodedActor): number {
  if (aId === null || bId === null) return 0;
  if (aId === bId) return 1;
  return codesAgree(a, b) ? 1 : -Infinity;
}

function placesAgree(id: number | null, mine: { kind: string; country: string | null } | null, c: Candidate): number {
  if (id === null || c.place_id === null || mine === null) return 0;
  if (id === c.place_id) return 1;
  // A country contains every place in it, so the two do not disagree; but "in Syria" is no sign
  // that two reports tell of one event (every event there is in Syria): it adds no agreement.
  // Two different places inside one country are two places.
  if (mine.kind === 'country' && mine.country !== null && mine.country === c.place_country) return 0;
  if (c.place_kind === 'country' && c.place_country !== null && c.place_country === mine.country) return 0;
  return -Infinity;
}

export { dayRange };
