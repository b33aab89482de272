import type { Discourse } from './discourse.js';
import { WordClass, type TypeInfo } from './lexicon.js';
import { perceptionVerbBefore } from './perception.js';
import { prepositionBefore, subjectOf, unnamedSubject } from './roles.js';
import type { DraftEvent, PloverType } from './types.js';
import { segmentAt, type ActorMention, type SentenceView } from './view.js';

/**
 * When the clause names no source or target, the sentence may: the nearest actor before the
 * trigger, the quote's speaker, or the nearest actor after it. A guess, marked as such.
 */
export function fillMissingRoles(v: SentenceView, e: DraftEvent, sentenceEvents: readonly DraftEvent[], info: TypeInfo, discourse: Discourse, codeOf: (id: string | null) => string | null, isSymmetric: (type: PloverType) => boolean = NONE_SYMMETRIC): void {
  const t = e.triggers[0]!;
  // A passive without its agent ("three soldiers were killed") leaves the attacker unknown.
  const guessSource = !e.source && !agentless(e);
  // Nothing to guess: the weighing below is made only for events that lack a role.
  if (!guessSource && e.target) return;
  // An actor another event of the sentence gives a role to ("Egypt condemned the airstrike",
  // "arrested suspects in the attack on the embassy") is not a guess for this one.
  const othersSources = new Set<string | null>();
  const othersRoles = new Set<string | null>();
  for (const o of sentenceEvents) {
    if (o === e || o.mergedInto) continue;
    if (o.sourceExplicit) {
      othersSources.add(o.source);
      othersRoles.add(o.source);
    }
    if (o.targetExplicit) othersRoles.add(o.target);
  }
  const g: Guess = {
    v,
    e,
    t,
    discourse,
    codeOf,
    othersSources,
    othersRoles,
    // Who attacks is not on the side of whom it attacks ("a contractor was killed and five service
    // members were wounded after a drone struck": the service members are no guess for the attacker).
    targetSide: info.hostile && e.target ? side(codeOf(e.target)) : null,
    // Who reports an event after telling it (", the Pentagon said", "according to a source") did not do it.
    speakers: null,
    // "No Kenyan or Somali soldiers were hurt": an actor listed with the victim is a victim too.
    victims: info.hostile && e.target ? victimsOf(v, e.target, discourse) : NO_MENTIONS,
    perceivedAt: perceptionVerbBefore(v, t),
    witness: null,
    cooperative: !info.hostile,
  };
  if (g.perceivedAt !== null) g.witness = witnessOf(g, g.perceivedAt);
  if (guessSource) {
    e.sourceGuessed = true;
    e.source = (unownedForceSubject(v, t) ? discourse.forceBefore(v, t.start) : null) ?? pickBefore(g, asSource) ?? (discourse.inQuote(v.doc.tokens[t.start]!.start) ? discourse.speakerAt(v.doc.tokens[t.start]!.start) : null) ?? (unnamedSubject(v, t, NO_TRIGGER_TOKENS) ? null : pickAfter(g, asSource));
    if (e.source !== null && codeOf(e.source) === codeOf(e.target)) e.source = null;
  }
  if (!e.target) e.targetGuessed = true;
  if (!e.target && info.askedActorIsTarget) {
    const asked = askedActor(v, e, sentenceEvents);
    if (asked !== null && codeOf(asked) !== codeOf(e.source)) e.target = asked;
  }
  // "exchanged fire with the attackers": the author of the attack told before is the one fought.
  if (!e.target && info.hostile && !e.targetUnnamed && assailantNounAfter(v, t.end)) {
    const assailant = discourse.assailantBefore(t.start, sentenceEvents);
    if (assailant !== null && codeOf(assailant) !== codeOf(e.source)) e.target = assailant;
  }
  if (!e.target && info.symmetric) e.target = partnerInSentence(e, sentenceEvents, isSymmetric) ?? discourse.partnerOf(e.source, codeOf);
  // Forces that withdraw or deploy need no target; the one who reports an event is not its target.
  if (!e.target && info.guessTarget && !e.targetUnnamed) e.target = pickAfter(g, unsaid) ?? pickBefore(g, unsaid);
}

/**
 * "demanded that Israel ease restrictions", "its call for Nigeria to release": the author, read
 * from its own clause, of an act that starts within a few words after the request, in the
 * request's clause or in the one it opens.
 */
function askedActor(v: SentenceView, e: DraftEvent, sentenceEvents: readonly DraftEvent[]): string | null {
  const end = e.triggers[0]!.end;
  const own = segmentAt(v, end - 1);
  for (const o of sentenceEvents) {
    if (o === e || o.mergedInto || !o.sourceExplicit || o.source === null) continue;
    const start = o.triggers[0]!.start;
    if (start <= end || start - end > 8) continue;
    const seg = segmentAt(v, start);
    if (seg === own || (seg.start - end <= 3 && v.norm(seg.start) === 'that')) return o.source;
  }
  return null;
}

/**
 * "the attackers", "these gunmen" in the trigger's clause after it, in the object's place (no
 * actor named before the noun there): a reference to the author of an attack told before.
 */
