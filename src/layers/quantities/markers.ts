import type { Bound, QuantityLexicon } from './lexicon.js';
import { parseNumberAt, type NumberPhrase } from './number-phrase.js';
import type { TokenView } from './token-view.js';

/** "about", "more than", "nearly" right before a number: its first token and the bound it sets. */
export interface Marker {
  first: number;
  bound: Bound;
}

/** The approximation marker that ends right before token i, if any ("approx." included). */
export function markerBefore(view: TokenView, lex: QuantityLexicon, i: number): Marker | null {
  if (i - 1 < view.lo) return null;
  let last = i - 1;
  // "approx. 20": the period of an abbreviated marker stands between it and the number.
  if (view.norm(last) === '.' && view.glued(last - 1)) last--;
  const hit = lex.markers.matchEndingAt(view.norm, last);
  if (!hit || last - hit.length + 1 < view.lo) return null;
  if (last !== i - 1 && hit.length !== 1) return null;
  return { first: last - hit.length + 1, bound: hit.value };
}

/** "or so", "or more", "-plus" right after a number (at token j): how many tokens and the bound. */
export function markerAfter(view: TokenView, lex: QuantityLexicon, j: number): { length: number; bound: Bound } | null {
  const hit = lex.suffixMarkers.matchAt(view.norm, j);
  // "plus" alone is also "and" ("20 plus 5"): only as "-plus" or before a noun's end.
  if (!hit || (hit.length === 1 && view.norm(j) === 'plus' && view.tok(j + 1)?.kind === 'number')) return null;
  return { length: hit.length, bound: hit.value };
}

/** A currency written before the figure: "$", "US$", "€", or a code ("USD 5 million"). */
export interface CurrencyPrefix {
  first: number;
  code: string;
}

export function currencyBefore(view: TokenView, lex: QuantityLexicon, i: number): CurrencyPrefix | null {
  const before = view.tok(i - 1);
  if (!before) return null;
  const symbol = lex.currencySymbols.get(before.norm);
  if (symbol !== undefined) {
    // "US$5": a country prefix glued to the symbol names the currency more precisely.
    const prefix = view.glued(i - 2) ? view.tok(i - 2) : undefined;
    const combined = prefix ? lex.currencySymbols.get(prefix.norm + before.norm) : undefined;
    if (combined !== undefined) return { first: i - 2, code: combined };
    return { first: i - 1, code: symbol };
  }
  if (before.kind === 'word' && lex.currencyCodes.has(before.text) && !view.glued(i - 1)) return { first: i - 1, code: before.text };
  return null;
}

/** A currency named after the figure ("5 million dollars", "200 USD", "3 billion Iraqi dinars"). */
export function currencyAfter(view: TokenView, lex: QuantityLexicon, j: number): { code: string; last: number } | null {
  const t = view.tok(j);
  if (!t) return null;
  if (t.kind === 'word' && lex.currencyCodes.has(t.text)) return { code: t.text, last: j };
  // "10 €", "100$": a symbol after the figure, as written in much of Europe.
  const symbol = lex.currencySymbols.get(t.norm);
  if (symbol !== undefined) return { code: symbol, last: j };
  // Currency words are listed in the singular; try each of up to three words with its last word singularized.
  // Most figures are followed by no currency word: then no phrase starts with the word as written
  // (two or three words) nor singularized (one word), and none of the look-ups can match.
  const first = t.norm;
  if (!lex.currencyWords.startsWith(first) && !lex.currencyWords.startsWith(singularCurrency(first))) return null;
  for (let n = 3; n >= 1; n--) {
    const words: string[] = [];
    for (let k = j; k < j + n; k++) {
      const w = view.norm(k);
      if (w === undefined) break;
      words.push(k === j + n - 1 ? singularCurrency(w) : w);
    }
    if (words.length !== n) continue;
    const hit = lex.currencyWords.matchAt((k) => words[k - j], j);
    if (hit && hit.length === n) return { code: hit.value, last: j + n - 1 };
  }
  return null;
}

// Currency plurals are regular apart from the invariant ones, which the lexicon lists as they are.
const singularCurrency = (w: string) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') ? w.slice(0, -1) : w);

/** "20 to 30", "two or three", "between 20 and 30", "20-30": the upper number and where it ends. */
export interface Range {
  upper: NumberPhrase;
  low: number;
  high: number;
  /** Token index of "between" when the range opens with it. */
  opener: number | null;
}

/**
 * The range that starts with `lower`, if the words after it make one. The lower figure borrows
 * the scale of the upper one when it has none ("2 to 3 million" is two million to three).
 * `start` is the lower number's first token, or its currency symbol's ("between $12 and $20").
 * `hyphenSecond` is the upper figure's token when the range is written "20-30".
 */
export function rangeAfter(view: TokenView, lex: QuantityLexicon, lower: NumberPhrase, start: number, hyphenSecond: number | null, money: boolean): Range | null {
  const opener = lex.rangeOpeners.has(view.norm(start - 1) ?? '') ? start - 1 : null;
  let upperAt: number;
  if (hyphenSecond !== null) upperAt = hyphenSecond;
  else {
    const connector = view.norm(lower.end);
    if (connector === undefined) return null;
    const joins = opener !== null ? connector === 'and' : lex.rangeConnectors.has(connector);
    if (!joins) return null;
    // "from 2,500 to 2,000 troops" is a change between two amounts, not a range.
    if (view.norm(start - 1) === 'from' || view.norm(start - 2) === 'from') return null;
    upperAt = lower.end + 1;
    // "$2 to $3 million"
    if (money && lex.currencySymbols.has(view.norm(upperAt) ?? '')) upperAt++;
  }
  const upper = parseNumberAt(view, lex, upperAt, money);
  if (!upper) return null;
  let low = lower.value;
  if (lower.scale === 1 && upper.scale > 1 && lower.value * upper.scale < upper.value) low = lower.value * upper.scale;
  if (!(low < upper.value)) return null;
  return { upper, low, high: upper.value, opener };
}
