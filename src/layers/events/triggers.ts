import { continuesUntilDeadline } from './continuation.js';
import type { Cue, EventLexicon, Pattern, CompiledEntry } from './lexicon.js';
import type { Form, PartOfSpeech } from './types.js';
import type { SentenceView } from './view.js';

/** A matched trigger: the words (global token range) and the lexicon sense they were read in. */
export interface Trigger {
  start: number;
  end: number;
  /** The lexicon form it was matched from ("strike" for "struck"), to recognize a later mention. */
  lemma: string;
  entry: CompiledEntry;
  pos: PartOfSpeech;
  form: Form;
}

/**
 * Finds the trigger words of one sentence. At each token the longest lexicon phrase wins;
 * among senses of the same words, the part of speech the context calls for is tried first,
 * then entries in lexicon order, the first whose cues hold. Triggers never overlap.
 */
export function findTriggers(v: SentenceView, lex: EventLexicon): Trigger[] {
  const found: Trigger[] = [];
  for (let i = v.first; i < v.end; i++) {
    const candidates = lex.byFirstWord.get(v.norm(i)!);
    if (!candidates) continue;
    // Candidates come longest first: each run of one length is a group of senses of the same words.
    let accepted: Trigger | null = null;
    for (let at = 0; at < candidates.length && !accepted; ) {
      const length = candidates[at]!.words.length;
      let group: Pattern[] | null = null;
      for (; at < candidates.length && candidates[at]!.words.length === length; at++) {
        if (matchesAt(v, i, candidates[at]!.words)) (group ??= []).push(candidates[at]!);
      }
      if (group) accepted = pickSense(v, i, i + length, group);
    }
    if (accepted && !isInsideName(v, accepted) && !isPurposeInfinitive(v, accepted) && !isDescriptiveParticiple(v, accepted)) {
      found.push(accepted);
      i = accepted.end - 1;
    }
  }
  return found;
}

/** Whether the sentence's words from token `at` on are `words`. */
function matchesAt(v: SentenceView, at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (v.norm(at + k) !== words[k]) return false;
  return true;
}

function pickSense(v: SentenceView, start: number, end: number, group: Pattern[]): Trigger | null {
  const hasVerb = group.some((p) => p.pos === 'verb');
  const hasNoun = group.some((p) => p.pos === 'noun');
  // The most verbal form decides the context test: "-ed" and "-ing" are never plain nouns.
  const form = group.find((p) => p.form === 'ed')?.form ?? group.find((p) => p.form === 'ing')?.form ?? group[0]!.form;
  const wanted = contextPos(v, start, end, form);
  let order = group;
  if (hasVerb && hasNoun) {
    // A clear context ("the enduring defeat of", "to fight") allows only its part of speech.
    order = wanted ? group.filter((p) => p.pos === wanted || p.form === 'phrase') : [...group.filter((p) => p.pos === 'noun'), ...group.filter((p) => p.pos !== 'noun')];
  } else if (wanted && group.every((p) => p.form !== 'phrase' && p.pos !== wanted) && strongContext(v, start, form)) {
    // "a target", "will release": the only sense on offer is the wrong part of speech.
    return null;
  }
  const text = group[0]!.text;
  // "were hurt", "had hit": a past that looks like the base ("hurt", "hit") is the participle after "be" or "have".
  if (order.length > 1 && order.some((p) => p.form === 'base') && order.some((p) => p.form === 'ed')) {
    const participle = afterBeOrHave(v, start);
    order = [...order].sort((a, b) => rank(a.form, participle) - rank(b.form, participle));
  }
  for (const p of order) {
    if (allCuesHold(v, start, end, p.entry.requires, text) && !anyCueHolds(v, start, end, p.entry.excludes, text)) {
      return { start, end, lemma: p.lemma, entry: p.entry, pos: p.pos, form: p.form };
    }
  }
  return null;
}

const rank = (form: Form, participle: boolean) => (form === (participle ? 'ed' : 'base') ? 0 : 1);

