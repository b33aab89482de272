import type { Paragraph } from './paragraphs.js';
import { marksIn, piecesInParagraph, type QuotePiece } from './spans.js';
import { isSpaceCode } from '../../doc/whitespace.js';

// A statement printed over several paragraphs with one pair of marks rarely runs longer.
const MAX_PARAGRAPHS_WITHOUT_MARKS = 8;

/**
 * Every quoted piece of the article, in text order. A quotation left open at a paragraph
 * break goes on in the next paragraph: by news convention that paragraph opens with a new
 * mark (then it is a piece of its own, flagged `continued`); some writers instead print the
 * following paragraphs without marks until the closing one (then the piece spans them).
 */
export function findQuotePieces(text: string, paragraphs: readonly Paragraph[]): QuotePiece[] {
  const perParagraph = paragraphs.map((p) => piecesInParagraph(text, p));
  const out: QuotePiece[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    for (const piece of perParagraph[p]!) {
      out.push(piece);
      if (!piece.leftOpen || p + 1 >= paragraphs.length) continue;
      const next = paragraphs[p + 1]!;
      const nextFirst = perParagraph[p + 1]![0];
      if (nextFirst && nextFirst.open === next.bodyStart) {
        nextFirst.continued = true;
        continue;
      }
      extendOverUnmarkedParagraphs(text, paragraphs, perParagraph, piece, p);
    }
  }
  return out;
}

function extendOverUnmarkedParagraphs(
  text: string, paragraphs: readonly Paragraph[], perParagraph: QuotePiece[][], piece: QuotePiece, p: number,
): void {
  const last = Math.min(paragraphs.length, p + 1 + MAX_PARAGRAPHS_WITHOUT_MARKS);
  for (let q = p + 1; q < last; q++) {
    const para = paragraphs[q]!;
    const marks = marksIn(text, para.start, para.end);
    if (marks.length === 0) continue;
    const first = marks[0]!;
    if (first.kind !== piece.kind || first.role === 'open') return;
    let end = first.at;
    while (end > para.start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    piece.end = end;
    piece.close = first.at;
    piece.lastParagraph = q;
    piece.leftOpen = false;
    // The closing mark was read as an opener (or skipped) in its own paragraph: read the rest again.
    const rest = { ...para, start: first.at + 1, bodyStart: first.at + 1 };
    perParagraph[q] = piecesInParagraph(text, rest);
    return;
  }
}

/**
 * Whether a quoted piece stands as a sentence of its own: it opens its paragraph or follows a
 * sentence end (or a colon), and it ends a clause. Only such a piece can be a quotation
 * without an attribution in its sentence; "‘Makeen Market Complex’ has 728 shops" or "what it
 * called the “new normal”" use marks around a name or a term.
 */
export function standsAlone(text: string, paragraphs: readonly Paragraph[], piece: QuotePiece): boolean {
  return startsSentence(text, paragraphs[piece.paragraph]!, piece) && endsClause(text, paragraphs[piece.lastParagraph]!, piece);
}

function startsSentence(text: string, paragraph: Paragraph, piece: QuotePiece): boolean {
  if (piece.open <= paragraph.bodyStart) return true;
  let k = piece.open - 1;
  while (k > paragraph.start && isSpaceCode(text.charCodeAt(k))) k--;
  let c = text[k]!;
  if (/[”"’']/.test(c) && k > paragraph.start) c = text[k - 1]!;
  return /[.!?:;…]/.test(c);
}

function endsClause(text: string, paragraph: Paragraph, piece: QuotePiece): boolean {
  if (piece.close === null) return true;
  if (/[.!?…,;:—–-]$/.test(text.slice(piece.start, piece.end))) return true;
  let k = piece.close + 1;
  while (k < paragraph.end && isSpaceCode(text.charCodeAt(k))) k++;
  return k >= paragraph.end || /[.!?;:]/.test(text[k]!);
}
