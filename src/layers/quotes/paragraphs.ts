import type { Offsets } from '../../doc/span.js';
import { isSpaceCode } from '../../doc/whitespace.js';

/** A paragraph of the article: a line of text between line breaks, trimmed. */
export interface Paragraph extends Offsets {
  index: number;
  /** Where the body starts once a dateline ("TAMPA, Fla. –", "SOUTHWEST ASIA") is skipped. */
  bodyStart: number;
}

// A dateline is a place in capitals, optionally with a state or agency, before the story's first
// words; it is not part of any sentence a speaker could be the subject of.
const PLACE = String.raw`[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*`;
const STATE = String.raw`, (?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?= [A-Z]))`;
const AGENCY = String.raw`(?: \([^)]{1,30}\))?`;
const DATELINE = new RegExp(`^${PLACE}(?:${STATE}${AGENCY}(?:\\s*[—–-]+\\s*|\\s+)|${AGENCY}(?:\\s*[—–-]+\\s*|\\s+(?=[“"‘'])))`);

export function findParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const i = newline < 0 ? text.length : newline;
    let s = lineStart;
    let e = i;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length, bodyStart: s + datelineLength(text.slice(s, e)) });
    lineStart = i + 1;
  }
  return out;
}

function datelineLength(line: string): number {
  const m = DATELINE.exec(line);
  // "U.S. officials said" starts with capitals too: a dateline needs at least one word of 3+ capitals.
  if (!m || !/[A-Z]{3,}/.test(m[0]) || m[0].length >= line.length) return 0;
  return m[0].length;
}

/** The paragraph holding an offset (binary search), or undefined between paragraphs. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}
