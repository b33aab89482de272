import { WordClass } from './lexicon.js';
import type { EventStatus, TriggerRef } from './types.js';
import { segmentAt, type SentenceView } from './view.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

/**
 * The status of an event (spec §2): read from the words before its trigger in its clause,
 * in this order of precedence:
 * - hypothetical: a condition ("if", "unless") earlier in the sentence;
 * - negated: a negation in the verb group ("is not withdrawing", "does not mean a full
 *   withdrawal", "denied carrying out", "no casualties");
 * - hypothetical: a modal of possibility or obligation, or a verb of wanting, demanding,
 *   threatening or trying ("could", "must", "threatened to", "urged X to");
 * - planned: a future modal, "would" in reported speech ("said ... would be reduced"), or a
 *   verb of intention or schedule ("plans to", "is expected to", "committed to");
 * - ongoing: a progressive ("is working"), "continues to", "still", "under", or a present
 *   participle in a present-tense clause ("has 2,500 troops advising");
 * - reported otherwise. Reported speech keeps the status of what is reported, since only
 *   the reported clause is read.
 */
export function statusOf(v: SentenceView, triggers: readonly TriggerRef[]): EventStatus {
  const t = triggers[0]!;
  if (t.entry.status) return t.entry.status;
  for (let k = v.first; k < t.start; k++) if (v.wordClasses[k]! & W.conditional) return 'hypothetical';

  // "among those killed", "those detained": the participle names the victims of what happened.
  if (t.form === 'ed' && v.norm(t.start - 1) === 'those') return 'reported';
  const seg = segmentAt(v, t.start);
  const from = Math.max(seg.start, t.start - 8, t.pos === 'noun' ? governedFrom(v, t.start) : 0);
  // The words read, as token indices: their class bits stand for the grammar sets.
  const words: number[] = [];
  for (let k = from; k < t.start; k++) if (!(t.pos === 'noun' && carriesNoun(v, k, t.start))) words.push(k);
  const n = words.length;

  // A negation among the last five words, unless "not only".
  let negated = false;
  for (let i = Math.max(0, n - 5); i < n && !negated; i++) negated = isNegation(v, words[i]!) && (i + 1 < n ? v.norm(words[i + 1]!) : undefined) !== 'only';
  if (negated && !hasWord(v, words, 'if')) return 'negated';
  // "No U.S. or SDF personnel were injured": a negated subject negates its passive verb.
  if (t.passive && NO_SUBJECT.has(v.norm(seg.start) ?? '')) return 'negated';

  const pastSpeech = reportedInPast(v, t.start);
  for (let i = n - 1; i >= 0; i--) {
    const k = words[i]!;
    const c = v.wordClasses[k]!;
    const w = v.norm(k)!;
    if (c & W.conditionalModal || w.endsWith("'d")) return pastSpeech ? 'planned' : 'hypothetical';
    if (c & (W.possibilityModal | W.hypotheticalCue)) return 'hypothetical';
    if (c & (W.futureModal | W.plannedCue) || w.endsWith("'ll")) return 'planned';
  }
  if (hasOngoingCue(v, words) || (t.form === 'phrase' && hasOngoingCueIn(v, t.start, t.end))) return 'ongoing';
  if (isProgressive(v, t) || presentParticiple(v, t, words)) return 'ongoing';
  return 'reported';
}

function hasWord(v: SentenceView, words: readonly number[], word: string): boolean {
  for (const k of words) if (v.norm(k) === word) return true;
  return false;
}

function hasOngoingCue(v: SentenceView, words: readonly number[]): boolean {
  for (const k of words) if (v.wordClasses[k]! & W.ongoingCue) return true;
  return false;
}

function hasOngoingCueIn(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.wordClasses[k]! & W.ongoingCue) return true;
  return false;
}

const NO_SUBJECT = new Set(['no', 'none', 'nobody', 'neither', 'nor']);

function isNegation(v: SentenceView, k: number): boolean {
  return (v.wordClasses[k]! & W.negationCue) !== 0 || v.norm(k)!.endsWith("n't");
}

// "X said (that) Y would ...": "would" is the future of a past statement, a plan.
function reportedInPast(v: SentenceView, before: number): boolean {
  for (let k = v.first; k < before; k++) {
    const n = v.norm(k)!;
    if (v.speechVerbs.has(k) && (n.endsWith('ed') || n === 'said' || n === 'told' || n === 'wrote')) return true;
  }
  return false;
}

const present = (n: string) => n === 'is' || n === 'are' || n === 'am' || n === "'s";

