import { WordClass, type TypeInfo } from './lexicon.js';
import { perceivedActor, perceptionVerbBefore } from './perception.js';
import type { Trigger } from './triggers.js';
import { segmentAt, segmentIndexAt, type ActorMention, type SentenceView } from './view.js';

/**
 * Source and target from the clause around a trigger, without a parser: the clause subject
 * (the first actor of the clause segment that is not inside a prepositional phrase) is the
 * source in the active voice and the target in the passive; "by X" is the passive agent;
 * the first actor after the trigger, directly or after one of the type's prepositions
 * ("against", "with"), is the target. Event nouns take their source from a possessive or
 * modifier ("the coalition's strikes"), from "by X", or from the subject of the light verb
 * that carries them ("X launched a raid").
 */

export interface ClauseRoles {
  source: ActorMention | null;
  target: ActorMention | null;
  /** The second actor of a coordinated subject ("The secretary and the prime minister"). */
  coSubject: ActorMention | null;
  passive: boolean;
  /** The subject was read from an earlier clause, not the trigger's own (a weaker reading). */
  borrowedSubject: boolean;
  /** "fired missiles at a cargo vessel": the target's place holds a phrase that names no actor. */
  targetUnnamed: boolean;
}

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

// Class bits stand for the grammar sets of the same names: one test of the token's bits instead
// of a string look-up per set.
const VERB_GROUP = W.auxiliary | W.beForm | W.haveForm | W.futureModal | W.possibilityModal | W.conditionalModal;
const NOT_A_SUBJECT = W.coordinator | VERB_GROUP | W.plannedCue | W.hypotheticalCue | W.ongoingCue | W.negationCue | W.subordinator | W.temporalSubordinator | W.relativeThings | W.relativePeople | W.preposition;
const DETERMINER = W.definite | W.indefinite | W.possessive;
const CLAUSE_BOUNDARY = W.clausePunctuation | W.relativePeople | W.relativeThings | W.subordinator | W.coordinator;

const REDUCED_PASSIVE_NEXT = new Set(['by', 'during', 'in', 'at', 'near', 'after', 'on', '.', ',', 'and', 'while', 'when', 'since', 'over', 'across', 'throughout', 'outside', 'inside', '-', 'from', 'so', 'last', 'this', 'earlier']);

export function clauseRoles(v: SentenceView, t: Trigger, info: TypeInfo, triggerTokens: ReadonlySet<number>): ClauseRoles {
  const roles: ClauseRoles = { source: null, target: null, coSubject: null, passive: false, borrowedSubject: false, targetUnnamed: false };
  if (t.entry.reportedFrame && reportedRoles(v, t, roles, triggerTokens)) return roles;
  const between = t.pos === 'noun' && lightVerbBefore(v, t.start) !== null ? null : coordinatedPair(v, t, info);
  if (between) {
    roles.source = between[0];
    roles.target = between[1];
  }
  if (t.pos === 'noun') nounRoles(v, t, info, roles, triggerTokens);
  else verbRoles(v, t, info, roles, triggerTokens);
  const perceived = perceptionVerbBefore(v, t);
  if (perceived !== null) setWitnessAside(v, t, perceived, roles, triggerTokens);
  if (roles.source && roles.target && roles.source === roles.target) roles.target = null;
  if (!roles.target && !roles.passive) roles.targetUnnamed ||= unnamedTarget(v, t.end, info);
  return roles;
}

/**
 * "Residents heard an explosion", "its soldiers saw militants fire rockets": the one who perceives
 * the event is a witness. A verb's actor is the one named after the perception verb (or none);
 * an event noun loses a source that is the witness.
 */
function setWitnessAside(v: SentenceView, t: Trigger, perceived: number, roles: ClauseRoles, triggerTokens: ReadonlySet<number>): void {
  if (t.pos === 'verb') {
    const actor = perceivedActor(v, perceived, t.start);
    if (roles.coSubject && roles.coSubject.t1 <= perceived) roles.coSubject = null;
    if (roles.passive) {
      if (roles.target && roles.target.t1 <= perceived) roles.target = actor;
    } else if (roles.source && roles.source.t1 <= perceived) {
      roles.source = actor;
      roles.borrowedSubject = false;
    }
    return;
  }
  const witness = subjectOf(v, perceived, triggerTokens)?.mention;
  if (witness && roles.source === witness) roles.source = null;
}

