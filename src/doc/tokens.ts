import type { Span } from './span.js';

export type TokenKind = 'word' | 'number' | 'abbrev' | 'punct';

export interface Token extends Span {
  kind: TokenKind;
  /** Lower-cased text with curly apostrophes straightened, for lexicon look-ups. */
  norm: string;
}

// Order matters: dotted abbreviations ("U.S.", "a.m.") before plain words, so the periods stay inside.
const TOKEN = /(?:\p{L}\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\S/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null && m.index < to; m = TOKEN.exec(text)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const kind: TokenKind = c >= 48 && c <= 57 ? 'number' : t.length > 1 && t.endsWith('.') ? 'abbrev' : /^[\p{L}\p{M}]/u.test(t) ? 'word' : 'punct';
    tokens.push({ start: m.index, end: m.index + t.length, text: t, kind, norm: t.toLowerCase().replace(/’/g, "'") });
  }
  return tokens;
}
