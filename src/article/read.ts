import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { articleSchema, normalizePublished, type Article } from './article.js';
import { InputError } from './errors.js';
import { readHtml } from './html.js';

/** Articles are short; a file above this is refused before it is read, so memory stays bounded. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface ReadOptions {
  /** Publication date for inputs that carry none (plain text, HTML without metadata). */
  published?: string | null;
  title?: string | null;
  id?: string | null;
  /** How to read the bytes; guessed from the file name, then from the content, when absent. */
  format?: InputFormat;
}

export type InputFormat = 'json' | 'text' | 'html';

export function readArticleFile(file: string, options: ReadOptions = {}): Article {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(file, 'is a directory, not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(file, `is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit for one article`);
  return parseArticle(readFileSync(file), file, options);
}

/** Turns raw bytes into an article: JSON, HTML or plain text, by name or by content. */
export function parseArticle(bytes: Buffer, name: string, options: ReadOptions = {}): Article {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(name, `is over the ${MAX_INPUT_BYTES / 1048576} MB limit for one article`);
  if (looksBinary(bytes)) throw new InputError(name, 'is a binary file, not text, JSON or HTML');
  const raw = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const format = options.format ?? guessFormat(name, raw);
  const fallbackId = options.id ?? idFromName(name, raw);
  if (format === 'json') return fromJson(raw, name, fallbackId, options);
  if (format === 'html') {
    const page = readHtml(raw);
    return finish({ id: fallbackId, url: page.url, source: page.source, published: page.published, title: page.title, text: page.text }, name, options);
  }
  return finish({ id: fallbackId, url: null, source: null, published: null, title: null, text: raw }, name, options);
}

function fromJson(raw: string, name: string, fallbackId: string, options: ReadOptions): Article {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new InputError(name, `malformed JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = articleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `field "${issue.path.join('.')}" ` : '';
    const what = data === null || typeof data !== 'object' || Array.isArray(data) ? 'is not an article object' : `${where}${issue.message}`;
    throw new InputError(name, `not an article: ${what}`);
  }
  const a = parsed.data;
  if (a.published != null && a.published !== '' && normalizePublished(a.published) === null)
    throw new InputError(name, `field "published" is not a date: ${JSON.stringify(a.published)}`);
  return finish({ id: a.id ?? fallbackId, url: a.url ?? null, source: a.source ?? null, published: normalizePublished(a.published), title: a.title ?? null, text: a.text }, name, options);
}

function finish(a: Article, name: string, options: ReadOptions): Article {
  const published = a.published ?? options.published ?? null;
  return { ...a, id: options.id ?? a.id, title: a.title ?? options.title ?? null, published, text: a.text.replace(/\r\n?/g, '\n') };
}

function guessFormat(name: string, raw: string): InputFormat {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text' || ext === '.md') return 'text';
  const head = raw.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('{')) return 'json';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|meta|div|p)\b/.test(head)) return 'html';
  return 'text';
}

/** A file's id is its base name; stdin gets a stable hash of its content. */
function idFromName(name: string, raw: string): string {
  if (name === '-' || name === '<stdin>') return 'stdin-' + createHash('sha1').update(raw).digest('hex').slice(0, 10);
  return path.basename(name).replace(/\.[^.]+$/, '');
}

/** NUL bytes or many control bytes in the first 8 kB mean the file is not text. */
function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}
