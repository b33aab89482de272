import type { Doc } from '../../doc/document.js';
import type { EventRecord, Quantity, TimeExpression } from '../../doc/layers.js';
import type { Annotator } from '../../pipeline.js';
import { resolveArticle } from './article.js';
import { confidenceOf } from './confidence.js';
import { dateOf } from './dates.js';
import { Discourse } from './discourse.js';
import { fatalitiesOf } from './fatalities.js';
import { announceIntentions, dropThreatContents } from './intent.js';
import { loadEventLexicon, type CompiledEntry, type EventLexicon, type TypeInfo } from './lexicon.js';
import { mergeIntoSentence } from './merge.js';
import { mainCountryPlace, placeOf } from './places.js';
import { clauseRoles, isPassive, subjectOf } from './roles.js';
import { spreadOverCoordination, statusOf } from './status.js';
import { findTriggers, type Trigger } from './triggers.js';
import type { DraftEvent, PloverType } from './types.js';
import { indexDocument, segmentAt, sentenceView, splitTemporalClauses, type ActorMention, type SentenceView } from './view.js';

export { EventLexiconError, loadEventLexicon, type EventLexicon } from './lexicon.js';
export { PLOVER_TYPES, type PloverType } from './types.js';

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

export function extractEvents(doc: Doc, lex: EventLexicon): EventRecord[] {
  const g = lex.grammar;
  const index = indexDocument(doc, g);
  const actorsById = new Map(doc.layers.actors.map((a) => [a.id, a]));
  const codeOf = (id: string | null) => (id ? (actorsById.get(id)?.code ?? null) : null);
  const timesById = new Map<string, TimeExpression>(doc.layers.times.map((t) => [t.id, t]));
  const quantitiesById = new Map<string, Quantity>(doc.layers.quantities.map((q) => [q.id, q]));
  const dct = doc.article.published;
  const discourse = new Discourse(doc, g);
  const drafts: DraftEvent[] = [];
  const recentNouns = new Map<string, { entry: CompiledEntry; sentence: number }>();

  for (const sentence of doc.sentences) {
    const v = sentenceView(doc, sentence, index, g);
    const triggers = findTriggers(v, lex);
    triggers.push(...repeatedEventNouns(v, triggers, recentNouns));
    triggers.sort((a, b) => a.start - b.start);
    if (triggers.length === 0) {
      discourse.afterSentence(v, []);
      continue;
    }
    const triggerTokens = new Set<number>();
    for (const t of triggers) for (let k = t.start; k < t.end; k++) triggerTokens.add(k);
    trimMentionsAtTriggers(v, triggers);
    const verbTokens = new Set<number>();
    for (const t of triggers) if (t.pos === 'verb' && t.form !== 'ing') verbTokens.add(t.start);
    splitTemporalClauses(v, verbTokens);
    const events: DraftEvent[] = [];
    for (const t of triggers) {
      const draft = draftFor(v, t, lex, triggerTokens, discourse);
      if (!mergeIntoSentence(events, draft, v, codeOf)) events.push(draft);
    }
    for (const e of events) {
      if (e.mergedInto) continue;
      fillMissingRoles(v, e, events, lex.types.get(e.type)!, discourse, codeOf);
      e.status = statusOf(v, e.triggers);
    }
    spreadOverCoordination(v, events);
    for (const e of events) {
      if (e.mergedInto) continue;
      const date = dateOf(v, e.triggers, e.status, STATEMENT_TYPES.has(e.type), timesById, dct);
      if (date.date !== null) {
        e.date = date.date;
        e.time = date.time;
        e.dateSource = date.dateSource;
        // "will continue until September 2026": a deadline after the report makes a plan.
        if (date.future && e.status === 'reported' && !e.triggers[0]!.passive && e.triggers[0]!.form !== 'ed') e.status = 'planned';
      }
      e.place = placeOf(v, e.triggers);
      if (e.type === 'ASSAULT') e.fatalities = fatalitiesOf(v, e.triggers, quantitiesById);
      e.mode ??= modeFromCues(v, e, lex);
    }
    dropThreatContents(v, events, lex);
    const live = events.filter((e) => !e.mergedInto);
    blameFromObjects(live);
    const quoted = (k: number) => discourse.inQuote(doc.tokens[k]!.start);
    const announced = announceIntentions(v, live, lex, codeOf, (m) => discourse.resolve(m, v), quoted);
    live.splice(0, live.length, ...live.filter((e) => !e.mergedInto), ...announced);
    discourse.afterSentence(v, live);
    drafts.push(...live);
    for (const e of live) for (const t of e.triggers) if (t.pos === 'noun') recentNouns.set(head(v.norm(t.end - 1)!), { entry: t.entry, sentence: sentence.index });
  }

  const isActorMention = (span: { start: number; end: number }) => doc.layers.actors.some((a) => a.mentions.some((m) => m.start < span.end && span.start < m.end));
  resolveArticle(drafts, { codeOf, dct, mainPlace: mainCountryPlace(doc.layers.places, isActorMention), statementTypes: STATEMENT_TYPES });
  return toRecords(doc, drafts.filter((d) => !d.mergedInto));
}

