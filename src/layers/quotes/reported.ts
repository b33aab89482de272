import type { Offsets } from '../../doc/span.js';
import type { Token } from '../../doc/tokens.js';
import { sentenceFloor, speakerAfterVerb, subjectOf, type Attribution, type AttributionContext } from './attribution.js';
import { isCapitalized, phraseStartingAt } from './phrase.js';
import type { QuotePiece } from './spans.js';
import { tokenFacts } from './token-facts.js';

/** Indirect speech: "officials said the mission would wind down", the clause and who said it. */
export interface ReportedSpeech {
  clause: Offsets;
  attribution: Attribution;
}

// A reported clause shorter than this ("officials said so") carries no content worth keeping.
const MIN_CLAUSE_TOKENS = 3;
// How far after the verb a "that" may still open its clause ("said in a statement on Friday that").
const MAX_TOKENS_TO_THAT = 8;

const inside = (offset: number, pieces: readonly QuotePiece[]) => pieces.some((p) => p.open <= offset && offset <= (p.close ?? p.end));
const isPunct = (t: Token | undefined) => t === undefined || t.kind === 'punct';

/**
 * Reported speech, one per sentence at most, in three shapes: a subject and a reporting verb
 * before the clause ("X said (that) …"), the attribution after it (“…, officials said.”), and
 * "according to X". Sentences whose clause holds a direct quotation are left to that quotation.
 */
export function findReportedSpeech(ctx: AttributionContext, pieces: readonly QuotePiece[]): ReportedSpeech[] {
  const out: ReportedSpeech[] = [];
  // Only a sentence with a trigger word can hold reported speech: walk the triggers, not the tokens.
  const triggers = tokenFacts(ctx.doc.tokens, ctx.lex).reportedTriggers();
  const sentences = ctx.doc.sentences;
  let i = 0;
  for (let s = 0; s < sentences.length && i < triggers.length; s++) {
    const sentence = sentences[s]!;
    while (i < triggers.length && triggers[i]! < sentence.tokenStart) i++;
    if (i === triggers.length || triggers[i]! >= sentence.tokenEnd) continue;
    const found = reportedIn(ctx, sentenceFloor(ctx, sentence.tokenStart), sentence.tokenEnd, pieces, triggers, i);
    if (found && !pieces.some((p) => p.open < found.clause.end && found.clause.start <= p.open)) out.push(found);
  }
  return out;
}

/** The first of `phrases` spelled by the tokens from v on. A plain function: a closure over v would cost an object at every token. */
function phraseAt(tokens: readonly Token[], v: number, phrases: readonly (readonly string[])[]): readonly string[] | undefined {
  for (const seq of phrases) {
    let all = true;
    for (let j = 0; j < seq.length && all; j++) all = tokens[v + j]?.norm === seq[j];
    if (all) return seq;
  }
  return undefined;
}

/**
 * The first reported speech in the sentence of tokens [first, ceil), outside quotations;
 * `triggers` are the document's trigger tokens, the sentence's first at `fromTrigger`.
 */
function reportedIn(ctx: AttributionContext, first: number, ceil: number, pieces: readonly QuotePiece[], triggers: readonly number[], fromTrigger: number): ReportedSpeech | null {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  const facts = tokenFacts(tokens, lex);
  let lastContent = ceil - 1;
  while (lastContent > first && isPunct(tokens[lastContent])) lastContent--;
  for (let i = fromTrigger; i < triggers.length && triggers[i]! < ceil; i++) {
    const v = triggers[i]!;
    if (v < first) continue;
    const t = tokens[v]!;
    if (inside(t.start, pieces)) continue;
    const according = phraseAt(tokens, v, lex.accordingTo);
    if (according) {
      const r = accordingTo(ctx, v, according.length, first, ceil, lastContent);
      if (r) return r;
      continue;
    }
    if (!facts.reportingVerb(v)) continue;
    const final = attributionAtEnd(ctx, v, first, ceil, lastContent);
    if (final) return final;
    const subject = subjectOf(ctx, v, first);
    if (!subject) continue;
    const clauseStart = clauseStartAfter(ctx, v, ceil);
    if (clauseStart < 0 || lastContent - clauseStart + 1 < MIN_CLAUSE_TOKENS) continue;
    return {
      clause: { start: tokens[clauseStart]!.start, end: tokens[lastContent]!.end },
      attribution: { ...subject, trigger: { first: v, last: v }, pattern: 'speaker-verb' },
    };
  }
  return null;
}

