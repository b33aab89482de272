import type { Span } from './span.js';

export type TokenKind = 'word' | 'number' | 'abbrev' | 'punct';

export interface Token extends Span {
  kind: TokenKind;
  /** Lower-cased text with curly apostrophes straightened, for lexicon look-ups. */
  norm: string;
}

// The definition of a token. One capture group per kind, so the kind comes from the match
// without testing the text again. Order matters: dotted abbreviations ("U.S.", "a.m.") before
// plain words, so the periods stay inside. The ASCII scanner below must agree with it exactly.
const TOKEN = /((?:\p{L}\.){2,})|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\S)/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  tokenizeInto(tokens, text, from, to);
  return tokens;
}

/**
 * Appends the tokens that start in [from, to) to `out`. News text is nearly all ASCII, which
 * is read here character by character (the regex costs a match array per token and most of
 * the document's set-up time); wherever a non-ASCII character could change the token, the
 * token is read by the TOKEN regex instead, so the result is the regex's.
 */
export function tokenizeInto(out: Token[], text: string, from: number, to: number): void {
  const n = text.length;
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) {
      p++;
      continue;
    }
    const end = c < 128 ? asciiTokenEnd(text, p, n) : -1;
    if (end < 0) {
      p = regexToken(out, text, p, to);
      continue;
    }
    const t = text.slice(p, end);
    out.push({ start: p, end, text: t, kind: asciiKind(text, p, end), norm: hasUpperAscii(t) ? t.toLowerCase() : t });
    p = end;
  }
}

/** One token read by the regex from `p` (its first token may start after non-ASCII spaces); returns where to go on. */
function regexToken(out: Token[], text: string, p: number, to: number): number {
  TOKEN.lastIndex = p;
  const m = TOKEN.exec(text);
  if (m === null || m.index >= to) return to;
  const t = m[0];
  let kind: TokenKind;
  if (m[1] !== undefined) kind = 'abbrev';
  else if (m[2] !== undefined) kind = 'number';
  else if (m[3] !== undefined) kind = 'word';
  else kind = STARTS_WITH_LETTER.test(t) ? 'word' : 'punct';
  const lower = t.toLowerCase();
  const norm = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  out.push({ start: m.index, end: m.index + t.length, text: t, kind, norm });
  return m.index + t.length;
}

const isAsciiLetter = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const APOSTROPHE = 39;
const PERIOD = 46;

/**
 * The end of the token starting at the ASCII character at p, or -1 when a non-ASCII character
 * next to it could belong to it (a letter, a mark, a curly apostrophe): the regex decides those.
 */
function asciiTokenEnd(text: string, p: number, n: number): number {
  const c = text.charCodeAt(p);
  if (isDigit(c)) return numberEnd(text, p, n);
  if (!isAsciiLetter(c)) return p + 1;
  // Dotted abbreviation: two or more letter-period pairs.
  let q = p;
  while (q + 1 < n && text.charCodeAt(q + 1) === PERIOD) {
    const l = text.charCodeAt(q);
    if (l >= 128) return -1;
    if (!isAsciiLetter(l)) break;
    q += 2;
  }
  if (q < n && text.charCodeAt(q) >= 128 && q > p) return -1;
  if (q - p >= 4) return q;
  // A word: letters, and apostrophes with letters after them.
  q = p + 1;
  for (;;) {
    if (q >= n) return q;
    const l = text.charCodeAt(q);
    if (l >= 128) return -1;
    if (isAsciiLetter(l)) {
      q++;
      continue;
    }
    if (l !== APOSTROPHE || q + 1 >= n) return q;
    const after = text.charCodeAt(q + 1);
    if (after >= 128) return -1;
    if (!isAsciiLetter(after)) return q;
    q += 2;
  }
}

/** Digits, groups after "." "," or ":", then an ordinal or plural ending ("1st", "1990s"). */
function numberEnd(text: string, p: number, n: number): number {
  let q = p;
  while (q < n && isDigit(text.charCodeAt(q))) q++;
  for (;;) {
    const sep = text.charCodeAt(q);
    if (q + 1 < n && (sep === 46 || sep === 44 || sep === 58) && isDigit(text.charCodeAt(q + 1))) {
      q += 2;
      while (q < n && isDigit(text.charCodeAt(q))) q++;
    } else break;
  }
  const a = q < n ? text.charCodeAt(q) : 0;
  const b = q + 1 < n ? text.charCodeAt(q + 1) : 0;
  if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) return q + 2;
  if (a === 115) return q + 1;
  return q;
}

function asciiKind(text: string, start: number, end: number): TokenKind {
  const c = text.charCodeAt(start);
  if (isDigit(c)) return 'number';
  if (!isAsciiLetter(c)) return 'punct';
  return end - start >= 4 && text.charCodeAt(start + 1) === PERIOD && text.charCodeAt(end - 1) === PERIOD ? 'abbrev' : 'word';
}

function hasUpperAscii(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
