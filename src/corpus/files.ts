import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../article/errors.js';
import { MAX_INPUT_BYTES, parseArticle } from '../article/read.js';
import { parseFeed } from './feed.js';
import { formatBytes } from './fetch.js';
import { failed, type SourceContext, type SourceItem } from './item.js';
import { nonBlankLines } from './lines.js';
import type { Outcome, Task } from './ordered.js';
import { isFeedRoot, rootElement, SNIFF_CHARS } from './sniff.js';
import { feedOutcome } from './web.js';

/** What a folder contributes; anything else in it (images, notes, .md) is passed over. */
export const ARTICLE_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.txt', '.html', '.htm', '.xml', '.rss', '.atom']);
const JSON_LINES = new Set(['.jsonl', '.ndjson']);
const XML_ONLY = new Set(['.xml', '.rss', '.atom']);

const LIMIT = `${formatBytes(MAX_INPUT_BYTES)} limit for one article`;

export interface FolderEntry {
  path: string;
  /** Set when a subfolder could not be listed. */
  problem?: string;
}

/**
 * Article files under a folder, depth first, each folder's entries sorted by name (code
 * units, so the order is the same on every machine); hidden files and folders are skipped.
 * A symbolic link to a file is read; one to a folder is not followed, since links can loop.
 */
export async function listFolder(dir: string): Promise<FolderEntry[]> {
  const out: FolderEntry[] = [];
  const walk = async (folder: string) => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      out.push({ path: folder, problem: `cannot list the folder (${fsReason(e)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full)))))
        out.push({ path: full });
    }
  };
  await walk(dir);
  return out;
}

export async function folderOutcome(dir: string, ctx: SourceContext): Promise<Outcome<SourceItem>> {
  const entries = await listFolder(dir);
  if (entries.length === 0) return { items: [{ origin: dir, error: `no article files (${[...ARTICLE_EXTENSIONS].join(' ')}) in the folder` }] };
  return { tasks: entries.map((e) => (e.problem ? async () => ({ items: [{ origin: e.path, error: e.problem! }] }) : fileTask(e.path, ctx))) };
}

/**
 * One file: JSON Lines are streamed line by line; a .json may hold one article or an array
 * of them; a feed is recognized by its root element whatever the file is called, and its
 * items are followed to their pages; anything else goes to the article readers.
 */
export function fileTask(file: string, ctx: SourceContext): Task<SourceItem> {
  return async () => {
    try {
      const ext = path.extname(file).toLowerCase();
      if (JSON_LINES.has(ext)) {
        await checkFile(file);
        return { stream: jsonLinesItems(file) };
      }
      const bytes = await readChecked(file);
      if (ext === '.json') {
        if (firstNonSpace(bytes) === 0x5b) return { items: jsonArrayItems(bytes, file) };
        return { items: [{ origin: file, article: parseArticle(bytes, file) }] };
      }
      const root = rootElement(bytes.subarray(0, SNIFF_CHARS).toString('utf8'));
      if (isFeedRoot(root)) return feedOutcome(bytes.toString('utf8'), file, null, ctx);
      if (XML_ONLY.has(ext)) {
        if (root !== 'html') throw new Error(`not a feed or article page (root element ${root ? `<${root}>` : 'missing'})`);
        return { items: [{ origin: file, article: parseArticle(bytes, file, { format: 'html' }) }] };
      }
      return { items: [{ origin: file, article: parseArticle(bytes, file) }] };
    } catch (e) {
      return { items: [failed(file, e)] };
    }
  };
}

/** How many items fileTask will yield for the file, found without parsing articles. */
export async function countFileItems(file: string): Promise<number> {
  try {
    const ext = path.extname(file).toLowerCase();
    if (JSON_LINES.has(ext)) {
      let n = 0;
      for await (const _line of nonBlankLines(file, MAX_INPUT_BYTES, false)) n++;
      return n;
    }
    const { size } = await stat(file);
    if (size > MAX_INPUT_BYTES) return 1;
    const head = await readHead(file, SNIFF_CHARS);
    if (ext === '.json') {
      if (firstNonSpace(head) !== 0x5b) return 1;
      const data: unknown = JSON.parse(await readFile(file, 'utf8'));
      return Array.isArray(data) ? data.length : 1;
    }
    if (!isFeedRoot(rootElement(head.toString('utf8')))) return 1;
    return parseFeed(await readFile(file, 'utf8'))?.items.length ?? 1;
  } catch {
    return 1; // the reader will report the problem as one item
  }
}

async function* jsonLinesItems(file: string): AsyncGenerator<SourceItem> {
  const base = baseName(file);
  try {
    for await (const line of nonBlankLines(file, MAX_INPUT_BYTES)) {
      const origin = `${file}:${line.number}`;
      if (!line.bytes) yield { origin, error: `is ${formatBytes(line.size)}, over the ${LIMIT}` };
      else yield jsonArticle(line.bytes, origin, `${base}-${line.number}`, declaresId(line.bytes));
    }
  } catch (e) {
    yield { origin: file, error: `stopped reading (${fsReason(e)})` };
  }
}

function jsonArrayItems(bytes: Buffer, file: string): SourceItem[] {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return [{ origin: file, error: `malformed JSON (${(e as Error).message.split('\n')[0]})` }];
  }
  const base = baseName(file);
  return (data as unknown[]).map((value, i) => {
    const hasId = value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string';
    return jsonArticle(Buffer.from(JSON.stringify(value) ?? 'null'), `${file}[${i}]`, `${base}-${i}`, hasId);
  });
}

/** Articles in a collection without their own id are told apart by their place in it. */
function jsonArticle(bytes: Buffer, origin: string, fallbackId: string, hasId: boolean): SourceItem {
  try {
    const article = parseArticle(bytes, origin, { format: 'json' });
    return { origin, article: hasId ? article : { ...article, id: fallbackId } };
  } catch (e) {
    return failed(origin, e);
  }
}

function declaresId(bytes: Buffer): boolean {
  try {
    const data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as { id?: unknown } | null;
    return typeof data?.id === 'string' && data.id !== '';
  } catch {
    return false;
  }
}

/** Stats before reading, so an oversized file is refused without being loaded. */
async function checkFile(file: string): Promise<number> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(file, fsReason(e));
  }
  if (st.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  return st.size;
}

async function readChecked(file: string): Promise<Buffer> {
  const size = await checkFile(file);
  if (size > MAX_INPUT_BYTES) throw new InputError(file, `is ${formatBytes(size)}, over the ${LIMIT}`);
  try {
    return await readFile(file);
  } catch (e) {
    throw new InputError(file, fsReason(e));
  }
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function firstNonSpace(bytes: Buffer): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}

const baseName = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return code ? `cannot read (${code})` : e instanceof Error ? e.message.split('\n')[0]! : String(e);
}