function isProgressive(v: SentenceView, t: TriggerRef): boolean {
  if (t.form === 'ing') {
    for (let k = t.start - 1; k >= Math.max(v.first, t.start - 3); k--) {
      const n = v.norm(k)!;
      if (present(n)) return true;
      if (!(v.wordClasses[k]! & W.auxiliary || n.endsWith('ly'))) break;
    }
  }
  // "is being investigated", "are being carried out", "is being jointly investigated"
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 3); k--) {
    if (v.norm(k) === 'being') return present(v.norm(k - 1) ?? '') || present(v.norm(k - 2) ?? '');
  }
  return false;
}

// Words that govern an event noun stop at the preposition it hangs from: in "continues to
// gather information on a coalition airstrike", "continues" is not said of the airstrike.
// A light verb carries the noun and passes its status on ("plans to launch attacks").
const STOPPING_PREPOSITIONS = new Set(['on', 'of', 'about', 'regarding', 'against', 'for', 'into', 'in', 'at', 'from', 'with', 'over', 'by', 'during', 'after', 'before', 'following', 'through', 'via', 'behind', 'amid', 'despite']);

function governedFrom(v: SentenceView, start: number): number {
  for (let k = start - 1; k >= Math.max(v.first, start - 8); k--) {
    const n = v.norm(k)!;
    if (v.wordClasses[k]! & W.lightVerb) return v.first;
    // "engaged in heavy fighting", "involved in attacks": the preposition belongs to the verb.
    if (STOPPING_PREPOSITIONS.has(n) && !(v.norm(k - 1) ?? '').endsWith('ed')) return k + 1;
  }
  return v.first;
}

// "to pledge our support", "offered U.S. support": the cue word is the act that carries the
// noun (a light verb right before it), so the pledge is reported, not planned.
function carriesNoun(v: SentenceView, k: number, start: number): boolean {
  if (!(v.wordClasses[k]! & W.plannedCue) || start - k > 3) return false;
  for (let j = k + 1; j < start; j++) if (v.norm(j) === 'to') return false;
  return true;
}

// "has about 2,500 troops in Iraq advising and assisting": a participle in a present-tense clause.
function presentParticiple(v: SentenceView, t: TriggerRef, words: readonly number[]): boolean {
  if (t.form !== 'ing' || t.pos !== 'verb') return false;
  for (const k of words) if (v.grammar.presentForms.has(v.norm(k)!)) return true;
  return false;
}

/**
 * "will wind down ... and transition to a partnership": a modal or plan word governs the
 * verbs coordinated with "and" in its clause, so events after it in the clause share its
 * status when they have none of their own.
 */
export function spreadOverCoordination(v: SentenceView, events: readonly { status: EventStatus; triggers: readonly { start: number; end: number }[] }[]): void {
  const ordered = [...events].sort((a, b) => a.triggers[0]!.start - b.triggers[0]!.start);
  for (let i = 1; i < ordered.length; i++) {
    const e = ordered[i]!;
    if (e.status !== 'reported') continue;
    const start = e.triggers[0]!.start;
    const governing = ordered.slice(0, i).reverse().find((p) => p.status === 'planned' && segmentAt(v, p.triggers[0]!.start) === segmentAt(v, start));
    if (!governing) continue;
    for (let k = governing.triggers[0]!.end; k < start; k++) {
      if (v.norm(k) === 'and') {
        e.status = 'planned';
        break;
      }
    }
  }
}

/**
 * "called for the withdrawal of the coalition", "threatened to strike": what is asked for or
 * threatened has not happened; the event right after a request or a threat is hypothetical.
 */
export function markRequestedActs(v: SentenceView, events: readonly { type: string; status: EventStatus; triggers: readonly { start: number; end: number }[] }[]): void {
  for (const r of events) {
    if (r.type !== 'REQUEST' && r.type !== 'THREATEN') continue;
    const end = r.triggers[0]!.end;
    for (const e of events) {
      if (e === r || e.status !== 'reported') continue;
      const start = e.triggers[0]!.start;
      if (start <= end || start - end > 6) continue;
      // "pushed for all troops to leave" in the clause; "demanded that U.S. forces leave" in the clause the request opens.
      const own = segmentAt(v, start);
      if (own === segmentAt(v, end - 1) || (own.start === end && v.norm(end) === 'that')) e.status = 'hypothetical';
    }
  }
}

/**
 * Whether the clause of a trigger is told in the past ("completed its withdrawal in December"):
 * then a date after the report is a misread, not a plan.
 */
export function toldInPast(v: SentenceView, t: TriggerRef): boolean {
  if (t.passive || t.form === 'ed') return true;
  const seg = segmentAt(v, t.start);
  for (let k = seg.start; k < t.start; k++) {
    const tk = v.token(k)!;
    if (tk.kind === 'word' && (tk.norm.endsWith('ed') || v.grammar.haveForms.has(tk.norm) || tk.norm === 'was' || tk.norm === 'were') && !v.mentions.some((m) => m.t0 <= k && k < m.t1)) return true;
  }
  return false;
}

