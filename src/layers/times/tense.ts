import type { Token } from '../../doc/tokens.js';
import { loadKnowledge } from '../../knowledge.js';
import type { TenseKnowledge, TimesKnowledge } from './lexicon.js';

/**
 * The tense of a clause, as far as dating needs it: does the clause speak of something that
 * has happened (past, including the present perfect), is happening (present), or is still to
 * come (future, including modals and "plans to", "is expected to", "is to")?
 *
 * Used by the times layer to pick which "Friday" or "April" a clause means, and by the events
 * layer to tell reported from planned events. It reads only tokens, so any layer can call it.
 */
export type Tense = 'past' | 'present' | 'future';

export interface TenseCues {
  future: Set<string>;
  conditional: Set<string>;
  beforeTo: Set<string>;
  futureWords: Set<string>;
  pastWords: Set<string>;
  pastAux: Set<string>;
  presentAux: Set<string>;
  perfectAux: Set<string>;
  be: Set<string>;
  irregularPast: Set<string>;
  notVerbsEd: Set<string>;
  breaks: Set<string>;
  /** Verbs after which a participle is an adjective ("remain closed"). */
  copulas: Set<string>;
  /** Adverbs that may sit inside a verb group ("will not soon be"). */
  adverbs: Set<string>;
  /** Participles that make "is ___ for Monday" future ("is scheduled", "are expected"). */
  scheduled: Set<string>;
  /** Words that open a new clause ("and", "that", "which", ","): a verb beyond one governs the time less surely. */
  openers: Set<string>;
  /** Verbs of saying ("said", "told"): a time they govern dates the statement, not the event. */
  reporting: Set<string>;
}

export function compileTenseCues(k: TenseKnowledge): TenseCues {
  const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  return {
    future: set(k.futureAuxiliaries),
    conditional: set(k.conditionalAuxiliaries),
    beforeTo: set(k.futureBeforeTo),
    futureWords: set(k.futureWords),
    pastWords: set(k.pastWords),
    pastAux: set(k.pastAuxiliaries),
    presentAux: set(k.presentAuxiliaries),
    perfectAux: set(k.perfectAuxiliaries),
    be: set(k.beForms),
    irregularPast: set(k.irregularPast),
    notVerbsEd: set(k.notVerbsEndingEd),
    breaks: new Set(k.clauseBreaks),
    copulas: set(k.copulas),
    adverbs: set(k.verbGroupAdverbs),
    scheduled: set(k.scheduledParticiples),
    openers: set(k.clauseOpeners),
    reporting: set(k.reportingVerbs),
  };
}

let shipped: TenseCues | undefined;

/** The cues of knowledge/times.json ("tense"), compiled once. */
export function shippedTenseCues(): TenseCues {
  shipped ??= compileTenseCues(loadKnowledge<TimesKnowledge>('times.json').tense);
  return shipped;
}

const lastPart = (norm: string) => {
  const at = norm.lastIndexOf("'");
  return at > 0 ? norm.slice(at) : norm;
};

/**
 * The tense of one token when it heads or ends a verb group, looking back over the group's
 * auxiliaries ("will be significantly reduced" is future at "reduced"), or null when the
 * token is no verb.
 */
export function tokenTense(tokens: readonly Token[], i: number, cues: TenseCues): Tense | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || isName(t)) return null;
  const n = t.norm;
  const tail = lastPart(n);
  if (cues.future.has(n) || cues.future.has(tail)) return 'future';
  if (cues.conditional.has(n) || (tail !== n && cues.conditional.has(tail))) return 'future';
  const next = tokens[i + 1]?.norm;
  if (cues.be.has(n)) return null;
  if (next === 'to' && cues.beforeTo.has(n)) {
    // "is expected to", "plans to", "is to": the event is still to come. "used to" is past.
    return 'future';
  }
  if (cues.pastAux.has(n)) return 'past';
  if (cues.perfectAux.has(n) || cues.perfectAux.has(tail)) return participleFollows(tokens, i, cues) ? 'past' : 'present';
  // "'s" is left out: it is more often a possessive than "is".
  if (cues.presentAux.has(n) || tail === "'re") {
    // "is scheduled for", "are expected in": the event is still to come.
    return cues.scheduled.has(nextWord(tokens, i, cues)) ? 'future' : 'present';
  }
  if (isPastForm(tokens, i, cues)) {
    const aux = auxiliaryBefore(tokens, i, cues);
    if (aux === 'copula') return null;
    // "is expected by April", "are scheduled for Monday".
    if (aux === 'present' && cues.scheduled.has(n)) return 'future';
    return aux ?? 'past';
  }
  return null;
}

// Capitalized words are names here ("Theresa May", "Will Smith"), not auxiliaries.
// ASCII letters are told by their codes (this runs for every word around every time); the rest by Unicode class.
function isName(t: Token): boolean {
  const text = t.text;
  const first = text.charCodeAt(0);
  if (first < 128) {
    if (first < 65 || first > 90) return false;
    const second = text.charCodeAt(1);
    if (second < 128) return second >= 97 && second <= 122;
  }
  return NAME_START.test(text);
}
const NAME_START = /^\p{Lu}\p{Ll}/u;

