import type { Article } from '../article/article.js';
import { InputError } from '../article/errors.js';
import type { HttpClient } from './fetch.js';

export interface SourceItem {
  /** Where it came from: file path, "file.jsonl:LINE", "file.json[INDEX]", "FEED > ITEM LINK", or page URL. */
  origin: string;
  article?: Article;
  /** One-line reason when this item failed (without the origin); the rest go on. */
  error?: string;
  /** Set when the item succeeded by a fallback (the feed's own content when its page failed). */
  warning?: string;
}

/** What every reader of one source shares: one HTTP client, so one concurrency limit. */
export interface SourceContext {
  http: HttpClient;
}

export function failed(origin: string, e: unknown): SourceItem {
  return { origin, error: reasonOf(e) };
}

/** The reason alone: InputError messages open with the file name, which `origin` already says. */
export function reasonOf(e: unknown): string {
  if (e instanceof InputError && e.message.startsWith(`${e.file}: `)) return firstLine(e.message.slice(e.file.length + 2));
  return firstLine(e instanceof Error ? e.message : String(e));
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();