/**
 * "fired two missiles at a cargo vessel", "the attack on farming communities": the object of a
 * target preposition after the trigger, in its clause, is the target; when it names no actor the
 * target stays unknown rather than being taken from another clause.
 */
// The prepositions that aim an act at its object ("at", "on", "against"), unlike "with" or "to".
const AIMING_PREPOSITIONS = new Set(['at', 'on', 'against']);

function unnamedTarget(v: SentenceView, from: number, info: TypeInfo): boolean {
  const seg = segmentAt(v, Math.max(v.first, from - 1));
  const times = v.doc.layers.times;
  for (let k = from; k < Math.min(seg.end, from + 8); k++) {
    if (v.mentionStarts.has(k)) return false;
    const n = v.norm(k)!;
    if (!info.targetPreps.has(n) || !AIMING_PREPOSITIONS.has(n)) continue;
    const next = v.norm(k + 1) ?? '';
    // "at least", "on Monday", "at 10 p.m.": no object of the act.
    if (next === 'least' || next === 'most' || next === 'once') continue;
    const nextToken = v.token(k + 1);
    if (!nextToken || times.some((x) => x.start <= nextToken.start && nextToken.start < x.end)) continue;
    for (let j = k + 1; j < Math.min(seg.end, k + 5); j++) if (v.mentionStarts.has(j)) return false;
    return true;
  }
  return false;
}

/** "X said that Y must ...": X asks, Y is asked. False when no speech verb frames the trigger. */
function reportedRoles(v: SentenceView, t: Trigger, roles: ClauseRoles, triggerTokens: ReadonlySet<number>): boolean {
  let speech: number | null = null;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 14); k--) {
    if (v.speechVerbs.has(k)) {
      speech = k;
      break;
    }
  }
  if (speech === null) return false;
  roles.source = subjectOf(v, speech, triggerTokens)?.mention ?? null;
  roles.target = v.mentions.find((m) => m.t0 > speech && m.t1 <= t.start && prepositionBefore(v, m, triggerTokens) === null) ?? null;
  return true;
}

function verbRoles(v: SentenceView, t: Trigger, info: TypeInfo, roles: ClauseRoles, triggerTokens: ReadonlySet<number>): void {
  // A phrase ending in "by" ("under investigation by X and Y") names its agent next.
  if (v.norm(t.end - 1) === 'by') {
    const agent = v.mentions.find((m) => m.t0 >= t.end && m.t0 <= t.end + 2) ?? null;
    if (agent) {
      roles.source ??= agent;
      if (info.symmetric) roles.target ??= coordinated(v, agent);
      return;
    }
  }
  roles.passive = isPassive(v, t);
  const subject = subjectOf(v, t.start, triggerTokens);
  if (subject) {
    roles.borrowedSubject = subject.borrowed;
    roles.coSubject = coordinated(v, subject.mention);
  }
  let subj = subject?.mention ?? null;
  if (roles.passive) {
    // "31 ISIS operatives detained": a participle without "be" follows its patient directly.
    const patient = v.mentions.find((m) => m.t1 === t.start || (m.t1 === t.start - 1 && v.token(m.t1)?.kind === 'word'));
    if (patient && !v.grammar.beForms.has(v.norm(t.start - 1) ?? '')) subj = patient;
    const agent = byAgent(v, t.end);
    if (t.entry.passiveSubject === 'source') roles.source ??= agent ?? subj;
    else {
      roles.target ??= subj;
      roles.source ??= agent;
    }
    return;
  }
  if (t.entry.subjectRole === 'target') roles.target ??= subj;
  else roles.source ??= subj;
  if (t.entry.subjectRole === 'source') roles.target ??= objectOf(v, t.end, info, triggerTokens);
}

