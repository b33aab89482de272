import type { NameHit } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { DEMONYM, DEMONYM_START, DIRECTION, LOCATIVE, PLACE_INTRODUCER } from './word-classes.js';
import type { Word } from './words.js';

/**
 * Marks matches that stand where a location is expected: after a locative word ("in
 * Tikrit", "near the town of Hajin", "in eastern Syria"), in a list that began so ("at
 * Tikrit, Bayji, al Hawl, and Sinjar"), or after a possessive place ("Syria's Deir
 * el-Zour", which also pins the country).
 */
export function markLocatives(words: Word[], matches: PlaceMatch[], lex: PlacesLexicon): void {
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    let j = m.from - 1;
    for (;;) {
      const w = words[j];
      if (!w || !w.isWord) break;
      if (w.key === 'the' || w.classes & DIRECTION || (!w.cap && w.classes & PLACE_INTRODUCER)) j--;
      else if (w.key === 'of' && words[j - 1] && words[j - 1]!.classes & PLACE_INTRODUCER) j -= 2;
      else break;
    }
    const w = words[j];
    if (!w) continue;
    if (w.classes & LOCATIVE && (!w.cap || w.sentenceInitial)) {
      m.locative = true;
      m.setting = lex.settings.has(w.key);
      continue;
    }
    if (w.isWord && w.possessive) {
      const owner = matches.find((o) => o.to - 1 === j);
      const country = owner?.hits.find((h) => h.entry.kind === 'country')?.entry.country;
      if (owner && country) {
        m.locative = true;
        if (m.hits.some((h) => h.entry.country === country)) m.restrictCountry = country;
      }
      continue;
    }
    // A list: ", X", ", and X", "and X" after a located place.
    let i = j;
    if (words[i]?.key === 'and' || words[i]?.key === 'or') i--;
    if (words[i]?.text === ',') i--;
    if (i === j) continue;
    const before = matches.find((o) => o.to - 1 === i);
    if (before?.locative) {
      m.locative = true;
      m.setting = before.setting;
    }
  }
}

/** Countries the article is about: named countries (as nouns or modifiers), demonyms, curated places, datelines. */
export function countEvidence(words: Word[], matches: PlaceMatch[], lex: PlacesLexicon, into: Map<string, number>): void {
  for (const m of matches) {
    if (m.usage === 'embedded' && m.via !== 'site') continue;
    const hits = m.hits;
    if (hits.some(isCountry)) {
      // "Georgia" may be the U.S. state: a country name that is also a division elsewhere proves nothing.
      if (!hasRivalDivision(hits)) for (const h of hits) if (h.entry.kind === 'country') add(into, h.entry.country);
      continue;
    }
    const curated = distinctCountries(hits, CURATED);
    if (curated === 1) add(into, firstCountry(hits, CURATED));
    // A division ("Kentucky", "Anbar") or a pinned pair ("Tampa, Fla.") names its country too.
    // Only a division the text locates counts: "Michael" (a parish of Man) must not vouch for itself.
    const located = m.locative || m.qualified || m.restrictKind === 'admin1';
    if (curated === 0 && located && m.usage !== 'embedded' && distinctCountries(hits, ADMIN1) === 1 && !hasRivalCity(hits, firstCountry(hits, ADMIN1))) add(into, firstCountry(hits, ADMIN1));
    else if (m.qualified && curated === 0 && distinctCountries(hits, ANY) === 1) add(into, firstCountry(hits, ANY));
    if ((m.via === 'dateline' || m.via === 'division') && distinctCountries(hits, ANY) === 1) add(into, firstCountry(hits, ANY), 2);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.isWord || !w.cap || (w.classes & (DEMONYM | DEMONYM_START)) === 0) continue;
    const next = words[i + 1];
    const two = next?.isWord && w.classes & DEMONYM_START ? lex.demonyms.get(`${w.key} ${next.key}`) : undefined;
    if (two) {
      add(into, two);
      i++;
      continue;
    }
    add(into, lex.demonyms.get(w.key));
  }
}

function add(into: Map<string, number>, country: string | null | undefined, n = 1): void {
  if (country) into.set(country, (into.get(country) ?? 0) + n);
}

const isCountry = (h: NameHit) => h.entry.kind === 'country';

/** A division reading in a country no country reading of the match is. */
function hasRivalDivision(hits: readonly NameHit[]): boolean {
  for (const d of hits) {
    if (d.entry.kind !== 'admin1') continue;
    if (!hits.some((c) => c.entry.kind === 'country' && c.entry.country === d.entry.country)) return true;
  }
  return false;
}

/** A large city reading outside the country of the match's division readings. */
function hasRivalCity(hits: readonly NameHit[], divisionCountry: string | null | undefined): boolean {
  for (const h of hits) if (h.entry.kind === 'city' && h.entry.country !== divisionCountry && h.entry.population >= 100_000) return true;
  return false;
}

/** Which readings distinctCountries and firstCountry look at. */
const ANY = 0;
const CURATED = 1;
const ADMIN1 = 2;

function selected(h: NameHit, which: number): boolean {
  return which === ANY || (which === CURATED ? h.entry.curated : h.entry.kind === 'admin1');
}

/** How many countries (null is one) the selected readings are in: 0, 1, or 2 for two or more. */
function distinctCountries(hits: readonly NameHit[], which: number): number {
  let first: string | null | undefined;
  let n = 0;
  for (const h of hits) {
    if (!selected(h, which)) continue;
    if (n === 0) {
      first = h.entry.country;
      n = 1;
    } else if (h.entry.country !== first) return 2;
  }
  return n;
}

/** The country of the first selected reading. */
function firstCountry(hits: readonly NameHit[], which: number): string | null | undefined {
  for (const h of hits) if (selected(h, which)) return h.entry.country;
  return undefined;
}
