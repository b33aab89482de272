import { absorb, compatible } from './merge.js';
import type { PloverType } from './types.js';
import type { DraftEvent } from './types.js';

/**
 * Passes over the whole article, after every sentence has its events:
 * 1. a later mention of an earlier event ("the attack", "these operations", "the individual
 *    who was killed") is folded into it, giving it what it lacked (toll, target, source); the
 *    other events of that sentence take the earlier event's date and source when they have
 *    none ("These operations resulted in 31 operatives detained");
 * 2. an event told again within two sentences with the same type, source and target is the
 *    same event (the first mention stays, the second fills its gaps);
 * 3. statements (verbal events) with no date of their own were made in the call or meeting the
 *    article reports, when it reported one before them, else on the day of the report;
 * 4. events with no place of their own happened in the article's main country, if it has one.
 */

export interface ArticleContext {
  codeOf: (id: string | null) => string | null;
  dct: string | null;
  mainPlace: string | null;
  statementTypes: ReadonlySet<PloverType>;
  /** The paragraph a sentence belongs to. */
  paragraphOf?: (sentenceIndex: number) => number;
}

const ANAPHOR_REACH = 10;
const RETELLING_REACH = 2;

export function resolveArticle(drafts: DraftEvent[], ctx: ArticleContext): void {
  foldAnaphors(drafts, ctx);
  foldRetellings(drafts, ctx);
  blameAuthors(drafts);
  dateContinuations(drafts, ctx);
  dateStatements(drafts, ctx);
  if (ctx.mainPlace) for (const d of drafts) if (!d.mergedInto) d.place ??= ctx.mainPlace;
}

function foldAnaphors(drafts: DraftEvent[], ctx: ArticleContext): void {
  for (const d of drafts) {
    if (!d.anaphoric || d.mergedInto) continue;
    const candidates = [...drafts]
      .reverse()
      .filter((e) => e !== d && !e.mergedInto && e.type === d.type && e.sentenceIndex < d.sentenceIndex && e.sentenceIndex >= d.sentenceIndex - ANAPHOR_REACH && compatible(e, d, ctx.codeOf, true) && datesAgree(e, d) && sameFooting(e, d));
    const antecedent = bestAntecedent(d, candidates, ctx.codeOf);
    if (!antecedent) continue;
    const ownDate = d.date;
    absorb(antecedent, d);
    for (const other of drafts) {
      // What follows the mention in its sentence is its outcome ("These operations resulted in
      // 31 operatives detained"); statements are dated by when they were made, not by what they mention.
      if (other === d || other.mergedInto || other.sentenceIndex !== d.sentenceIndex || ctx.statementTypes.has(other.type)) continue;
      if (other.triggers[0]!.start < d.triggers[0]!.start) continue;
      if (other.date === null && antecedent.date !== null && ownDate === null) {
        other.date = antecedent.date;
        other.time = antecedent.time;
        other.dateSource = antecedent.dateSource;
      }
      if (other.source === null || other.sourceGuessed) {
        if (antecedent.source && other.target !== antecedent.source) {
          other.source = antecedent.source;
          other.sourceExplicit = antecedent.sourceExplicit;
        }
      }
    }
  }
}

function foldRetellings(drafts: DraftEvent[], ctx: ArticleContext): void {
  for (const d of drafts) {
    if (d.mergedInto || !d.sourceExplicit || !d.targetExplicit) continue;
    const first = drafts.find(
      (e) =>
        e !== d &&
        !e.mergedInto &&
        e.type === d.type &&
        e.sentenceIndex < d.sentenceIndex &&
        e.sentenceIndex >= d.sentenceIndex - RETELLING_REACH &&
        e.sourceExplicit &&
        e.targetExplicit &&
        ctx.codeOf(e.source) === ctx.codeOf(d.source) &&
        ctx.codeOf(e.target) === ctx.codeOf(d.target) &&
        e.status === d.status &&
        datesAgree(e, d),
    );
    if (first) absorb(first, d);
  }
}

/**
 * The earlier event a mention points back to: the same victim counts most ("the killing of an
 * American citizen" → "the murder of an American citizen"), then the same word ("These precision
 * strikes" → "conduct precision airstrikes"), then an event whose actor was named, then nearness.
 */
