import type { Doc } from '../../doc/document.js';
import type { Token } from '../../doc/tokens.js';
import type { QuotesLexicon } from './lexicon.js';
import { paragraphAt, type Paragraph } from './paragraphs.js';
import type { QuotePiece } from './spans.js';
import {
  allCapitalized, appositionAfter, holdsRole, isCapitalized, isPronoun, phraseEndingAt, phraseStartingAt, segmentBeforeComma,
  titleLengthAt, tokenAtOrAfter, tokenEndingBy, wordsIn, type TokenSpan,
} from './phrase.js';

export type AttributionPattern =
  | 'speaker-verb' // “…,” the official said
  | 'verb-speaker' // “…,” said Lt. Gen. Sean B. MacFarland
  | 'according-to' // according to a senior official
  | 'possessive' // the Prime Minister’s condemnation of the attacks as “…”
  | 'colon-intro' // X released the following statement: “…”
  | 'context'; // X went on television. “…” (the person the sentence before is about)

/** A speaker phrase and the apposition that describes it ("Gen. X, the commander"), as token spans. */
export interface Subject {
  speaker: TokenSpan;
  apposition: TokenSpan | null;
}

/** Who a quotation (or a reported clause) is attributed to, as token spans of `doc.tokens`. */
export interface Attribution {
  speaker: TokenSpan;
  apposition: TokenSpan | null;
  trigger: TokenSpan;
  pattern: AttributionPattern;
}

export interface AttributionContext {
  doc: Doc;
  lex: QuotesLexicon;
  paragraphs: readonly Paragraph[];
}

// A speaker phrase and its verb sit close together; beyond this the verb belongs to another clause.
const MAX_TOKENS_TO_VERB = 14;

const isSpeechVerb = (t: Token | undefined, lex: QuotesLexicon) => t !== undefined && lex.speechVerbs.has(t.norm);

/** Whether the tokens from `k` on spell a multi-word trigger such as "according to". */
function sequenceAt(tokens: readonly Token[], k: number, seq: readonly string[]): boolean {
  for (let j = 0; j < seq.length; j++) if (tokens[k + j]?.norm !== seq[j]) return false;
  return true;
}

function accordingToAt(tokens: readonly Token[], k: number, lex: QuotesLexicon): number {
  for (const seq of lex.accordingTo) if (sequenceAt(tokens, k, seq)) return seq.length;
  return 0;
}

/**
 * The subject of the verb at token `v`: the noun phrase right before it, past adverbs and
 * auxiliaries ("the official later said") and past an apposition between commas ("Gen. X,
 * U.S. Central Command commander, released").
 */
export function subjectOf(ctx: AttributionContext, v: number, floor: number): Subject | null {
  const found = readSubject(ctx, v, floor);
  if (!found) return null;
  // A subject opens its clause: "to slash the unpopular value added tax" has none.
  const start = Math.min(found.speaker.first, found.apposition?.first ?? Infinity);
  return opensClause(ctx, start, floor) ? found : null;
}

/** Whether a phrase starting at token `first` opens a clause: at the floor, or after a clause opener. */
export function opensClause(ctx: AttributionContext, first: number, floor: number): boolean {
  if (first <= floor) return true;
  const prev = ctx.doc.tokens[first - 1]!;
  // "his wife Li Wenzu told AFP": a possessive may open the stretch the attribution starts with.
  return ctx.lex.clauseOpeners.has(prev.norm) || (ctx.lex.possessivePronouns.has(prev.norm) && first - 1 <= floor);
}

const isAdverb = (t: Token) => t.kind === 'word' && t.norm.length > 4 && t.norm.endsWith('ly') && !isCapitalized(t);

