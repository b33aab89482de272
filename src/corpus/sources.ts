import { stat } from 'node:fs/promises';
import { MAX_INPUT_BYTES } from '../article/read.js';
import { checkHttpUrl, createHttpClient, defaultUserAgent } from './fetch.js';
import { countFileItems, fileTask, folderOutcome, fsReason, listFolder } from './files.js';
import { failed, type SourceContext, type SourceItem } from './item.js';
import { runInOrder, type Outcome, type Task } from './ordered.js';
import { urlOutcome } from './web.js';

export type { SourceItem } from './item.js';

export interface SourceOptions {
  /** Per request, headers and body together (default 15 000). */
  timeoutMs?: number;
  /** Largest HTTP body read, enforced while it streams (default 8 MB, as for files). */
  maxBytes?: number;
  /** HTTP requests open at once, over all sources (default 4). */
  concurrency?: number;
  /** Default "sitrep/<version> (+https://github.com/sitrep)". */
  userAgent?: string;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONCURRENCY = 4;

const HTTP_URL = /^https?:\/\//i;
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Expands SOURCE arguments (article files, JSON Lines, folders, feed files, http(s) URLs of
 * feeds or pages) into items in a stable order: the order of the arguments, of the sorted
 * folder entries, of the lines and of the feed items, whatever the network timing. Never
 * throws for a bad item: it comes out as { origin, error }.
 */
export function readSources(sources: string[], opts: SourceOptions = {}): AsyncIterable<SourceItem> {
  const concurrency = positive(opts.concurrency, DEFAULT_CONCURRENCY, 'concurrency');
  const ctx: SourceContext = {
    http: createHttpClient({
      timeoutMs: positive(opts.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs'),
      maxBytes: positive(opts.maxBytes, MAX_INPUT_BYTES, 'maxBytes'),
      concurrency: Math.max(1, Math.floor(concurrency)),
      userAgent: opts.userAgent ?? defaultUserAgent(),
      fetch: opts.fetch ?? globalThis.fetch,
    }),
  };
  // Enough tasks run ahead to keep every connection busy, few enough to bound memory.
  return runInOrder(sources.map((s) => sourceTask(s, ctx)), Math.max(8, concurrency * 4));
}

function sourceTask(source: string, ctx: SourceContext): Task<SourceItem> {
  return guard(source, async () => {
    if (HTTP_URL.test(source)) return urlOutcome(source, ctx);
    if (OTHER_URL.test(source)) throw new Error(checkHttpUrl(source) ?? 'not an http(s) URL');
    let isDir: boolean;
    try {
      isDir = (await stat(source)).isDirectory();
    } catch (e) {
      throw new Error(fsReason(e));
    }
    return isDir ? folderOutcome(source, ctx) : fileTask(source, ctx)();
  });
}

function guard(origin: string, run: () => Promise<Outcome<SourceItem>>): Task<SourceItem> {
  return async () => {
    try {
      return await run();
    } catch (e) {
      return { items: [failed(origin, e)] };
    }
  };
}

/**
 * How many items readSources will yield, for a progress total, when that is cheap to know:
 * files and folders (a JSON Lines file by its non-blank lines, a JSON array or a feed file by
 * its entries). Undefined as soon as one source is an http(s) URL.
 */
export async function countSources(sources: string[]): Promise<number | undefined> {
  let total = 0;
  for (const source of sources) {
    if (HTTP_URL.test(source)) return undefined;
    total += await countSource(source);
  }
  return total;
}

async function countSource(source: string): Promise<number> {
  if (OTHER_URL.test(source)) return 1;
  try {
    if (!(await stat(source)).isDirectory()) return countFileItems(source);
  } catch {
    return 1;
  }
  const entries = await listFolder(source);
  let n = 0;
  // Files are looked at a batch at a time: one by one, the stat and open round trips dominate.
  for (let i = 0; i < entries.length; i += 32) {
    const counts = await Promise.all(entries.slice(i, i + 32).map((e) => (e.problem ? 1 : countFileItems(e.path))));
    for (const c of counts) n += c;
  }
  return entries.length === 0 ? 1 : n;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`readSources: ${name} must be a number above 0, not ${value}`);
  return value;
}