function nounRoles(v: SentenceView, t: Trigger, info: TypeInfo, roles: ClauseRoles, triggerTokens: ReadonlySet<number>): void {
  // "accused Azerbaijan of shelling villages": the accused is the gerund's actor.
  const prep = v.norm(t.start - 1);
  const accused = (prep === 'of' || prep === 'with' || prep === 'for') && (v.norm(t.start) ?? '').endsWith('ing') ? v.mentions.find((m) => m.t1 === t.start - 1) : undefined;
  let modifier = accused ?? responsibleFor(v, t.start, triggerTokens) ?? modifierBefore(v, t.start);
  // "the American and British strikes": every coordinated modifier is a side of the act; the
  // first named is its source, and none of them its target.
  // "the coalition's anti-ISIS mission": the opposed actor is the target; whoever owns the noun acts.
  if (modifier && !accused && opposedByPrefix(v, modifier)) {
    roles.target ??= modifier;
    modifier = modifierBefore(v, modifier.t0 - 2);
  }
  const partner = accused ? null : modifier && coordinatedBefore(v, modifier);
  if (partner) {
    modifier = partner;
    roles.targetUnnamed = true;
  }
  const agent = nounAgent(v, t.end, triggerTokens) ?? agentOfCarryingVerb(v, t.end);
  const ofMention = afterWord(v, t.end, 'of');
  const ofIsSource = t.entry.ofRole === 'source';
  // "ISIS's defeat", "its defeat", "his arrest": the owner suffers what the noun names.
  const ownerSuffers = t.entry.possessorRole === 'target';
  if (ownerSuffers && modifier && isPossessive(v, modifier)) {
    roles.target ??= modifier;
    modifier = null;
  }
  roles.source ??= modifier ?? agent ?? (ofIsSource ? ofMention : null);
  if (!(ownerSuffers ? roles.target : roles.source) && possessiveBefore(v, t.start)) {
    const owner = subjectOf(v, t.start, triggerTokens);
    if (owner && ownerSuffers) roles.target = owner.mention;
    else if (owner) {
      roles.source = owner.mention;
      roles.borrowedSubject = owner.borrowed;
    }
  }
  if (!roles.source) {
    // "X launched a raid" takes the light verb's subject; ", training and equipping support to
    // ..." (a list item that opens its clause) takes the subject the clause before it had.
    const light = lightVerbBefore(v, t.start);
    const opensClause = t.start - segmentAt(v, t.start).start <= 1;
    const frame = light === null && framesActiveClause(v, t.start);
    const subject = light !== null || frame ? subjectOf(v, light ?? t.start, triggerTokens) : opensClause ? subjectOf(v, t.start, triggerTokens) : null;
    if (subject) {
      roles.source = subject.mention;
      roles.borrowedSubject = subject.borrowed || light === null;
      roles.coSubject = coordinated(v, subject.mention);
    }
  }
  // "U.S. troops have proved a target of Shiite militias": the clause subject suffers the event.
  if (t.entry.subjectRole === 'target' && !roles.target) {
    const subject = subjectOf(v, t.start, triggerTokens);
    if (subject && subject.mention !== roles.source) roles.target = subject.mention;
    else if (roles.source && !ofIsSource) {
      roles.target = roles.source;
      roles.source = null;
    }
  }
  roles.target ??= prepositionalObject(v, t.end, info, triggerTokens) ?? (!ofIsSource && ofMention && ofMention !== roles.source ? ofMention : null);
}

/** "a partnership between Washington and Baghdad", "talks between X and Y": both roles at once. */
function coordinatedPair(v: SentenceView, t: Trigger, info: TypeInfo): [ActorMention, ActorMention] | null {
  if (!info.symmetric) return null;
  for (let k = t.end; k < Math.min(v.end, t.end + 3); k++) {
    if (v.norm(k) !== 'between' && v.norm(k) !== 'among') continue;
    const first = v.mentions.find((m) => m.t0 > k && m.t0 <= k + 3);
    if (!first) return null;
    const second = coordinated(v, first);
    return second ? [first, second] : null;
  }
  return null;
}

/**
 * The subject of the clause holding token `at`: the first actor of its segment, before `at`,
 * that is not inside a prepositional phrase; in a relative clause, the actor just before the
 * relative pronoun; otherwise the subject of an earlier clause of the sentence (borrowed).
 */
