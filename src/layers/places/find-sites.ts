import { makeEntry, type GazetteerEntry, type PlaceKind } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { ARABIC_ARTICLES } from './normalize.js';
import { DEMONYM, HEAD_START, LOCATIVE, NAME_CONTINUATION } from './word-classes.js';
import type { Word } from './words.js';

/**
 * Named sites and features the gazetteer does not list, found by their head word:
 * a proper name before a site head ("Ain al-Asad air base", "the Government Center in
 * Ramadi"), a prefix head before a proper name ("Camp Taji", "Mount Sinjar"), or a natural
 * feature ("Middle Euphrates River Valley", "Badiyah Desert"). Their country comes later,
 * from the toponym inside them or the places around them.
 */
export interface HeadPhrases {
  byFirstWord: Map<string, { words: string[]; kind: PlaceKind; strength: 'strong' | 'weak'; position: 'suffix' | 'prefix'; foreign: boolean }[]>;
}

export function headPhrases(lex: PlacesLexicon): HeadPhrases {
  const byFirstWord: HeadPhrases['byFirstWord'] = new Map();
  const add = (list: string[][], kind: PlaceKind, strength: 'strong' | 'weak', position: 'suffix' | 'prefix') => {
    for (const words of list) {
      const first = words[0]!;
      const arr = byFirstWord.get(first) ?? [];
      arr.push({ words, kind, strength, position, foreign: position === 'suffix' && lex.foreignSiteHeads.has(words.join(' ')) });
      byFirstWord.set(first, arr);
    }
  };
  add(lex.siteSuffixes, 'site', 'strong', 'suffix');
  add(lex.weakSiteSuffixes, 'site', 'weak', 'suffix');
  add(lex.featureSuffixes, 'other', 'strong', 'suffix');
  add(lex.regionSuffixes, 'region', 'strong', 'suffix');
  add(lex.sitePrefixes, 'site', 'strong', 'prefix');
  add(lex.featurePrefixes, 'other', 'strong', 'prefix');
  for (const arr of byFirstWord.values()) arr.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord };
}

export function findSites(words: Word[], sentence: number, names: PlaceMatch[], lex: PlacesLexicon, heads: HeadPhrases): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!w.isWord || (w.classes & HEAD_START) === 0) continue;
    const phrases = heads.byFirstWord.get(w.key);
    if (!phrases) continue;
    for (const p of phrases) {
      const headEnd = phraseEnd(words, k, p.words);
      if (headEnd < 0) continue;
      const headCap = words[k]!.cap;
      if (p.position === 'suffix') {
        const from = nameRunBefore(words, k, lex);
        if (from === k) continue;
        const run = words.slice(from, k).filter((x) => x.isWord);
        if (!properEnough(run, names, from, k, lex, headCap, p.strength)) continue;
        if (p.strength === 'weak' && !headCap) continue;
        // Seas, straits and channels are written with a capital head ("the Mozambique Channel");
        // a lower-case one is a thing's ("its Telegram channel").
        if (p.kind === 'region' && !headCap) continue;
        const site = siteMatch(words, sentence, from, headEnd, p.kind);
        if (p.strength === 'weak' && !placeFollows(words, headEnd, names, lex)) site.tentative = true;
        if (p.foreign) site.foreign = true;
        out.push(site);
        k = headEnd - 1;
        break;
      } else {
        if (!headCap) continue;
        const to = nameRunAfter(words, headEnd, lex);
        if (to === headEnd) continue;
        out.push(siteMatch(words, sentence, k, to, p.kind));
        k = to - 1;
        break;
      }
    }
  }
  return out;
}

/** The end of a site head phrase starting at word j ("military base", "air base"), or j when none starts there. */
export function siteHeadAt(words: Word[], j: number, heads: HeadPhrases): number {
  const w = words[j];
  if (!w || !w.isWord) return j;
  for (const p of heads.byFirstWord.get(w.key) ?? []) {
    if (p.kind !== 'site' || p.position !== 'suffix' || p.strength !== 'strong') continue;
    const end = phraseEnd(words, j, p.words);
    if (end > 0) return end;
  }
  return j;
}

function phraseEnd(words: Word[], k: number, phrase: string[]): number {
  let j = k;
  for (const part of phrase) {
    while (j < words.length && words[j]!.text === '-') j++;
    if (j >= words.length || words[j]!.key !== part) return -1;
    j++;
  }
  return j;
}

