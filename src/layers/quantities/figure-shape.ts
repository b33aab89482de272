import type { QuantityLexicon } from './lexicon.js';
import type { NumberPhrase } from './number-phrase.js';
import type { TokenView } from './token-view.js';

/**
 * What the characters glued to a number say about it. Counts stand apart from their
 * neighbours; a figure glued into a longer string is a model ("MQ-9", "F-16", "A320"), a
 * caliber ("107mm"), an identifier ("20200312-01"), a date ("9/11") or a compound modifier
 * ("23-day", "35-year-old", "one-way"), none of which is a quantity.
 */
export type FigureShape =
  | { kind: 'free' }
  /** "20-30": a range written with a hyphen; `second` is the token of the upper figure. */
  | { kind: 'hyphen-range'; second: number }
  /** "5km": a measure with its unit glued on; `unit` is that token. */
  | { kind: 'glued-unit'; unit: number }
  | { kind: 'excluded'; reason: string; through: number };

// Punctuation that may touch a count; currency symbols come from the lexicon.
const PREFIX_OK = new Set(['(', '[', '"', '“', '‘', '~', '+']);
const SUFFIX_OK = new Set([',', '.', ';', ':', ')', ']', '"', '”', '’', '%', '!', '?', '…', '—', '–']);

export function figureShape(view: TokenView, lex: QuantityLexicon, phrase: NumberPhrase): FigureShape {
  const { first, end } = phrase;
  const chainEnd = gluedChainEnd(view, end - 1);

  // Left side: letters or an identifier glued before the number.
  if (view.glued(first - 1)) {
    const before = view.tok(first - 1)!;
    if (before.kind === 'word' || before.kind === 'abbrev' || before.kind === 'number') return excluded('glued to a name or code', chainEnd);
    if (!PREFIX_OK.has(before.text) && !lex.currencySymbols.has(before.norm)) {
      // "MQ-9", "Release-20200312", "9/11", "#3", "'90s".
      if (before.text === '-' && view.glued(first - 2) && view.isWord(first - 2)) return excluded('model number', chainEnd);
      if (before.text !== '-' || view.glued(first - 2)) return excluded('glued to a name or code', chainEnd);
    }
  }

  // Right side.
  if (!view.glued(end - 1)) return { kind: 'free' };
  const after = view.tok(end)!;
  if (after.kind === 'word') {
    if (phrase.written === 'figures' && lex.gluedUnits.has(after.norm) && !view.glued(end)) return { kind: 'glued-unit', unit: end };
    return excluded('caliber, model or ordinal', chainEnd);
  }
  if (after.text === '-' || after.text === '–') {
    const next = view.tok(end + 1);
    if (!next || !view.glued(end)) return { kind: 'free' };
    // "1,000-plus", "20-odd": an approximation written as a suffix.
    if (lex.suffixMarkers.matchAt(view.norm, end)) return { kind: 'free' };
    if (phrase.written === 'figures' && next.kind === 'number' && gluedChainEnd(view, end + 1) === end + 2) return { kind: 'hyphen-range', second: end + 1 };
    return excluded('compound modifier or identifier', chainEnd);
  }
  if (after.kind === 'number') return excluded('identifier', chainEnd);
  if (after.text === '/' && view.tok(end + 1)?.kind === 'number' && view.glued(end)) return excluded('date or ratio', chainEnd);
  return { kind: 'free' };
}

function excluded(reason: string, through: number): FigureShape {
  return { kind: 'excluded', reason, through };
}

/** One past the last token of the run of tokens glued to token i (ignoring trailing punctuation). */
export function gluedChainEnd(view: TokenView, i: number): number {
  let j = i;
  while (view.glued(j) && !SUFFIX_OK.has(view.tok(j + 1)!.text)) j++;
  return j + 1;
}
