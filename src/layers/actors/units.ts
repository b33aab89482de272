import type { Token } from '../../doc/tokens.js';
import type { CompiledLexicon, Entry } from './compile.js';
import { KeyFlag, type KeyFlag as Flag } from './key-flags.js';
import type { TokenFacts } from './token-facts.js';

/**
 * A sentence cut into units: a lexicon phrase (longest match) or a plain token. The parser
 * walks units, so "U.S. Central Command" or "Secretary of State" is one step.
 */
export interface Unit {
  /** Token range, including a possessive "'s" written as separate tokens. */
  from: number;
  to: number;
  entries: readonly Entry[] | null;
  possessive: boolean;
  /** Character span of the phrase itself, without a possessive ending. */
  start: number;
  end: number;
  /** One EntryBit per entry type present: a set of types is tested at once. */
  types: number;
}

/** A bit per entry type (see `Unit.types`). */
export const EntryBit: Readonly<Record<Entry['type'], number>> = {
  country: 1 << 0,
  capital: 1 << 1,
  region: 1 << 2,
  demonym: 1 << 3,
  people: 1 << 4,
  named: 1 << 5,
  person: 1 << 6,
  head: 1 << 7,
  title: 1 << 8,
  partner: 1 << 9,
  groupRef: 1 << 10,
  honorific: 1 << 11,
  block: 1 << 12,
};

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const { phraseStart, possessiveForm } = KeyFlag;
const TITLE_BIT = EntryBit.title;

function typesOf(entries: readonly Entry[]): number {
  let types = 0;
  for (let i = 0; i < entries.length; i++) types |= EntryBit[entries[i]!.type];
  return types;
}

export class SentenceUnits {
  readonly units: Unit[];
  readonly consumed: boolean[];
  /** Per document token: its unit, written for this sentence's range below. */
  private readonly unitOfToken: Int32Array;
  /** Look-up keys of the document's tokens, computed once per document. */
  private readonly keys: readonly string[];
  /** Per document token: the word lists its key belongs to (see key-flags.ts). */
  private readonly flags: Uint16Array;
  /** Per document token: the trie node of the phrases its key starts. */
  private readonly phrases: TokenFacts['phrases'];
  /** The KeyFlag bits of all the sentence's tokens together: a sentence without a flag needs no scan for it. */
  readonly anyFlags: number;
  /** The last unit holding a title, or -1: no title (so no titled person) starts after it. */
  readonly lastTitle: number = -1;
  /** The EntryBit types of all the sentence's units together. */
  readonly anyTypes: number = 0;

  constructor(readonly tokens: readonly Token[], readonly from: number, readonly to: number, readonly index: number, lex: CompiledLexicon, facts: TokenFacts) {
    this.unitOfToken = facts.unitOfToken;
    this.keys = facts.keys;
    this.flags = facts.flags;
    this.phrases = facts.phrases;
    let anyFlags = 0;
    for (let i = from; i < to; i++) anyFlags |= this.flags[i]!;
    this.anyFlags = anyFlags;
    // Sized for one unit per token and cut to length at the end: pushing one by one copies the array as it grows.
    const units = new Array<Unit>(to - from);
    const consumed = new Array<boolean>(to - from);
    let count = 0;
    const unitPool = facts.unitPool;
    const goOn = facts.phraseGoesOn;
    for (let i = from; i < to; ) {
      // Most tokens start no phrase; the flags tell without walking the trie.
      const match = (this.flags[i]! & (phraseStart | possessiveForm)) !== 0 ? lex.trie.longestAt(tokens, i, to, this.keys, 0, this.phrases[i], goOn) : null;
      const index = count;
      // Units start at distinct tokens: the one starting at token i reuses that token's object from earlier documents.
      const unit = unitPool[i] ?? (unitPool[i] = { from: 0, to: 0, entries: null, possessive: false, start: 0, end: 0, types: 0 });
      unit.from = i;
      if (match) {
        const last = tokens[match.end - 1]!;
        unit.to = match.end;
        unit.entries = match.values;
        unit.possessive = match.possessive;
        unit.start = tokens[i]!.start;
        unit.end = match.possessive ? last.end - 2 : last.end;
        unit.types = typesOf(match.values);
        if ((unit.types & TITLE_BIT) !== 0) this.lastTitle = index;
        this.anyTypes |= unit.types;
        this.attachSplitPossessive(unit);
        for (let k = unit.from; k < unit.to; k++) this.unitOfToken[k] = index;
      } else {
        const t = tokens[i]!;
        unit.to = i + 1;
        unit.entries = null;
        unit.possessive = false;
        unit.start = t.start;
        unit.end = t.end;
        unit.types = 0;
        this.unitOfToken[i] = index;
      }
      units[count] = unit;
      consumed[count] = false;
      count++;
      i = unit.to;
    }
    units.length = count;
    consumed.length = count;
    this.units = units;
    this.consumed = consumed;
  }

