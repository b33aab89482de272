/**
 * The normal forms that spec §4 compares: names and speakers without case, articles and
 * punctuation; TIMEX3 values with decades and centuries written as years; units singular.
 */

const ARTICLE_WORD = /\b(?:the|a|an)\b/g;
const NOT_WORD_OR_APOSTROPHE = /[^\p{L}\p{N}' ]+/gu;
const CURLY_APOSTROPHE = /’/g;
const SPACE_RUN = /\s+/g;

/** "The U.S.-led Coalition" and "u s led coalition" compare equal. */
export function normalizeName(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .toLowerCase()
    .replace(CURLY_APOSTROPHE, "'")
    .replace(ARTICLE_WORD, ' ')
    .replace(NOT_WORD_OR_APOSTROPHE, ' ')
    .replace(SPACE_RUN, ' ')
    .trim();
}

const DECADES = /^P(\d+)DE$/;
const CENTURIES = /^P(\d+)CE$/;

/** Upper-cased TIMEX3 value where P1DE = P10Y and P1CE = P100Y; null stays null. */
export function canonicalTimeValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value)
    .toUpperCase()
    .replace(DECADES, (_, n: string) => `P${Number(n) * 10}Y`)
    .replace(CENTURIES, (_, n: string) => `P${Number(n) * 100}Y`);
}

/** "Troops" and "troop", "Square miles" and "square mile" compare equal. */
export function normalizeUnit(value: unknown): string {
  return normalizeName(value).replace(/s$/, '');
}
