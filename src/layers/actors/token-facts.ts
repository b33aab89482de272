import type { Token } from '../../doc/tokens.js';
import type { CompiledLexicon, Entry, KeyFacts } from './compile.js';
import { KeyFlag } from './key-flags.js';
import { mayBePossessive, tokenKey, type TrieNode } from './phrase-trie.js';
import type { Unit } from './units.js';

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const POSSESSIVE_FORM = KeyFlag.possessiveForm;
const PHRASE_INNER = KeyFlag.phraseInner;
const keyOf = tokenKey;
const possessiveForm = mayBePossessive;

/**
 * What the parser asks about every token of a document, computed once per document and
 * shared by its sentences (indexed by document token index): the look-up key, the word lists
 * the key belongs to, where the phrases starting with it go on, and the unit each token falls
 * in (filled as sentences are cut). One instance serves an annotator: its buffers are reused
 * from document to document, so the facts of a document are valid until the next `load`.
 */
export class TokenFacts {
  readonly keys: string[] = [];
  /** KeyFlag bits per token. */
  flags = new Uint16Array(0);
  /** Tells the trie walk which tokens a phrase may go on through (the flags, so reset on growth in `load`). */
  phraseGoesOn = { bits: this.flags, mask: PHRASE_INNER | POSSESSIVE_FORM };
  /** Per token: the trie node of the phrases its key starts, if any. */
  readonly phrases: (TrieNode<Entry> | undefined)[] = [];
  /** Per token: the index of its unit within its sentence. */
  unitOfToken = new Int32Array(0);
  /**
   * Per token: the unit object starting there, reused from document to document (a unit per
   * token was most of the layer's garbage). Valid, like the rest, until the next `load`.
   */
  readonly unitPool: Unit[] = [];

  constructor(private readonly lex: CompiledLexicon) {}

  load(tokens: readonly Token[]): this {
    const n = tokens.length;
    if (this.flags.length < n) {
      this.flags = new Uint16Array(n * 2);
      this.unitOfToken = new Int32Array(n * 2);
      this.phraseGoesOn = { bits: this.flags, mask: PHRASE_INNER | POSSESSIVE_FORM };
    }
    const { keyFacts, asciiKeyFacts } = this.lex;
    for (let i = 0; i < n; i++) {
      const key = keyOf(tokens[i]!);
      this.keys[i] = key;
      // One look-up per token answers every list and the trie's first step.
      const c = key.charCodeAt(0);
      const facts: KeyFacts | undefined = key.length === 1 && c < 128 ? asciiKeyFacts[c] : keyFacts.get(key);
      const flags = facts === undefined ? 0 : facts.flags;
      this.flags[i] = possessiveForm(key) ? flags | POSSESSIVE_FORM : flags;
      this.phrases[i] = facts === undefined ? undefined : facts.phrase;
    }
    return this;
  }
}
