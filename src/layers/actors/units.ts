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

function typesOf(entries: readonly Entry[]): number {
  let types = 0;
  for (let i = 0; i < entries.length; i++) types |= EntryBit[entries[i]!.type];
  return types;
}

export class SentenceUnits {
  readonly units: Unit[] = [];
  readonly consumed: boolean[] = [];
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

  constructor(readonly tokens: readonly Token[], readonly from: number, readonly to: number, readonly index: number, lex: CompiledLexicon, facts: TokenFacts) {
    this.unitOfToken = facts.unitOfToken;
    this.keys = facts.keys;
    this.flags = facts.flags;
    this.phrases = facts.phrases;
    let anyFlags = 0;
    for (let i = from; i < to; i++) anyFlags |= this.flags[i]!;
    this.anyFlags = anyFlags;
    const units = this.units;
    for (let i = from; i < to; ) {
      // Most tokens start no phrase; the flags tell without walking the trie.
      const match = (this.flags[i]! & (phraseStart | possessiveForm)) !== 0 ? lex.trie.longestAt(tokens, i, to, this.keys, 0, this.phrases[i]) : null;
      const index = units.length;
      if (match) {
        const last = tokens[match.end - 1]!;
        const unit: Unit = { from: i, to: match.end, entries: match.values, possessive: match.possessive, start: tokens[i]!.start, end: match.possessive ? last.end - 2 : last.end, types: typesOf(match.values) };
        this.attachSplitPossessive(unit);
        for (let k = unit.from; k < unit.to; k++) this.unitOfToken[k] = index;
        units.push(unit);
        i = unit.to;
      } else {
        const t = tokens[i]!;
        units.push({ from: i, to: i + 1, entries: null, possessive: false, start: t.start, end: t.end, types: 0 });
        this.unitOfToken[i] = index;
        i++;
      }
      this.consumed.push(false);
    }
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

  entriesAt(u: number): readonly Entry[] {
    return this.units[u]?.entries ?? [];
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
