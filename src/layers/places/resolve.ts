import type { GazetteerEntry, NameHit } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import type { Word } from './words.js';

/** Thresholds of the acceptance rules; a town below them needs the text's help. */
export const LARGE_CITY = 100_000;
const SMALL_TOWN = 5_000;
const CITY_OVER_DIVISION = 50_000;
// Datelines name cities a wire service reports from, not villages that share an acronym's letters.
const DATELINE_TOWN = 20_000;

export interface ArticleContext {
  /** How often each country is named or implied (demonyms, curated places, datelines). */
  evidence: Map<string, number>;
  lex: PlacesLexicon;
  /** The country named or implied most often (mainCountry), when known. */
  main?: string | null;
}

/**
 * Picks the reading of one noun match, or null when no reading is believable. Readings
 * are first filtered (a small town needs the article to be about its country or a "in X"
 * before it; a town named like a common word needs both "in" and size), then ranked:
 * countries and regions first, then a reading in a country the article is about, then
 * size, capitals and division seats.
 */
export function chooseReading(m: PlaceMatch, words: Word[], ctx: ArticleContext): NameHit | null {
  let hits = m.hits;
  if (m.restrictKind) hits = preferKind(hits, m.restrictKind);
  if (m.restrictCountry) hits = preferCountry(hits, m.restrictCountry);
  const key = matchKey(words, m);
  const initial = words[m.from]!.sentenceInitial && m.to - m.from === 1;
  // The first of the best-scored acceptable readings.
  let best: NameHit | null = null;
  let bestScore = 0;
  for (const h of hits) {
    if (!acceptable_(h.entry, m, key, initial, ctx)) continue;
    const s = score(h.entry, m, ctx);
    if (best === null || s > bestScore) {
      best = h;
      bestScore = s;
    }
  }
  if (best === null) return null;
  // "Baghdad", "Kirkuk", "Aleppo": a division named after its main city is read as the city
  // unless the text says "province".
  if (best.entry.kind === 'admin1' && !best.entry.curated && m.restrictKind !== 'admin1') {
    const country = best.entry.country;
    for (const h of hits) {
      const e = h.entry;
      if (e.kind === 'city' && e.country === country && (e.population >= CITY_OVER_DIVISION || e.capital || e.seat) && acceptable_(e, m, key, initial, ctx)) return h;
    }
  }
  return best;
}

/** The match's word keys joined by spaces, as the stop-name list writes them. */
function matchKey(words: Word[], m: PlaceMatch): string {
  let key: string | undefined;
  for (let i = m.from; i < m.to; i++) {
    const w = words[i]!;
    if (w.isWord) key = key === undefined ? w.key : `${key} ${w.key}`;
  }
  return key ?? '';
}

/** The hits of this kind, or all of them when none is. */
function preferKind(hits: NameHit[], kind: string): NameHit[] {
  const kept = hits.filter((h) => h.entry.kind === kind);
  return kept.length ? kept : hits;
}

/** The hits in this country, or all of them when none is. */
function preferCountry(hits: NameHit[], country: string): NameHit[] {
  const kept = hits.filter((h) => h.entry.country === country);
  return kept.length ? kept : hits;
}

function acceptable_(e: GazetteerEntry, m: PlaceMatch, key: string, initial: boolean, ctx: ArticleContext): boolean {
  if (e.blocked) return false;
  if (e.institution) return m.locative || m.via === 'dateline';
  if (e.curated || e.kind === 'country' || e.kind === 'region' || e.kind === 'site' || e.kind === 'other') return true;
  const pinned = m.qualified || (m.via === 'dateline' && (e.kind !== 'city' || e.population >= DATELINE_TOWN)) || m.via === 'division';
  const known = e.country !== null && (ctx.evidence.get(e.country) ?? 0) > 0;
  if (e.kind === 'admin1') return pinned || known || m.locative || m.restrictKind === 'admin1';
  const large = e.population >= LARGE_CITY || e.capital;
  if (pinned) return true;
  if (ctx.lex.stopNames.has(key)) return m.locative && large;
  if (initial && !large && !known) return false;
  return large || m.locative || (known && (e.population >= SMALL_TOWN || e.adminSeat));
}

/**
 * Countries and regions outrank everything (a town called "Lebanon" is not meant); a division
 * outranks same-named towns; a place in a country the article is about gains 25 to 40 points
 * with how often that country comes up, worth about two orders of magnitude of population
 * ("Tripoli" beside Lebanon is Lebanon's, "London" beside one mention of Canada stays British),
 * and a division in the article's main country 5 more.
 */
function score(e: GazetteerEntry, m: PlaceMatch, ctx: ArticleContext): number {
  let s = 0;
  if (e.kind === 'country' || e.kind === 'region') s += 100;
  // A curated division earns the division bonus too, so "Kurdistan region" in an article about
  // Iraq weighs Iraq's curated division and Iran's package one alike, and the article decides.
  else if (e.kind === 'admin1') s += m.restrictKind === 'admin1' ? 80 : 60;
  else if (e.curated) s += 60;
  const mentions = e.country ? (ctx.evidence.get(e.country) ?? 0) : 0;
  if (mentions > 0) s += 20 + 5 * Math.min(mentions, 4);
  // Two divisions of one name ("Kurdistan" in Iraq and in Iran): the article's own country's wins
  // even where both countries come up often enough to cap their bonus.
  if (e.kind === 'admin1' && e.country !== null && e.country === ctx.main) s += 5;
  if (e.population > 0) s += 10 * Math.log10(e.population + 10);
  if (e.capital) s += 15;
  if (e.seat) s += 5;
  return s;
}

/** The article's main country: the one named or implied most often (first named on ties). */
export function mainCountry(evidence: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of evidence) {
    if (k > n) {
      best = c;
      n = k;
    }
  }
  return best;
}
