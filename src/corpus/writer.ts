import type Database from 'better-sqlite3';
import type { Extraction } from '../output/json.js';
import { articleKey, textHash } from './article-key.js';
import { dayRange } from './dates.js';
import { EntityResolver } from './entities.js';
import { EventMatcher, statusClass } from './events.js';
import { EventSummarizer } from './event-summary.js';
import { PlaceResolver } from './places.js';

export type SaveStatus = 'new' | 'updated' | 'unchanged';

/** An article to save, with its extraction's JSON when the caller already has it (saves serializing it again). */
export interface PendingArticle {
  extraction: Extraction;
  origin: string | null;
  json?: string;
}

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
  /** Event mentions stored, and how many of them joined an event other articles reported. */
  events: number;
  merged: number;
  actors: number;
}

/**
 * Writes extractions into the store, each article inside one transaction (alone, or with the
 * rest of its batch): a crash leaves an article either wholly stored or not at all, and a
 * second ingest process waits its turn. The
 * check for an unchanged article runs inside the same transaction, so two processes ingesting
 * the same file store it once.
 */
export class CorpusWriter {
  private readonly entities: EntityResolver;
  private readonly places: PlaceResolver;
  private readonly matcher: EventMatcher;
  private readonly summarizer: EventSummarizer;
  private readonly stmts;
  private readonly saveTx: (x: Extraction, origin: string | null, json?: string) => SaveResult;
  private readonly saveAllTx: (items: readonly PendingArticle[]) => SaveResult[];

  constructor(db: Database.Database) {
    this.entities = new EntityResolver(db);
    this.places = new PlaceResolver(db);
    this.matcher = new EventMatcher(db);
    this.summarizer = new EventSummarizer(db);
    this.stmts = {
      existing: db.prepare<[string], { id: number; text_hash: string }>('SELECT id, text_hash FROM articles WHERE key = ?'),
      eventsOf: db.prepare<[number], { event_id: number }>('SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?'),
      deleteMentions: db.prepare<[number]>('DELETE FROM event_mentions WHERE article_id = ?'),
      deleteArticle: db.prepare<[number]>('DELETE FROM articles WHERE id = ?'),
      orphanEntities: db.prepare(`DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_actors)
        AND id NOT IN (SELECT source_id FROM events WHERE source_id IS NOT NULL)
        AND id NOT IN (SELECT target_id FROM events WHERE target_id IS NOT NULL)
        AND id NOT IN (SELECT entity_id FROM quotes WHERE entity_id IS NOT NULL)`),
      insertArticle: db.prepare(`INSERT INTO articles (key, doc_id, url, title, source, published, text_hash, origin, extraction, ingested_at, updated_at)
        VALUES (@key, @doc_id, @url, @title, @source, @published, @text_hash, @origin, @extraction, @now, @now) RETURNING id`),
      insertSentence: db.prepare<[number, number, number, number, string], { id: number }>(
        'INSERT INTO sentences (article_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?) RETURNING id'),
      insertActor: db.prepare<[number, string, number, string, number]>(
        'INSERT INTO article_actors (article_id, local_id, entity_id, name, mentions) VALUES (?, ?, ?, ?, ?)'),
      insertPlace: db.prepare<[number, string, number, number]>(
        'INSERT INTO article_places (article_id, local_id, place_id, mentions) VALUES (?, ?, ?, ?)'),
      insertEvent: db.prepare<[string, string | null, string, string, string], { id: number }>(
        `INSERT INTO events (type, mode, cameo, status, status_class, num_articles, num_sources) VALUES (?, ?, ?, ?, ?, 0, 0) RETURNING id`),
      insertMention: db.prepare(`INSERT INTO event_mentions (event_id, article_id, local_id, sentence_id, trigger_start, trigger_end, trigger_text,
          type, mode, status, date, date_source, source_id, target_id, place_id, fatalities, confidence)
        VALUES (@event_id, @article_id, @local_id, @sentence_id, @trigger_start, @trigger_end, @trigger_text,
          @type, @mode, @status, @date, @date_source, @source_id, @target_id, @place_id, @fatalities, @confidence)`),
      insertQuote: db.prepare(`INSERT INTO quotes (article_id, local_id, sentence_id, start, end, text, direct, speaker_text, speaker_name, speaker_role, anonymous, entity_id)
        VALUES (@article_id, @local_id, @sentence_id, @start, @end, @text, @direct, @speaker_text, @speaker_name, @speaker_role, @anonymous, @entity_id)`),
      insertQuantity: db.prepare(`INSERT INTO quantities (article_id, local_id, sentence_id, start, end, text, value, unit, approx)
        VALUES (@article_id, @local_id, @sentence_id, @start, @end, @text, @value, @unit, @approx)`),
    };
    const tx = db.transaction((x: Extraction, origin: string | null, json?: string) => this.saveInTransaction(x, origin, json));
    this.saveTx = (x, origin, json) => tx.immediate(x, origin, json);
    const all = db.transaction((items: readonly PendingArticle[]) => items.map((i) => this.saveInTransaction(i.extraction, i.origin, i.json)));
    this.saveAllTx = (items) => all.immediate(items);
  }

