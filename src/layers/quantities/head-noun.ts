import pluralize from 'pluralize';
import type { QuantityLexicon } from './lexicon.js';
import type { TokenView } from './token-view.js';

/** The noun a number counts, with the unit lemma reported for it. */
export interface HeadNoun {
  /** Token indices of the unit's first word (a multi-word unit starts before the head) and of the head. */
  first: number;
  last: number;
  lemma: string;
}

// Nothing between a number and its noun runs longer than this ("5,700 adult male ISIS fighters").
const MAX_WALK = 6;

/** "killed", "detained", "serving": a participle that ends a noun phrase, unless a listed noun ("building"). */
export function looksLikeVerbForm(lex: QuantityLexicon, norm: string): boolean {
  if (lex.verbLikeNouns.has(norm)) return false;
  return (norm.length >= 5 && /[^e]ed$/.test(norm)) || (norm.length >= 6 && norm.endsWith('ing'));
}

/**
 * Walks from token `from` over the words that can stand between a number and its noun:
 * adjectives, nationality and organisation names, compound modifiers ("U.S.-only"), calibers
 * ("107mm"), and stops at function words and punctuation. After a number other than one the
 * head is the first plural noun (a run of plurals ends at the last: "SDF fighters"); after
 * one it is the last word before the walk stops. In a `partitive` whole ("of the 18 charges")
 * the walk also passes over numbers.
 */
export function findHeadNoun(view: TokenView, lex: QuantityLexicon, from: number, plural: boolean, partitive = false): HeadNoun | null {
  let head = -1;
  let steps = 0;
  for (let k = from; k < view.hi && steps < MAX_WALK; k++, steps++) {
    const t = view.tok(k)!;
    if (t.kind === 'punct') {
      if ((t.text === '-' || t.text === '–') && head < 0 && view.glued(k - 1) && view.glued(k)) {
        // "two F-16s": a model name in the plural is the counted noun.
        const model = modelPlural(view, k);
        if (model) return model;
        // "U.S.-only", "Iran-backed", "A330-200": a hyphen inside a modifier, walked over with what follows.
        if (view.isWord(k + 1) || view.tok(k + 1)?.kind === 'number') {
          k++;
          continue;
        }
      }
      break;
    }
    if (t.kind === 'number') {
      // A caliber between the number and its noun ("18 107mm rockets").
      if (head < 0 && view.glued(k) && view.isWord(k + 1)) {
        k++;
        continue;
      }
      // A model number ("18 777s", "22 Boeing 787 Dreamliners", "20 A320 jets").
      if (head < 0 && k > from && (view.glued(k - 1) || view.capitalized(k - 1))) {
        if (/^\d+s$/.test(t.text)) return { first: k, last: k, lemma: t.text.slice(0, -1) };
        continue;
      }
      if (head < 0 && /^\d+s$/.test(t.text) && !view.glued(k)) return { first: k, last: k, lemma: t.text.slice(0, -1) };
      // "two 500-pound bombs": a compound modifier with a number in it.
      if (head < 0 && view.glued(k) && (view.norm(k + 1) === '-' || view.norm(k + 1) === '–') && view.glued(k + 1) && view.isWord(k + 2)) {
        k += 2;
        continue;
      }
      // "five new 737 aircraft", "16 of the 18 charges": a model number before a noun, or the
      // own number of the whole a partitive takes from.
      if (head < 0 && (partitive || (view.isWord(k + 1) && !lex.stopWords.has(view.norm(k + 1)!) && !view.glued(k)))) continue;
      break;
    }
    const w = t.norm;
    if (lex.calendarWords.has(t.text)) break;
    // "IS", "US" in capitals are names, not the words "is" and "us".
    // "A320": a letter glued to a model number is no article either.
    if (lex.stopWords.has(w) && !isAcronym(t.text) && !(view.glued(k) && view.tok(k + 1)?.kind === 'number')) {
      if ((w === 'and' || w === 'or') && head < 0 && !plural) break;
      // "hundreds of American and coalition service members": coordinated modifiers before the noun.
      if ((w === 'and' || w === 'or') && head < 0 && k > from && !looksLikeVerbForm(lex, view.norm(k - 1) ?? '') && view.isWord(k + 1) && !lex.stopWords.has(view.norm(k + 1)!)) continue;
      break;
    }
    // One-letter abbreviations ("m", "t") count only in lower case and standing alone ("180 M109A5" is a model).
    const abbreviatedUnit = lex.unitAliases.has(w) && !lex.invariantPlurals.has(w) && w !== 'people' && w !== 'persons' && (w.length > 1 || (t.text === w && !view.glued(k)));
    if (abbreviatedUnit || lex.measureUnits.has(w)) {
      // Units of measure ("10 km", "325 kilometer northwest") are heads whatever their number.
      if (head < 0) head = k;
      break;
    }
    if (plural) {
      // "10 years cities": a time unit ends the noun (the number is a duration).
      if (head >= 0 && lex.timeUnits.has(singularOf(view.norm(head)!))) break;
      if (isPluralNoun(view, lex, k)) head = k;
      else if (head >= 0) break;
    } else {
      if (head >= 0 && (looksLikeVerbForm(lex, w) || lex.irregularVerbForms.has(w))) break;
      if (w.includes("'")) break;
      head = k;
    }
  }
  if (head < 0) return null;
  return unitOf(view, lex, head);
}

