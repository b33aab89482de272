import { continuesUntilDeadline } from './continuation.js';
import { WordClass, type Cue, type EventLexicon, type Pattern, type CompiledEntry } from './lexicon.js';
import type { Form, PartOfSpeech } from './types.js';
import type { SentenceView } from './view.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

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
  const patternsByFirstId = lex.vocabulary.patternsByFirstId;
  for (let i = v.first; i < v.end; i++) {
    const id = v.wordIds[i]!;
    const candidates = id < 0 ? undefined : patternsByFirstId[id];
    if (!candidates) continue;
    // Candidates come longest first: each run of one length is a group of senses of the same words.
    let accepted: Trigger | null = null;
    for (let at = 0; at < candidates.length && !accepted; ) {
      const length = candidates[at]!.words.length;
      const group = senses;
      group.length = 0;
      for (; at < candidates.length && candidates[at]!.words.length === length; at++) {
        if (matchesAt(v, i, candidates[at]!.ids)) group.push(candidates[at]!);
      }
      if (group.length > 0) accepted = pickSense(v, i, i + length, group);
    }
    if (accepted && !isInsideName(v, accepted) && !isPurposeInfinitive(v, accepted) && !isDescriptiveParticiple(v, accepted)) {
      found.push(accepted);
      i = accepted.end - 1;
    }
  }
  return found;
}

// The matching senses at one token, reused from one token to the next: pickSense keeps none of them.
const senses: Pattern[] = [];

/** Whether the sentence's words from token `at` on are the words of `ids` (vocabulary ids). */
function matchesAt(v: SentenceView, at: number, ids: Int32Array): boolean {
  if (at < v.first || at + ids.length > v.end) return false;
  for (let k = 0; k < ids.length; k++) if (v.wordIds[at + k] !== ids[k]) return false;
  return true;
}

