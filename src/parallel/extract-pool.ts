import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/article.js';
import { WorkerPool } from './pool.js';

/** The worker beside this module: extract-worker.ts under tsx, extract-worker.js once built. */
const workerScript = new URL(`./extract-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Extracts articles on all cores (or `size` threads). Each result is the extraction JSON
 * (spec sitrep.extraction/1) as a string. Articles travel in batches: one message per
 * article would cost more than extracting a short one.
 */
export class ExtractPool {
  private readonly pool: WorkerPool<Article[], string[]>;

  constructor(size: number = availableParallelism()) {
    this.pool = new WorkerPool<Article[], string[]>(workerScript, size);
  }

  get size(): number {
    return this.pool.size;
  }

  async extract(article: Article): Promise<string> {
    const [json] = await this.pool.run([article]);
    return json!;
  }

  /**
   * All articles, results in input order; a failing article fails the whole promise.
   * By default about four batches per worker: enough to even out long and short articles,
   * few enough that messages between threads cost little (at most 64 articles a batch).
   */
  async extractMany(articles: readonly Article[], batchSize = defaultBatchSize(articles.length, this.size)): Promise<string[]> {
    const batches: Promise<string[]>[] = [];
    for (let i = 0; i < articles.length; i += batchSize) batches.push(this.pool.run(articles.slice(i, i + batchSize)));
    return (await Promise.all(batches)).flat();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function defaultBatchSize(articles: number, workers: number): number {
  return Math.min(64, Math.max(1, Math.ceil(articles / (workers * 4))));
}