function readSubject(ctx: AttributionContext, v: number, floor: number): Subject | null {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  let k = v - 1;
  while (k >= floor && (lex.skipBeforeVerb.has(tokens[k]!.norm) || isAdverb(tokens[k]!)) && !isPronoun(tokens[k], lex)) k--;
  if (k < floor) return null;
  let apposition: TokenSpan | null = null;
  if (tokens[k]!.text === ',') {
    const segment = segmentBeforeComma(tokens, k, floor, lex);
    if (!segment) return null;
    const before = phraseEndingAt(tokens, segment.openingComma - 1, floor, lex);
    if (segment.kind === 'name') {
      // The role comes first and the name between commas: "the store's owner, Ameer Karass, said".
      return { speaker: segment.span, apposition: before && holdsRole(tokens, before, lex) ? before : null };
    }
    if (segment.kind === 'apposition') apposition = segment.span;
    return before ? { speaker: before, apposition } : null;
  }
  const relative = relativeClauseSubject(ctx, k, floor);
  if (relative) return { speaker: relative, apposition: null };
  const speaker = phraseEndingAt(tokens, k, floor, lex);
  if (!speaker) return null;
  // A role after a name with one comma only: "Younus Al Nasser, assistant director general of … said".
  const lead = tokens[speaker.first]!;
  const describesRole = !isCapitalized(lead) || lex.determiners.has(lead.norm) || lex.roleNouns.has(lead.norm) || titleLengthAt(tokens, speaker.first, speaker.last + 1, lex) > 0;
  if (tokens[speaker.first - 1]?.text === ',' && describesRole && holdsRole(tokens, speaker, lex)) {
    const name = phraseEndingAt(tokens, speaker.first - 2, floor, lex);
    // The name must open its clause ("Addressing a conference in Wyoming, the bank chief said" is no name).
    const opens = name && opensClause(ctx, name.first, floor);
    if (name && opens && allCapitalized(tokens, name, lex) && wordsIn(tokens, name).length >= 2) return { speaker: name, apposition: speaker };
  }
  return { speaker, apposition: null };
}

// "a man who picked up said", "Officials who spoke on condition of anonymity said".
const MAX_RELATIVE_CLAUSE_TOKENS = 10;

function relativeClauseSubject(ctx: AttributionContext, k: number, floor: number): TokenSpan | null {
  const tokens = ctx.doc.tokens;
  for (let w = k; w > floor && k - w < MAX_RELATIVE_CLAUSE_TOKENS; w--) {
    const t = tokens[w]!;
    if (t.kind === 'punct' && t.text !== '.' && t.text !== '-') return null;
    if (isSpeechVerb(t, ctx.lex)) return null;
    if (t.norm === 'who') return phraseEndingAt(tokens, tokens[w - 1]?.text === ',' ? w - 2 : w - 1, floor, ctx.lex);
  }
  return null;
}

/**
 * The subject of the clause a participle hangs on: "Jobs started by hinting at the incident,
 * saying, …" → Jobs; "Detik.com quoted Djamal as saying" → Djamal.
 */
export function subjectOfParticiple(ctx: AttributionContext, k: number, floor: number): Subject | null {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  if (tokens[k - 1]?.norm === 'as') {
    const object = phraseEndingAt(tokens, k - 2, floor, lex);
    if (object) return { speaker: object, apposition: null };
  }
  for (let f = floor + 1; f < k; f++) {
    const t = tokens[f]!;
    const prev = tokens[f - 1]!;
    if (t.kind !== 'word' || isCapitalized(t) || lex.phraseStops.has(t.norm) || lex.determiners.has(t.norm)) continue;
    if (prev.kind === 'word' && !isCapitalized(prev) && !isPronoun(prev, lex)) continue;
    const subject = subjectOf(ctx, f, floor);
    if (subject) return subject;
  }
  return null;
}

/**
 * Whether a phrase after a speech verb is its speaker ("said the minister", "said officials")
 * rather than its object ("claimed responsibility for the attack").
 */
function canFollowVerb(ctx: AttributionContext, span: TokenSpan): boolean {
  const t = ctx.doc.tokens[span.first]!;
  return isCapitalized(t) || t.kind === 'number' || ctx.lex.determiners.has(t.norm) || isPronoun(t, ctx.lex) || namesSomeone(ctx, span);
}

/** The speaker after the verb at `v` ("said Adm. Brad Cooper, CENTCOM commander"). */
export function speakerAfterVerb(ctx: AttributionContext, v: number, ceil: number): Subject | null {
  const tokens = ctx.doc.tokens;
  const speaker = phraseStartingAt(tokens, v + 1, ceil, ctx.lex);
  if (!speaker) return null;
  return { speaker, apposition: appositionAfter(tokens, speaker.last + 1, ceil, ctx.lex) };
}