/** Whether a word starts with a lower-case letter. */
function startsLowerCase(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first < 128) return first >= 97 && first <= 122;
  return LOWER_START.test(text);
}
const LOWER_START = /^\p{Ll}/u;

/** The next word after token i, over adverbs of the verb group. */
function nextWord(tokens: readonly Token[], i: number, cues: TenseCues): string {
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const n = tokens[k]!.norm;
    if (!cues.adverbs.has(n) && !(n.endsWith('ly') && n.length > 4)) return n;
  }
  return '';
}

function isPastForm(tokens: readonly Token[], i: number, cues: TenseCues): boolean {
  const n = tokens[i]!.norm;
  if (cues.irregularPast.has(n)) return true;
  return n.length > 4 && n.endsWith('ed') && !cues.notVerbsEd.has(n) && startsLowerCase(tokens[i]!.text);
}

function participleFollows(tokens: readonly Token[], i: number, cues: TenseCues): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const n = tokens[k]!.norm;
    if (cues.adverbs.has(n) || n.endsWith('ly')) continue;
    return n === 'been' || isPastForm(tokens, k, cues) || n.endsWith('en');
  }
  return false;
}

/** The tense an auxiliary before a participle gives it, 'copula' for "remain closed", or null. */
function auxiliaryBefore(tokens: readonly Token[], i: number, cues: TenseCues): Tense | 'copula' | null {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = tokens[k]!;
    const n = t.norm;
    if (isName(t)) return null;
    if (cues.adverbs.has(n) || (n.endsWith('ly') && n.length > 3) || cues.be.has(n)) continue;
    if (cues.copulas.has(n)) return 'copula';
    const tail = lastPart(n);
    if (cues.future.has(n) || cues.future.has(tail) || cues.conditional.has(n)) return 'future';
    if (n === 'to') return 'future';
    if (cues.pastAux.has(n)) return 'past';
    if (cues.perfectAux.has(n) || cues.perfectAux.has(tail)) return 'past';
    if (cues.presentAux.has(n) || cues.presentAux.has(tail)) return 'present';
    return null;
  }
  return null;
}

/** The verb group that governs a time: its last token and its tense. */
export interface GoverningVerb {
  index: number;
  tense: Tense;
}

/**
 * The verb group that governs the tokens first..last (inclusive) of a sentence whose tokens
 * are [from, to), within clause breaks (semicolons, quotation marks, dashes, brackets). A time
 * after its verb modifies that verb ("withdrew in December and will hand over the bases", "the
 * truce that ended in December is not expected to hold"), so the verb before wins when no
 * clause opens between them; else the verb after, when none opens between; else the nearest
 * (the one before on a tie).
 */
export function governingVerb(tokens: readonly Token[], from: number, to: number, first: number, last: number, cues: TenseCues = shippedTenseCues()): GoverningVerb | null {
  const [lo, hi] = clauseBounds(tokens, from, to, first, last, cues);
  let before: GoverningVerb | null = null;
  let beforeOpen = false;
  for (let k = first - 1; k >= lo && !before; k--) {
    const tense = tokenTense(tokens, k, cues);
    if (tense) before = { index: k, tense };
    else if (cues.openers.has(tokens[k]!.norm)) beforeOpen = true;
  }
  if (before && !beforeOpen) return before;
  let after: GoverningVerb | null = null;
  let afterOpen = false;
  for (let k = last + 1; k < hi && !after; k++) {
    const tense = tokenTense(tokens, k, cues);
    if (tense) after = { index: k, tense };
    else if (cues.openers.has(tokens[k]!.norm)) afterOpen = true;
  }
  if (after && !afterOpen) return after;
  if (!before || !after) return before ?? after;
  return first - before.index <= after.index - last ? before : after;
}

function clauseBounds(tokens: readonly Token[], from: number, to: number, first: number, last: number, cues: TenseCues): [number, number] {
  let lo = first;
  while (lo > from && !cues.breaks.has(tokens[lo - 1]!.text)) lo--;
  let hi = last + 1;
  while (hi < to && !cues.breaks.has(tokens[hi]!.text)) hi++;
  return [lo, hi];
}

/**
 * The tense of the clause around the tokens first..last (inclusive) of a sentence whose tokens
 * are [from, to): the tense of the governing verb group (see governingVerb). Without a verb,
 * adverbs decide ("ago", "last" -> past; "next", "until" -> future), then a headline
 * infinitive ("Markets to reopen") makes it future. Null when nothing tells.
 */
export function clauseTense(tokens: readonly Token[], from: number, to: number, first: number, last: number, cues: TenseCues = shippedTenseCues()): Tense | null {
  const verb = governingVerb(tokens, from, to, first, last, cues);
  if (verb) return verb.tense;
  const [lo, hi] = clauseBounds(tokens, from, to, first, last, cues);
  for (let d = 1; first - d >= lo || last + d < hi; d++) {
    for (const k of [first - d, last + d]) {
      if (k < lo || k >= hi) continue;
      const n = tokens[k]!.norm;
      if (cues.pastWords.has(n)) return 'past';
      if (cues.futureWords.has(n)) return 'future';
    }
  }
  for (let k = lo; k + 1 < hi; k++) {
    if (tokens[k]!.norm === 'to' && tokens[k + 1]!.kind === 'word' && (k === lo || tokens[k - 1]!.kind === 'word')) return 'future';
  }
  return null;
}