function pickSense(v: SentenceView, start: number, end: number, group: Pattern[]): Trigger | null {
  // One pass over the senses (a loop, not some/find: this runs at every candidate word).
  let hasVerb = false;
  let hasNoun = false;
  let hasEd = false;
  let hasIng = false;
  for (const p of group) {
    if (p.pos === 'verb') hasVerb = true;
    else if (p.pos === 'noun') hasNoun = true;
    if (p.form === 'ed') hasEd = true;
    else if (p.form === 'ing') hasIng = true;
  }
  // The most verbal form decides the context test: "-ed" and "-ing" are never plain nouns.
  const form: Form = hasEd ? 'ed' : hasIng ? 'ing' : group[0]!.form;
  const wanted = contextPos(v, start, end, form);
  let order = group;
  if (hasVerb && hasNoun) {
    // A clear context ("the enduring defeat of", "to fight") allows only its part of speech.
    order = wanted ? group.filter((p) => p.pos === wanted || p.form === 'phrase') : [...group.filter((p) => p.pos === 'noun'), ...group.filter((p) => p.pos !== 'noun')];
  } else if (wanted && noneFits(group, wanted) && strongContext(v, start, form)) {
    // "a target", "will release": the only sense on offer is the wrong part of speech.
    return null;
  }
  const text = group[0]!.text;
  // "were hurt", "had hit": a past that looks like the base ("hurt", "hit") is the participle after "be" or "have".
  if (order.length > 1 && hasForm(order, 'base') && hasForm(order, 'ed')) {
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

/** No sense is a phrase or of the wanted part of speech. */
function noneFits(group: readonly Pattern[], wanted: PartOfSpeech): boolean {
  for (const p of group) if (p.form === 'phrase' || p.pos === wanted) return false;
  return true;
}

function hasForm(group: readonly Pattern[], form: Form): boolean {
  for (const p of group) if (p.form === form) return true;
  return false;
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
// Word classes that tell a noun or a verb comes next (tested as bits of the token's classes).
const DETERMINER = W.definite | W.indefinite | W.possessive;
const NOUN_MODIFYING = DETERMINER | W.nounModifier;
const VERB_COMING = W.auxiliary | W.speakerPronoun | W.thirdPronoun | W.relativePeople | W.futureModal;
const NO_VERB_AFTER = W.indefinite | W.possessive | W.nounModifier | W.futureModal | W.preposition;
const FUNCTION_WORD = VERB_COMING | W.preposition | DETERMINER;

export function contextPos(v: SentenceView, start: number, end: number, form: Form): PartOfSpeech | null {
  const prev = v.norm(start - 1);
  const next = v.norm(end);
  const prevToken = v.token(start - 1);
  const determinerBefore = prev !== undefined && prev !== 'that' && (v.is(start - 1, NOUN_MODIFYING) || prev.endsWith("'s") || prevToken?.kind === 'number' || (v.norm(start - 2) ?? '').endsWith("'s"));
  // "the wounded" is a noun; "8 killed" a participle.
  if (form === 'ed') return determinerBefore && prevToken?.kind !== 'number' ? 'noun' : 'verb';
  if (prev !== undefined && (v.is(start - 1, VERB_COMING) || prev === 'which' || prev.endsWith("'ll") || prev.endsWith("n't"))) {
    return 'verb';
  }
  if (determinerBefore || modifiedNoun(v, start)) return 'noun';
  // "in heavy fighting" is a noun; "by killing Qasem Soleimani" a gerund with its object.
  if (form === 'ing') {
    if (!v.is(start - 1, W.preposition)) return 'verb';
    const takesObject = next !== undefined && (v.mentionStarts.has(end) || v.is(end, DETERMINER) || v.token(end)?.kind === 'number');
    return takesObject ? 'verb' : 'noun';
  }
  if (prev !== 'to' && v.is(start - 1, W.preposition)) return 'noun';
  if (next === 'of' || next === 'by') return 'noun';
  if (namedMentionEndsAt(v, start)) {
    if (next !== undefined && (v.is(end, W.preposition) || next === '.' || next === ',')) return 'noun';
    return 'verb';
  }
  return null;
}

function namedMentionEndsAt(v: SentenceView, end: number): boolean {
  for (const m of v.mentions) if (m.t1 === end && m.pronoun === null) return true;
  return false;
}

// A determiner or a preposition before the word leaves no room for a verb; "to" or "will" none for a noun.
function strongContext(v: SentenceView, start: number, form: Form): boolean {
  const prev = v.norm(start - 1);
  if (form === 'ed' && v.token(start - 1)?.kind === 'number') return false;
  if (form !== 'ed' && form !== 'ing' && modifiedNoun(v, start)) return true;
  return prev !== undefined && (v.is(start - 1, NO_VERB_AFTER) || prev === 'the' || prev === 'to' || v.token(start - 1)?.kind === 'number');
}

/**
 * "more than 30 commercial ships", "the heavy strikes": a word after a number or determiner and
 * one or two adjectives is a noun, whatever verb it could also be. The scan stops at anything
 * that can be a subject or a clause word ("which arms", "the army regularly ships").
 */
function modifiedNoun(v: SentenceView, start: number): boolean {
  for (let k = start - 2; k >= Math.max(v.first, start - 3); k--) {
    const between = v.token(k + 1)!;
    const n = between.norm;
    if (between.kind !== 'word' || n.endsWith('ly') || isFunctionWord(v, k + 1, n)) return false;
    if (insideMention(v, k + 1)) return false;
    const before = v.token(k)!;
    if (before.kind === 'number' || (before.norm !== 'that' && v.is(k, NOUN_MODIFYING))) return true;
  }
  return false;
}

function insideMention(v: SentenceView, k: number): boolean {
  for (const m of v.mentions) if (m.t0 <= k && k < m.t1) return true;
  return false;
}

/** Whether token k (of word n) is a function word: a clause word, a preposition or a determiner. */
function isFunctionWord(v: SentenceView, k: number, n: string): boolean {
  return v.is(k, FUNCTION_WORD) || n === 'which' || n === 'that' || n === 'and' || n === 'or' || n.endsWith("n't");
}

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
    // The acronym test is the dearer one: made only for words that match.
    if (anyMatchesAt(v, k, cue) && !isNamedAcronym(v, k)) return true;
  }
  return false;
}

function anyMatchesAt(v: SentenceView, at: number, cue: Cue): boolean {
  const id = v.wordIds[at]!;
  if (id < 0 || ((cue.firstIdMask >>> (id & 31)) & 1) === 0) return false;
  const sequences = cue.sequencesByFirstId.get(id);
  if (sequences) for (const seq of sequences) if (matchesAt(v, at, seq)) return true;
  return false;
}

// "a senior IS official", "US forces": an acronym of an actor's name is not the grammar word it spells.
function isNamedAcronym(v: SentenceView, k: number): boolean {
  const text = v.token(k)!.text;
  if (text.length < 2 || text.length > 4 || text !== text.toUpperCase() || text === text.toLowerCase()) return false;
  return insideMention(v, k);
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