/** The proper-name words just before a head: capitalized words, inner particles and hyphens. */
function nameRunBefore(words: Word[], k: number, lex: PlacesLexicon): number {
  let from = k;
  for (let j = k - 1; j >= 0; j--) {
    const x = words[j]!;
    if (!x.isWord) {
      if (x.text === '-' && j > 0 && words[j - 1]!.isWord) continue;
      break;
    }
    if (x.possessive && j < k - 1) break;
    // "al-Tanf", "Ain al-Asad", "Deir ez-Zor": an Arabic article glued to its noun ("at" or "an" standing alone are English).
    const glued = words[j + 1]?.text === '-' && words[j + 1]!.gluedLeft;
    const particle = !x.cap && ((ARABIC_ARTICLES.has(x.key) && (glued || x.key === 'al' || x.key === 'el')) || x.key === 'ez' || x.key === 'of') && from < k;
    if (!x.cap && !particle) break;
    if (x.sentenceInitial && lex.nounFollowers.has(x.key)) break;
    if (x.possessive) break;
    from = j;
  }
  // Never start on a particle or hyphen: "al-Tanf garrison" starts at "al", "of X" does not.
  while (from < k && (!words[from]!.isWord || (words[from]!.key === 'of'))) from++;
  return from;
}

function nameRunAfter(words: Word[], j: number, lex: PlacesLexicon): number {
  let to = j;
  for (let i = j; i < words.length && i < j + 4; i++) {
    const x = words[i]!;
    if (x.isWord && x.cap && (x.classes & NAME_CONTINUATION) === 0) to = i + 1;
    else if (x.isWord && ARABIC_ARTICLES.has(x.key) && words[i + 1]?.cap) continue;
    else if (x.text === '-' && x.gluedLeft) continue;
    else if (!x.isWord && /^\d+$/.test(x.text) && i === j) to = i + 1;
    else break;
  }
  return to;
}

/**
 * A run names a site when some word in it is a proper name, not a generic word ("Coalition
 * base"), a demonym ("Iraqi base"), an app or product ("Telegram channel") or, before a
 * lower-case head, a country ("U.S. base").
 */
function properEnough(run: Word[], names: PlaceMatch[], from: number, to: number, lex: PlacesLexicon, headCap: boolean, strength: 'strong' | 'weak'): boolean {
  if (run.length === 0) return false;
  if (strength === 'weak') return run.some((x) => x.cap);
  const countryInside = names.some((m) => m.from >= from && m.to <= to && m.hits.some((h) => h.entry.kind === 'country' || h.entry.kind === 'region'));
  const proper = run.some((x) => x.cap && !lex.genericNameWords.has(x.key) && (x.classes & DEMONYM) === 0 && !lex.stopNames.has(x.key) && !lex.productNames.has(x.key));
  if (headCap) return proper || countryInside;
  return proper && !(countryInside && run.length === 1);
}

/** A place mention right after the head, through a locative word: "the Government Center (complex) in Ramadi". */
function placeFollows(words: Word[], j: number, names: PlaceMatch[], lex: PlacesLexicon): boolean {
  if (words[j] && !words[j]!.cap && lex.weakSiteWords.has(words[j]!.key)) j++;
  const next = words[j];
  if (!next || (next.classes & LOCATIVE) === 0) return false;
  return names.some((m) => m.from === j + 1 || (m.from === j + 2 && words[j + 1]!.key === 'the'));
}

function siteMatch(words: Word[], sentence: number, from: number, to: number, kind: PlaceKind): PlaceMatch {
  const start = words[from]!.start;
  const end = words[to - 1]!.end;
  const name = words.slice(from, to).map((w, i) => (i > 0 && !w.gluedLeft ? ' ' : '') + w.text).join('');
  return {
    sentence,
    from,
    to,
    start,
    end,
    hits: [{ entry: syntheticSite(name, kind), form: null }],
    via: 'site',
    usage: 'noun',
    reason: '',
    locative: false,
    qualified: false,
  };
}

/** A fresh entry per mention: its country is the article's business (resolve.ts), never shared. */
function syntheticSite(name: string, kind: PlaceKind): GazetteerEntry {
  return makeEntry({ id: `${kind}:${name.toLowerCase().replace(/\s+/g, ' ')}`, name, kind, country: null });
}