export function subjectOf(v: SentenceView, at: number, triggerTokens: ReadonlySet<number>): { mention: ActorMention; borrowed: boolean } | null {
  const segIndex = segmentIndexAt(v, at);
  const seg = v.segments[segIndex]!;
  // "asked the coalition to leave", "authorized U.S. forces to conduct": the object before "to" acts.
  // "accused Azerbaijan of shelling villages", "charged its neighbor with supporting": the accused acts.
  const prep = v.norm(at - 1);
  if ((prep === 'of' || prep === 'with' || prep === 'for') && (v.norm(at) ?? '').endsWith('ing')) {
    const accused = v.mentions.find((m) => m.t1 === at - 1 && m.t0 >= seg.start);
    if (accused) return { mention: accused, borrowed: false };
  }
  // "asked the coalition to continue providing": an aspect verb may stand between "to" and the act.
  const to = v.norm(at - 1) === 'to' ? at - 1 : ASPECT_VERBS.has(v.norm(at - 1) ?? '') && v.norm(at - 2) === 'to' ? at - 2 : -1;
  if (to >= 0) {
    const controller = v.mentions.find((m) => m.t1 === to && m.t0 >= seg.start && controlledBy(v, m.t0));
    if (controller) return { mention: controller, borrowed: false };
  }
  for (const m of v.mentions) {
    if (m.t0 < seg.start || m.t1 > at) continue;
    if (prepositionBefore(v, m, triggerTokens) === null) return { mention: m, borrowed: false };
  }
  if (seg.kind === 'relative-person' || seg.kind === 'relative-thing') {
    // "a raid on the camp that killed two": "that" refers to the raid, an event, not to an actor.
    const afterEvent = seg.kind === 'relative-thing' && eventNounBefore(v, seg.start, triggerTokens);
    const antecedent = afterEvent ? undefined : [...v.mentions].reverse().find((m) => m.t1 <= seg.start && m.t1 >= seg.start - 4);
    if (antecedent) return { mention: antecedent, borrowed: false };
    if (afterEvent) return null;
  }
  // "... and regional leaders are expected to meet": a clause with a subject of its own, even one
  // that names no known actor, borrows none.
  if (hasOwnSubject(v, seg.start, at, triggerTokens)) return null;
  for (let s = segIndex - 1; s >= 0; s--) {
    const earlier = v.segments[s]!;
    // The speaker of "X said (that) ..." is not a subject of what X says.
    if (earlier.speechVerb !== null) return null;
    if (earlier.kind === 'relative-person' || earlier.kind === 'relative-thing' || earlier.kind === 'paren') continue;
    // ", a key U.S. ally in the war," describes the subject before it; it is not one.
    const opener = v.norm(earlier.start);
    if (earlier.kind === 'continuation' && (opener === 'a' || opener === 'an')) continue;
    // The subject stands before the clause's verb: "after jihadists ambushed an army convoy" has
    // no known subject, and the convoy is not one.
    let verb = earlier.end;
    for (let k = earlier.start; k < earlier.end; k++) if (triggerTokens.has(k)) { verb = k; break; }
    for (const m of v.mentions) {
      if (m.t0 < earlier.start || m.t1 > verb) continue;
      if (prepositionBefore(v, m, triggerTokens) === null) return { mention: m, borrowed: true };
    }
    if (verb < earlier.end) return null;
  }
  return null;
}

/** Words before the verb that are not a coordinator, an auxiliary or an adverb: a subject noun phrase. */
function hasOwnSubject(v: SentenceView, from: number, at: number, triggerTokens: ReadonlySet<number>): boolean {
  for (let k = from; k < at; k++) {
    const t = v.token(k)!;
    const n = t.norm;
    if (t.kind !== 'word' || triggerTokens.has(k)) continue;
    if (v.wordClasses[k]! & NOT_A_SUBJECT || n.endsWith('ly') || n === 'then' || n === 'later') continue;
    return true;
  }
  return false;
}

/**
 * "Tens of thousands of students staged protests", "Prisoners rioted": the clause of an active
 * verb (or of the light verb carrying an event noun, or of a noun after "its") has a subject of its
 * own that names no known actor. An actor named after the verb is then its object or a bystander, never its subject.
 */
export function unnamedSubject(v: SentenceView, t: Trigger, triggerTokens: ReadonlySet<number>): boolean {
  // "repeated its demand that X ...": a possessive determiner stands for the clause subject.
  const verb = t.pos === 'verb' ? t.start : (lightVerbBefore(v, t.start) ?? (possessiveBefore(v, t.start) ? t.start : null));
  if (verb === null) return false;
  const seg = segmentAt(v, verb);
  if (seg.kind === 'relative-person' || seg.kind === 'relative-thing') return false;
  for (const m of v.mentions) if (m.t0 >= seg.start && m.t0 < verb) return false;
  return hasOwnSubject(v, seg.start, verb, triggerTokens);
}

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they']);

