import type { Token } from '../../doc/tokens.js';

/**
 * The tokens of one sentence, read by index with bounds checks, so the quantity rules can
 * look a few tokens left and right without stepping into the next sentence. One view serves
 * a whole text, moved from sentence to sentence (`norm` is a closure: one per text, not per sentence).
 */
export class TokenView {
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    /** First token of the sentence, and one past its last. */
    public lo: number,
    public hi: number,
  ) {}

  /** Reads another sentence's tokens from now on. */
  moveTo(lo: number, hi: number): void {
    this.lo = lo;
    this.hi = hi;
  }

  tok(i: number): Token | undefined {
    return i >= this.lo && i < this.hi ? this.tokens[i] : undefined;
  }

  /** Lower-cased form (curly apostrophes straightened), or undefined outside the sentence. */
  readonly norm = (i: number): string | undefined => this.tok(i)?.norm;

  /** True when token i and token i+1 touch with no space between them ("107" "mm", "U.S." "-"). */
  glued(i: number): boolean {
    const a = this.tok(i);
    const b = this.tok(i + 1);
    return a !== undefined && b !== undefined && a.end === b.start;
  }

  isWord(i: number): boolean {
    const k = this.tok(i)?.kind;
    return k === 'word' || k === 'abbrev';
  }

  capitalized(i: number): boolean {
    const t = this.tok(i);
    if (!t || t.start === t.end) return false;
    // ASCII by its code (read from the text: faster than from the token's own string); the rest by case mapping.
    const code = this.text.charCodeAt(t.start);
    if (code < 128) return code >= 65 && code <= 90;
    const c = t.text.charAt(0);
    return c !== c.toLowerCase() && c === c.toUpperCase();
  }

  /** Whether the token starts its line (only spaces, bullets or list punctuation before it). */
  startsLine(i: number): boolean {
    const t = this.tok(i);
    if (!t) return false;
    for (let p = t.start - 1; p >= 0; p--) {
      const c = this.text.charCodeAt(p);
      if (c === 10) return true;
      if (c !== 32 && c !== 9 && c !== 40 /* ( */ && c !== 0x2022 /* • */ && c !== 45 /* - */) return false;
    }
    return true;
  }
}
