import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { LayerName } from '../doc/layers.js';
import type { Offsets } from '../doc/span.js';
import { goldFileSchema, type GoldEvent, type GoldPlace, type GoldQuantity, type GoldQuote, type GoldTime } from './gold-schema.js';
import { locateSnippet, describeAbsence } from './locate.js';

/** A gold file that cannot be scored: bad JSON, a wrong field, a snippet not in the text, no article. */
export class GoldError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'GoldError';
  }
}

export type Located<T> = T & { span: Offsets };

/** One gold file with every span found in its article's text. */
export interface GoldArticle {
  file: string;
  article: string;
  corpusFile: string;
  /** The article text exactly as the corpus file holds it: gold spans and system offsets index it. */
  text: string;
  layers: ReadonlySet<LayerName>;
  times: Located<GoldTime>[];
  quantities: Located<GoldQuantity>[];
  places: GoldPlace[];
  actors: string[];
  quotes: Located<GoldQuote>[];
  events: Located<GoldEvent>[];
}

/** The gold files of a folder (every *.json, in name order), each checked and located in its article. */
export function loadGoldFolder(goldDir: string, corpusDir: string): GoldArticle[] {
  let names: string[];
  try {
    names = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    throw new GoldError(goldDir, `cannot read the gold folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (names.length === 0) throw new GoldError(goldDir, 'holds no gold files (*.json)');
  return names.map((name) => loadGoldFile(path.join(goldDir, name), corpusDir));
}

export function loadGoldFile(file: string, corpusDir: string): GoldArticle {
  const gold = parseGold(file);
  const corpusFile = path.join(corpusDir, `${gold.article}.json`);
  const text = readCorpusText(file, corpusFile, gold.article);
  const layers = new Set(gold.layers as LayerName[]);
  for (const layer of layers) {
    if (gold[layer] === undefined) throw new GoldError(file, `lists the layer "${layer}" but has no "${layer}" list (write [] when there is nothing to annotate)`);
  }
  // Every span is located, in listed layers or not: a snippet that is not in the text is an error either way.
  const find = <T extends { nth?: number | undefined }>(items: T[] | undefined, what: string, snippetOf: (item: T) => string): Located<T>[] =>
    (items ?? []).map((item) => {
      const snippet = snippetOf(item);
      const span = locateSnippet(text, snippet, item.nth ?? 1);
      if (!span) throw new GoldError(file, `${what} "${snippet}"${item.nth && item.nth > 1 ? ` #${item.nth}` : ''} ${describeAbsence(text, snippet)} (${corpusFile})`);
      return { ...item, span };
    });
  return {
    file,
    article: gold.article,
    corpusFile,
    text,
    layers,
    times: find(gold.times, 'time', (t) => t.text),
    quantities: find(gold.quantities, 'quantity', (q) => q.text),
    places: gold.places ?? [],
    actors: gold.actors ?? [],
    quotes: find(gold.quotes, 'quote', (q) => q.text),
    events: find(gold.events, 'event sentence', (e) => e.sentence),
  };
}

function parseGold(file: string): z.infer<typeof goldFileSchema> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new GoldError(file, err.code ? `cannot read (${err.code})` : `malformed JSON (${err.message.split('\n')[0]})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new GoldError(file, 'is not a gold object (spec §3)');
  const parsed = goldFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GoldError(file, `${describePath(data, issue.path)} ${issue.message}`);
  }
  return parsed.data;
}

/** "events[3] (\"launched a raid\") source" — the field, and the snippet of its item so the user finds it. */
function describePath(data: object, where: readonly PropertyKey[]): string {
  if (where.length === 0) return 'the file';
  const [layer, index, ...rest] = where;
  if (typeof index !== 'number') return `field "${where.map(String).join('.')}"`;
  const item = (data as Record<string, unknown[]>)[String(layer)]?.[index];
  const label = item && typeof item === 'object' ? ((item as Record<string, unknown>).text ?? (item as Record<string, unknown>).sentence ?? (item as Record<string, unknown>).name) : undefined;
  const snippet = typeof label === 'string' ? ` ("${label}")` : '';
  return `${String(layer)}[${index}]${snippet}${rest.length ? ` field "${rest.map(String).join('.')}"` : ''}`;
}

function readCorpusText(goldFile: string, corpusFile: string, article: string): string {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(corpusFile, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new GoldError(goldFile, `article "${article}" is not in the corpus (no ${corpusFile})`);
    throw new GoldError(goldFile, `article "${article}" cannot be read: ${corpusFile}: ${err.code ?? `malformed JSON (${err.message.split('\n')[0]})`}`);
  }
  const text = data && typeof data === 'object' ? (data as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') throw new GoldError(goldFile, `article "${article}" has no "text" string in ${corpusFile}`);
  return text;
}