/** The first token a speaker phrase may start at in a sentence: after a dateline that opens its paragraph. */
export function sentenceFloor(ctx: AttributionContext, sentenceFirst: number): number {
  const tokens = ctx.doc.tokens;
  const at = tokens[sentenceFirst]?.start ?? 0;
  const para = paragraphAt(ctx.paragraphs, at);
  return para && para.bodyStart > at ? Math.max(sentenceFirst, tokenAtOrAfter(tokens, para.bodyStart)) : sentenceFirst;
}

/** Token bounds [first, ceil) of the sentence that holds `offset`, or null between sentences. */
function sentenceTokens(ctx: AttributionContext, offset: number): { first: number; ceil: number } | null {
  const s = ctx.doc.sentenceAt(offset);
  return s ? { first: s.tokenStart, ceil: s.tokenEnd } : null;
}

/**
 * An attribution in the text right after a quotation, in the same sentence:
 * “…,” the official said / “…,” said X / “…,” according to X.
 * A quotation that ends its own sentence (“….” with a capital after) has none here.
 */
export function attributionAfter(ctx: AttributionContext, piece: QuotePiece, gapEnd: number): Attribution | null {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const closeAt = piece.close;
  if (closeAt === null) return null;
  let k = tokenAtOrAfter(tokens, closeAt + 1);
  const ceilTok = tokenAtOrAfter(tokens, gapEnd);
  while (k < ceilTok && (tokens[k]!.text === ',' || tokens[k]!.text === '—' || tokens[k]!.text === '–')) k++;
  if (k >= ceilTok) return null;
  const firstWord = tokens[k]!;
  const endsSentence = /[.]$/.test(doc.text.slice(piece.start, piece.end));
  if (endsSentence && /^\p{Lu}/u.test(firstWord.text)) return null;
  const sentence = sentenceTokens(ctx, firstWord.start);
  const ceil = Math.min(ceilTok, sentence ? Math.max(sentence.ceil, k + 1) : ceilTok);

  if (isSpeechVerb(firstWord, lex) && !lex.notInverted.has(firstWord.norm)) {
    const found = speakerAfterVerb(ctx, k, ceil);
    if (found && canFollowVerb(ctx, found.speaker)) return { ...found, trigger: { first: k, last: k }, pattern: 'verb-speaker' };
  }
  const according = accordingToAt(tokens, k, lex);
  if (according) {
    const found = speakerAfterVerb(ctx, k + according - 1, ceil);
    if (found) return { ...found, trigger: { first: k, last: k + according - 1 }, pattern: 'according-to' };
  }
  for (let v = k + 1; v < ceil && v - k <= MAX_TOKENS_TO_VERB; v++) {
    if (lex.participles.has(tokens[v]!.norm) && tokens[v - 1]?.norm === 'as') {
      // “…,” Detik.com quoted Djamal as saying.
      const quoted = phraseEndingAt(tokens, v - 2, k, lex);
      if (quoted) return { speaker: quoted, apposition: null, trigger: { first: v, last: v }, pattern: 'speaker-verb' };
    }
    if (!isSpeechVerb(tokens[v], lex)) continue;
    const found = subjectOf(ctx, v, k);
    // The subject must fill the whole stretch between the quotation and the verb.
    const lead = tokens[k]!.norm;
    const start = found ? Math.min(found.speaker.first, found.apposition?.first ?? Infinity) : -1;
    if (found && (start === k || (start === k + 1 && (lead === 'and' || lex.possessivePronouns.has(lead))))) {
      return { ...found, trigger: { first: v, last: v }, pattern: 'speaker-verb' };
    }
    break;
  }
  return null;
}

/**
 * An attribution in the same sentence before a quotation: X said, “…” / X said the U.S.
 * “maintains …” / according to X, “…” / X called them “…” / the Prime Minister’s
 * condemnation of the attacks as “…”. The nearest trigger before the quotation wins.
 */