const ASPECT_VERBS = new Set(['continue', 'keep', 'start', 'begin', 'resume', 'stop']);

// "urged the European Community to ...": a verb of asking or allowing right before the actor.
function controlledBy(v: SentenceView, mentionStart: number): boolean {
  for (let k = mentionStart - 1; k >= Math.max(v.first, mentionStart - 3); k--) {
    const n = v.norm(k)!;
    if (v.grammar.controlVerbs.has(n)) return true;
    if (!(v.wordClasses[k]! & W.definite || n === 'on' || n === 'upon')) return false;
  }
  return false;
}

function eventNounBefore(v: SentenceView, opener: number, triggerTokens: ReadonlySet<number>): boolean {
  for (let k = opener - 1; k >= Math.max(v.first, opener - 8); k--) {
    if (triggerTokens.has(k)) return true;
    if (v.speechVerbs.has(k)) return false;
  }
  return false;
}

/**
 * The preposition governing a mention ("of the Iraqi forces" → "of"), found by walking back
 * over determiners, numbers and modifiers; null when the mention is not in such a phrase.
 */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'around', 'throughout', 'within']);

export function prepositionBefore(v: SentenceView, m: ActorMention, triggerTokens: ReadonlySet<number>, depth = 0): string | null {
  const g = v.grammar;
  // "on Friday they would ...": a subject pronoun is never in a prepositional phrase.
  if (m.pronoun !== null && SUBJECT_PRONOUNS.has(v.norm(m.t0) ?? '')) return null;
  for (let k = m.t0 - 1, steps = 0; k >= v.first && steps < 5; k--, steps++) {
    // A time expression in between belongs to the clause, not to the mention ("said on Friday X ...").
    if (coversToken(v.times, k)) return null;
    const n = v.norm(k)!;
    const c = v.wordClasses[k]!;
    // "tens of thousands of students", "a group of diplomats": the head is the mention itself.
    if (n === 'of' && (g.partitiveHeads.has(v.norm(k - 1) ?? '') || v.token(k - 1)?.kind === 'number')) return null;
    // "after three soldiers were killed": the word opening a clause is no preposition of its subject.
    if (c & W.preposition) {
      const seg = segmentAt(v, k);
      if (seg.start === k && seg.kind === 'subordinate') return null;
      // "as Washington and Baghdad were finishing talks", "after militants had stormed": a clause, not a phrase.
      if ((n === 'as' || c & W.temporalSubordinator) && k === m.t0 - 1 && verbFollows(v, m)) return null;
      return n;
    }
    if (triggerTokens.has(k) || c & (W.auxiliary | W.beForm | W.haveForm) || v.speechVerbs.has(k)) return null;
    // "a raid by U.S. troops and the SDF": the second conjunct shares the first one's preposition
    // (not a place's: "troops in Iraq and Kurdish fighters" are two subjects).
    if (c & W.coordinator && depth === 0) {
      const first = v.mentions.find((o) => o !== m && o.t1 === k && o.pronoun === null);
      const p = first ? prepositionBefore(v, first, triggerTokens, 1) : null;
      return p !== null && !LOCATIVE_PREPOSITIONS.has(p) ? p : null;
    }
    if (c & CLAUSE_BOUNDARY || n === '.') return null;
    if (otherMentionEndsAt(v, m, k + 1)) return null;
    // "attacks on prisons holding ISIS detainees": the mention is the participle's object, not the preposition's.
    if (n.length > 5 && n.endsWith('ing') && isAfterNoun(v, k)) return null;
  }
  return null;
}

function determinerAt(v: SentenceView, k: number): boolean {
  return v.is(k, DETERMINER);
}

/** Whether a verb group follows the mention (over a coordinated second actor): the mention is a subject. */
function verbFollows(v: SentenceView, m: ActorMention): boolean {
  let k = m.t1;
  if (v.is(k, W.coordinator)) {
    for (const o of v.mentions) {
      if (o.t0 > k && o.t0 <= k + 2) {
        k = o.t1;
        break;
      }
    }
  }
  return v.is(k, VERB_GROUP);
}

