import type { Doc, Sentence } from '../../doc/document.js';
import type { Quantity, TimeExpression } from '../../doc/layers.js';
import type { Offsets } from '../../doc/span.js';
import type { Annotator } from '../../pipeline.js';
import { headWord, isAnaphoric, repeatedEventNouns, retells, type RecentNouns } from './anaphora.js';
import { resolveArticle } from './article.js';
import { datelineOf } from './dateline.js';
import { continuationTrigger } from './continuation.js';
import { dateOf, NO_DATE } from './dates.js';
import { Discourse } from './discourse.js';
import { fatalitiesOf } from './fatalities.js';
import { blameFromObjects, fillMissingRoles } from './guesses.js';
import { announceIntentions, dropThreatContents } from './intent.js';
import { loadEventLexicon, WordClass, type EventLexicon } from './lexicon.js';
import { mergeIntoSentence } from './merge.js';
import { modeFromCues } from './mode.js';
import { mainCountryPlace, placeOf } from './places.js';
import { toRecords, type EventOutput } from './record.js';
import { clauseRoles, isPassive } from './roles.js';
import { markRequestedActs, spreadOverCoordination, statusOf, toldInPast } from './status.js';
import { findTriggers, type Trigger } from './triggers.js';
import { trimMentionsAtTriggers } from './trim.js';
import type { DraftEvent, PloverType, TriggerRef } from './types.js';
import { indexDocument, joinSpeechObjects, sentenceView, splitAtCauseMarkers, splitTemporalClauses, type SentenceView } from './view.js';

export { EventLexiconError, loadEventLexicon, type EventLexicon } from './lexicon.js';
export { PLOVER_TYPES, type PloverType } from './types.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

export interface EventsOptions {
  /** User trigger files (format of knowledge/events/triggers.json), tried before the shipped lexicon. */
  lexicons?: readonly string[];
}

/** The event types that are statements: dated by the call or report they were made in. */
const STATEMENT_TYPES: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

/**
 * The events layer (spec §2 Events): every PLOVER event a sentence expresses, from verbal and
 * nominal triggers of a data lexicon (knowledge/events/triggers.json, extensible), with its
 * CAMEO root, mode, source and target actors, status, date, place and toll.
 *
 * Per sentence: find triggers (triggers.ts), read roles from the clause (roles.ts), merge
 * the triggers of one event (merge.ts), then status, date, place and toll. Per article:
 * fold later mentions into first ones, date statements by their meeting or the report, and
 * place events in the main country (article.ts). Announced intentions add AGREE or THREATEN
 * (intent.ts). The lexicon is compiled once per annotator.
 */
export function createEventsAnnotator(options: EventsOptions = {}): Annotator {
  const lex = loadEventLexicon(options.lexicons ?? []);
  return {
    name: 'events',
    // Quotes, when their layer ran first, name who "we" is; events work without them.
    requires: ['times', 'quantities', 'places', 'actors'],
    annotate(doc: Doc) {
      doc.layers.events = extractEvents(doc, lex);
    },
  };
}