const head = (word: string) => (word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
const ANAPHOR_SENTENCES = 3;

/**
 * "These operations resulted in ...": a noun that named an event in the last sentences, taken
 * up again with "the", "this" or "these", names that event even where the lexicon needs more
 * context for it ("operations against").
 */
function repeatedEventNouns(v: SentenceView, found: readonly Trigger[], recent: ReadonlyMap<string, { entry: CompiledEntry; sentence: number }>): Trigger[] {
  const extra: Trigger[] = [];
  const taken = (k: number) => found.some((t) => t.start <= k && k < t.end);
  for (let k = v.first + 1; k < v.end; k++) {
    if (taken(k) || v.token(k)!.kind !== 'word') continue;
    const earlier = recent.get(head(v.norm(k)!));
    if (!earlier || v.sentence.index - earlier.sentence > ANAPHOR_SENTENCES) continue;
    const det = v.norm(k - 1)!;
    const det2 = v.norm(k - 2) ?? '';
    if (!(v.grammar.demonstrative.has(det) || det === 'the' || ((v.grammar.demonstrative.has(det2) || det2 === 'the') && v.grammar.nounModifiers.has(det)))) continue;
    extra.push({ start: k, end: k + 1, entry: earlier.entry, pos: 'noun', form: v.norm(k)!.endsWith('s') ? 'pl' : 'sg' });
  }
  return extra;
}

/**
 * An actor phrase that runs over a trigger ("U.S. military raid", "United Nations urged both
 * sides", "killed four Islamic State operatives") is cut at the trigger, so the trigger keeps
 * its place in the clause and the actor its role.
 */
function trimMentionsAtTriggers(v: SentenceView, triggers: readonly Trigger[]): void {
  let changed = false;
  const mentions = v.mentions.flatMap((m) => {
    if (m.pronoun !== null) return [m];
    const inside = triggers.find((t) => m.t0 < t.start && t.start < m.t1);
    if (inside) {
      changed = true;
      return [{ ...m, t1: inside.start }];
    }
    // "killed four Islamic State operatives": the actor comes after the trigger words.
    const leading = triggers.find((t) => m.t0 >= t.start && m.t0 < t.end);
    if (!leading) return [m];
    changed = true;
    return leading.end < m.t1 ? [{ ...m, t0: leading.end }] : [];
  });
  if (changed) {
    v.mentions = mentions;
    v.mentionStarts = new Set(mentions.filter((m) => m.pronoun === null).map((m) => m.t0));
  }
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
    targetExplicit: target !== null,
    time: null,
    date: null,
    dateSource: null,
    place: null,
    fatalities: null,
    triggers: [{ start: t.start, end: t.end, pos: t.pos, form: t.form, entry: t.entry, passive: roles.passive || isPassive(v, t) }],
    sentenceIndex: v.sentence.index,
    confidence: 0,
    anaphoric: isAnaphoric(v, t, roles.passive),
    mergedInto: null,
  };
}

/**
 * When the clause names no source or target, the sentence may: the nearest actor before the
 * trigger, the quote's speaker, or the nearest actor after it. A guess, marked as such.
 */
function fillMissingRoles(v: SentenceView, e: DraftEvent, sentenceEvents: readonly DraftEvent[], info: TypeInfo, discourse: Discourse, codeOf: (id: string | null) => string | null): void {
  const t = e.triggers[0]!;
  // An actor another event of the sentence gives a role to ("Egypt condemned the airstrike",
  // "arrested suspects in the attack on the embassy") is not a guess for this one.
  const othersSources = new Set<string | null>();
  const othersRoles = new Set<string | null>();
  for (const o of sentenceEvents) {
    if (o === e || o.mergedInto) continue;
    if (o.sourceExplicit) othersSources.add(o.source);
    if (o.sourceExplicit) othersRoles.add(o.source);
    if (o.targetExplicit) othersRoles.add(o.target);
  }
  const usable = (m: ActorMention) => {
    const id = discourse.resolve(m, v);
    return id !== null && codeOf(id) !== codeOf(e.source) && codeOf(id) !== codeOf(e.target) ? id : null;
  };
  const asSource = (m: ActorMention) => (othersRoles.has(discourse.resolve(m, v)) ? null : usable(m));
  const before = [...v.mentions].reverse().filter((m) => m.t1 <= t.start);
  const after = v.mentions.filter((m) => m.t0 >= t.end);
  if (!e.source) {
    e.sourceGuessed = true;
    e.source = pickFirst(before, asSource) ?? (discourse.inQuote(v.doc.tokens[t.start]!.start) ? discourse.speakerAt(v.doc.tokens[t.start]!.start) : null) ?? pickFirst(after, asSource);
    if (e.source !== null && codeOf(e.source) === codeOf(e.target)) e.source = null;
  }
  if (!e.target && info.symmetric) e.target = discourse.partnerOf(e.source, codeOf);
  // Forces that withdraw or deploy need no target; the one who reports an event is not its target.
  if (!e.target && info.guessTarget) {
    const speakers = speakerMentions(v);
    const unsaid = (m: ActorMention) => (speakers.has(m) || othersSources.has(discourse.resolve(m, v)) ? null : usable(m));
    e.target = pickFirst(after, unsaid) ?? pickFirst(before, unsaid);
  }
}

