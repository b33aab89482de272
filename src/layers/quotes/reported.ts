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
 * infinitive, a comma, a modifier of the saying such as "after the meeting").
 */
function clauseStartAfter(ctx: AttributionContext, v: number, ceil: number): number {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  let k = v + 1;
  // Verbs whose object is the hearer ("told VOA on Monday that …").
  if (lex.notInverted.has(tokens[v]!.norm)) {
    const hearer = phraseStartingAt(tokens, k, ceil, lex);
    if (!hearer) return -1;
    k = hearerEnd(ctx, hearer.first, hearer.last) + 1;
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
  if (tokens[k]?.norm === 'that') {
    const after = tokens[k + 1];
    if (!after || after.kind === 'punct' || after.norm === 'to' || after.norm === 'so' || after.norm === 'of') return -1;
    // "said that would be a mistake": this "that" is the clause's subject, not its opener.
    return lex.finiteVerbs.has(after.norm) ? k : k + 1;
  }
  // "announced victory" is no speech; "announced Monday it has settled" is (a subject pronoun opens a clause).
  if (lex.reportingNeedsThat.has(tokens[v]!.norm) && !(tokens[k] && (lex.personPronouns.has(tokens[k]!.norm) || lex.groupPronouns.has(tokens[k]!.norm) || lex.thingPronouns.has(tokens[k]!.norm)))) return -1;
  const t = tokens[k];
  if (!t || t.kind === 'punct' || t.norm === 'to' || t.norm === 'so' || t.norm === 'of') return -1;
  // "told airlines not to buy": an infinitive; "which he said would help": the subject went before the verb.
  if ((t.norm === 'not' && tokens[k + 1]?.norm === 'to') || lex.finiteVerbs.has(t.norm)) return -1;
  const modifier = modifierOfTheSaying(ctx, v, k);
  return modifier < 0 ? k : clauseAfterModifier(ctx, modifier, ceil);
}

/**
 * The hearer of "told" ends before a second determiner: in "told jurors the killing followed …"
 * the hearer is "jurors" and "the killing" the subject of what was said ("the head of the
 * agency", "the two men" stay whole).
 */
function hearerEnd(ctx: AttributionContext, first: number, last: number): number {
  const facts = tokenFacts(ctx.doc.tokens, ctx.lex);
  for (let j = first + 1; j <= last; j++) {
    if (facts.determiner(j) && !facts.determiner(j - 1) && !ctx.lex.affiliationWords.has(ctx.doc.tokens[j - 1]!.norm)) return j - 1;
  }
  return last;
}

/**
 * Where a modifier of the saying starts when the words from `k` say when, where or how
 * something was said rather than what, else -1: "after the meeting", "again on Sunday", the
 * object of a preposition just skipped ("said in | Moscow", the modifier starts at "in"), or a
 * participle after a hearer or setting ("in a statement announcing …").
 */
function modifierOfTheSaying(ctx: AttributionContext, v: number, k: number): number {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  const t = tokens[k]!;
  if (lex.adjunctOpeners.has(t.norm)) return k;
  if (k - 1 > v && lex.adjunctOpeners.has(tokens[k - 1]!.norm)) return k - 1;
  return k - 1 > v && t.kind === 'word' && !isCapitalized(t) && isParticiple(t) ? k : -1;
}

const isParticiple = (t: Token) => t.norm.length > 4 && (t.norm.endsWith('ing') || t.norm.endsWith('ed'));

/**
 * The start of what was said when a modifier of the saying opens at `k`: after a "that" close
 * by ("said after the meeting that …"); at `k` when the words hold a clause of their own, an
 * auxiliary ("said over the past year attacks had fallen") or a clause after the comma that
 * ends a fronted modifier ("said after the raid, the militants fled"); otherwise -1.
 */
function clauseAfterModifier(ctx: AttributionContext, k: number, ceil: number): number {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  for (let j = k; j < ceil && j - k <= MAX_TOKENS_TO_THAT; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct') break;
    if (t.norm === 'that') return isPunct(tokens[j + 1]) ? -1 : j + 1;
  }
  for (let j = k; j < ceil; j++) {
    const t = tokens[j]!;
    // An aside in brackets ("(and, at 90 minutes, long)") is neither the clause nor its end.
    if (t.text === '(') {
      while (j < ceil && tokens[j]!.text !== ')') j++;
      continue;
    }
    if (lex.finiteVerbs.has(t.norm)) return k;
    if (t.text === ',' && clauseAfterComma(ctx, j, ceil)) return k;
  }
  return -1;
}

/** Whether a clause follows the comma at `comma`: not a relative or participle, and more than names and dates ("in Moscow, Russia Thursday"). */
function clauseAfterComma(ctx: AttributionContext, comma: number, ceil: number): boolean {
  const { lex } = ctx;
  const tokens = ctx.doc.tokens;
  const next = tokens[comma + 1];
  if (!next || next.kind === 'punct' || lex.notAfterComma.has(next.norm) || lex.adjunctOpeners.has(next.norm) || (!isCapitalized(next) && isParticiple(next))) return false;
  for (let j = comma + 1; j < ceil; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct') {
      if (t.text === ',') continue;
      break;
    }
    if (t.kind === 'word' && !isCapitalized(t) && !lex.afterVerbWords.has(t.norm) && !lex.determiners.has(t.norm) && !lex.adjunctOpeners.has(t.norm)) return true;
  }
  return false;
}