function assailantNounAfter(v: SentenceView, from: number): boolean {
  const seg = segmentAt(v, Math.max(v.first, from - 1));
  for (let k = from; k < Math.min(seg.end, from + 5); k++) {
    if (v.mentionStarts.has(k)) return false;
    if (!v.grammar.assailantNouns.has(v.norm(k)!)) continue;
    const before = v.norm(k - 1);
    return before === 'the' || v.is(k - 1, WordClass.demonstrative);
  }
  return false;
}

/** "Residents said they heard an explosion": the actor who perceives the event (see perception.ts). */
function witnessOf(g: Guess, perceived: number): string | null {
  const witness = subjectOf(g.v, perceived, NO_TRIGGER_TOKENS)?.mention;
  return witness ? g.discourse.resolve(witness, g.v) : null;
}

/**
 * A witness of the event, or one named before the perception verb ("The army said its soldiers
 * saw militants fire": the army reports what its soldiers saw).
 */
function onWitnessSide(g: Guess, m: ActorMention, id: string | null): boolean {
  return g.perceivedAt !== null && (m.t1 <= g.perceivedAt || (g.witness !== null && id === g.witness));
}

/**
 * "cooperation against ISIS": an actor after the trigger and an opposing preposition is the side
 * opposed. (Before the trigger the phrase is another word's: "balance demands against Iraq's need for support".)
 */
function opposed(g: Guess, m: ActorMention): boolean {
  if (m.t0 < g.t.end) return false;
  const p = prepositionBefore(g.v, m, NO_TRIGGER_TOKENS);
  return p !== null && g.v.grammar.opposingPrepositions.has(p);
}

/** "Colton told reporters after the meeting": whom a statement is told to took no part in what it tells. */
function isHearer(v: SentenceView, m: ActorMention): boolean {
  for (let k = m.t0 - 1; k >= Math.max(v.first, m.t0 - 2); k--) if (v.grammar.tellVerbs.has(v.norm(k)!)) return true;
  return false;
}

/**
 * "X met Y on Tuesday and agreed to a security partnership": a two-sided act of X with no partner
 * named has the partner X dealt with in another two-sided act of the sentence.
 */
function partnerInSentence(e: DraftEvent, sentenceEvents: readonly DraftEvent[], isSymmetric: (type: PloverType) => boolean): string | null {
  if (e.source === null) return null;
  for (const o of sentenceEvents) {
    if (o === e || o.mergedInto || !o.targetExplicit || o.target === null || o.source !== e.source) continue;
    if (isSymmetric(o.type)) return o.target;
  }
  return null;
}

const NONE_SYMMETRIC = () => false;

function agentless(e: DraftEvent): boolean {
  for (const tr of e.triggers) if (!(tr.passive && tr.entry.passiveSubject === 'target')) return false;
  return true;
}

const NO_MENTIONS: readonly ActorMention[] = [];

function victimsOf(v: SentenceView, target: string, discourse: Discourse): ActorMention[] {
  const victims: ActorMention[] = [];
  for (const m of v.mentions) if (discourse.resolve(m, v) === target) victims.push(m);
  return victims;
}

/**
 * What a guess for one event weighs its candidates by. The tests below are module functions
 * over this record, not closures made at every call (each would be created, and named, anew).
 */
interface Guess {
  v: SentenceView;
  e: DraftEvent;
  t: DraftEvent['triggers'][number];
  discourse: Discourse;
  codeOf: (id: string | null) => string | null;
  othersSources: ReadonlySet<string | null>;
  othersRoles: ReadonlySet<string | null>;
  targetSide: string | null;
  /** Read when a candidate is first weighed (see speakersOf). */
  speakers: ReadonlySet<ActorMention> | null;
  victims: readonly ActorMention[];
  /** The perception verb whose object is the event ("heard an explosion"), or null. */
  perceivedAt: number | null;
  /** Who hears, sees or reports the event: neither its author nor its target. */
  witness: string | null;
  /** Not hostile: a side opposed ("cooperation against ISIS") is not its target either. */
  cooperative: boolean;
}

const speakersOf = (g: Guess): ReadonlySet<ActorMention> => (g.speakers ??= speakerMentions(g.v));

/** The actor of a mention, unless it is on the side of the event's source or target already. */
function usable(g: Guess, m: ActorMention): string | null {
  const id = g.discourse.resolve(m, g.v);
  return id !== null && g.codeOf(id) !== g.codeOf(g.e.source) && g.codeOf(id) !== g.codeOf(g.e.target) ? id : null;
}

function listedWithVictim(g: Guess, m: ActorMention): boolean {
  return g.victims.some((tm) => (m.t0 === tm.t1 + 1 && isListJoin(g.v, tm.t1)) || (tm.t0 === m.t1 + 1 && isListJoin(g.v, m.t1)));
}