/**
 * "The Secretary condemned the attack on the embassy": what is condemned is the attack, so
 * the one accused is its author, not its victim.
 */
function blameFromObjects(events: DraftEvent[]): void {
  for (const e of events) {
    if (e.type !== 'ACCUSE' || e.targetExplicit) continue;
    const t = e.triggers[0]!;
    const object = events.find((o) => o !== e && (o.type === 'ASSAULT' || o.type === 'COERCE') && o.triggers[0]!.start >= t.end && o.triggers[0]!.start <= t.end + 3);
    if (object) e.target = object.sourceExplicit ? object.source : null;
  }
}

/** Who the sentence says is speaking: the subject of a speech verb, or the actor right after an inverted one (", said X"). */
function speakerMentions(v: SentenceView): Set<ActorMention> {
  const speakers = new Set<ActorMention>();
  const none = new Set<number>();
  for (const seg of v.segments) {
    const verb = seg.speechVerb;
    if (verb === null) continue;
    const subject = subjectOf(v, verb, none);
    if (subject && !subject.borrowed) speakers.add(subject.mention);
    const before = v.norm(verb - 1);
    if (before === ',' || before === '"' || before === '”' || before === "'") {
      const after = v.mentions.find((m) => m.t0 > verb && m.t0 <= verb + 4);
      if (after) speakers.add(after);
    }
  }
  return speakers;
}

function pickFirst(list: readonly ActorMention[], usable: (m: ActorMention) => string | null): string | null {
  for (const m of list) {
    const id = usable(m);
    if (id) return id;
  }
  return null;
}

// "the attack", "these operations", "the individual who was killed": a mention of an event told before.
function isAnaphoric(v: SentenceView, t: Trigger, passive: boolean): boolean {
  const g = v.grammar;
  if (passive && segmentAt(v, t.start).kind === 'relative-person') return true;
  if (t.pos !== 'noun') return false;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 3); k--) {
    const n = v.norm(k)!;
    if (g.definite.has(n)) return true;
    if (g.indefinite.has(n) || g.possessive.has(n) || g.prepositions.has(n) || g.clausePunctuation.has(n) || n.endsWith("'s") || v.token(k)!.kind === 'number') return false;
  }
  return false;
}

function modeFromCues(v: SentenceView, e: DraftEvent, lex: EventLexicon): string | null {
  const cues = lex.types.get(e.type)!.modeCues;
  if (cues.length === 0) return null;
  for (const { mode, words } of cues) {
    for (const t of e.triggers) {
      for (let k = Math.max(v.first, t.start - 3); k < Math.min(v.end, t.end + 3); k++) if (words.has(v.norm(k)!)) return mode;
    }
  }
  return null;
}

function toRecords(doc: Doc, drafts: DraftEvent[]): EventRecord[] {
  const ordered = drafts
    .map((d, order) => ({ d, order }))
    .sort((a, b) => a.d.triggers[0]!.start - b.d.triggers[0]!.start || a.order - b.order)
    .map(({ d }) => d);
  return ordered.map((d, n) => {
    const t = d.triggers[0]!;
    const sentence = doc.sentences[d.sentenceIndex]!;
    const record: EventRecord & { dateSource: DraftEvent['dateSource'] } = {
      id: `e${n + 1}`,
      type: d.type,
      mode: d.mode,
      cameo: d.cameo,
      status: d.status,
      source: d.source,
      target: d.target,
      time: d.time,
      date: d.date,
      dateSource: d.dateSource,
      place: d.place,
      fatalities: d.fatalities,
      trigger: doc.span(doc.tokens[t.start]!.start, doc.tokens[t.end - 1]!.end),
      sentence: { start: sentence.start, end: sentence.end },
      confidence: confidenceOf(d),
    };
    return record;
  });
}