export function attributionBefore(ctx: AttributionContext, piece: QuotePiece, gapStart: number): Attribution | null {
  const { doc } = ctx;
  const tokens = doc.tokens;
  const para = ctx.paragraphs[piece.paragraph]!;
  const lastTok = tokenEndingBy(tokens, piece.open);
  // The sentence the quotation opens in: none before it when the mark starts the sentence.
  const sentence = sentenceTokens(ctx, piece.open);
  if (!sentence || lastTok < sentence.first) return null;
  const floor = Math.max(sentence.first, tokenAtOrAfter(tokens, Math.max(gapStart, para.bodyStart)));
  return attributionBeforeFrom(ctx, lastTok, floor, lastTok);
}

function attributionBeforeFrom(ctx: AttributionContext, from: number, floor: number, lastTok: number): Attribution | null {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  for (let k = from; k >= floor; k--) {
    const t = tokens[k]!;
    if (lex.participles.has(t.norm)) {
      // "…, adding: “…”" borrows the subject of an earlier verb in the sentence when there is one.
      const earlier = attributionBeforeFrom(ctx, k - 1, floor, lastTok);
      if (earlier) return earlier;
      const subject = subjectOfParticiple(ctx, k, floor);
      return subject ? { ...subject, trigger: { first: k, last: k }, pattern: 'speaker-verb' } : null;
    }
    if (isSpeechVerb(t, lex) || lex.callVerbs.has(t.norm)) {
      const subject = subjectOf(ctx, k, floor);
      if (subject) return { ...subject, trigger: { first: k, last: k }, pattern: 'speaker-verb' };
      // Said the minister: “…” — the phrase must run up to the colon or comma before the mark.
      const after = speakerAfterVerb(ctx, k, lastTok + 1);
      const end = after ? (after.apposition ?? after.speaker).last : -1;
      if (after && end === lastTok - 1 && /^[,:]$/.test(tokens[lastTok]!.text) && !lex.callVerbs.has(t.norm)) {
        return { ...after, trigger: { first: k, last: k }, pattern: 'verb-speaker' };
      }
      continue;
    }
    const according = accordingToAt(tokens, k, lex);
    if (according) {
      const found = speakerAfterVerb(ctx, k + according - 1, lastTok + 1);
      if (found) return { ...found, trigger: { first: k, last: k + according - 1 }, pattern: 'according-to' };
    }
    if (lex.speechNouns.has(t.norm)) {
      const owner = possessorOf(ctx, k, floor);
      if (owner) return { speaker: owner, apposition: null, trigger: { first: k, last: k }, pattern: 'possessive' };
    }
  }
  return null;
}

