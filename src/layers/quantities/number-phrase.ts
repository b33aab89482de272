import type { QuantityLexicon } from './lexicon.js';
import type { TokenView } from './token-view.js';

/** A number written in figures, words or both ("2,500", "four", "a dozen", "1.5 billion", "$2bn"). */
export interface NumberPhrase {
  /** Token index of the first word of the number and one past its last (scale words included). */
  first: number;
  end: number;
  value: number;
  written: 'figures' | 'words';
  /** The bare word "one", which may be a pronoun rather than a count. */
  bareOne: boolean;
  /** A scale word ended it ("8 million"), so a range before it may share the scale ("2 to 3 million"). */
  scale: number;
}

// A figure in English notation: thousands separated by commas or not at all, optional decimals.
const FIGURE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The value of a figure token, or null for things that are not plain figures ("12:30", "4th", "1,23"). */
export function parseFigure(text: string): number | null {
  if (!FIGURE.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

/**
 * Reads the number that starts at token i, or null when none does. `money` (a currency symbol
 * came before) lets one-letter scales count: "$5m" is five million, "a 5m wall" is not.
 */
export function parseNumberAt(view: TokenView, lex: QuantityLexicon, i: number, money = false): NumberPhrase | null {
  const t = view.tok(i);
  if (!t) return null;
  if (t.kind === 'number') return parseFigures(view, lex, i, money);
  if (t.kind === 'word') return parseWords(view, lex, i);
  return null;
}

function parseFigures(view: TokenView, lex: QuantityLexicon, i: number, money: boolean): NumberPhrase | null {
  const base = parseFigure(view.tok(i)!.text);
  if (base === null) return null;
  const half = andAHalf(view, i + 1);
  const { factor, end } = readScale(view, lex, i + 1 + half.length, money);
  return { first: i, end, value: round((base + half.value) * factor), written: 'figures', bareOne: false, scale: factor };
}

/**
 * Scale words after a figure: "million", "hundred thousand", or the short forms "bn", "mln"
 * and, for money glued to the figure, "m" and "k". Each must be larger than the one before.
 */
function readScale(view: TokenView, lex: QuantityLexicon, j: number, money: boolean): { factor: number; end: number } {
  let factor = 1;
  let last = 0;
  for (;;) {
    const w = view.norm(j);
    if (w === undefined) break;
    let m = lex.multipliers.get(w);
    if (m === undefined && factor === 1) {
      const short = lex.abbreviatedMultipliers.get(w);
      // One letter is too ambiguous ("5m" is also five meters) unless the figure is money.
      if (short !== undefined && (w.length > 1 || (money && view.glued(j - 1)))) m = short;
    }
    if (m === undefined || (last !== 0 && m <= last)) break;
    factor *= m;
    last = m;
    j++;
  }
  return { factor, end: j };
}

/** "four", "twenty-five", "two hundred and fifty", "a dozen", "half a million", "three million". */
function parseWords(view: TokenView, lex: QuantityLexicon, i: number): NumberPhrase | null {
  const w0 = view.norm(i)!;
  // Most words start no number: leave before any other work.
  if (!lex.unitWords.has(w0) && !lex.tensWords.has(w0) && w0 !== 'a' && w0 !== 'an' && !lex.halves.has(w0)) return null;
  let j = i;
  let current = 0;
  let total = 0;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'big' | 'group' = 'none';
  let lastBig = Infinity;
  let factorOfHalf = 1;

  if (lex.halves.has(w0) && view.norm(i + 1) === 'a' && isScaleWord(lex, view.norm(i + 2))) {
    factorOfHalf = lex.halves.get(w0)!;
    current = 1;
    j = i + 2;
  } else if ((w0 === 'a' || w0 === 'an') && isScaleWord(lex, view.norm(i + 1))) {
    current = 1;
    j = i + 1;
  } else if (!lex.unitWords.has(w0) && !lex.tensWords.has(w0)) {
    return null;
  }

  let end = j;
  for (; j < view.hi; j++) {
    const w = view.norm(j)!;
    const unit = lex.unitWords.get(w);
    const tens = lex.tensWords.get(w);
    const group = lex.groupWords.get(w);
    const big = w === 'hundred' ? undefined : lex.multipliers.get(w);
    if (unit !== undefined) {
      if (last === 'unit' || last === 'teen' || (last === 'tens' && unit >= 10) || last === 'group') break;
      current += unit;
      last = unit >= 10 ? 'teen' : 'unit';
    } else if (tens !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens' || last === 'group') break;
      current += tens;
      last = 'tens';
    } else if (w === 'hundred') {
      if (last === 'hundred' || last === 'group') break;
      current = (current || 1) * 100;
      last = 'hundred';
    } else if (big !== undefined) {
      if (big >= lastBig || last === 'group') break;
      total += (current || 1) * big;
      current = 0;
      lastBig = big;
      last = 'big';
    } else if (group !== undefined) {
      if (last === 'group' || last === 'hundred' || last === 'big') break;
      current = (current || 1) * group;
      last = 'group';
    } else if (w === '-' && last === 'tens' && view.glued(j - 1) && view.glued(j) && lex.unitWords.has(view.norm(j + 1) ?? '')) {
      continue;
    } else if (w === 'and' && (last === 'hundred' || last === 'big') && (lex.unitWords.has(view.norm(j + 1) ?? '') || lex.tensWords.has(view.norm(j + 1) ?? ''))) {
      continue;
    } else break;
    end = j + 1;
  }
  if (last === 'none') return null;
  // "two and a half million": the half joins the last group, then a scale may follow.
  const half = last === 'unit' || last === 'teen' || last === 'tens' ? andAHalf(view, end) : { value: 0, length: 0 };
  let value = round((total + current + half.value) * factorOfHalf);
  let scale = last === 'big' ? lastBig : last === 'hundred' ? 100 : 1;
  if (half.length) {
    const after = total === 0 ? readScale(view, lex, end + half.length, false) : { factor: 1, end: end + half.length };
    value = round(value * after.factor);
    if (after.factor > 1) scale = after.factor;
    end = after.end;
  }
  const bareOne = end === i + 1 && w0 === 'one';
  return { first: i, end, value, written: 'words', bareOne, scale };
}

const isScaleWord = (lex: QuantityLexicon, w: string | undefined) => w !== undefined && (lex.multipliers.has(w) || lex.groupWords.has(w));

/** "and a half" after a number: adds 0.5. */
function andAHalf(view: TokenView, j: number): { value: number; length: number } {
  return view.norm(j) === 'and' && view.norm(j + 1) === 'a' && view.norm(j + 2) === 'half' ? { value: 0.5, length: 3 } : { value: 0, length: 0 };
}

// Products like 16.6 * 1e9 pick up binary noise ("16600000000.000002"); 15 significant digits drop it.
// Integers of up to 15 digits (nearly every figure) are already what toPrecision(15) gives back.
const round = (x: number) => (Number.isInteger(x) && Math.abs(x) < 1e15 ? x : Number(x.toPrecision(15)));
