import type { Doc } from '../../doc/document.js';
import type { Place } from '../../doc/layers.js';
import { extendHeads, mergeSites, qualifyPairs, type DivisionCodes } from './assemble.js';
import { countEvidence, markLocatives } from './context.js';
import { findNames } from './find-names.js';
import { findSites, type HeadPhrases } from './find-sites.js';
import { findUnlistedPlaces } from './find-unlisted.js';
import type { GazetteerEntry } from './entry.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import type { NameMemo } from './name-memo.js';
import { buildRecords, type ResolvedMention } from './records.js';
import { chooseReading, mainCountry, type ArticleContext } from './resolve.js';
import { classifyUsage } from './usage.js';
import { sentenceWords, type Word } from './words.js';
import { LOCATIVE, type WordClasses } from './word-classes.js';

export interface PlacesResources {
  gazetteer: Gazetteer;
  /** The gazetteer's answers for the words read so far. */
  names: NameMemo;
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
  const main = mainCountry(evidence);
  const ctx: ArticleContext = { evidence, lex: r.lex, main };

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
  for (const x of resolved) {
    if (x.m.via === 'site' && x.mention.entry.country === null && x.mention.entry.kind !== 'region') locateSite(x, resolved, ctx, main);
  }
  return buildRecords(resolved.map((x) => x.mention).sort((a, b) => a.span.start - b.span.start));
}

/** Every sentence's toponym matches with their usage, before any reading is chosen (exported for inspection). */
export function readSentences(doc: Doc, r: PlacesResources): SentenceMatches[] {
  const sentences: SentenceMatches[] = [];
  for (const s of doc.sentences) {
    const words = sentenceWords(doc, s, r.classes, r.names);
    const names = findNames(r.names, words, s.index);
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
  if (!sentences.some((s) => s.matches.some((m) => m.tentative))) return;
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
  if (!m.foreign && m.inner) {
    for (const i of m.inner) {
      const e = chooseReading(i, s.words, ctx)?.entry;
      if (e && e.kind !== 'region' && e.country) return placeAt(mention, e, e.country);
    }
  }
  // "the Government Center (complex) in Ramadi", "Camp Taji, Iraq": the place right after it, through "in" or a comma.
  let j = m.to;
  if (s.words[j] && !s.words[j]!.cap && ctx.lex.weakSiteWords.has(s.words[j]!.key)) j++;
  const linked = s.words[j];
  if (linked && (linked.text === ',' || linked.classes & LOCATIVE)) {
    for (const o of all) {
      if (o.s === s && o.m.from > j && o.m.from <= j + 2 && locates(o, x)) return placeAt(mention, o.mention.entry, o.mention.country);
    }
  }
  // Otherwise only the country of the nearest place: its point would be a guess.
  let nearest: Located | undefined;
  let nearestDistance = Infinity;
  for (const o of all) {
    if (!locates(o, x)) continue;
    const d = distance(o, x);
    if (d < nearestDistance) {
      nearest = o;
      nearestDistance = d;
    }
  }
  mention.country = nearest ? nearest.mention.country : main;
}

/** Whether another mention can give a site its country: a resolved place, not a region or an institution. */
function locates(o: Located, site: Located): boolean {
  return o !== site && !!o.mention.country && o.mention.entry.kind !== 'region' && !o.mention.entry.institution;
}

/** How far a mention is from a site: any in its sentence before any elsewhere, then by offset, the earlier first. */
function distance(o: Located, site: Located): number {
  const from = site.mention.span.start;
  const at = o.mention.span.start;
  return (o.s === site.s ? 0 : 1_000_000) + Math.abs(at - from) + (at > from ? 1 : 0);
}

/** The site takes the place's country, and its point when the place is one (a city or a site). */
function placeAt(mention: ResolvedMention, e: GazetteerEntry, country: string | null): void {
  mention.country = country;
  if (e.kind === 'city' || e.kind === 'site') {
    mention.lat = e.lat;
    mention.lon = e.lon;
  }
}
