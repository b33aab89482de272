import type { Doc } from '../../doc/document.js';
import type { Offsets } from '../../doc/span.js';

/**
 * "TAMPA, Fla. – U.S. Central Command forces ...": the place a report was filed from, before the
 * dash that opens the article, is not where its events happened.
 */
export function datelineOf(doc: Doc): Offsets | null {
  const first = doc.sentences[0];
  if (!first) return null;
  for (let k = first.tokenStart; k < Math.min(first.tokenEnd, first.tokenStart + 8); k++) {
    const t = doc.tokens[k]!;
    if ((t.text === '–' || t.text === '—' || t.text === '-') && doc.text[t.start - 1] === ' ') return { start: first.start, end: t.start };
  }
  return null;
}

