/** Longest list of words one text filter may hold: more is not a search, and costs FTS5 time. */
const MAX_PHRASES = 32;

/**
 * The user's search text as an FTS5 query that FTS5 reads only as text: every run of characters
 * between spaces becomes a quoted string ("al-Sudani" → "al-Sudani", whose words must stand side
 * by side), and all of them must occur in the sentence. Quotes inside a run are doubled, so
 * operators (NEAR, OR, *, ^, column filters) and stray quotes are just characters. Runs with no
 * letter or digit are dropped, since FTS5 would find no word in them. Null when nothing is left.
 */
export function ftsQuery(text: string): string | null {
  const phrases = text
    .split(/\s+/)
    .filter((run) => /[\p{L}\p{N}]/u.test(run))
    .slice(0, MAX_PHRASES)
    .map((run) => `"${run.replace(/"/g, '""')}"`);
  return phrases.length > 0 ? phrases.join(' ') : null;
}
