import type { Doc } from '../../doc/document.js';
import type { Place } from '../../doc/layers.js';
import { extendHeads, mergeSites, qualifyPairs, type DivisionCodes } from './assemble.js';
import { countEvidence, markLocatives } from './context.js';
import { findNames } from './find-names.js';
import { findSites, type HeadPhrases } from './find-sites.js';
import { findUnlistedPlaces } from './find-unlisted.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { buildRecords, type ResolvedMention } from './records.js';
import { chooseReading, mainCountry, type ArticleContext } from './resolve.js';
import { classifyUsage } from './usage.js';
import type { WordClasses } from './word-classes.js';
import { sentenceWords, type Word } from './words.js';

export interface PlacesResources {
  gazetteer: Gazetteer;
  codes: DivisionCodes;
  lex: PlacesLexicon;
  heads: HeadPhrases;
  classes: WordClasses;
}

export interface SentenceMatches {
  words: Word[];
  matches: PlaceMatch[];
}

/** The places of one document: find names, read how each is used, resolve the nouns, group them. */
export function findPlaces(doc: Doc, r: PlacesResources): Place[] {
  const sentences = readSentences(doc, r);
  const evidence = new Map<string, number>();
  for (const s of sentences) countEvidence(s.words, s.matches, r.lex, evidence);
  const ctx: ArticleContext = { evidence, lex: r.lex };

  const resolved: Located[] = [];
  for (const s of sentences) {
    for (const m of s.matches) {
      if (m.usage !== 'noun') continue;
      const hit = chooseReading(m, s.words, ctx);
      if (!hit) continue;
      const e = hit.entry;
      const written = m.via === 'division' ? e.name : doc.text.slice(m.start, m.nameTo !== undefined ? s.words[m.nameTo - 1]!.end : m.end);
      resolved.push({ m, s, mention: { entry: e, country: e.country, lat: e.lat, lon: e.lon, span: doc.span(m.start, m.end), written } });
    }
  }
  const main = mainCountry(evidence);
  for (const x of resolved) {
    if (x.m.via === 'site' && x.mention.entry.country === null && x.mention.entry.kind !== 'region') locateSite(x, resolved, ctx, main);
  }
  return buildRecords(resolved.map((x) => x.mention).sort((a, b) => a.span.start - b.span.start));
}

/** Every sentence's toponym matches with their usage, before any reading is chosen (exported for inspection). */
export function readSentences(doc: Doc, r: PlacesResources): SentenceMatches[] {
  const sentences: SentenceMatches[] = [];
  for (const s of doc.sentences) {
    const words = sentenceWords(doc, s, r.classes);
    const names = findNames(r.gazetteer, words, s.index);
    const sites = findSites(words, s.index, names, r.lex, r.heads);
    let matches = sites.length ? mergeSites(names, sites) : names;
    matches = findUnlistedPlaces(words, s.index, matches, r.lex);
    if (matches.length === 0) continue;
    extendHeads(words, matches, r.lex, r.heads);
    matches = qualifyPairs(words, s.index, matches, r.codes);
    classifyUsage(words, matches, r.lex);
    markLocatives(words, matches, r.lex);
    sentences.push({ words, matches });
  }
  confirmTentativeSites(sentences);
  blockSurnames(sentences);
  return sentences;
}

const textOf = (s: SentenceMatches, m: PlaceMatch) => s.words.slice(m.from, m.nameTo ?? m.to).map((w) => w.key).join(' ');

/** "the Government Center in Ramadi" confirms a later "the Government Center" with no place after it. */
function confirmTentativeSites(sentences: SentenceMatches[]): void {
  const confirmed = new Set<string>();
  for (const s of sentences) for (const m of s.matches) if (m.via === 'site' && !m.tentative) confirmed.add(textOf(s, m));
  for (const s of sentences) if (s.matches.some((m) => m.tentative)) s.matches = s.matches.filter((m) => !m.tentative || confirmed.has(textOf(s, m)));
}

/** A toponym that is a person's surname somewhere in the article ("Michael Jordan") is that person elsewhere too ("Jordan said", "told Jordan"), unless a scene is set ("in Jordan"). */
function blockSurnames(sentences: SentenceMatches[]): void {
  const surnames = new Set<string>();
  for (const s of sentences) for (const m of s.matches) if (m.surname) surnames.add(textOf(s, m));
  if (surnames.size === 0) return;
  for (const s of sentences) {
    for (const m of s.matches) {
      if (m.usage === 'noun' && !m.setting && !m.qualified && surnames.has(textOf(s, m))) {
        m.usage = 'embedded';
        m.reason = 'surname of a person named in the article';
      }
    }
  }
}

interface Located {
  m: PlaceMatch;
  s: SentenceMatches;
  mention: ResolvedMention;
}

/**
 * A site found by its head word takes the country of a believable toponym inside its name
 * ("Baghdad International Airport"), except where the name tells the owner ("U.S. Embassy");
 * else of the place it is said to be in ("the U.S. Embassy in Baghdad"), else of the
 * nearest place named in the article, else the article's main country.
 */
function locateSite(x: Located, all: Located[], ctx: ArticleContext, main: string | null): void {
  const { m, s, mention } = x;
  const place = (e: { country: string | null; lat: number | null; lon: number | null; kind: string }) => {
    mention.country = e.country;
    if (e.kind === 'city' || e.kind === 'site') {
      mention.lat = e.lat;
      mention.lon = e.lon;
    }
  };
  if (!m.foreign) {
    const inner = (m.inner ?? []).map((i) => chooseReading(i, s.words, ctx)?.entry).find((e) => e && e.kind !== 'region' && e.country);
    if (inner) return place(inner);
  }
  const others = all.filter((o) => o !== x && o.mention.country && o.mention.entry.kind !== 'region' && !o.mention.entry.institution);
  // "the Government Center (complex) in Ramadi", "Camp Taji, Iraq": the place right after it, through "in" or a comma.
  let j = m.to;
  if (s.words[j] && !s.words[j]!.cap && ctx.lex.weakSiteWords.has(s.words[j]!.key)) j++;
  const linked = s.words[j];
  const after = linked && (linked.text === ',' || ctx.lex.locatives.has(linked.key)) ? others.find((o) => o.s === s && o.m.from > j && o.m.from <= j + 2) : undefined;
  if (after) return place({ ...after.mention.entry, country: after.mention.country });
  // Otherwise only the country of the nearest place: its point would be a guess.
  const distance = (o: Located) => (o.s === s ? 0 : 1_000_000) + Math.abs(o.mention.span.start - mention.span.start) + (o.mention.span.start > mention.span.start ? 1 : 0);
  const nearest = others.sort((a, b) => distance(a) - distance(b))[0];
  mention.country = nearest ? nearest.mention.country : main;
}