function asSource(g: Guess, m: ActorMention): string | null {
  const id = g.discourse.resolve(m, g.v);
  if (m.t0 > g.t.end && speakersOf(g).has(m)) return null;
  if (g.victims.length > 0 && listedWithVictim(g, m)) return null;
  if (onWitnessSide(g, m, id) || opposed(g, m) || isHearer(g.v, m)) return null;
  return g.othersRoles.has(id) || (g.targetSide !== null && side(g.codeOf(id)) === g.targetSide) ? null : usable(g, m);
}

function unsaid(g: Guess, m: ActorMention): string | null {
  if (g.perceivedAt !== null && onWitnessSide(g, m, g.discourse.resolve(m, g.v))) return null;
  if (g.cooperative && opposed(g, m)) return null;
  return speakersOf(g).has(m) || g.othersSources.has(g.discourse.resolve(m, g.v)) ? null : usable(g, m);
}

/** "the current deployment will conclude its work": the clause's subject is a force noun with no actor named in it. */
function unownedForceSubject(v: SentenceView, t: DraftEvent['triggers'][number]): boolean {
  if (t.pos !== 'verb') return false;
  const seg = segmentAt(v, t.start);
  let force = false;
  for (let k = seg.start; k < t.start; k++) {
    if (v.mentions.some((m) => m.t0 <= k && k < m.t1)) return false;
    if (v.grammar.forceNouns.has(v.norm(k)!)) force = true;
  }
  return force;
}

function isListJoin(v: SentenceView, k: number): boolean {
  const n = v.norm(k);
  return n !== undefined && (v.grammar.coordinators.has(n) || n === ',');
}

/**
 * "The Secretary condemned the attack on the embassy": what is condemned is the attack, so
 * the one accused is its author, not its victim.
 */
export function blameFromObjects(events: DraftEvent[]): void {
  for (const e of events) {
    if (e.type !== 'ACCUSE' && e.type !== 'REJECT') continue;
    const t = e.triggers[0]!;
    const object = events.find((o) => o !== e && (o.type === 'ASSAULT' || o.type === 'COERCE') && o.triggers[0]!.pos === 'noun' && o.triggers[0]!.start >= t.end && o.triggers[0]!.start <= t.end + 3);
    if (!object) continue;
    // A target read from the clause stands unless it is the victim of the condemned act.
    // A target only guessed for the condemned act says nothing of who suffered it ("blamed Israel
    // for the bombing of a militant": Israel is read from the clause, the bombing names no victim).
    if (e.targetExplicit && (e.target !== object.target || object.targetGuessed)) continue;
    // "the abduction" points back to an event told before: its author is found there.
    e.target = object.sourceExplicit && !object.anaphoricNoun ? object.source : null;
    e.targetExplicit = e.target !== null;
    // "condemned the abduction" of an earlier sentence: its author is known once it is folded there.
    e.blames = object;
  }
}

// A speaker's clause is read with no trigger in it (subjectOf only reads the set).
const NO_TRIGGER_TOKENS: ReadonlySet<number> = new Set();

/** Who the sentence says is speaking: the subject of a speech verb, or the actor right after an inverted one (", said X"). */
function speakerMentions(v: SentenceView): Set<ActorMention> {
  const speakers = new Set<ActorMention>();
  // "..., according to a military source": the source of the report, named after "according to".
  for (let k = v.first; k < v.end - 1; k++) {
    if (v.norm(k) !== 'according' || v.norm(k + 1) !== 'to') continue;
    const reporter = v.mentions.find((m) => m.t0 > k + 1 && m.t0 <= k + 4);
    if (reporter) speakers.add(reporter);
  }
  for (const seg of v.segments) {
    const verb = seg.speechVerb;
    if (verb === null) continue;
    const subject = subjectOf(v, verb, NO_TRIGGER_TOKENS);
    if (subject && !subject.borrowed) speakers.add(subject.mention);
    // "she told reporters": the hearer of a statement is not what it is about.
    const hearer = v.grammar.tellVerbs.has(v.norm(verb)!) ? v.mentions.find((m) => m.t0 > verb && m.t0 <= verb + 2) : undefined;
    if (hearer) speakers.add(hearer);
    const before = v.norm(verb - 1);
    if (before === ',' || before === '"' || before === '”' || before === "'") {
      const after = v.mentions.find((m) => m.t0 > verb && m.t0 <= verb + 4);
      if (after) speakers.add(after);
    }
  }
  return speakers;
}

const side = (code: string | null) => (code && /^[A-Z]{6}$/.test(code) ? code.slice(0, 3) : code);

/** The first usable actor of the mentions ending before the trigger, nearest first. */
function pickBefore(g: Guess, usable: (g: Guess, m: ActorMention) => string | null): string | null {
  const mentions = g.v.mentions;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.t1 > g.t.start) continue;
    const id = usable(g, m);
    if (id) return id;
  }
  return null;
}

/** The first usable actor of the mentions starting after the trigger, nearest first. */
function pickAfter(g: Guess, usable: (g: Guess, m: ActorMention) => string | null): string | null {
  for (const m of g.v.mentions) {
    if (m.t0 < g.t.end) continue;
    const id = usable(g, m);
    if (id) return id;
  }
  return null;
}

