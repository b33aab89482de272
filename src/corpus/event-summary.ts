import type Database from 'better-sqlite3';
import { comparePrecision, dayRange } from './dates.js';

interface MentionRow {
  article_id: number;
  type: string;
  mode: string | null;
  status: string;
  date: string | null;
  date_source: string | null;
  source_id: number | null;
  target_id: number | null;
  place_id: number | null;
  place_kind: string | null;
  fatalities: number | null;
  reported: string;
  outlet: string;
}

// The most specific place is the best location of an event (ACLED's geo-precision order).
const PLACE_SPECIFICITY: Record<string, number> = { site: 5, city: 4, admin1: 3, other: 2, country: 1, region: 0 };

/**
 * Recomputes an event's row from its mentions: the most frequent actors, mode and status, the
 * most precise date written in a text (else a publication date), the most specific place, the
 * highest toll reported, how many articles and distinct outlets report it, and when it was first
 * and last reported. An event left with no mention is deleted.
 */
export class EventSummarizer {
  private readonly mentions;
  private readonly update;
  private readonly remove;

  constructor(db: Database.Database) {
    this.mentions = db.prepare<[number], MentionRow>(`
      SELECT m.article_id, m.type, m.mode, m.status, m.date, m.date_source, m.source_id, m.target_id, m.place_id,
             p.kind AS place_kind, m.fatalities,
             coalesce(a.published, substr(a.ingested_at, 1, 10)) AS reported,
             coalesce(a.source, a.url, a.key) AS outlet
      FROM event_mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN places p ON p.id = m.place_id
      WHERE m.event_id = ? ORDER BY reported, m.id`);
    this.update = db.prepare(`
      UPDATE events SET mode = @mode, status = @status, source_id = @source_id, target_id = @target_id,
        date = @date, date_start = @date_start, date_end = @date_end, date_precision = @date_precision, date_source = @date_source,
        place_id = @place_id, fatalities = @fatalities, num_articles = @num_articles, num_sources = @num_sources,
        first_reported = @first_reported, last_reported = @last_reported
      WHERE id = @id`);
    this.remove = db.prepare<[number]>('DELETE FROM events WHERE id = ?');
  }

  refresh(eventId: number): void {
    const rows = this.mentions.all(eventId);
    if (rows.length === 0) {
      this.remove.run(eventId);
      return;
    }
    const best = bestDate(rows);
    this.update.run({
      id: eventId,
      mode: mostFrequent(rows.map((r) => r.mode)),
      status: mostFrequent(rows.map((r) => r.status)) ?? rows[0]!.status,
      source_id: mostFrequent(rows.map((r) => r.source_id)),
      target_id: mostFrequent(rows.map((r) => r.target_id)),
      date: best?.value ?? null,
      date_start: best?.range.start ?? null,
      date_end: best?.range.end ?? null,
      date_precision: best?.range.precision ?? null,
      date_source: best?.source ?? null,
      place_id: bestPlace(rows),
      fatalities: rows.reduce<number | null>((max, r) => (r.fatalities === null ? max : Math.max(max ?? 0, r.fatalities)), null),
      num_articles: new Set(rows.map((r) => r.article_id)).size,
      num_sources: new Set(rows.map((r) => r.outlet)).size,
      first_reported: rows[0]!.reported,
      last_reported: rows[rows.length - 1]!.reported,
    });
  }
}

function mostFrequent<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    if (v === null) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

function bestDate(rows: MentionRow[]) {
  let best: { value: string; range: NonNullable<ReturnType<typeof dayRange>>; source: string | null } | null = null;
  for (const r of rows) {
    const range = dayRange(r.date);
    if (!range || r.date === null) continue;
    const candidate = { value: r.date, range, source: r.date_source };
    if (best === null) best = candidate;
    else {
      const textFirst = Number(best.source === 'text') - Number(candidate.source === 'text');
      if (textFirst < 0 || (textFirst === 0 && comparePrecision(range, best.range) < 0)) best = candidate;
    }
  }
  return best;
}

function bestPlace(rows: MentionRow[]): number | null {
  let best: MentionRow | null = null;
  for (const r of rows) {
    if (r.place_id === null) continue;
    if (best === null || (PLACE_SPECIFICITY[r.place_kind ?? 'other'] ?? 0) > (PLACE_SPECIFICITY[best.place_kind ?? 'other'] ?? 0)) best = r;
  }
  return best?.place_id ?? null;
}
