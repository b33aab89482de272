import { makeEntry } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { ARABIC_ARTICLES } from './normalize.js';
import { DEMONYM, LOCATIVE, NAME_CONTINUATION, PLACE_INTRODUCER } from './word-classes.js';
import type { Word } from './words.js';

/**
 * Villages and towns no gazetteer lists, where the text itself says they are places:
 * "near as-Shafah, Syria" (a locative word, a proper name, and the country or division
 * containing it) or "the village of Umm Hawsh". They become kind "other": their country is
 * known (or found from the article later) but not their coordinates.
 */
export function findUnlistedPlaces(words: Word[], sentence: number, matches: PlaceMatch[], lex: PlacesLexicon): PlaceMatch[] {
  // Made on the first find: most sentences have none.
  let added: PlaceMatch[] | undefined;
  let replaced: Set<PlaceMatch> | undefined;
  // A located name needs a place after a comma to give its country ("near as-Shafah, Syria"):
  // in a sentence with none, only "the village of" can introduce one.
  const commaPlace = placeAfterComma(words, matches);
  // No closures in this loop: they would cost a context object at every word.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.isWord || w.cap) continue;
    let from = -1;
    let introduced = false;
    if (w.classes & LOCATIVE) {
      if (commaPlace) from = i + 1;
    } else if (w.key === 'of' && i > 0 && words[i - 1]!.classes & PLACE_INTRODUCER && !words[i - 1]!.cap) {
      from = i + 1;
      introduced = true;
    }
    if (from < 0) continue;
    const to = properRun(words, from, lex);
    if (to === from) continue;
    const found = unlistedPlace(words, sentence, matches, from, to, introduced);
    if (!found) continue;
    replaced ??= new Set();
    for (const m of found.inside) replaced.add(m);
    (added ??= []).push(found.place);
    i = to - 1;
  }
  if (!added) return matches;
  const gone = replaced;
  return [...(gone ? matches.filter((m) => !gone.has(m)) : matches), ...added].sort((a, b) => a.from - b.from);
}

/** Whether some match follows a comma. */
function placeAfterComma(words: Word[], matches: PlaceMatch[]): boolean {
  for (const m of matches) if (m.from > 0 && words[m.from - 1]!.text === ',') return true;
  return false;
}

/** The place the run of words [from, to) names, with the gazetteer matches it replaces; null when it names none. */
function unlistedPlace(words: Word[], sentence: number, matches: PlaceMatch[], from: number, to: number, introduced: boolean): { place: PlaceMatch; inside: PlaceMatch[] } | null {
  let country: string | null = null;
  if (words[to]?.text === ',') {
    const container = matches.find((m) => m.from === to + 1);
    const holder = container?.hits.find((h) => h.entry.kind === 'country') ?? container?.hits.find((h) => h.entry.kind === 'admin1' && h.entry.curated);
    country = holder?.entry.country ?? null;
  }
  if (!country && !introduced) return null;
  // A gazetteer name in the run that has no reading in that country is some namesake
  // elsewhere ("Shafah" in Saudi Arabia for "as-Shafah, Syria"): the text's place replaces it.
  const inside = matches.filter((m) => m.from < to && from < m.to);
  const namesake = (m: PlaceMatch) => m.from >= from && m.to <= to && country !== null && m.hits.every((h) => !h.entry.curated && h.entry.kind !== 'country' && h.entry.country !== country);
  if (inside.length && !inside.every(namesake)) return null;
  const name = words.slice(from, to).map((x, k) => (k > 0 && !x.gluedLeft ? ' ' : '') + x.text).join('');
  const place: PlaceMatch = {
    sentence,
    from,
    to,
    start: words[from]!.start,
    end: words[to - 1]!.end,
    hits: [{ entry: makeEntry({ id: `other:${name.toLowerCase()}`, name, kind: 'other', country }), form: null }],
    via: 'site',
    usage: 'noun',
    reason: introduced ? 'introduced as a settlement' : 'located, then its country',
    locative: true,
    qualified: country !== null,
  };
  return { place, inside };
}

/** Up to four capitalized words (with inner Arabic articles and hyphens): "as-Shafah", "Umm Hawsh", "Al Bab". */
function properRun(words: Word[], from: number, lex: PlacesLexicon): number {
  let to = from;
  for (let j = from; j < words.length && j < from + 6; j++) {
    const x = words[j]!;
    if (x.isWord && x.cap && !x.upper && (x.classes & DEMONYM) === 0 && !lex.genericNameWords.has(x.key) && !lex.stopNames.has(x.key) && (x.classes & NAME_CONTINUATION) === 0) to = j + 1;
    else if ((x.isWord && !x.cap && ARABIC_ARTICLES.has(x.key)) || (x.text === '-' && x.gluedLeft)) continue;
    else break;
  }
  return to - from > 4 ? from : to;
}
