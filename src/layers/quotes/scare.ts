import type { Doc } from '../../doc/document.js';
import type { QuotesLexicon } from './lexicon.js';
import { wordsIn, tokenAtOrAfter, tokenEndingBy } from './phrase.js';
import type { QuotePiece } from './spans.js';
import { isSpaceCode } from '../../doc/whitespace.js';

const NAME_WORD = /^\p{Lu}[\p{L}’'.-]*$/u;

/** Michael “Erik” Kurilla: one or two capitalized words in marks between two parts of a name. */
export function isNickname(doc: Doc, piece: QuotePiece): boolean {
  if (piece.close === null || moreThanTwoWords(doc.text, piece.start, piece.end)) return false;
  const words = doc.text.slice(piece.start, piece.end).split(/\s+/);
  if (words.length > 2 || !words.every((w) => NAME_WORD.test(w))) return false;
  const before = /(\S+)\s$/.exec(doc.text.slice(Math.max(0, piece.open - 30), piece.open))?.[1] ?? '';
  const after = /^\s([^\s,.;:!?]+)/.exec(doc.text.slice(piece.close + 1, piece.close + 30))?.[1] ?? '';
  return NAME_WORD.test(before) && NAME_WORD.test(after);
}

/** Whether text[start, end) split at runs of white space has more than two parts: a quotation, no nickname. */
function moreThanTwoWords(text: string, start: number, end: number): boolean {
  let runs = 0;
  for (let k = start; k < end; k++) {
    if (!isSpaceCode(text.charCodeAt(k))) continue;
    if (++runs === 2) return true;
    while (k + 1 < end && isSpaceCode(text.charCodeAt(k + 1))) k++;
  }
  return false;
}

/** Number of word tokens inside a quoted piece. */
export function wordCount(doc: Doc, piece: QuotePiece): number {
  const first = tokenAtOrAfter(doc.tokens, piece.start);
  const last = tokenEndingBy(doc.tokens, piece.end);
  return last < first ? 0 : wordsIn(doc.tokens, { first, last }).length;
}

/**
 * A word or title in quotation marks rather than a quotation: the former “caliphate”, the
 * so-called “physical caliphate”, Bravo’s “Below Deck”. A short piece is a quotation only
 * when it may have a speaker: its own sentence attributes it (Sudani called them “acts of
 * terrorism”), or it stands as a sentence of its own and continues an earlier speaker.
 */
export function isScareQuote(doc: Doc, piece: QuotePiece, mayHaveSpeaker: boolean, lex: QuotesLexicon): boolean {
  const words = wordCount(doc, piece);
  if (words > lex.scareMaxWords) return false;
  const before = doc.text.slice(Math.max(0, piece.open - 40), piece.open).toLowerCase().replace(/’/g, "'").trimEnd();
  for (const marker of lex.scareMarkers) {
    if (before.endsWith(marker) && !/[\p{L}\p{N}]/u.test(before[before.length - marker.length - 1] ?? '')) return true;
  }
  if (words === 1) {
    const previousWord = /([\p{L}'-]+)$/u.exec(before)?.[1] ?? '';
    if (lex.scareModifiers.has(previousWord)) return true;
  }
  return !mayHaveSpeaker;
}
