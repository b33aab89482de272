export { tokenAtOrAfter, tokenEndingBy } from '../../doc/token-search.js';
import type { Token } from '../../doc/tokens.js';
import type { QuotesLexicon } from './lexicon.js';
import { isCapitalized, tokenFacts, type TokenFacts } from './token-facts.js';

export { isCapitalized } from './token-facts.js';

/** A run of tokens, by index into `doc.tokens`, both ends included. */
export interface TokenSpan {
  first: number;
  last: number;
}

// insidePhrase asks these of most tokens of a sentence: ASCII is answered by character codes
// (no upper-cased copy, no regex), anything else as before.
function isAllCapitals(text: string): boolean {
  let ascii = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) ascii = false;
  }
  return ascii || text === text.toUpperCase();
}

function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text);
}

// Longest speaker phrase we accept: "U.S. Army Maj. Gen. Kevin Lambert" is 9 tokens with periods.
const MAX_PHRASE_TOKENS = 16;
const MAX_APPOSITION_TOKENS = 18;
const DOUBLE_MARKS = new Set(['"', '“', '”']);

/** A norm without its trailing period ("gen." → "gen"), as titles are listed. */
export const withoutPeriod = (norm: string): string => (norm.endsWith('.') ? norm.slice(0, -1) : norm);

/** A norm without a possessive "'s" ("austin's" → "austin"). */
export const withoutPossessive = (norm: string): string => (norm.endsWith("'s") ? norm.slice(0, -2) : norm);

/** Tokens of a span that are words (not punctuation). */
export const wordsIn = (tokens: readonly Token[], span: TokenSpan): Token[] =>
  tokens.slice(span.first, span.last + 1).filter((t) => t.kind !== 'punct');

export function isPronoun(t: Token | undefined, lex: QuotesLexicon): boolean {
  return t !== undefined && (lex.personPronouns.has(t.norm) || lex.groupPronouns.has(t.norm) || lex.thingPronouns.has(t.norm));
}

const isRoleWord = (t: Token, lex: QuotesLexicon) => lex.roleNouns.has(t.norm) || lex.pluralRoleNouns.has(t.norm);
const PARTICIPLE_ENDING = /(?:ed|ing)$/;

/** Whether a token can sit inside a speaker noun phrase, given its neighbours. */
function insidePhrase(tokens: readonly Token[], facts: TokenFacts, k: number, lex: QuotesLexicon): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (t.kind === 'number') return true;
  if (t.kind === 'word' || t.kind === 'abbrev') {
    // "States" in "United States" is a name, "states" a verb.
    if (!facts.capitalized(k) && facts.verbLike(k)) return false;
    // "president and CEO of Boeing Commercial Airplanes": "and" between two roles.
    if (t.norm === 'and') return prev !== undefined && next !== undefined && facts.roleWord(k - 1) && (facts.roleWord(k + 1) || titleLengthAt(tokens, k + 1, k + 4, lex) > 0);
    // "US" in capitals is the country, not the pronoun.
    if (t.text.length > 1 && isAllCapitals(t.text)) return true;
    if (facts.phraseStop(k)) return false;
    if (startsUpper(t.text)) return true;
    if (t.norm.endsWith("n't")) return false;
    // A participle ("welcomed", "saying") is a verb unless a determiner makes it a modifier
    // ("an unnamed official", "the commanding general", "U.S.-based").
    if (t.norm.length > 4 && PARTICIPLE_ENDING.test(t.norm) && !facts.roleWord(k)) {
      return prev !== undefined && (facts.determiner(k - 1) || prev.kind === 'number' || (prev.text === '-' && prev.end === t.start));
    }
    return true;
  }
  if (t.text === '.') {
    // The period of "Lt." or of an initial ("Sean B. MacFarland"), followed by more of the name.
    return prev !== undefined && prev.end === t.start && isCapitalized(prev) && prev.text.length <= 4 && (isCapitalized(next) || next?.kind === 'number');
  }
  if (t.text === '-' || t.text === '–' || t.text === '&') {
    return prev !== undefined && next !== undefined && prev.end === t.start && next.start === t.end;
  }
  // A nickname in quotation marks inside a name: Michael “Erik” Kurilla.
  if (DOUBLE_MARKS.has(t.text)) return isCapitalized(prev) && isCapitalized(next);
  return false;
}

function trimPhrase(tokens: readonly Token[], first: number, last: number, lex: QuotesLexicon): TokenSpan | null {
  while (first <= last && tokens[first]!.kind === 'punct') first++;
  while (last >= first && tokens[last]!.kind === 'punct') last--;
  if (first > last) return null;
  // A phrase of determiners and numbers alone names nobody.
  const facts = tokenFacts(tokens, lex);
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct' && t.kind !== 'number' && !facts.determiner(k)) return { first, last };
  }
  return null;
}

/**
 * The speaker noun phrase that ends at token `last`, scanning left no further than `floor`:
 * "a senior Defense Department official", "Ms. Singh", "he". Returns null when the token
 * at `last` cannot end a noun phrase.
 */