/** Whether the word before token k is a content word (a noun the participle at k describes). */
function isAfterNoun(v: SentenceView, k: number): boolean {
  const prev = v.token(k - 1);
  if (!prev || prev.kind !== 'word' || k - 1 < v.first) return false;
  return !(v.wordClasses[k - 1]! & (DETERMINER | W.preposition | W.auxiliary | W.beForm | W.haveForm | W.coordinator | W.nounModifier));
}

function coversToken(ranges: readonly { t0: number; t1: number }[], k: number): boolean {
  for (const r of ranges) if (r.t0 <= k && k < r.t1) return true;
  return false;
}

function otherMentionEndsAt(v: SentenceView, m: ActorMention, end: number): boolean {
  for (const o of v.mentions) if (o !== m && o.t1 === end) return true;
  return false;
}

/** The second conjunct after "X and", "X as well as", "X along with". */
function coordinated(v: SentenceView, m: ActorMention): ActorMention | null {
  const n = v.norm(m.t1);
  if (n === undefined || !v.grammar.coordinators.has(n)) {
    const seq = ['as', 'well', 'as'];
    if (!seq.every((w, k) => v.norm(m.t1 + k) === w)) return null;
  }
  return v.mentions.find((o) => o !== m && o.t0 > m.t1 && o.t0 <= m.t1 + 4) ?? null;
}

/** "... by X": the agent of a passive verb or of an event noun. */
function byAgent(v: SentenceView, from: number): ActorMention | null {
  const seg = segmentAt(v, Math.max(v.first, from - 1));
  for (let k = from; k < Math.min(v.end, from + 6); k++) {
    if (v.norm(k) !== 'by') continue;
    if (k >= seg.end && !(v.segments[v.segmentOf[k]!]?.kind === 'continuation')) return null;
    return v.mentions.find((m) => m.t0 > k && m.t0 <= k + 4) ?? null;
  }
  return null;
}

/**
 * "attacks against Coalition forces in Syria by groups affiliated with Iran": the agent in the
 * noun's own phrase, before any verb (the "by" of "is under investigation by" is not the attack's).
 */
function nounAgent(v: SentenceView, from: number, triggerTokens: ReadonlySet<number>): ActorMention | null {
  for (let k = from; k < Math.min(v.end, from + 9); k++) {
    const n = v.norm(k)!;
    if (n === 'by') return v.mentions.find((m) => m.t0 > k && m.t0 <= k + 4) ?? null;
    // "facilities used by groups": a participle opens another clause.
    if (n.endsWith('ed') && v.token(k)!.kind === 'word' && !v.mentions.some((m) => m.t0 <= k && k < m.t1)) return null;
    if (triggerTokens.has(k) || v.wordClasses[k]! & (W.beForm | W.haveForm | W.auxiliary | W.clausePunctuation | W.relativeThings | W.relativePeople) || v.speechVerbs.has(k) || n === '.') return null;
  }
  return null;
}

/** "The strike was carried out by U.S. jets": the agent of the passive light verb after the noun. */
function agentOfCarryingVerb(v: SentenceView, from: number): ActorMention | null {
  let k = from;
  if (!v.is(k, W.beForm)) return null;
  while (k < v.end && k < from + 4 && !(v.wordClasses[k]! & W.lightVerb)) k++;
  if (!v.is(k, W.lightVerb)) return null;
  return byAgent(v, k + 1) ?? byAgent(v, k + 2);
}

function afterWord(v: SentenceView, from: number, word: string): ActorMention | null {
  if (v.norm(from) !== word) return null;
  return v.mentions.find((m) => m.t0 > from && m.t0 <= from + 4) ?? null;
}

function coordinatedBefore(v: SentenceView, m: ActorMention): ActorMention | null {
  for (const o of v.mentions) if (o.pronoun === null && o.t1 === m.t0 - 1 && (v.is(o.t1, W.coordinator) || v.norm(o.t1) === ',')) return o;
  return null;
}

