import type { Token } from '../../doc/tokens.js';
import type { CompiledLexicon } from './compile.js';
import { tokenKey } from './phrase-trie.js';

/**
 * What the parser asks about every token of a document, computed once per document and
 * shared by its sentences (indexed by document token index): the look-up key, the word lists
 * the key belongs to, and the unit each token falls in (filled as sentences are cut).
 * One instance serves an annotator: its buffers are reused from document to document, so the
 * facts of a document are valid until the next `load`.
 */
export class TokenFacts {
  readonly keys: string[] = [];
  /** KeyFlag bits per token. */
  flags = new Uint16Array(0);
  /** Per token: the index of its unit within its sentence. */
  unitOfToken = new Int32Array(0);

  constructor(private readonly lex: CompiledLexicon) {}

  load(tokens: readonly Token[]): this {
    const n = tokens.length;
    if (this.flags.length < n) {
      this.flags = new Uint16Array(n * 2);
      this.unitOfToken = new Int32Array(n * 2);
    }
    const keyFlags = this.lex.keyFlags;
    for (let i = 0; i < n; i++) {
      const key = tokenKey(tokens[i]!);
      this.keys[i] = key;
      this.flags[i] = keyFlags.get(key) ?? 0;
    }
    return this;
  }
}