/** A form of "be" or "have" before the word, over adverbs and negations ("were not badly hurt"). */
function afterBeOrHave(v: SentenceView, start: number): boolean {
  const g = v.grammar;
  for (let k = start - 1; k >= Math.max(v.first, start - 4); k--) {
    const n = v.norm(k)!;
    if (g.beForms.has(n) || g.haveForms.has(n) || n === 'being') return true;
    if (!(n.endsWith('ly') || g.negationCues.has(n) || n.endsWith("n't"))) return false;
  }
  return false;
}

function allCuesHold(v: SentenceView, start: number, end: number, cues: readonly Cue[], text: string): boolean {
  for (const c of cues) if (!cueHolds(v, start, end, c, text, true)) return false;
  return true;
}

function anyCueHolds(v: SentenceView, start: number, end: number, cues: readonly Cue[], text: string): boolean {
  for (const c of cues) if (cueHolds(v, start, end, c, text, false)) return true;
  return false;
}

/** Verb or noun, as far as the word before (and after) tells; null when they do not. */
export function contextPos(v: SentenceView, start: number, end: number, form: Form): PartOfSpeech | null {
  const g = v.grammar;
  const prev = v.norm(start - 1);
  const next = v.norm(end);
  const prevToken = v.token(start - 1);
  const determinerBefore = prev !== undefined && prev !== 'that' && (g.definite.has(prev) || g.indefinite.has(prev) || g.possessive.has(prev) || g.nounModifiers.has(prev) || prev.endsWith("'s") || prevToken?.kind === 'number' || (v.norm(start - 2) ?? '').endsWith("'s"));
  // "the wounded" is a noun; "8 killed" a participle.
  if (form === 'ed') return determinerBefore && prevToken?.kind !== 'number' ? 'noun' : 'verb';
  if (prev !== undefined && (g.auxiliaries.has(prev) || g.speakerPronouns.has(prev) || g.thirdPronouns.has(prev) || g.relativePeople.has(prev) || prev === 'which' || g.futureModals.has(prev) || prev.endsWith("'ll") || prev.endsWith("n't"))) {
    return 'verb';
  }
  if (determinerBefore || modifiedNoun(v, start)) return 'noun';
  // "in heavy fighting" is a noun; "by killing Qasem Soleimani" a gerund with its object.
  if (form === 'ing') {
    if (prev === undefined || !g.prepositions.has(prev)) return 'verb';
    const takesObject = next !== undefined && (v.mentionStarts.has(end) || g.definite.has(next) || g.indefinite.has(next) || g.possessive.has(next) || v.token(end)?.kind === 'number');
    return takesObject ? 'verb' : 'noun';
  }
  if (prev !== undefined && prev !== 'to' && g.prepositions.has(prev)) return 'noun';
  if (next === 'of' || next === 'by') return 'noun';
  if (v.mentions.some((m) => m.t1 === start && m.pronoun === null)) {
    if (next !== undefined && (g.prepositions.has(next) || next === '.' || next === ',')) return 'noun';
    return 'verb';
  }
  return null;
}

// A determiner or a preposition before the word leaves no room for a verb; "to" or "will" none for a noun.
const strongContext = (v: SentenceView, start: number, form: Form) => {
  const prev = v.norm(start - 1);
  const g = v.grammar;
  if (form === 'ed' && v.token(start - 1)?.kind === 'number') return false;
  if (form !== 'ed' && form !== 'ing' && modifiedNoun(v, start)) return true;
  return prev !== undefined && (g.indefinite.has(prev) || prev === 'the' || g.possessive.has(prev) || g.nounModifiers.has(prev) || prev === 'to' || g.futureModals.has(prev) || g.prepositions.has(prev) || v.token(start - 1)?.kind === 'number');
};

/**
 * "more than 30 commercial ships", "the heavy strikes": a word after a number or determiner and
 * one or two adjectives is a noun, whatever verb it could also be. The scan stops at anything
 * that can be a subject or a clause word ("which arms", "the army regularly ships").
 */
function modifiedNoun(v: SentenceView, start: number): boolean {
  const g = v.grammar;
  for (let k = start - 2; k >= Math.max(v.first, start - 3); k--) {
    const between = v.token(k + 1)!;
    const n = between.norm;
    if (between.kind !== 'word' || n.endsWith('ly') || isFunctionWord(g, n)) return false;
    if (v.mentions.some((m) => m.t0 <= k + 1 && k + 1 < m.t1)) return false;
    const before = v.token(k)!;
    const b = before.norm;
    if (before.kind === 'number' || (b !== 'that' && (g.definite.has(b) || g.indefinite.has(b) || g.possessive.has(b) || g.nounModifiers.has(b)))) return true;
  }
  return false;
}