export function extractEvents(doc: Doc, lex: EventLexicon): EventOutput[] {
  const g = lex.grammar;
  const index = indexDocument(doc, g, lex.vocabulary);
  const codeOf = actorCodes(doc);
  const isSymmetric = symmetricTest(lex);
  // Made when a sentence first needs them: most sentences have no time, most events no toll.
  let timesById: ReadonlyMap<string, TimeExpression> | null = null;
  let quantitiesById: ReadonlyMap<string, Quantity> | null = null;
  const dct = doc.article.published;
  const discourse = new Discourse(doc, g.forceCodes, (type) => lex.types.get(type)?.hostile ?? false);
  const dateline = datelineOf(doc);
  const quoted = quotedTokens(doc, discourse);
  const drafts: DraftEvent[] = [];
  const recentNouns: RecentNouns = new Map();
  // The words that name a recent head word (see addRecentWords), so that testing a token needs no sliced copy of it.
  const recentWords = new Set<string>();

  for (const sentence of doc.sentences) {
    // Most sentences hold no word of the lexicon: they only tell who the subject was.
    if (!mayHoldTrigger(doc, sentence, index.wordClasses, recentWords)) {
      discourse.afterQuietSentence(doc, index.mentionsBySentence[sentence.index]!, g.prepositions, sentence.tokenStart);
      continue;
    }
    const v = sentenceView(doc, sentence, index, g);
    const triggers = findTriggers(v, lex);
    // findTriggers gives them in text order: only taken-up nouns need sorting in.
    const repeated = repeatedEventNouns(v, triggers, recentNouns);
    if (repeated.length > 0) {
      for (const t of repeated) triggers.push(t);
      triggers.sort(byStart);
    }
    if (triggers.length === 0) {
      discourse.afterSentence(v, []);
      continue;
    }
    const triggerTokens = new Set<number>();
    for (const t of triggers) for (let k = t.start; k < t.end; k++) triggerTokens.add(k);
    trimMentionsAtTriggers(v, triggers);
    // A sentence has a few triggers: plain arrays, searched with includes, beat sets.
    const verbTokens: number[] = [];
    for (const t of triggers) if (t.pos === 'verb' && t.form !== 'ing') verbTokens.push(t.start);
    const nounStarts: number[] = [];
    for (const t of triggers) if (t.pos === 'noun') nounStarts.push(t.start);
    joinSpeechObjects(v, nounStarts);
    splitTemporalClauses(v, verbTokens);
    splitAtCauseMarkers(v);
    const events: DraftEvent[] = [];
    for (const t of triggers) {
      const draft = draftFor(v, t, lex, triggerTokens, discourse);
      if (!mergeIntoSentence(events, draft, v, codeOf)) events.push(draft);
    }
    for (const e of events) {
      if (e.mergedInto) continue;
      fillMissingRoles(v, e, events, lex.types.get(e.type)!, discourse, codeOf, isSymmetric);
      // "the mission ... will continue until 2026": the status is the continuation verb's.
      const continuation = e.triggers.find((r) => r.pos === 'verb' && r.entry.continued);
      e.status = statusOf(v, continuation ? [continuation] : e.triggers);
    }
    for (const e of events) if (!e.mergedInto) e.anaphoric = retells(e);
    spreadOverCoordination(v, events);
    markRequestedActs(v, events.filter((e) => !e.mergedInto));
    for (const e of events) {
      if (e.mergedInto) continue;
      // The other triggers only weigh the sentence's times against each other: none, no need.
      const others = v.times.length === 0 ? [] : otherTriggers(events, e);
      const date = v.times.length === 0 ? NO_DATE : dateOf(v, e.triggers, others, e.status, STATEMENT_TYPES.has(e.type), (timesById ??= byId(doc.layers.times)), dct);
      if (date.date !== null) {
        e.date = date.date;
        e.time = date.time;
        e.dateSource = date.dateSource;
        // "will continue until September 2026": a deadline after the report makes a plan.
        if (date.future && e.status === 'reported' && !toldInPast(v, e.triggers[0]!)) e.status = 'planned';
      }
      else if (e.status === 'reported' && !STATEMENT_TYPES.has(e.type)) e.narrativePast = toldInPast(v, e.triggers[0]!) || v.norm(e.triggers[0]!.start)!.endsWith('ed');
      e.place = placeOf(v, e.triggers, dateline);
      if (e.type === 'ASSAULT') e.fatalities = fatalitiesOf(v, e.triggers, (quantitiesById ??= byId(doc.layers.quantities)));
      e.mode ??= modeFromCues(v, e, lex);
    }
    dropThreatContents(v, events, lex);
    const live = events.filter((e) => !e.mergedInto);
    blameFromObjects(live);
    const announced = announceIntentions(v, live, lex, codeOf, (m) => discourse.resolve(m, v), quoted);
    // Intentions may have merged into live events: keep those still standing, then the new ones.
    let kept = 0;
    for (const e of live) if (!e.mergedInto) live[kept++] = e;
    live.length = kept;
    for (const e of announced) live.push(e);
    discourse.afterSentence(v, live);
    for (const e of live) drafts.push(e);
    for (const e of live) {
      for (const t of e.triggers) {
        if (t.pos !== 'noun') continue;
        const head = headWord(v.norm(t.end - 1)!);
        recentNouns.set(head, { entry: t.entry, sentence: sentence.index });
        addRecentWords(recentWords, head);
      }
    }
  }

  if (drafts.length === 0) return [];
  // Folding events together never takes a place away: when every event has one, no event takes the main country's.
  const mainPlace = drafts.some(hasNoPlace) ? mainCountry(doc, dateline) : null;
  resolveArticle(drafts, { codeOf, dct, paragraphOf: paragraphIndex(doc), mainPlace, statementTypes: STATEMENT_TYPES });
  return toRecords(doc, drafts.filter((d) => !d.mergedInto));
}

const hasNoPlace = (d: DraftEvent) => d.place === null;

// The closures below are made by factories: a closure assigned to a named constant is also
// given its name at every call under tsx (esbuild's keepNames), which costs more than the call.

/** The CAMEO code of an actor id (null for none). */
function actorCodes(doc: Doc): (id: string | null) => string | null {
  const actorsById = byId(doc.layers.actors);
  return (id) => (id ? (actorsById.get(id)?.code ?? null) : null);
}

/** Whether an event type is two-sided (the lexicon's `symmetric`: CONSULT, COOPERATE, AGREE). */
function symmetricTest(lex: EventLexicon): (type: PloverType) => boolean {
  return (type) => lex.types.get(type)?.symmetric === true;
}

/** Whether token k is inside a quotation. */
function quotedTokens(doc: Doc, discourse: Discourse): (k: number) => boolean {
  return (k) => discourse.inQuote(doc.tokens[k]!.start);
}

