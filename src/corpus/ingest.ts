import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import type { Article } from '../article/article.js';
import type { Extraction } from '../output/json.js';
import { ExtractPool } from '../parallel/extract-pool.js';
import { readSources, type SourceOptions } from './sources.js';
import { CorpusWriter, type PendingArticle, type SaveResult } from './writer.js';

export interface IngestProgress {
  /** Items finished (stored, unchanged or failed) and items known so far. */
  done: number;
  total: number | null;
}

export interface IngestOptions {
  workers?: number;
  sourceOptions?: SourceOptions;
  /** Called after each stored batch and at the end. */
  onProgress?: (p: IngestProgress) => void;
  /** The number of items, when the caller knows it (for a progress total). */
  total?: number | null;
}

export interface IngestSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Event mentions stored, how many joined an event reported before, and actor mentions grouped. */
  events: number;
  merged: number;
  actors: number;
  failures: { origin: string; reason: string }[];
  /** Items stored with a caveat (a feed item whose page failed, read from the feed's own content). */
  warnings: { origin: string; warning: string }[];
}

const BATCH = 32;

/**
 * Reads every source, extracts the articles that are new or changed on worker threads (all
 * cores by default), and stores them in input order, so the same input always makes the same
 * corpus: a batch per transaction, in which each article is whole or absent (see
 * CorpusWriter.saveAll). Unchanged articles are recognized before extraction.
 * A failing item is counted and described; the rest go on.
 */
export async function ingest(db: Database.Database, sources: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const writer = new CorpusWriter(db);
  const summary: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: 0, events: 0, merged: 0, actors: 0, failures: [], warnings: [] };
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const pool = new ExtractPool(workers);
  const inFlight: { items: { origin: string; article: Article }[]; result: Promise<(string | Error)[]> }[] = [];
  let batch: { origin: string; article: Article }[] = [];
  let done = 0;
  const report = () => options.onProgress?.({ done, total: options.total ?? null });

  const fail = (origin: string, reason: string) => {
    summary.failed++;
    summary.failures.push({ origin, reason });
    done++;
  };

  const store = async () => {
    const head = inFlight.shift()!;
    const results = await head.result;
    // The batch's articles are stored together, in input order; failures are told in that order too.
    const outcomes = new Array<SaveResult | Error>(results.length);
    const ready: { index: number; article: PendingArticle }[] = [];
    results.forEach((r, i) => {
      if (r instanceof Error) outcomes[i] = r;
      else {
        try {
          ready.push({ index: i, article: { extraction: JSON.parse(r) as Extraction, origin: head.items[i]!.origin, json: r } });
        } catch (e) {
          outcomes[i] = storeError(e);
        }
      }
    });
    writer.saveAll(ready.map((r) => r.article)).forEach((saved, k) => (outcomes[ready[k]!.index] = saved instanceof Error ? storeError(saved) : saved));
    head.items.forEach((item, i) => {
      const saved = outcomes[i]!;
      if (saved instanceof Error) return fail(item.origin, saved.message.split('\n')[0]!);
      summary[saved.status]++;
      summary.events += saved.events;
      summary.merged += saved.merged;
      summary.actors += saved.actors;
      done++;
    });
    report();
  };

  const dispatch = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    inFlight.push({ items, result: extractIsolated(pool, items.map((i) => i.article)) });
    // Enough batches queued to keep every worker busy while the main thread writes.
    while (inFlight.length > workers * 2) await store();
  };

  try {
    for await (const item of readSources(sources, options.sourceOptions)) {
      if (item.warning !== undefined) summary.warnings.push({ origin: item.origin, warning: item.warning });
      if (item.error !== undefined || !item.article) {
        fail(item.origin, item.error ?? 'no article');
        continue;
      }
      if (writer.isUnchanged(item.article.url, item.article.text)) {
        summary.unchanged++;
        done++;
        continue;
      }
      batch.push({ origin: item.origin, article: item.article });
      if (batch.length >= BATCH) await dispatch();
    }
    await dispatch();
    while (inFlight.length > 0) await store();
  } finally {
    await pool.close();
  }
  report();
  return summary;
}

function storeError(e: unknown): Error {
  return new Error(`could not be stored: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
}

/** A batch's extractions; when the batch fails, each article alone, so one bad article fails only itself. */
async function extractIsolated(pool: ExtractPool, articles: Article[]): Promise<(string | Error)[]> {
  try {
    return await pool.extractMany(articles, articles.length);
  } catch {
    return Promise.all(articles.map((a) => pool.extract(a).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
  }
}