/** "F-16s" in "two F-16s" (hyphen at k): the model name in the plural, as the unit "F-16". */
function modelPlural(view: TokenView, k: number): HeadNoun | null {
  const name = view.tok(k - 1);
  const figure = view.tok(k + 1);
  if (!name || !figure || !view.isWord(k - 1) || !/^\d+s$/.test(figure.text) || view.glued(k + 1)) return null;
  return { first: k - 1, last: k + 1, lemma: view.text.slice(name.start, figure.end - 1) };
}

const isAcronym = (text: string) => text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase();

export function isPluralNoun(view: TokenView, lex: QuantityLexicon, k: number): boolean {
  const t = view.tok(k);
  if (!t || (t.kind !== 'word' && t.kind !== 'abbrev')) return false;
  const w = t.norm;
  if (lex.invariantPlurals.has(w)) return true;
  if (lex.notPlural.has(w) || w.includes("'") || w.length < 3) return false;
  // Acronyms are modifiers ("ISIS", "IS", "US") unless they take a small plural s ("IEDs").
  if (t.text === t.text.toUpperCase()) return false;
  return isOnlyPlural(w);
}

const CAPITALIZED_WORD = /^\p{Lu}\p{Ll}/u;
const LOWER_FIRST = /^\p{Ll}/u;

/** The unit lemma of a head noun, extended to a known multi-word unit ("service member"). */
export function unitOf(view: TokenView, lex: QuantityLexicon, head: number): HeadNoun {
  const t = view.tok(head)!;
  let lemma = lemmaOf(lex, t.text, t.norm);
  // "Palestinians", "Marines": a capitalized noun inside the sentence keeps its capital.
  if (head > view.lo && CAPITALIZED_WORD.test(t.text) && LOWER_FIRST.test(lemma)) lemma = lemma.charAt(0).toUpperCase() + lemma.slice(1);
  let first = head;
  // A multi-word unit ends with the lemma, an alias's key with the word as written; most heads end neither.
  const ends = multiWordEnds(lex);
  if (!ends.units.has(lemma) && !ends.aliases.has(t.norm)) return { first, last: head, lemma };
  for (let n = 2; n >= 1; n--) {
    if (!view.isWord(head - n)) continue;
    const words: string[] = [];
    for (let k = head - n; k < head; k++) words.push(view.norm(k)!);
    const phrase = `${words.join(' ')} ${lemma}`;
    const rawPhrase = `${words.join(' ')} ${t.norm}`;
    const alias = lex.unitAliases.get(rawPhrase);
    if (lex.multiWordUnits.has(phrase) || alias !== undefined) {
      lemma = alias ?? phrase;
      first = head - n;
      break;
    }
  }
  return { first, last: head, lemma };
}

interface MultiWordEnds {
  /** What follows a space in some multi-word unit ("member" and "service member" of "navy service member"). */
  units: Set<string>;
  /** The same for the multi-word keys of unit aliases. */
  aliases: Set<string>;
}

const endsByLexicon = new WeakMap<QuantityLexicon, MultiWordEnds>();

function multiWordEnds(lex: QuantityLexicon): MultiWordEnds {
  let ends = endsByLexicon.get(lex);
  if (!ends) {
    ends = { units: tailsAfterSpaces(lex.multiWordUnits), aliases: tailsAfterSpaces(lex.unitAliases.keys()) };
    endsByLexicon.set(lex, ends);
  }
  return ends;
}

function tailsAfterSpaces(phrases: Iterable<string>): Set<string> {
  const tails = new Set<string>();
  for (const p of phrases) for (let s = p.indexOf(' '); s >= 0; s = p.indexOf(' ', s + 1)) tails.add(p.slice(s + 1));
  return tails;
}

function lemmaOf(lex: QuantityLexicon, text: string, norm: string): string {
  const alias = lex.unitAliases.get(norm) ?? lex.singularExceptions.get(norm);
  if (alias !== undefined) return alias;
  if (lex.invariantPlurals.has(norm)) return norm;
  // Acronyms keep their capitals: "IEDs" -> "IED", "F-16s" -> "F-16".
  if (/^[A-Z0-9-]{2,}s$/.test(text)) return text.slice(0, -1);
  if (/^\d+s$/.test(text)) return text.slice(0, -1);
  return singularOf(norm);
}

// pluralize runs its rule lists on every call; news reuses a small vocabulary, so its answers
// are kept per word. The caches are emptied when they grow large, so memory stays bounded.
const MAX_REMEMBERED = 50_000;
const singulars = new Map<string, string>();
const onlyPlurals = new Map<string, boolean>();

function singularOf(word: string): string {
  let s = singulars.get(word);
  if (s === undefined) {
    if (singulars.size >= MAX_REMEMBERED) singulars.clear();
    s = pluralize.singular(word);
    singulars.set(word, s);
  }
  return s;
}

/** A plural form that is not also a singular ("troops", not "news" or "sheep"). */
function isOnlyPlural(word: string): boolean {
  let p = onlyPlurals.get(word);
  if (p === undefined) {
    if (onlyPlurals.size >= MAX_REMEMBERED) onlyPlurals.clear();
    p = pluralize.isPlural(word) && !pluralize.isSingular(word);
    onlyPlurals.set(word, p);
  }
  return p;
}
