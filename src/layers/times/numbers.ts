import type { TimesLexicon } from './lexicon.js';

/** An amount of time units: a number, or 'X' when the text leaves it open ("several"). */
export type Amount = number | 'X';

/**
 * Reads the amount in front of a time unit: "10", "1,000", "2.5", "ten", "twenty-five",
 * "a", "two and a half", "a few". Returns null when the words are not an amount.
 */
export function parseAmount(raw: string, lex: TimesLexicon): Amount | null {
  let s = raw.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[‐‑]/g, '-').trim();
  if (lex.vagueAmounts.has(s)) return 'X';
  let half = 0;
  const halfMatch = /^(.*?) and a half$/.exec(s);
  if (halfMatch) {
    s = halfMatch[1]!;
    half = 0.5;
  }
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return Number(s.replace(/,/g, '')) + half;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s) + half;
  const word = lex.numberWords.get(s) ?? lex.tens.get(s);
  if (word !== undefined) return word + half;
  const compound = /^([a-z]+)-([a-z]+)$/.exec(s);
  if (compound) {
    const tens = lex.tens.get(compound[1]!);
    const unit = lex.numberWords.get(compound[2]!);
    if (tens !== undefined && unit !== undefined && unit < 10) return tens + unit + half;
  }
  return null;
}

/** Parses a day-of-month or ordinal ("28", "27th", "third"), or null. */
export function parseDayNumber(raw: string, lex: TimesLexicon): number | null {
  const s = raw.toLowerCase();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(s);
  if (digits) return Number(digits[1]);
  return lex.ordinals.get(s) ?? null;
}
