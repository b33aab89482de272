import type { Offsets } from '../doc/span.js';

/** The `nth` (1-based) occurrence of `snippet` in `text`, occurrences allowed to overlap; null when absent. */
export function locateSnippet(text: string, snippet: string, nth: number): Offsets | null {
  let at = -1;
  for (let seen = 0; seen < nth; seen++) {
    at = text.indexOf(snippet, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + snippet.length };
}

/** Why a snippet was not found, in words a gold author can act on. */
export function describeAbsence(text: string, snippet: string): string {
  let count = 0;
  for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) count++;
  if (count > 0) return `occurs only ${count} time${count > 1 ? 's' : ''} in the text`;
  if (fold(text).includes(fold(snippet))) return 'is not in the text as written (it is there with other quotes, dashes, spacing or case)';
  return 'is not in the text';
}

/** Straight quotes, plain hyphens, single spaces, lower case: the differences a typist does not see. */
const fold = (s: string): string =>
  s.replace(/[‘’‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/\s+/g, ' ').toLowerCase();