/** "a coalition airstrike", "the Prime Minister's condemnation", "CENTCOM's operations". */
function modifierBefore(v: SentenceView, start: number): ActorMention | null {
  // An actor phrase may swallow the event noun ("U.S. military raid"): its actor is the modifier.
  const containing = v.mentions.find((o) => o.pronoun === null && o.t0 < start && o.t1 > start);
  if (containing) return containing;
  // "the American and British strikes": past a coordinator, the nearer actor modifies the noun.
  candidates: for (const m of v.mentions.filter((o) => o.t1 <= start && o.t1 >= start - 2)) {
    for (let k = m.t1; k < start; k++) {
      const n = v.norm(k)!;
      const c = v.wordClasses[k]!;
      if (c & W.coordinator) continue candidates;
      if (c & (W.preposition | W.definite | W.indefinite | W.clausePunctuation | W.auxiliary | W.beForm | W.haveForm) || v.speechVerbs.has(k)) return null;
      // "ELN rebels resumed peace negotiations": a verb between makes the actor a subject, not a modifier.
      if (c & W.lightVerb || (n.endsWith('ed') && n.length > 4)) return null;
    }
    // A modifier after a preposition names what the event is about only for some nouns; keep it.
    return m;
  }
  return null;
}

/**
 * "Israeli troops detained 15 Palestinians in a raid": an event noun after "in" or "during"
 * frames an active clause, whose subject carries it out. Not in a passive clause ("was killed
 * in the attack"), where the subject is the victim.
 */
function framesActiveClause(v: SentenceView, start: number): boolean {
  let k = start - 1;
  while (k >= v.first && k >= start - 3 && !(v.wordClasses[k]! & W.preposition)) k--;
  const prep = v.norm(k);
  if (prep !== 'in' && prep !== 'during' && prep !== 'through' && prep !== 'with') return false;
  const seg = segmentAt(v, start);
  for (let j = seg.start; j < k; j++) if (v.wordClasses[j]! & W.beForm) return false;
  return true;
}

/** "a commander responsible for attacks", "the group was responsible for the bombing": who did it. */
function responsibleFor(v: SentenceView, start: number, triggerTokens: ReadonlySet<number>): ActorMention | undefined {
  let k = start - 1;
  const g = v.grammar;
  while (k > v.first && k >= start - 3 && v.wordClasses[k]! & (W.definite | W.indefinite)) k--;
  if (v.norm(k) !== 'for' || v.norm(k - 1) !== 'responsible') return undefined;
  const adjacent = v.mentions.find((m) => m.t1 === k - 1 && m.pronoun === null);
  if (adjacent) return adjacent;
  // "We hold the Taliban and its allies responsible for the attack": the object of "hold".
  for (let j = k - 2; j >= Math.max(v.first, k - 12); j--) {
    if (!g.holdResponsible.has(v.norm(j)!)) continue;
    const held = v.mentions.find((m) => m.t0 > j && m.t1 < k && m.pronoun === null);
    if (held) return held;
  }
  // "those responsible for the attacks" are not named; "the group was responsible" is its subject.
  return v.grammar.beForms.has(v.norm(k - 2) ?? '') ? subjectOf(v, k - 2, triggerTokens)?.mention : undefined;
}

/** "anti-ISIS", "counter-ISIS": a mention right after an opposing prefix and its hyphen. */
function opposedByPrefix(v: SentenceView, m: ActorMention): boolean {
  return m.pronoun === null && v.norm(m.t0 - 1) === '-' && v.grammar.opposingPrefixes.has(v.norm(m.t0 - 2) ?? '');
}

/** "ISIS's", "the group’s": a mention in the possessive case. */
function isPossessive(v: SentenceView, m: ActorMention): boolean {
  const last = v.norm(m.t1 - 1) ?? '';
  return last.endsWith("'s") || v.norm(m.t1) === "'s" || v.norm(m.t1) === "'";
}

/** "its demand", "their withdrawal": a possessive determiner, over at most two modifiers. */
function possessiveBefore(v: SentenceView, start: number): boolean {
  for (let k = start - 1; k >= Math.max(v.first, start - 3); k--) {
    const c = v.wordClasses[k]!;
    if (c & W.possessive) return true;
    if (c & (W.preposition | W.definite | W.indefinite | W.clausePunctuation)) return false;
  }
  return false;
}

/** A light verb ("launched", "conducted", "held") carrying the noun, with only a determiner or modifiers between. */
function lightVerbBefore(v: SentenceView, start: number): number | null {
  const seg = segmentAt(v, start);
  for (let k = start - 1; k >= Math.max(seg.start, start - 5); k--) {
    const c = v.wordClasses[k]!;
    // "the planned deployment", "the continued strikes": after a determiner the participle is an adjective.
    if (c & W.lightVerb) return determinerAt(v, k - 1) ? null : k;
    if (c & (W.preposition | W.clausePunctuation)) return null;
  }
  return null;
}