/** "…, Biden administration officials confirmed Friday." / "…, said the ministry." */
function attributionAtEnd(ctx: AttributionContext, v: number, first: number, ceil: number, lastContent: number): ReportedSpeech | null {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  let k = v + 1;
  while (k <= lastContent && lex.afterVerbWords.has(tokens[k]!.norm)) k++;
  if (k <= lastContent) {
    // Inverted: ", said the ministry."
    if (tokens[v - 1]?.text !== ',') return null;
    const after = speakerAfterVerb(ctx, v, ceil);
    if (!after || (after.apposition?.last ?? after.speaker.last) < lastContent) return null;
    return clauseBefore(v - 1, { ...after, trigger: { first: v, last: v }, pattern: 'verb-speaker' });
  }
  const subject = subjectOf(ctx, v, first);
  if (!subject) return null;
  const comma = subject.speaker.first - 1;
  if (tokens[comma]?.text !== ',') return null;
  return clauseBefore(comma, { ...subject, trigger: { first: v, last: v }, pattern: 'speaker-verb' });

  function clauseBefore(comma: number, attribution: Attribution): ReportedSpeech | null {
    let end = comma - 1;
    while (end > first && isPunct(tokens[end])) end--;
    if (end - first + 1 < MIN_CLAUSE_TOKENS) return null;
    return { clause: { start: tokens[first]!.start, end: tokens[end]!.end }, attribution };
  }
}

/** "According to X, …" at the start, or "…, according to X." at the end. */
function accordingTo(ctx: AttributionContext, k: number, length: number, first: number, ceil: number, lastContent: number): ReportedSpeech | null {
  const tokens = ctx.doc.tokens;
  const found = speakerAfterVerb(ctx, k + length - 1, ceil);
  if (!found) return null;
  const attribution: Attribution = { ...found, trigger: { first: k, last: k + length - 1 }, pattern: 'according-to' };
  const speakerEnd = found.apposition?.last ?? found.speaker.last;
  if (k === first && tokens[speakerEnd + 1]?.text === ',' && lastContent - (speakerEnd + 2) + 1 >= MIN_CLAUSE_TOKENS) {
    return { clause: { start: tokens[speakerEnd + 2]!.start, end: tokens[lastContent]!.end }, attribution };
  }
  // "…, according to head coach David Ridler, a former player who …": what follows the comma describes the speaker.
  const endsWithSpeaker = speakerEnd >= lastContent || tokens[speakerEnd + 1]?.text === ',';
  if (endsWithSpeaker && tokens[k - 1]?.text === ',' && k - 1 - first >= MIN_CLAUSE_TOKENS) {
    return { clause: { start: tokens[first]!.start, end: tokens[k - 2]!.end }, attribution };
  }
  return null;
}

/**
 * Where the reported clause starts after the verb at `v`: past the hearer of "told"
 * ("told VOA on Monday that …"), past times and settings ("said Friday", "said in a
 * statement"), past "that". Returns -1 when what follows is not a clause (a quotation, an
 * infinitive, a comma).
 */
function clauseStartAfter(ctx: AttributionContext, v: number, ceil: number): number {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  let k = v + 1;
  // Verbs whose object is the hearer ("told VOA on Monday that …").
  if (lex.notInverted.has(tokens[v]!.norm)) {
    const hearer = phraseStartingAt(tokens, k, ceil, lex);
    if (!hearer) return -1;
    k = hearer.last + 1;
  }
  // A time or setting ("earlier this month", "in a statement") is skipped; "the mission" is the clause.
  if (k < ceil && lex.afterVerbWords.has(tokens[k]!.norm) && !lex.determiners.has(tokens[k]!.norm)) {
    const from = k;
    // Names may sit in the setting ("said in Baghdad that") only when "that" then opens the clause.
    while (k < ceil && k - from < MAX_TOKENS_TO_THAT && (lex.afterVerbWords.has(tokens[k]!.norm) || isCapitalized(tokens[k]))) k++;
    if (tokens[k]?.norm !== 'that') {
      k = from;
      while (k < ceil && lex.afterVerbWords.has(tokens[k]!.norm)) k++;
    }
  }
  if (tokens[k]?.norm === 'that') k++;
  // "announced victory" is no speech; "announced Monday it has settled" is (a subject pronoun opens a clause).
  else if (lex.reportingNeedsThat.has(tokens[v]!.norm) && !(tokens[k] && (lex.personPronouns.has(tokens[k]!.norm) || lex.groupPronouns.has(tokens[k]!.norm) || lex.thingPronouns.has(tokens[k]!.norm)))) return -1;
  const t = tokens[k];
  if (!t || t.kind === 'punct' || t.norm === 'to' || t.norm === 'so' || t.norm === 'of') return -1;
  return k;
}
