import type { Span } from './span.js';

export type TokenKind = 'word' | 'number' | 'abbrev' | 'punct';

export interface Token extends Span {
  kind: TokenKind;
  /** Lower-cased text with curly apostrophes straightened, for lexicon look-ups. */
  norm: string;
}

// One capture group per kind, so the kind comes from the match without testing the text again.
// Order matters: dotted abbreviations ("U.S.", "a.m.") before plain words, so the periods stay inside.
const TOKEN = /((?:\p{L}\.){2,})|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\S)/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null && m.index < to; m = TOKEN.exec(text)) {
    const t = m[0];
    let kind: TokenKind;
    if (m[1] !== undefined) kind = 'abbrev';
    else if (m[2] !== undefined) kind = 'number';
    else if (m[3] !== undefined) kind = 'word';
    else kind = /^\p{L}/u.test(t) ? 'word' : 'punct';
    const lower = t.toLowerCase();
    const norm = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    tokens.push({ start: m.index, end: m.index + t.length, text: t, kind, norm });
  }
  return tokens;
}