/** The direct object, or an actor after one of the type's prepositions, in the trigger's clause. */
function objectOf(v: SentenceView, from: number, info: TypeInfo, triggerTokens: ReadonlySet<number>): ActorMention | null {
  const seg = segmentAt(v, Math.max(v.first, from - 1));
  for (const m of v.mentions) {
    if (m.t0 < from) continue;
    if (m.t0 >= seg.end) break;
    const p = prepositionBefore(v, m, triggerTokens);
    if (p === null) {
      if (m.t0 - from <= 6 && !hasTriggerBetween(triggerTokens, from, m.t0)) return m;
      continue;
    }
    // "condemned the drone attacks against Jordanian forces": the phrase belongs to the attacks.
    if (info.targetPreps.has(p) && m.t0 - from <= 10 && !hasTriggerBetween(triggerTokens, from, m.t0)) return m;
  }
  // "demanded that the US cancel ...", "urged that ...": the subject of the clause right after.
  const next = v.segments[segmentIndexAt(v, Math.max(v.first, from - 1)) + 1];
  // After a verb, "that" opens its complement, not a relative clause about a noun.
  const thatClause = next !== undefined && next.kind === 'relative-thing' && next.start === from && v.norm(from) === 'that';
  if (next && (next.kind === 'complement' || thatClause) && next.start - from <= 3) {
    return v.mentions.find((m) => m.t0 >= next.start && m.t0 < next.end && prepositionBefore(v, m, triggerTokens) === null) ?? null;
  }
  return null;
}

function prepositionalObject(v: SentenceView, from: number, info: TypeInfo, triggerTokens: ReadonlySet<number>): ActorMention | null {
  const seg = segmentAt(v, Math.max(v.first, from - 1));
  for (const m of v.mentions) {
    if (m.t0 < from) continue;
    if (m.t0 >= seg.end || m.t0 - from > 10) break;
    const p = prepositionBefore(v, m, triggerTokens);
    if (p !== null && info.targetPreps.has(p)) return m;
  }
  return null;
}

function hasTriggerBetween(triggerTokens: ReadonlySet<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (triggerTokens.has(k)) return true;
  return false;
}

/**
 * A past participle after a form of "be" ("was attacked"), or, for violence and coercion,
 * one that ends its noun phrase ("31 operatives detained and 8 killed").
 */
export function isPassive(v: SentenceView, t: Trigger): boolean {
  if (t.form !== 'ed' && !(t.form === 'phrase' && v.grammar.beForms.has(v.norm(t.start)!))) return false;
  const g = v.grammar;
  // "supported by coalition aircraft": a participle with its agent is passive whatever it means.
  if (t.form === 'ed' && v.norm(t.end) === 'by' && !g.haveForms.has(v.norm(t.start - 1) ?? '') && v.mentions.some((m) => m.pronoun === null && m.t0 > t.end && m.t0 <= t.end + 3)) return true;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 4); k--) {
    const c = v.wordClasses[k]!;
    if (c & W.beForm) return true;
    if (c & W.haveForm) return false;
    if (!(c & (W.auxiliary | W.negationCue) || v.norm(k)!.endsWith('ly'))) break;
  }
  if (t.entry.type !== 'ASSAULT' && t.entry.type !== 'COERCE') return false;
  const next = v.norm(t.end);
  if (next !== undefined && !REDUCED_PASSIVE_NEXT.has(next)) return false;
  if (next === undefined) return true;
  const prev = v.norm(t.start - 1);
  return prev !== undefined && !g.haveForms.has(prev) && !g.thirdPronouns.has(prev) && !g.speakerPronouns.has(prev) && !v.mentions.some((m) => m.t1 === t.start && m.pronoun === null && isSubjectLike(v, m));
}

// A mention that opens its clause ("Hezbollah guerrillas killed ...") is the subject of an active verb.
function isSubjectLike(v: SentenceView, m: ActorMention): boolean {
  const seg = segmentAt(v, m.t0);
  const before = m.t0 - seg.start;
  return before <= 1 && !v.quantities.some((q) => q.t0 < m.t1 && m.t0 < q.t1);
}