export function phraseEndingAt(tokens: readonly Token[], last: number, floor: number, lex: QuotesLexicon): TokenSpan | null {
  if (last < floor || last < 0) return null;
  const facts = tokenFacts(tokens, lex);
  if (facts.pronoun(last)) return { first: last, last };
  let first = last + 1;
  for (let k = last; k >= floor && last - k < MAX_PHRASE_TOKENS; k--) {
    if (insidePhrase(tokens, facts, k, lex)) { first = k; continue; }
    const t = tokens[k]!;
    // "the Smart Dubai Office (SDO) said": the phrase ends before a short parenthesis.
    if (t.text === ')' && k === last) {
      let open = k - 1;
      while (open >= floor && k - open <= 6 && tokens[open]!.text !== '(' && tokens[open]!.text !== ')') open--;
      if (open > floor && tokens[open]!.text === '(' && open < k - 1) { last = open - 1; first = open; k = open; continue; }
    }
    if (lex.postmodifierPrepositions.has(t.norm) && k - 1 >= floor && first <= last && isRoleWord(tokens[k - 1]!, lex)) { first = k; continue; }
    // "a source close to McGregor", "officials familiar with the talks"
    if ((t.norm === 'to' || t.norm === 'with') && first <= last && k - 2 >= floor && lex.postmodifierAdjectives.has(tokens[k - 1]!.norm) && isRoleWord(tokens[k - 2]!, lex)) {
      first = k - 1;
      k--;
      continue;
    }
    break;
  }
  if (first > last) return null;
  return trimPhrase(tokens, first, last, lex);
}

/** The speaker noun phrase that starts at token `first`, scanning right no further than `ceil` (exclusive). */
export function phraseStartingAt(tokens: readonly Token[], first: number, ceil: number, lex: QuotesLexicon): TokenSpan | null {
  if (first >= ceil) return null;
  const facts = tokenFacts(tokens, lex);
  if (facts.pronoun(first)) return { first, last: first };
  let last = first - 1;
  let named = false;
  for (let k = first; k < ceil && k - first < MAX_PHRASE_TOKENS; k++) {
    if (!insidePhrase(tokens, facts, k, lex)) break;
    const t = tokens[k]!;
    // After a name, a word in lower case is the verb ("President Dmitry Medvedev went on …")
    // unless a role noun follows ("Iraqi government spokesman Basim al-Awadi").
    if (named && t.kind === 'word' && !facts.capitalized(k) && t.norm !== 'of' && t.norm !== 'for' && !facts.nameParticle(k) && !roleAhead(tokens, facts, k, ceil)) break;
    if (facts.capitalized(k)) named = true;
    last = k;
  }
  if (last < first) return null;
  return trimPhrase(tokens, first, last, lex);
}

// Lower-case words after a name stay in the phrase when a role or another name follows them
// ("Suffolk City chief of detectives Gerard Gigante").
function roleAhead(tokens: readonly Token[], facts: TokenFacts, k: number, ceil: number): boolean {
  for (let j = k; j < ceil && j < k + 3; j++) {
    const t = tokens[j]!;
    if (facts.roleWord(j)) return true;
    if (j > k && facts.capitalized(j)) return true;
    if (t.kind !== 'word' || facts.phraseStop(j) || PARTICIPLE_ENDING.test(t.norm)) return false;
  }
  return false;
}

/** Whether a run of tokens holds a role noun ("commander", "CEO"), titles aside. */
function holdsRoleNoun(tokens: readonly Token[], span: TokenSpan, lex: QuotesLexicon): boolean {
  const facts = tokenFacts(tokens, lex);
  for (let k = span.first; k <= span.last; k++) if (facts.roleWord(k) && titleLengthAt(tokens, k, span.last + 1, lex) === 0) return true;
  return false;
}

/** Whether a run of tokens holds a role noun or a title: what an apposition about a person needs. */
export function holdsRole(tokens: readonly Token[], span: TokenSpan, lex: QuotesLexicon): boolean {
  const facts = tokenFacts(tokens, lex);
  for (let k = span.first; k <= span.last; k++) {
    if (facts.roleWord(k)) return true;
    if (titleLengthAt(tokens, k, span.last + 1, lex) > 0 && !lex.honorifics.has(tokens[k]!.norm)) return true;
  }
  return false;
}

/**
 * The apposition after a speaker phrase, starting after the comma at `comma`:
 * ", commander of the Combined Joint Task Force – Operation Inherent Resolve." It must
 * name a role; it ends at the next comma, the sentence end, or a clause opener ("who").
 */
export function appositionAfter(tokens: readonly Token[], comma: number, ceil: number, lex: QuotesLexicon): TokenSpan | null {
  if (tokens[comma]?.text !== ',') return null;
  const facts = tokenFacts(tokens, lex);
  let last = comma;
  for (let k = comma + 1; k < ceil && k - comma <= MAX_APPOSITION_TOKENS; k++) {
    const t = tokens[k]!;
    if (t.text === '-' || t.text === '–' || t.text === '—') {
      // A dash inside a name ("Combined Joint Task Force – Operation Inherent Resolve").
      if (isCapitalized(tokens[k + 1]) && isCapitalized(tokens[k - 1])) { last = k; continue; }
      break;
    }
    if (!insidePhrase(tokens, facts, k, lex)) break;
    last = k;
  }
  if (last === comma) return null;
  const span = trimPhrase(tokens, comma + 1, last, lex);
  return span && holdsRole(tokens, span, lex) ? span : null;
}