// "the Prime Minister’s strong condemnation", "his remarks": up to two modifiers between.
function possessorOf(ctx: AttributionContext, noun: number, floor: number): TokenSpan | null {
  const tokens = ctx.doc.tokens;
  for (let k = noun - 1; k >= floor && noun - k <= 3; k--) {
    const t = tokens[k]!;
    if (/['’]s$/.test(t.text) || (t.text === 's' && (tokens[k - 1]?.text === "'" || tokens[k - 1]?.text === '’'))) {
      return phraseEndingAt(tokens, t.text === 's' ? k - 2 : k, floor, ctx.lex);
    }
    if (ctx.lex.possessivePronouns.has(t.norm)) return { first: k, last: k };
    if (t.kind !== 'word') return null;
  }
  return null;
}

/**
 * A statement printed after a colon: “X released the following statement:” ends the
 * paragraph (or the text) right before the quotation; the speaker is the subject of the
 * last speech or issuing verb of that sentence.
 */
export function attributionByColon(ctx: AttributionContext, piece: QuotePiece): Attribution | null {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const lastTok = tokenEndingBy(tokens, piece.open);
  if (lastTok < 0 || tokens[lastTok]!.text !== ':') return null;
  const sentence = sentenceTokens(ctx, tokens[lastTok]!.start);
  const para = paragraphAt(ctx.paragraphs, tokens[lastTok]!.start);
  if (!sentence || !para) return null;
  const floor = Math.max(sentence.first, tokenAtOrAfter(tokens, para.bodyStart));
  for (let k = lastTok - 1; k >= floor; k--) {
    const t = tokens[k]!;
    if (!isSpeechVerb(t, lex) && !lex.issueVerbs.has(t.norm)) continue;
    const subject = subjectOf(ctx, k, floor);
    if (subject) return { ...subject, trigger: { first: k, last: k }, pattern: 'colon-intro' };
  }
  // "The five CEOs – … – outlined their vision:": the sentence's subject, when it names people.
  const subject = phraseStartingAt(tokens, floor, lastTok, lex);
  if (!subject || !namesSomeone(ctx, subject)) return null;
  const apposition = appositionAfter(tokens, subject.last + 1, lastTok, lex);
  return { speaker: subject, apposition, trigger: { first: lastTok, last: lastTok }, pattern: 'colon-intro' };
}

/** Whether a phrase names a person or people: a pronoun, a role noun, or a name of two words. */
export function namesSomeone(ctx: AttributionContext, span: TokenSpan): boolean {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  const head = tokens[span.last]!;
  if (span.first === span.last && (lex.personPronouns.has(head.norm) || lex.groupPronouns.has(head.norm))) return true;
  if (lex.roleNouns.has(head.norm) || lex.pluralRoleNouns.has(head.norm) || holdsRole(tokens, span, lex)) return true;
  return allCapitalized(tokens, span, lex) && wordsIn(tokens, span).length >= 2;
}

/**
 * A quotation that opens a paragraph with no attribution anywhere, right after a sentence
 * whose subject is a named person: "President Dmitry Medvedev went on national television.
 * “There is no more important task …”" — the quotation is that person's.
 */
export function attributionByContext(ctx: AttributionContext, piece: QuotePiece): Attribution | null {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const para = ctx.paragraphs[piece.paragraph]!;
  if (piece.open > para.bodyStart) return null;
  const lastTok = tokenEndingBy(tokens, piece.open);
  if (lastTok < 0) return null;
  const sentence = doc.sentenceAt(tokens[lastTok]!.start);
  if (!sentence) return null;
  const floor = sentenceFloor(ctx, sentence.tokenStart);
  const subject = phraseStartingAt(tokens, floor, sentence.tokenEnd, lex);
  if (!subject || !allCapitalized(tokens, subject, lex) || wordsIn(tokens, subject).length < 2) return null;
  const next = tokens[subject.last + 1];
  if (!next || next.kind !== 'word' || isCapitalized(next)) return null;
  return { speaker: subject, apposition: null, trigger: { first: subject.last + 1, last: subject.last + 1 }, pattern: 'context' };
}

/**
 * The attribution that closes the quotation's sentence further on, past other quoted pieces:
 * “China will … fight back firmly” if the U.S. persists in its “protectionism,” the ministry said.
 */
export function attributionAtSentenceEnd(ctx: AttributionContext, piece: QuotePiece): Attribution | null {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  if (piece.close === null) return null;
  const sentence = sentenceTokens(ctx, piece.close + 1) ?? sentenceTokens(ctx, piece.start);
  if (!sentence) return null;
  let last = sentence.ceil - 1;
  while (last > sentence.first && tokens[last]!.kind === 'punct') last--;
  const from = tokenAtOrAfter(tokens, piece.close + 1);
  for (let v = last; v >= from && last - v <= 3; v--) {
    const t = tokens[v]!;
    if (!isSpeechVerb(t, lex)) {
      if (lex.afterVerbWords.has(t.norm) || isCapitalized(t)) continue;
      return null;
    }
    const subject = subjectOf(ctx, v, from);
    if (!subject) return null;
    const start = Math.min(subject.speaker.first, subject.apposition?.first ?? Infinity);
    // After a comma, or after a closing mark with the comma inside it (“…protectionism,” the ministry said).
    const before = tokens[start - 1]?.kind === 'punct' && /["”’']/.test(tokens[start - 1]!.text) ? start - 2 : start - 1;
    return tokens[before]?.text === ',' ? { ...subject, trigger: { first: v, last: v }, pattern: 'speaker-verb' } : null;
  }
  return null;
}