  /** "U.S.'s" and "Iraqis'" arrive as separate tokens; fold them into the phrase as a possessive. */
  private attachSplitPossessive(unit: Unit): void {
    const apostrophe = this.tokens[unit.to];
    if (unit.possessive || unit.to >= this.to || !apostrophe || apostrophe.norm !== "'" || apostrophe.start !== this.tokens[unit.to - 1]!.end) return;
    const s = this.tokens[unit.to + 1];
    if (s && unit.to + 1 < this.to && s.norm === 's' && s.start === apostrophe.end) {
      unit.possessive = true;
      unit.to += 2;
    } else if (/s$/i.test(this.tokens[unit.to - 1]!.text)) {
      unit.possessive = true;
      unit.to += 1;
    }
  }

  unitAt(token: number): number {
    return token >= this.from && token < this.to ? this.unitOfToken[token]! : -1;
  }

  token(i: number): Token | undefined {
    return i >= this.from && i < this.to ? this.tokens[i] : undefined;
  }

  key(i: number): string {
    return i >= this.from && i < this.to ? this.keys[i]! : '';
  }

  /** Is the key of token `i` in the word list of `flag`? False outside the sentence. */
  is(i: number, flag: Flag): boolean {
    return i >= this.from && i < this.to && (this.flags[i]! & flag) !== 0;
  }

  /** Is the key of token `i` in any of the word lists of `flags` (KeyFlag bits or-ed together)? */
  isAny(i: number, flags: number): boolean {
    return i >= this.from && i < this.to && (this.flags[i]! & flags) !== 0;
  }

  entriesAt(u: number): readonly Entry[] {
    return this.units[u]?.entries ?? [];
  }

  /** Does unit `u` hold an entry of a type among `bits` (EntryBit values or-ed together)? */
  hasAny(u: number, bits: number): boolean {
    const unit = this.units[u];
    return unit !== undefined && (unit.types & bits) !== 0;
  }

  has(u: number, type: Entry['type']): boolean {
    return this.entry(u, type) !== undefined;
  }

  // A scan, not a look-up of the type's bit: one or two entries compare faster than a keyed read.
  entry<T extends Entry['type']>(u: number, type: T): Extract<Entry, { type: T }> | undefined {
    const entries = this.units[u]?.entries;
    if (!entries) return undefined;
    for (let i = 0; i < entries.length; i++) if (entries[i]!.type === type) return entries[i] as Extract<Entry, { type: T }>;
    return undefined;
  }

  /** A plain (non-lexicon) unit holding one token. */
  plain(u: number): Token | undefined {
    const unit = this.units[u];
    return unit && unit.entries === null ? this.tokens[unit.from] : undefined;
  }

  /** Do the tokens ending just before `token` spell one of `phrases` (key sequences)? */
  endsWith(token: number, phrases: readonly (readonly string[])[]): boolean {
    for (const p of phrases) {
      let ok = token - p.length >= this.from;
      for (let k = 0; ok && k < p.length; k++) ok = this.key(token - p.length + k) === p[k];
      if (ok) return true;
    }
    return false;
  }

  /** Do the tokens starting at `token` spell one of `phrases`? Returns the length matched, or 0. */
  startsWith(token: number, phrases: readonly (readonly string[])[]): number {
    for (const p of phrases) {
      let ok = token + p.length <= this.to;
      for (let k = 0; ok && k < p.length; k++) ok = this.key(token + k) === p[k];
      if (ok) return p.length;
    }
    return 0;
  }
}

const UPPER_START = /^\p{Lu}/u;

/** Written with a capital first letter. ASCII is decided by its code; the Unicode test only runs for other scripts. */
export const isCapitalized = (t: Token | undefined): boolean => {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(t.text);
};

/** Two tokens written without a space between them ("al" "-" "Sudani"). */
export const adjacent = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;
