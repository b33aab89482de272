/**
 * Look-up keys for place names. A gazetteer name ("Al Ḩasakah", "Washington, D.C.",
 * "St. Louis") and a written form ("al-Hasakah", "Washington, DC", "St. Louis") must give
 * the same key, so keys drop diacritics, case, dots and apostrophes, and turn hyphens,
 * commas and spaces into single spaces.
 */

const MARKS = /\p{M}/gu;
// Transliteration marks that are letters, not combining marks (ʿAyn, ʾalif) and apostrophes.
const DROPPED = /[.'’‘ʿʾ`´]/g;
const SEPARATORS = /[\s,\-–—/()]+/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without diacritics: "Ḩasakah" -> "hasakah", "Türkiye" -> "turkiye". */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/đ/g, 'd').replace(/ł/g, 'l');
}

/** The key of one written word: folded, dots and apostrophes removed ("U.S." -> "us"). */
export function wordKey(word: string): string {
  const f = fold(word);
  return spelling(HAS_DROPPED.test(f) ? f.replace(DROPPED, '') : f);
}

const HAS_DROPPED = /[.'’‘ʿʾ`´]/;

/**
 * wordKey for a word of ASCII letters, dots and apostrophes, given its lower-case form:
 * such a word has nothing to fold, so only dots and apostrophes go.
 */
export function plainWordKey(lower: string): string {
  return spelling(hasDropped(lower) ? lower.replace(DROPPED, '') : lower);
}

/** HAS_DROPPED.test by character codes: this runs for nearly every word of a text. */
function hasDropped(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 46 || c === 39 || c === 96 || c === 0xb4 || c === 0x2018 || c === 0x2019 || c === 0x2be || c === 0x2bf) return true;
  }
  return false;
}

/** The key of a whole name: its words' keys joined by single spaces. */
export function nameKey(name: string): string {
  const words = fold(name).replace(DROPPED, '').split(SEPARATORS);
  const keys: string[] = [];
  for (const w of words) if (w) keys.push(spelling(w));
  return keys.join(' ');
}

/**
 * Arabic names reach English in several spellings; a word-final "-ah" is written with and
 * without its "h" ("Raqqah"/"Raqqa", "Fallujah"/"Falluja"), so both sides of a look-up drop it.
 */
function spelling(word: string): string {
  return word.length > 3 && word.endsWith('ah') ? word.slice(0, -1) : word;
}

/** The Arabic article that many gazetteer names carry and English texts often drop ("Al Anbar" = "Anbar"). */
export const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath']);

/** The key without a leading Arabic article ("al hasaka" -> "hasaka"), or null when it has none. */
export function withoutArticle(key: string): string | null {
  const space = key.indexOf(' ');
  if (space < 0) return null;
  return ARABIC_ARTICLES.has(key.slice(0, space)) ? key.slice(space + 1) : null;
}
