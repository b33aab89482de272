import type { Token } from '../../doc/tokens.js';
import type { QuotesLexicon } from './lexicon.js';

/**
 * What the quotes layer asks of a token again and again (is it capitalized, a name word, a role
 * noun, a speech verb …), as bits of one number per token. Phrase readers scan the same tokens
 * many times per document; each question would otherwise cost a lexicon look-up.
 */

// Bits of a token's flags. The first group is the token's norm in a word list of the lexicon.
const ROLE_NOUN = 1 << 0;
const PLURAL_ROLE_NOUN = 1 << 1;
const REPORTED_TRIGGER = 1 << 2;
const REPORTING_VERB = 1 << 3;
const STATEMENT_NOUN = 1 << 4;
const SPEECH_VERB = 1 << 5;
const PHRASE_STOP = 1 << 6;
const DETERMINER = 1 << 7;
const NAME_PARTICLE = 1 << 8;
const INNER_HONORIFIC = 1 << 9;
const PARTICIPLE = 1 << 10;
const CALL_VERB = 1 << 11;
const ISSUE_VERB = 1 << 12;
const PERSON_PRONOUN = 1 << 13;
const GROUP_PRONOUN = 1 << 14;
const THING_PRONOUN = 1 << 15;
const ORGANIZATION_WORD = 1 << 16;
const TITLE_FIRST_WORD = 1 << 17;
// Derived from the token as a whole.
const CAPITALIZED = 1 << 18;
const NAME_WORD = 1 << 19;
const TITLE_START = 1 << 20;
// Only while building: a title begins with the word.
const TITLE_KEY = 1 << 21;

const ROLE_WORD = ROLE_NOUN | PLURAL_ROLE_NOUN;
const PRONOUN = PERSON_PRONOUN | GROUP_PRONOUN | THING_PRONOUN;
const VERB_LIKE = SPEECH_VERB | REPORTING_VERB | PARTICIPLE | ISSUE_VERB | CALL_VERB;
// The bits a token keeps from its norm's entry.
const NORM_BITS = CAPITALIZED - 1;
const NOT_NAME = ORGANIZATION_WORD | PHRASE_STOP | DETERMINER | SPEECH_VERB;

export const isCapitalized = (t: Token | undefined): boolean => {
  if (t === undefined || (t.kind !== 'word' && t.kind !== 'abbrev')) return false;
  // ASCII letters answer without building a lower-cased string; other characters ask Unicode.
  const code = t.text.charCodeAt(0);
  if (code >= 97 && code <= 122) return false;
  if (code >= 65 && code <= 90) return true;
  const c = t.text[0]!;
  return c !== c.toLowerCase();
};

/** A word's length (up to 15) and the low bits of its first and last characters. */
const shapeOf = (w: string) => (Math.min(w.length, 15) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);

/**
 * The words of the lexicon's lists with the bits of the lists holding them. Most words of a
 * text are in no list, and most questions ask for one list: the bits of all listed words of a
 * shape (length, first and last character) answer most of them without a look-up.
 */
export class WordBits {
  private readonly bits = new Map<string, number>();
  private readonly shapes = new Int32Array(1 << 14);

  add(words: Iterable<string>, bit: number): void {
    for (const w of words) {
      this.bits.set(w, (this.bits.get(w) ?? 0) | bit);
      const shape = shapeOf(w);
      this.shapes[shape] = this.shapes[shape]! | bit;
    }
  }

  /** Every bit the word may have: those of the listed words of its shape. */
  possible(word: string): number {
    return this.shapes[shapeOf(word)]!;
  }

  get(word: string): number {
    return this.shapes[shapeOf(word)] === 0 ? 0 : this.bits.get(word) ?? 0;
  }
}

/** Every word of the lexicon's lists with the bits of the lists holding it (built once per lexicon). */
export function compileWordBits(lex: Omit<QuotesLexicon, 'wordBits'>): WordBits {
  const bits = new WordBits();
  const add = (words: Iterable<string>, bit: number) => bits.add(words, bit);
  add(lex.roleNouns, ROLE_NOUN);
  add(lex.pluralRoleNouns, PLURAL_ROLE_NOUN);
  add(lex.reportedTriggers, REPORTED_TRIGGER);
  add(lex.reportingVerbs, REPORTING_VERB);
  add(lex.statementNouns, STATEMENT_NOUN);
  add(lex.speechVerbs, SPEECH_VERB);
  add(lex.phraseStops, PHRASE_STOP);
  add(lex.determiners, DETERMINER);
  add(lex.nameParticles, NAME_PARTICLE);
  add(lex.innerHonorifics, INNER_HONORIFIC);
  add(lex.participles, PARTICIPLE);
  add(lex.callVerbs, CALL_VERB);
  add(lex.issueVerbs, ISSUE_VERB);
  add(lex.personPronouns, PERSON_PRONOUN);
  add(lex.groupPronouns, GROUP_PRONOUN);
  add(lex.thingPronouns, THING_PRONOUN);
  add(lex.organizationWords, ORGANIZATION_WORD);
  add(lex.titleFirstWords, TITLE_FIRST_WORD);
  add(lex.titlesByFirstWord.keys(), TITLE_KEY);
  return bits;
}