/** The article's main country (see mainCountryPlace): places in the dateline or in actor mentions do not count. */
function mainCountry(doc: Doc, dateline: Offsets | null): string | null {
  // A few calls per article: overlap tests over the mentions beat marking every character of the text.
  const actorMentions: Offsets[] = [];
  for (const a of doc.layers.actors) for (const m of a.mentions) actorMentions.push(m);
  return mainCountryPlace(doc.layers.places, (span) => (dateline !== null && span.start < dateline.end) || overlapsAny(actorMentions, span.start, span.end));
}

/** The triggers of the sentence's other live events (a loop: flatMap is slow in V8). */
function otherTriggers(events: readonly DraftEvent[], e: DraftEvent): DraftEvent['triggers'] {
  const out: DraftEvent['triggers'] = [];
  for (const o of events) if (o !== e && !o.mergedInto) for (const t of o.triggers) out.push(t);
  return out;
}

// Filled by a loop: new Map(list.map(...)) makes an array per record first.
function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) map.set(r.id, r);
  return map;
}

/** Whether some character of [from, to) lies in one of the spans. */
function overlapsAny(spans: readonly { start: number; end: number }[], from: number, to: number): boolean {
  for (const m of spans) if (m.start < m.end && m.start < to && from < m.end) return true;
  return false;
}

/** The paragraph of each sentence: a line break between two sentences starts a new one. */
function paragraphIndex(doc: Doc): (sentenceIndex: number) => number {
  const paragraphs: number[] = [];
  let current = 0;
  for (let i = 0; i < doc.sentences.length; i++) {
    // indexOf from the previous sentence's end, not a sliced copy of the gap.
    if (i > 0) {
      const gapStart = doc.sentences[i - 1]!.end;
      const lineBreak = doc.text.indexOf('\n', gapStart);
      if (lineBreak >= 0 && lineBreak < doc.sentences[i]!.start) current++;
    }
    paragraphs.push(current);
  }
  return (i) => paragraphs[i] ?? -1;
}

const byStart = (a: Trigger, b: Trigger) => a.start - b.start;

function mayHoldTrigger(doc: Doc, sentence: Sentence, wordClasses: Uint32Array, recentWords: ReadonlySet<string>): boolean {
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    if (wordClasses[k]! & W.anchor || (recentWords.size > 0 && recentWords.has(doc.tokens[k]!.norm))) return true;
  }
  return false;
}

/**
 * Adds the words w with headWord(w) === head: the plural head + "s" (when headWord would cut
 * it back), and the head itself (unless headWord would cut it), so that one set look-up tells
 * whether a token names a recent noun.
 */
function addRecentWords(recentWords: Set<string>, head: string): void {
  const plural = head + 's';
  if (!plural.endsWith('ss')) recentWords.add(plural);
  if (!(head.endsWith('s') && !head.endsWith('ss'))) recentWords.add(head);
}

/** The trigger, and for an activity said to continue to a deadline, the verb that says so. */
function withContinuation(v: SentenceView, t: TriggerRef): TriggerRef[] {
  const verb = t.entry.continued ? continuationTrigger(v, t) : null;
  return verb ? [t, verb] : [t];
}

function draftFor(v: SentenceView, t: Trigger, lex: EventLexicon, triggerTokens: ReadonlySet<number>, discourse: Discourse): DraftEvent {
  const info = lex.types.get(t.entry.type)!;
  const roles = clauseRoles(v, t, info, triggerTokens);
  const source = discourse.resolve(roles.source, v);
  let target = discourse.resolve(roles.target, v);
  // "They committed to remain in close contact": both sides of the last meeting.
  if (info.symmetric && roles.source?.pronoun === 'group') target ??= discourse.groupPartner(roles.source);
  if (info.symmetric && roles.coSubject && !target) target = discourse.resolve(roles.coSubject, v);
  if (source !== null && source === target) target = null;
  return {
    type: t.entry.type,
    cameo: t.entry.cameo,
    mode: t.entry.mode,
    status: 'reported',
    source,
    target,
    sourceExplicit: source !== null && !roles.borrowedSubject,
    sourceGuessed: false,
    targetGuessed: false,
    targetExplicit: target !== null && !(roles.passive && roles.borrowedSubject),
    targetUnnamed: roles.targetUnnamed,
    time: null,
    date: null,
    dateSource: null,
    place: null,
    fatalities: null,
    triggers: withContinuation(v, { start: t.start, end: t.end, lemma: t.lemma, pos: t.pos, form: t.form, entry: t.entry, passive: roles.passive || isPassive(v, t) }),
    sentenceIndex: v.sentence.index,
    anaphoric: isAnaphoric(v, t, roles.passive),
    anaphoricNoun: t.pos === 'noun' && isAnaphoric(v, t, false),
    mergedInto: null,
  };
}

