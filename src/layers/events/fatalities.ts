import type { Quantity } from '../../doc/layers.js';
import type { TriggerRef } from './types.js';
import { WordClass } from './lexicon.js';
import { segmentAt, type SentenceView } from './view.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

/**
 * The number killed, where the text ties it to a killing trigger of the event:
 * - "killed about 150 IS terrorists", "killing two officials": a count right after the verb;
 * - "Three personnel were killed", "8 killed": a count in the subject before the participle;
 * - "the deaths of 12 soldiers": a count after "of";
 * - "killed the leader", "Maher al-Agal was killed", "the death of Usamah al-Muhajir":
 *   one named or singular person, 1;
 * - "no casualties" in the sentence and nothing else: 0.
 */

// Units that count people; anything else ("percent", "USD", "vehicle") is not a toll.
const NOT_PEOPLE = new Set(['percent', 'usd', 'eur', 'gbp', 'square mile', 'kilometer', 'mile', 'vehicle', 'rocket', 'dollar', 'ton', 'year', 'day', 'hour']);

export function fatalitiesOf(v: SentenceView, triggers: readonly TriggerRef[], quantitiesById: ReadonlyMap<string, Quantity>): number | null {
  for (const t of triggers) {
    if (!t.entry.fatal) continue;
    const found = t.pos === 'noun' ? nounToll(v, t, quantitiesById) : t.passive ? passiveToll(v, t, quantitiesById) : activeToll(v, t, quantitiesById);
    if (found !== null) return found;
  }
  if (triggers.some((t) => t.entry.type === 'ASSAULT') && saysNoCasualties(v)) return 0;
  return null;
}

/** The count of people nearest to `near` among the quantities starting in [from, to). */
function countAt(v: SentenceView, from: number, to: number, quantitiesById: ReadonlyMap<string, Quantity>, near = from): number | null {
  let best: { value: number; distance: number } | null = null;
  for (const r of v.quantities) {
    if (r.t0 < from || r.t0 >= to) continue;
    const q = quantitiesById.get(r.id);
    if (!q || q.value === null || NOT_PEOPLE.has((q.unit ?? '').toLowerCase())) continue;
    const distance = Math.abs(r.t0 - near);
    if (!best || distance < best.distance) best = { value: q.value, distance };
  }
  return best?.value ?? null;
}

function activeToll(v: SentenceView, t: TriggerRef, q: ReadonlyMap<string, Quantity>): number | null {
  return countAt(v, t.end, t.end + 4, q) ?? (singularPersonAfter(v, t.end) ? 1 : null);
}

function passiveToll(v: SentenceView, t: TriggerRef, q: ReadonlyMap<string, Quantity>): number | null {
  const seg = segmentAt(v, t.start);
  // "... and 8 killed": a bare number right before, which the quantities layer may leave without a unit
  const prev = v.token(t.start - 1);
  if (prev?.kind === 'number') {
    const n = Number(prev.text.replace(/,/g, ''));
    if (Number.isFinite(n)) return n;
  }
  const fromCount = countAt(v, Math.max(seg.start, t.start - 7), t.start, q, t.start);
  if (fromCount !== null) return fromCount;
  return singularSubjectBefore(v, t.start, seg.start) ? 1 : null;
}

function nounToll(v: SentenceView, t: TriggerRef, q: ReadonlyMap<string, Quantity>): number | null {
  if (v.norm(t.end) !== 'of') return null;
  return countAt(v, t.end + 1, t.end + 4, q) ?? (singularPersonAfter(v, t.end + 1) ? 1 : null);
}

/** "the leader", "a senior leader", "Qasem Soleimani" right after a position. */
function singularPersonAfter(v: SentenceView, from: number): boolean {
  const g = v.grammar;
  const first = v.token(from);
  if (!first) return false;
  if (isName(v, from)) return true;
  const det = first.norm;
  // "lost one of her finest warriors"
  if (det === 'one' && v.norm(from + 1) === 'of') return true;
  if (!(det === 'a' || det === 'an' || det === 'the' || g.possessive.has(det))) return false;
  for (let k = from + 1; k < Math.min(v.end, from + 5); k++) {
    const n = v.norm(k)!;
    if (g.personNouns.has(n)) return v.norm(k + 1) !== 'and' || v.norm(k + 2) === 'the';
    if (g.prepositions.has(n) || n === ',' || n === '.') return false;
  }
  return false;
}

/** "a US contractor was killed", "Maher al-Agal was killed", "the individual who was killed". */
function singularSubjectBefore(v: SentenceView, before: number, segStart: number): boolean {
  const g = v.grammar;
  let k = before - 1;
  while (k >= segStart && (g.beForms.has(v.norm(k)!) || g.auxiliaries.has(v.norm(k)!) || v.norm(k)!.endsWith('ly'))) k--;
  if (k < v.first) return false;
  const n = v.norm(k)!;
  if (g.relativePeople.has(n)) k--;
  const head = v.norm(k);
  if (head !== undefined && g.personNouns.has(head)) {
    const det = v.norm(k - 1) ?? '';
    const det2 = v.norm(k - 2) ?? '';
    return ['a', 'an', 'the', 'one'].includes(det) || ['a', 'an', 'the', 'one'].includes(det2);
  }
  return k >= v.first && isNameEnd(v, k);
}

// Name particles that stay lower case inside a person's name ("Usamah al-Muhajir").
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'ben', 'bint', '-']);

// Two capitalized words, possibly joined by particles, not opening the sentence: a person's name.
function isName(v: SentenceView, i: number): boolean {
  if (i <= v.first || !isCapitalized(v, i)) return false;
  for (let k = i + 1; k < Math.min(v.end, i + 4); k++) {
    if (isCapitalized(v, k)) return true;
    if (!PARTICLES.has(v.norm(k)!)) return false;
  }
  return false;
}

function isNameEnd(v: SentenceView, k: number): boolean {
  return isCapitalized(v, k) && k - 1 >= v.first && (isCapitalized(v, k - 1) || v.norm(k - 1) === '-');
}

const UPPER_FIRST = /^\p{Lu}/u;

/** A word of the sentence starting with a capital letter. */
function isCapitalized(v: SentenceView, k: number): boolean {
  const t = v.token(k);
  return t !== undefined && t.kind === 'word' && UPPER_FIRST.test(t.text);
}

function saysNoCasualties(v: SentenceView): boolean {
  const phrases = v.grammar.noCasualties;
  // An empty phrase is found at the first word; any other starts with a word of the class.
  if (v.first < v.end && phrases.some((seq) => seq.length === 0)) return true;
  for (let k = v.first; k < v.end; k++) {
    if (!(v.wordClasses[k]! & W.noCasualtiesFirstWord)) continue;
    for (const seq of phrases) if (wordsAt(v, k, seq)) return true;
  }
  return false;
}

function wordsAt(v: SentenceView, k: number, words: readonly string[]): boolean {
  for (let j = 0; j < words.length; j++) if (v.norm(k + j) !== words[j]) return false;
  return true;
}