/** The flags of a capitalized token. */
function capitalizedFlags(t: Token, words: WordBits): number {
  const norm = t.norm;
  const own = words.get(norm);
  let flags = (own & NORM_BITS) | CAPITALIZED;
  // What titleLengthAt looks up: the word without its period ("Gen." → "gen").
  const title = norm.endsWith('.') ? words.get(norm.slice(0, -1)) : own;
  if (title & TITLE_KEY) flags |= TITLE_START;
  // isNameWord as it was: the word without a possessive in none of these lists.
  if (t.kind !== 'abbrev') {
    const bare = norm.endsWith("'s") ? words.get(norm.slice(0, -2)) : own;
    if ((bare & NOT_NAME) === 0) flags |= NAME_WORD;
  }
  return flags;
}

// A token's flags are exact once this bit is set; until then they are the bits its norm may
// have, and a question about one of those looks the norm up.
const RESOLVED = 1 << 22;

/** The facts of a document's tokens, by token index; every question is false outside the document. */
export class TokenFacts {
  private readonly flags: Int32Array;
  /** How many tokens the document had when the facts were read. */
  readonly count: number;
  private triggers: number[] | null = null;

  constructor(readonly tokens: readonly Token[], readonly lex: QuotesLexicon) {
    this.count = tokens.length;
    const flags = new Int32Array(tokens.length);
    const words = lex.wordBits;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      // Most questions about a word in lower case are answered by its shape; one in capitals
      // (a name, a title, a sentence start) is asked more, and read whole.
      if (isCapitalized(t)) flags[k] = capitalizedFlags(t, words) | RESOLVED;
      else {
        const possible = words.possible(t.norm) & NORM_BITS;
        flags[k] = possible === 0 ? RESOLVED : possible;
      }
    }
    this.flags = flags;
  }

  private is(k: number, bits: number): boolean {
    if (k < 0 || k >= this.flags.length) return false;
    const f = this.flags[k]!;
    if ((f & bits) === 0) return false;
    return (f & RESOLVED) !== 0 || (this.resolve(k) & bits) !== 0;
  }

  /** Looks up the norm of a token in lower case, whose shape may be listed. */
  private resolve(k: number): number {
    const f = (this.lex.wordBits.get(this.tokens[k]!.norm) & NORM_BITS) | RESOLVED;
    this.flags[k] = f;
    return f;
  }

  /** The indexes of the tokens that may start a reported clause's attribution (reportedTrigger), in order. */
  reportedTriggers(): readonly number[] {
    if (this.triggers) return this.triggers;
    const found: number[] = [];
    for (let k = 0; k < this.flags.length; k++) if (this.is(k, REPORTED_TRIGGER)) found.push(k);
    this.triggers = found;
    return found;
  }

  /** A word or abbreviation written with a capital (isCapitalized). */
  capitalized(k: number): boolean { return this.is(k, CAPITALIZED); }
  /** A capitalized word that can be part of a person's name: no abbreviation, organization word, phrase stop, determiner or speech verb. */
  nameWord(k: number): boolean { return this.is(k, NAME_WORD); }
  /** Capitalized, and some title begins with its word (without a period): where titleLengthAt may find one. */
  titleStart(k: number): boolean { return this.is(k, TITLE_START); }
  titleFirstWord(k: number): boolean { return this.is(k, TITLE_FIRST_WORD); }
  roleNoun(k: number): boolean { return this.is(k, ROLE_NOUN); }
  /** A role noun, singular or plural. */
  roleWord(k: number): boolean { return this.is(k, ROLE_WORD); }
  reportedTrigger(k: number): boolean { return this.is(k, REPORTED_TRIGGER); }
  reportingVerb(k: number): boolean { return this.is(k, REPORTING_VERB); }
  statementNoun(k: number): boolean { return this.is(k, STATEMENT_NOUN); }
  phraseStop(k: number): boolean { return this.is(k, PHRASE_STOP); }
  determiner(k: number): boolean { return this.is(k, DETERMINER); }
  nameParticle(k: number): boolean { return this.is(k, NAME_PARTICLE); }
  innerHonorific(k: number): boolean { return this.is(k, INNER_HONORIFIC); }
  pronoun(k: number): boolean { return this.is(k, PRONOUN); }
  /** A speech, reporting, issuing or calling verb, or a participle: in lower case, no part of a speaker phrase. */
  verbLike(k: number): boolean { return this.is(k, VERB_LIKE); }
}

// The facts of the document being read: the layer reads one document at a time, and its tokens
// do not change once the document is made.
let last: TokenFacts | null = null;

/** The facts of a document's tokens (`doc.tokens`), computed once per document. */
export function tokenFacts(tokens: readonly Token[], lex: QuotesLexicon): TokenFacts {
  if (last === null || last.tokens !== tokens || last.lex !== lex || last.count !== tokens.length) last = new TokenFacts(tokens, lex);
  return last;
}