  /** True when the store already holds this exact text under this key: extraction can be skipped. */
  isUnchanged(url: string | null | undefined, text: string): boolean {
    const row = this.stmts.existing.get(articleKey(url, text));
    return row !== undefined && row.text_hash === textHash(text);
  }

  save(extraction: Extraction, origin: string | null = null, json?: string): SaveResult {
    return this.saveTx(extraction, origin, json);
  }

  /**
   * Several articles in one transaction, in order: each is still wholly stored or not at all
   * after a crash, and the store pays one commit for the batch instead of one per article (a
   * commit rewrites every index page an article touched). If any article fails, the batch is
   * rolled back and each is saved in a transaction of its own, so only the bad one fails.
   */
  saveAll(items: readonly PendingArticle[]): (SaveResult | Error)[] {
    try {
      return this.saveAllTx(items);
    } catch {
      return items.map((i) => {
        try {
          return this.save(i.extraction, i.origin, i.json);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
    }
  }

  private saveInTransaction(x: Extraction, origin: string | null, json?: string): SaveResult {
    const key = articleKey(x.article.url, x.text);
    const hash = textHash(x.text);
    const existing = this.stmts.existing.get(key);
    if (existing && existing.text_hash === hash) return { status: 'unchanged', articleId: existing.id, events: 0, merged: 0, actors: 0 };
    if (existing) this.removeArticle(existing.id);

    const { id: articleId } = this.stmts.insertArticle.get({
      key,
      doc_id: x.article.id,
      url: x.article.url,
      title: x.article.title,
      source: x.article.source,
      published: x.article.published,
      text_hash: hash,
      origin,
      extraction: json ?? JSON.stringify(x),
      now: new Date().toISOString(),
    }) as { id: number };

    const sentenceIds = x.sentences.map((s, i) => this.stmts.insertSentence.get(articleId, i, s.start, s.end, x.text.slice(s.start, s.end))!.id);
    const sentenceAt = sentenceFinder(x.sentences, sentenceIds);

    const entityOf = new Map<string, number>();
    for (const actor of x.actors) {
      const entityId = this.entities.resolve(actor);
      entityOf.set(actor.id, entityId);
      this.stmts.insertActor.run(articleId, actor.id, entityId, actor.name, actor.mentions.length);
    }
    const placeOf = new Map<string, number>();
    for (const place of x.places) {
      const placeId = this.places.resolve(place);
      placeOf.set(place.id, placeId);
      this.stmts.insertPlace.run(articleId, place.id, placeId, place.mentions.length);
    }

    let merged = 0;
    const ownEvents: OwnEvent[] = [];
    for (const e of x.events) {
      const sourceId = e.source ? (entityOf.get(e.source) ?? null) : null;
      const targetId = e.target ? (entityOf.get(e.target) ?? null) : null;
      const placeId = e.place ? (placeOf.get(e.place) ?? null) : null;
      const cls = statusClass(e.status);
      const undated = e.date === null || e.dateSource !== 'text';
      const found = (undated ? sameArticleEvent(ownEvents, e.type, cls, sourceId, targetId) : null) ?? this.matcher.find({
        type: e.type,
        statusClass: cls,
        sourceId,
        targetId,
        placeId,
        date: dayRange(e.date),
        dateFromText: e.dateSource === 'text',
        fatalities: e.fatalities,
        published: x.article.published,
        articleId,
      });
      if (found !== null && !ownEvents.some((o) => o.eventId === found)) merged++;
      const eventId = found ?? this.stmts.insertEvent.get(e.type, e.mode, e.cameo, e.status, cls)!.id;
      const own = ownEvents.find((o) => o.eventId === eventId);
      // The article's picture of the event fills in as its mentions come: a role once known stays.
      if (own) {
        own.sourceId ??= sourceId;
        own.targetId ??= targetId;
      } else ownEvents.push({ eventId, type: e.type, statusClass: cls, sourceId, targetId });
      this.stmts.insertMention.run({
        event_id: eventId,
        article_id: articleId,
        local_id: e.id,
        sentence_id: sentenceAt(e.trigger.start),
        trigger_start: e.trigger.start,
        trigger_end: e.trigger.end,
        trigger_text: e.trigger.text,
        type: e.type,
        mode: e.mode,
        status: e.status,
        date: e.date,
        date_source: e.dateSource ?? null,
        source_id: sourceId,
        target_id: targetId,
        place_id: placeId,
        fatalities: e.fatalities,
        confidence: e.confidence,
      });
    }
    // Each event the article touched is summarized once, after all its mentions are in: the
    // matcher never offers an event this article already reports, so none is read half-updated.
    for (const o of ownEvents) this.summarizer.refresh(o.eventId);

    for (const q of x.quotes) {
      this.stmts.insertQuote.run({
        article_id: articleId,
        local_id: q.id,
        sentence_id: sentenceAt(q.start),
        start: q.start,
        end: q.end,
        text: q.text,
        direct: q.direct ? 1 : 0,
        speaker_text: q.speaker?.text ?? null,
        speaker_name: q.speaker?.name ?? null,
        speaker_role: q.speaker?.role ?? null,
        anonymous: q.speaker?.anonymous ? 1 : 0,
        entity_id: q.speaker?.actor ? (entityOf.get(q.speaker.actor) ?? null) : null,
      });
    }
    for (const q of x.quantities) {
      this.stmts.insertQuantity.run({
        article_id: articleId,
        local_id: q.id,
        sentence_id: sentenceAt(q.start),
        start: q.start,
        end: q.end,
        text: q.text,
        value: q.value,
        unit: q.unit,
        approx: q.approx ? 1 : 0,
      });
    }
    return { status: existing ? 'updated' : 'new', articleId, events: x.events.length, merged, actors: x.actors.length };
  }

  /** Takes an article's old version out, and its mentions out of the events they joined. */
  private removeArticle(articleId: number): void {
    const events = this.stmts.eventsOf.all(articleId).map((r) => r.event_id);
    this.stmts.deleteMentions.run(articleId);
    for (const id of events) this.summarizer.refresh(id);
    this.stmts.deleteArticle.run(articleId);
    this.stmts.orphanEntities.run();
  }
}

interface OwnEvent {
  eventId: number;
  type: string;
  statusClass: string;
  sourceId: number | null;
  targetId: number | null;
}

/**
 * An undated later mention in an article ("one of those killed was a senior planner") is the
 * article's own earlier event of the same type when the actors do not disagree: it tells more
 * of that event, not of another one somewhere in the corpus that happens to be near in time.
 */
function sameArticleEvent(own: readonly OwnEvent[], type: string, statusClass: string, sourceId: number | null, targetId: number | null): number | null {
  const agrees = (a: number | null, b: number | null) => a === null || b === null || a === b;
  for (let i = own.length - 1; i >= 0; i--) {
    const o = own[i]!;
    if (o.type === type && o.statusClass === statusClass && agrees(o.sourceId, sourceId) && agrees(o.targetId, targetId)) return o.eventId;
  }
  return null;
}

/** The stored sentence holding an offset, by binary search over the article's sentences. */
function sentenceFinder(sentences: readonly { start: number; end: number }[], ids: readonly number[]): (offset: number) => number | null {
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return ids[mid]!;
    }
    return null;
  };
}