/** What stands between two commas before a speech verb: "X, <this>, said". */
export type CommaSegment =
  | { kind: 'apposition'; span: TokenSpan; openingComma: number } // Gen. X, U.S. Central Command commander, said
  | { kind: 'relative'; openingComma: number } // The official, who spoke on condition of anonymity, said
  | { kind: 'name'; span: TokenSpan; openingComma: number }; // the store's owner, Ameer Karass, said

const SEGMENT_BREAKS = new Set(['.', '!', '?', ';', ':', '"', '“', '”', "'", '‘', '’']);

/** Reads the stretch between the comma `comma` and the comma before it, if that is all one phrase or clause. */
export function segmentBeforeComma(tokens: readonly Token[], comma: number, floor: number, lex: QuotesLexicon): CommaSegment | null {
  if (tokens[comma]?.text !== ',') return null;
  for (let k = comma - 1; k >= floor && comma - k <= MAX_APPOSITION_TOKENS + 6; k--) {
    const t = tokens[k]!;
    if (t.text === ',') {
      const span = trimPhrase(tokens, k + 1, comma - 1, lex);
      if (!span) return null;
      const head = tokens[span.first]!.norm;
      // A relative or participial clause ("who spoke on condition of anonymity", "speaking in Doha").
      const lead = tokens[span.first]!;
      if (head === 'who' || head === 'which' || head === 'whose' || (!isCapitalized(lead) && /(?:ing|ed)$/.test(lead.norm) && !isRoleWord(lead, lex))) {
        return { kind: 'relative', openingComma: k };
      }
      // Titles and a name ("Maj. Gen. Yahya Rasool") are the speaker; anything else with a role describes them.
      const name = phraseStartingAt(tokens, span.first, span.last + 1, lex);
      const isName = name !== null && name.last === span.last && allCapitalized(tokens, span, lex);
      if (isName && !holdsRoleNoun(tokens, span, lex)) return { kind: 'name', span, openingComma: k };
      if (holdsRole(tokens, span, lex)) return { kind: 'apposition', span, openingComma: k };
      return isName ? { kind: 'name', span, openingComma: k } : null;
    }
    // The period of an abbreviation ("Apple Inc.,") stays inside the segment.
    const abbreviationPeriod = t.text === '.' && isCapitalized(tokens[k - 1]) && tokens[k - 1]!.text.length <= 4 && tokens[k - 1]!.end === t.start;
    if (SEGMENT_BREAKS.has(t.text) && !abbreviationPeriod) return null;
  }
  return null;
}

/** Whether every word of a span is capitalized (a name), punctuation aside. */
export function allCapitalized(tokens: readonly Token[], span: TokenSpan, lex: QuotesLexicon): boolean {
  const facts = tokenFacts(tokens, lex);
  for (let k = span.first; k <= span.last; k++) {
    if (tokens[k]!.kind === 'punct') continue;
    if (!facts.capitalized(k) && !facts.nameParticle(k)) return false;
  }
  return true;
}

/**
 * Number of tokens (periods included) of the longest title starting at token `k`:
 * "Lt. Gen." = 4, "Secretary of Defense" = 3. Titles must be capitalized as written.
 */
/** "Hassan Sheikh Mohamud": an honorific that names carry, after a name word, is part of the name. */
export function insideName(tokens: readonly Token[], k: number, lex: QuotesLexicon): boolean {
  const facts = tokenFacts(tokens, lex);
  if (!facts.innerHonorific(k)) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return !!prev && !!next && prev.kind === 'word' && facts.capitalized(k - 1) && !facts.titleFirstWord(k - 1) && prev.end < tokens[k]!.start && next.kind === 'word' && facts.capitalized(k + 1);
}

export function titleLengthAt(tokens: readonly Token[], k: number, ceil: number, lex: QuotesLexicon): number {
  // Only a capitalized word that some title begins with can start one (the first token is never a period).
  if (!tokenFacts(tokens, lex).titleStart(k)) return 0;
  const t = tokens[k]!;
  const candidates = lex.titlesByFirstWord.get(withoutPeriod(t.norm))!;
  if (insideName(tokens, k, lex)) return 0;
  for (const title of candidates) {
    let j = k;
    let matched = 0;
    while (matched < title.length && j < ceil) {
      const tok = tokens[j]!;
      if (tok.text === '.' || tok.text === '-') { j++; continue; }
      if (withoutPeriod(tok.norm) !== title[matched]) break;
      matched++;
      j++;
    }
    if (matched === title.length) {
      if (j < ceil && tokens[j]!.text === '.' && tokens[j]!.start === tokens[j - 1]!.end) j++;
      return j - k;
    }
  }
  return 0;
}