const isFunctionWord = (g: SentenceView['grammar'], n: string) =>
  g.auxiliaries.has(n) || g.speakerPronouns.has(n) || g.thirdPronouns.has(n) || g.relativePeople.has(n) || n === 'which' || n === 'that' || n === 'and' || n === 'or' || g.futureModals.has(n) || g.prepositions.has(n) || g.definite.has(n) || g.indefinite.has(n) || g.possessive.has(n) || n.endsWith("n't");

/** Whether a cue is satisfied around the trigger words [start, end). */
function cueHolds(v: SentenceView, start: number, end: number, cue: Cue, triggerText: string, forRequires: boolean): boolean {
  if (cue.onlyFor && !cue.onlyFor.has(triggerText)) return forRequires;
  if (cue.within === 0) {
    if (!cue.joinedSequences.has(triggerText)) return false;
    if (cue.capitalized) {
      const t = v.token(start)!;
      return start > v.first && t.text[0] !== t.text[0]!.toLowerCase();
    }
    return true;
  }
  if (cue.continued) return continuesUntilDeadline(v, end, cue.within);
  if (cue.side !== 'after' && cueWithin(v, Math.max(v.first, start - cue.within), start, cue)) return true;
  return cue.side !== 'before' && cueWithin(v, end, Math.min(v.end, end + cue.within), cue);
}

/** Whether the cue's actor, speech verb or words start at a token of [from, to). */
function cueWithin(v: SentenceView, from: number, to: number, cue: Cue): boolean {
  for (let k = from; k < to; k++) {
    if (cue.actor && v.mentionStarts.has(k)) return true;
    if (cue.speech && v.speechVerbs.has(k)) return true;
    if (isNamedAcronym(v, k)) continue;
    for (const seq of cue.sequences) if (matchesAt(v, k, seq)) return true;
  }
  return false;
}

// "a senior IS official", "US forces": an acronym of an actor's name is not the grammar word it spells.
function isNamedAcronym(v: SentenceView, k: number): boolean {
  const text = v.token(k)!.text;
  if (text.length < 2 || text.length > 4 || text !== text.toUpperCase() || text === text.toLowerCase()) return false;
  return v.mentions.some((m) => m.t0 <= k && k < m.t1);
}

// Capitalized words in the middle of a name ("Operation Inherent Resolve", "Strike Group") are not events.
function isInsideName(v: SentenceView, t: Trigger): boolean {
  if (t.start === v.first) return false;
  const text = v.token(t.start)!.text;
  if (text[0] === text[0]!.toLowerCase()) return false;
  return isCapitalWord(v, t.start - 1) || isCapitalWord(v, t.end) || v.mentions.some((m) => m.pronoun === null && m.t0 <= t.start && t.end <= m.t1);
}

function isCapitalWord(v: SentenceView, i: number): boolean {
  const tk = v.token(i);
  return tk !== undefined && tk.kind === 'word' && tk.text[0] !== tk.text[0]!.toLowerCase();
}

// "the mission to fight ISIS", "its ability to attack": a purpose or ability, not an event,
// unless the noun is itself carried by a light verb ("conducted the mission to rescue hostages").
function isPurposeInfinitive(v: SentenceView, t: Trigger): boolean {
  if (t.pos !== 'verb' || v.norm(t.start - 1) !== 'to') return false;
  const noun = v.norm(t.start - 2);
  if (noun === undefined || !v.grammar.purposeNouns.has(noun)) return false;
  for (let k = t.start - 3; k >= Math.max(v.first, t.start - 6); k--) if (v.grammar.lightVerbs.has(v.norm(k)!)) return false;
  return true;
}

// "the coalition fighting Islamic State", "a task force targeting ISIS": a description of the actor.
function isDescriptiveParticiple(v: SentenceView, t: Trigger): boolean {
  return t.form === 'ing' && t.pos === 'verb' && v.mentions.some((m) => m.pronoun === null && m.t1 === t.start);
}