function bestAntecedent(d: DraftEvent, candidates: readonly DraftEvent[], codeOf: (id: string | null) => string | null): DraftEvent | undefined {
  const stems = d.triggers.map((t) => stem(t.lemma));
  const sameWord = (e: DraftEvent) => e.triggers.some((t) => stems.some((l) => stem(t.lemma).endsWith(l) || l.endsWith(stem(t.lemma))));
  // "the killing of an American citizen" points to the event with that victim, whatever its word.
  const sameTarget = (e: DraftEvent) => d.targetExplicit && e.targetExplicit && codeOf(e.target) === codeOf(d.target);
  let best: { e: DraftEvent; score: number } | undefined;
  for (const e of candidates) {
    const score = (sameWord(e) ? 2 : 0) + (sameTarget(e) ? 2.5 : 0) + (e.sourceExplicit ? 0.5 : 0) - 0.1 * (d.sentenceIndex - e.sentenceIndex);
    if (!best || score > best.score) best = { e, score };
  }
  return best?.e;
}

// "killing", "killed" and "kill" are one word here, so are "abduction" and "abduct"; "strikes" and "airstrike" share "strike".
const stem = (w: string) => w.replace(/(?:ings|ing|ions|ion|ed|es|s)$/, '') || w;

// A plan and an act are not one event ("developing plans to attack diplomats", then "the attacks
// on the embassy"); what happened and what is still happening may be.
const footing = (d: DraftEvent) => (d.status === 'ongoing' ? 'reported' : d.status);
const sameFooting = (a: DraftEvent, b: DraftEvent) => footing(a) === footing(b);

function datesAgree(a: DraftEvent, b: DraftEvent): boolean {
  return a.date === null || b.date === null || a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

/**
 * "The gunmen stormed the village on Saturday. Soldiers arrived two hours later and exchanged
 * fire": an undated act told in the narrative past, in a later sentence of the same paragraph,
 * goes on with the story of the paragraph's last dated event and takes its date.
 */
function dateContinuations(drafts: DraftEvent[], ctx: ArticleContext): void {
  const paragraphOf = ctx.paragraphOf;
  if (!paragraphOf) return;
  let last: DraftEvent | null = null;
  for (const d of drafts) {
    if (d.mergedInto) continue;
    if (last && paragraphOf(last.sentenceIndex) !== paragraphOf(d.sentenceIndex)) last = null;
    if (d.date === null && d.narrativePast && last && last.sentenceIndex < d.sentenceIndex) {
      d.date = last.date;
      d.time = last.time;
      d.dateSource = 'text';
    }
    if (d.date !== null && d.dateSource === 'text' && !ctx.statementTypes.has(d.type)) last = d;
  }
}

/** "President X condemned the abduction": the accused is the author of the abduction told before. */
function blameAuthors(drafts: DraftEvent[]): void {
  for (const d of drafts) {
    if (d.mergedInto || !d.blames || d.target !== null) continue;
    const object = d.blames;
    // The act it names is the earlier one of its own kind (the same lexicon sense), else the nearest.
    const earlier = object.anaphoricNoun
      ? [...drafts].reverse().filter((e) => e !== object && !e.mergedInto && e.type === object.type && e.sourceExplicit && e.sentenceIndex < d.sentenceIndex && e.sentenceIndex >= d.sentenceIndex - ANAPHOR_REACH)
      : [];
    const sense = object.triggers[0]!.entry;
    const told = earlier.find((e) => e.triggers.some((t) => t.entry === sense)) ?? earlier[0];
    let author: DraftEvent = told ?? object;
    while (author.mergedInto) author = author.mergedInto;
    if (author.source !== null && author.source !== d.source && (told || author.sourceExplicit)) d.target = author.source;
  }
}

function dateStatements(drafts: DraftEvent[], ctx: ArticleContext): void {
  let meeting: DraftEvent | null = null;
  for (const d of drafts) {
    if (d.mergedInto) continue;
    if (d.date === null && d.status === 'reported' && ctx.statementTypes.has(d.type)) {
      if (meeting && meeting !== d) {
        d.date = meeting.date;
        d.time = meeting.time;
        d.dateSource = meeting.dateSource;
      } else if (ctx.dct) {
        d.date = ctx.dct;
        d.dateSource = 'published';
      }
    }
    if (d.type === 'CONSULT' && d.status === 'reported' && d.date !== null && d.dateSource === 'text') meeting = d;
  }
}
