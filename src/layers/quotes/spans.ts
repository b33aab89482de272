import type { Paragraph } from './paragraphs.js';

export type MarkKind = 'double' | 'single';

/** A quotation mark that is not an apostrophe, with the role its surroundings give it. */
export interface Mark {
  at: number;
  kind: MarkKind;
  role: 'open' | 'close' | 'either';
  /** A single mark after "s" before a lower-case word: more likely a plural possessive. */
  possessive: boolean;
}

/** The text inside one pair of quotation marks (marks excluded, whitespace trimmed). */
export interface QuotePiece {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the piece runs to the end of its paragraph. */
  close: number | null;
  kind: MarkKind;
  paragraph: number;
  /** Index of the paragraph holding the closing mark (several paragraphs for a long statement). */
  lastParagraph: number;
  /** No closing mark before the paragraph break: the quotation goes on in a later paragraph. */
  leftOpen: boolean;
  /** Opens a paragraph right after a piece left open: the same quotation, continued. */
  continued: boolean;
}

const OPEN_AFTER = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', "'", ':']);
const CLOSE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…', '”', '’', '"', "'"]);
const DOUBLE = new Set(['"', '“', '”', '„', '«', '»']);
const SINGLE = new Set(["'", '‘', '’', '‚']);

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\u00a0' || c === '\r' || c === '\u200b';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);

/** Classifies the character at `i` as a quotation mark, or returns null (not a mark, or an apostrophe). */
export function markAt(text: string, i: number, from: number, to: number): Mark | null {
  const c = text[i]!;
  const isDouble = DOUBLE.has(c);
  if (!isDouble && !SINGLE.has(c)) return null;
  const prev = i > from ? text[i - 1] : undefined;
  const next = i + 1 < to ? text[i + 1] : undefined;
  const openContext = (isSpace(prev) || OPEN_AFTER.has(prev!)) && !isSpace(next);
  const closeContext = !isSpace(prev) && (isSpace(next) || CLOSE_BEFORE.has(next!));
  const kind: MarkKind = isDouble ? 'double' : 'single';
  if (!isDouble) {
    // Letters or digits on both sides ("don’t", "U.S.’s", "Kata'ib"): an apostrophe.
    if (!isSpace(prev) && isWordChar(next)) return null;
    if (openContext === closeContext) return null;
    if (c === '‘' && !openContext) return null;
    let possessive = false;
    if (closeContext && prev === 's') {
      let k = i + 1;
      while (k < to && isSpace(text[k])) k++;
      possessive = isSpace(next) && isLower(text[k]);
    }
    return { at: i, kind, role: openContext ? 'open' : 'close', possessive };
  }
  let role: Mark['role'];
  if (c === '“' || c === '„' || c === '«') role = closeContext && !openContext ? 'close' : 'open';
  else if (c === '”' || c === '»') role = openContext && !closeContext ? 'open' : 'close';
  else role = openContext && !closeContext ? 'open' : closeContext && !openContext ? 'close' : 'either';
  return { at: i, kind, role, possessive: false };
}

// What may be a quotation mark: '"', "'", '«', '»' or one of U+2018–U+201E (markAt tells).
const MAY_BE_MARK = /["'\u00ab\u00bb\u2018-\u201e]/g;

// The offsets of the characters that may be marks in the text read last: every paragraph of a
// document asks, and a regex finds the few marks of a text faster than a loop over its characters.
let markedText: string | null = null;
let markOffsets: number[] = [];

function mayBeMarkOffsets(text: string): number[] {
  if (text === markedText) return markOffsets;
  const found: number[] = [];
  MAY_BE_MARK.lastIndex = 0;
  for (let m = MAY_BE_MARK.exec(text); m !== null; m = MAY_BE_MARK.exec(text)) found.push(m.index);
  markedText = text;
  markOffsets = found;
  return found;
}

export function marksIn(text: string, from: number, to: number): Mark[] {
  const out: Mark[] = [];
  const offsets = mayBeMarkOffsets(text);
  // The first offset at or after `from` (binary search).
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < offsets.length && offsets[j]! < to; j++) {
    const mark = markAt(text, offsets[j]!, from, to);
    if (mark) out.push(mark);
  }
  return out;
}

/**
 * Pairs the quotation marks of one paragraph. Writers mix straight and curly marks and
 * sometimes close a double-quoted passage with a single mark, so a mark of the other kind
 * closes a quotation when no mark of its own kind does. A double-quoted passage still open
 * at the paragraph's end is left open (it may go on in the next paragraph); a stray single
 * mark in mid-paragraph is more likely an apostrophe and is dropped.
 */
export function piecesInParagraph(text: string, paragraph: Paragraph): QuotePiece[] {
  const marks = marksIn(text, paragraph.start, paragraph.end);
  const pieces: QuotePiece[] = [];
  let i = 0;
  while (i < marks.length) {
    const opener = marks[i]!;
    if (opener.role === 'close') { i++; continue; }
    let close = -1;
    let restartAt = -1;
    const fallback: number[] = [];
    let nested = false;
    for (let j = i + 1; j < marks.length; j++) {
      const m = marks[j]!;
      // An opening mark after a mismatched closing one: that closing mark ended the quotation.
      if (m.role === 'open' && fallback.length && !nested) break;
      if (m.kind !== opener.kind) {
        if (m.role === 'open') nested = true;
        else if (nested) nested = false;
        else if (m.role === 'close' || m.role === 'either') fallback.push(j);
        continue;
      }
      if (m.role === 'open') { restartAt = j; break; }
      if (opener.kind === 'single' && m.possessive && marks.slice(j + 1).some((n) => n.kind === 'single' && n.role !== 'open')) continue;
      close = j;
      break;
    }
    if (close < 0 && fallback.length) close = pickFallback(text, marks, fallback);
    if (close >= 0) {
      pushPiece(text, pieces, paragraph, opener, marks[close]!.at, marks[close]!.at);
      i = close + 1;
      continue;
    }
    const atParagraphStart = opener.at === paragraph.bodyStart;
    if (restartAt >= 0) {
      // A new opening mark before any closing one: the writer dropped a closing mark.
      if (opener.kind === 'double') pushPiece(text, pieces, paragraph, opener, marks[restartAt]!.at, null);
      i = restartAt;
      continue;
    }
    if (opener.kind === 'double' || atParagraphStart) {
      const piece = pushPiece(text, pieces, paragraph, opener, paragraph.end, null);
      if (piece) piece.leftOpen = true;
    }
    i++;
    if (opener.kind === 'double' || atParagraphStart) break;
  }
  return pieces;
}

// Prefer a closing mark right after punctuation (“…,’ the official said”), as news style puts it.
function pickFallback(text: string, marks: readonly Mark[], candidates: readonly number[]): number {
  for (const j of candidates) if (/[,.!?;:…—]/.test(text[marks[j]!.at - 1] ?? '')) return j;
  return candidates[candidates.length - 1]!;
}

function pushPiece(text: string, pieces: QuotePiece[], paragraph: Paragraph, opener: Mark, endAt: number, closeAt: number | null): QuotePiece | null {
  let start = opener.at + 1;
  let end = endAt;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return null;
  const piece: QuotePiece = {
    start, end, open: opener.at, close: closeAt, kind: opener.kind,
    paragraph: paragraph.index, lastParagraph: paragraph.index, leftOpen: false, continued: false,
  };
  pieces.push(piece);
  return piece;
}
