import type { Gazetteer } from './gazetteer.js';
import type { HeadPhrases } from './find-sites.js';
import type { PlacesLexicon } from './lexicon.js';
import { ARABIC_ARTICLES } from './normalize.js';

/**
 * The word lists the place rules consult at every word, or around every match, folded into
 * one map from word key to bits: a word costs one look-up when its sentence is read
 * (words.ts), and each rule then tests a bit instead of probing its own set with the same key.
 * Every word's bits are complete, so a rule may test any bit of any word.
 */
export type WordClasses = ReadonlyMap<string, number>;

/** A name may start with this word written in lower case: an Arabic article ("al Hawl") or a lower-case form's first word ("the West"). */
export const LOWER_NAME_START = 1;
/** First word of a site or feature head phrase ("air" of "air base", "camp"). */
export const HEAD_START = 2;
/** A locative preposition ("in", "near"). */
export const LOCATIVE = 4;
/** A one-word demonym ("iraqi"), or the first word of a two-word one ("south" of "south sudanese"). */
export const DEMONYM = 8;
export const DEMONYM_START = 16;
/** A direction ("north", "southeast"): "in northern Syria" still sets a scene. */
export const DIRECTION = 32;
/** A word that introduces a settlement's name ("village", "town"). */
export const PLACE_INTRODUCER = 64;
/** A capitalized word that continues a name rather than starting a new one. */
export const NAME_CONTINUATION = 128;

export function wordClasses(gazetteer: Gazetteer, lex: PlacesLexicon, heads: HeadPhrases): WordClasses {
  const classes = new Map<string, number>();
  const mark = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) classes.set(k, (classes.get(k) ?? 0) | bit);
  };
  mark(ARABIC_ARTICLES, LOWER_NAME_START);
  mark(gazetteer.lowerCaseFirstWords(), LOWER_NAME_START);
  mark(heads.byFirstWord.keys(), HEAD_START);
  mark(lex.locatives, LOCATIVE);
  mark(lex.demonyms.keys(), DEMONYM);
  mark(lex.demonymFirstWords, DEMONYM_START);
  mark(lex.directions, DIRECTION);
  mark(lex.placeIntroducers, PLACE_INTRODUCER);
  mark(lex.nameContinuations, NAME_CONTINUATION);
  return classes;
}
