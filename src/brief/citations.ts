import type Database from 'better-sqlite3';
import type { Citation } from './types.js';

interface CitationRow {
  sentence_id: number;
  sentence: string;
  article_id: number;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
}

/** Turns stored sentence ids into citations, each sentence read once per brief. */
export class Citer {
  private readonly bySentence;
  private readonly cache = new Map<number, Citation | null>();

  constructor(db: Database.Database) {
    this.bySentence = db.prepare<[number], CitationRow>(`
      SELECT s.id AS sentence_id, s.text AS sentence, a.id AS article_id, a.title, a.url, a.published, a.source
      FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id = ?`);
  }

  cite(sentenceId: number | null): Citation | null {
    if (sentenceId === null) return null;
    let c = this.cache.get(sentenceId);
    if (c === undefined) {
      const r = this.bySentence.get(sentenceId);
      c = r
        ? { articleId: r.article_id, title: r.title, url: r.url, published: r.published, source: r.source, sentenceId: r.sentence_id, sentence: r.sentence }
        : null;
      this.cache.set(sentenceId, c);
    }
    return c;
  }

  /** The citations of several sentences, each once, in the order given. */
  citeAll(sentenceIds: Iterable<number | null>): Citation[] {
    const seen = new Set<number>();
    const out: Citation[] = [];
    for (const id of sentenceIds) {
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      const c = this.cite(id);
      if (c) out.push(c);
    }
    return out;
  }
}
