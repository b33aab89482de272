import type { Doc } from '../../doc/document.js';
import type { Quote } from '../../doc/layers.js';
import type { Offsets } from '../../doc/span.js';
import type { Annotator } from '../../pipeline.js';
import { PronounAntecedents } from './antecedents.js';
import { attributionAfter, attributionAtSentenceEnd, attributionBefore, attributionByColon, attributionByContext, type Attribution, type AttributionContext } from './attribution.js';
import { findQuotePieces, standsAlone } from './continuation.js';
import { quotesLexicon, type QuotesLexicon } from './lexicon.js';
import { findParagraphs, paragraphAt } from './paragraphs.js';
import { findPeople } from './people.js';
import { findReportedSpeech } from './reported.js';
import { isNickname, isScareQuote, wordCount } from './scare.js';
import { SpeakerResolver, type QuoteSpeaker } from './speaker.js';
import type { QuotePiece } from './spans.js';
import { tokenFacts } from './token-facts.js';

export type { QuoteSpeaker } from './speaker.js';

/**
 * The quotes layer (spec §2 Quotes): every direct quotation with its speaker, one record per
 * quoted piece, and reported speech with `direct: false`. Speakers are linked to the actors
 * layer when it ran before (a mention covering the speaker phrase); without it the speaker's
 * name and role come from the text alone.
 */
export function createQuotesAnnotator(): Annotator {
  const lex = quotesLexicon();
  return {
    name: 'quotes',
    // Speakers link to the actor whose mention covers them.
    requires: ['actors'],
    annotate(doc: Doc) {
      doc.layers.quotes.push(...findQuotes(doc, lex));
    },
  };
}

type Item =
  | { direct: true; span: Offsets; piece: QuotePiece; own: Attribution | null; paragraph: number }
  | { direct: false; span: Offsets; attribution: Attribution; paragraph: number };

export function findQuotes(doc: Doc, lex: QuotesLexicon): Quote[] {
  const paragraphs = findParagraphs(doc.text);
  const ctx: AttributionContext = { doc, lex, paragraphs };
  const pieces = findQuotePieces(doc.text, paragraphs).filter((p) => !isNickname(doc, p));
  const items: Item[] = pieces.map((piece, i) => ({
    direct: true, span: piece, piece, own: ownAttribution(ctx, pieces, i), paragraph: piece.paragraph,
  }));
  borrowFollowingAttribution(doc, items);
  for (const r of findReportedSpeech(ctx, pieces)) {
    items.push({ direct: false, span: r.clause, attribution: r.attribution, paragraph: paragraphAt(paragraphs, r.clause.start)?.index ?? -1 });
  }
  // Most articles quote nobody: then nobody needs to be looked up.
  if (items.length === 0) return [];
  items.sort((a, b) => a.span.start - b.span.start);

  const people = findPeople(doc, lex);
  // Persons named inside a quotation are not who "he said" points at.
  const quoted = pieces.map((p) => ({ start: p.open, end: p.close ?? p.end }));
  const resolver = new SpeakerResolver(doc, lex, people, new PronounAntecedents(doc, lex, paragraphs, quoted, people));
  const quotes: Quote[] = [];
  let lastParagraph = -2;
  for (const item of items) {
    if (!item.direct) {
      const speaker = resolver.resolve(item.attribution, item.span.start, mentionsStatement(ctx, item.attribution));
      quotes.push(record(doc, item.span, false, speaker));
      lastParagraph = item.paragraph;
      continue;
    }
    const { piece, own } = item;
    // Without an attribution, only a piece that opens a sentence is a quotation of its own; one
    // inside a sentence is a term or a title in marks ("what it called the “new normal”").
    const standalone = standsAlone(doc.text, paragraphs, piece);
    if (isScareQuote(doc, piece, own !== null || standalone, lex)) continue;
    let speaker: QuoteSpeaker | null = null;
    if (own) {
      speaker = resolver.resolve(own, piece.start, mentionsStatement(ctx, own));
    } else {
      if (!standalone) continue;
      if (piece.continued || piece.paragraph - lastParagraph <= 1) speaker = resolver.continueLast(piece.start);
      else {
        const context = attributionByContext(ctx, piece);
        if (context) speaker = resolver.resolve(context, piece.start, false);
      }
      if (!speaker && wordCount(doc, piece) < lex.longQuoteMinWords) continue;
    }
    quotes.push(record(doc, piece, true, speaker));
    lastParagraph = piece.lastParagraph;
  }
  quotes.sort((a, b) => a.start - b.start);
  quotes.forEach((q, i) => (q.id = `u${i + 1}`));
  return quotes;
}

/** The attribution a quoted piece has in its own sentence: after it, before it, or by a colon. */
function ownAttribution(ctx: AttributionContext, pieces: readonly QuotePiece[], i: number): Attribution | null {
  const piece = pieces[i]!;
  const prev = pieces[i - 1];
  const next = pieces[i + 1];
  const paragraph = ctx.paragraphs[piece.paragraph]!;
  const gapStart = prev && prev.lastParagraph === piece.paragraph && prev.close !== null ? prev.close + 1 : paragraph.start;
  const gapEnd = next && next.paragraph === piece.lastParagraph ? next.open : ctx.paragraphs[piece.lastParagraph]!.end;
  return attributionAfter(ctx, piece, gapEnd) ?? attributionBefore(ctx, piece, gapStart) ?? attributionByColon(ctx, piece) ?? attributionAtSentenceEnd(ctx, piece);
}

/**
 * “A.” Ms. Singh said, “B.” — the first piece has no attribution of its own and nobody spoke
 * before it in the paragraph: it shares the one between the two pieces.
 */
function borrowFollowingAttribution(doc: Doc, items: Item[]): void {
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (!a.direct || !b.direct || a.own || !b.own || a.piece.close === null) continue;
    if (b.paragraph !== a.piece.lastParagraph) continue;
    const prev = items[i - 1];
    if (prev && prev.direct && prev.paragraph === a.paragraph) continue;
    const triggerAt = doc.tokens[b.own.trigger.first]!.start;
    if (triggerAt > a.piece.close && triggerAt < b.piece.open) a.own = b.own;
  }
}

function mentionsStatement(ctx: AttributionContext, attribution: Attribution): boolean {
  const tokens = ctx.doc.tokens;
  const sentence = ctx.doc.sentenceAt(tokens[attribution.trigger.first]!.start);
  if (!sentence) return false;
  const facts = tokenFacts(tokens, ctx.lex);
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) if (facts.statementNoun(k)) return true;
  return false;
}

function record(doc: Doc, span: Offsets, direct: boolean, speaker: QuoteSpeaker | null): Quote {
  return { id: '', start: span.start, end: span.end, text: doc.text.slice(span.start, span.end), direct, speaker };
}
