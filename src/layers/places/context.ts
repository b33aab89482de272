import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { DEMONYM, DEMONYM_START } from './word-classes.js';
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
      if (w.key === 'the' || lex.directions.has(w.key) || (!w.cap && lex.placeIntroducers.has(w.key))) j--;
      else if (w.key === 'of' && words[j - 1] && lex.placeIntroducers.has(words[j - 1]!.key)) j -= 2;
      else break;
    }
    const w = words[j];
    if (!w) continue;
    if (w.isWord && lex.locatives.has(w.key) && (!w.cap || w.sentenceInitial)) {
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
  const add = (c: string | null | undefined, n = 1) => {
    if (c) into.set(c, (into.get(c) ?? 0) + n);
  };
  for (const m of matches) {
    if (m.usage === 'embedded' && m.via !== 'site') continue;
    const countries = m.hits.filter((h) => h.entry.kind === 'country');
    if (countries.length) {
      // "Georgia" may be the U.S. state: a country name that is also a division elsewhere proves nothing.
      const rival = m.hits.some((h) => h.entry.kind === 'admin1' && !countries.some((c) => c.entry.country === h.entry.country));
      if (!rival) for (const h of countries) add(h.entry.country);
      continue;
    }
    const curated = new Set(m.hits.filter((h) => h.entry.curated).map((h) => h.entry.country));
    if (curated.size === 1) add([...curated][0]);
    // A division ("Kentucky", "Anbar") or a pinned pair ("Tampa, Fla.") names its country too.
    const divisions = new Set(m.hits.filter((h) => h.entry.kind === 'admin1').map((h) => h.entry.country));
    const rivalCity = m.hits.some((h) => h.entry.kind === 'city' && !divisions.has(h.entry.country) && h.entry.population >= 100_000);
    // Only a division the text locates counts: "Michael" (a parish of Man) must not vouch for itself.
    const located = m.locative || m.qualified || m.restrictKind === 'admin1';
    if (curated.size === 0 && divisions.size === 1 && !rivalCity && located && m.usage !== 'embedded') add([...divisions][0]);
    else if (m.qualified && curated.size === 0) {
      const all = new Set(m.hits.map((h) => h.entry.country));
      if (all.size === 1) add([...all][0]);
    }
    if (m.via === 'dateline' || m.via === 'division') {
      const all = new Set(m.hits.map((h) => h.entry.country));
      if (all.size === 1) add([...all][0], 2);
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.isWord || !w.cap || (w.classes & (DEMONYM | DEMONYM_START)) === 0) continue;
    const next = words[i + 1];
    const two = next?.isWord && w.classes & DEMONYM_START ? lex.demonyms.get(`${w.key} ${next.key}`) : undefined;
    if (two) {
      add(two);
      i++;
      continue;
    }
    add(lex.demonyms.get(w.key));
  }
}
