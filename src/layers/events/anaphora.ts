import { WordClass, type CompiledEntry } from './lexicon.js';
import type { Trigger } from './triggers.js';
import type { DraftEvent } from './types.js';
import { segmentAt, type SentenceView } from './view.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

/** Words for finding mentions of events told before; the article-wide folding is in article.ts. */

/** Event nouns of the last sentences by head word, with the sense they were read in. */
export type RecentNouns = Map<string, RecentNoun>;
export interface RecentNoun {
  entry: CompiledEntry;
  sentence: number;
}

export const headWord = (word: string) => (word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
export const ANAPHOR_SENTENCES = 3;

/**
 * "These operations resulted in ...": a noun that named an event in the last sentences, taken
 * up again with "the", "this" or "these", names that event even where the lexicon needs more
 * context for it ("operations against").
 */
export function repeatedEventNouns(v: SentenceView, found: readonly Trigger[], recent: ReadonlyMap<string, RecentNoun>): Trigger[] {
  const extra: Trigger[] = [];
  if (recent.size === 0) return extra;
  for (let k = v.first + 1; k < v.end; k++) {
    // The determiner first: it is the cheapest test and rules out most words.
    if (!takenUp(v, k)) continue;
    if (isTaken(found, k) || v.token(k)!.kind !== 'word') continue;
    const earlier = recent.get(headWord(v.norm(k)!));
    if (!earlier || v.sentence.index - earlier.sentence > ANAPHOR_SENTENCES) continue;
    extra.push({ start: k, end: k + 1, lemma: headWord(v.norm(k)!), entry: earlier.entry, pos: 'noun', form: v.norm(k)!.endsWith('s') ? 'pl' : 'sg' });
  }
  return extra;
}

/** "the", "these", or "the same" before word k: the word takes up something said before. */
function takenUp(v: SentenceView, k: number): boolean {
  if (v.is(k - 1, W.demonstrative) || v.norm(k - 1) === 'the') return true;
  return (v.is(k - 2, W.demonstrative) || v.norm(k - 2) === 'the') && v.is(k - 1, W.nounModifier);
}

function isTaken(found: readonly Trigger[], k: number): boolean {
  for (const t of found) if (t.start <= k && k < t.end) return true;
  return false;
}

/**
 * An event is told again when its first trigger points back ("the attack", "the individual who
 * was killed"), or when it names no actor of its own and one of its nouns points back ("16
 * people were killed in the strikes").
 */
export function retells(e: DraftEvent): boolean {
  return e.anaphoric || (!e.sourceExplicit && e.anaphoricNoun);
}

// "the attack", "these operations", "the individual who was killed": a mention of an event told before.
export function isAnaphoric(v: SentenceView, t: Trigger, passive: boolean): boolean {
  if (passive && segmentAt(v, t.start).kind === 'relative-person') return true;
  if (t.pos !== 'noun') return false;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 3); k--) {
    const c = v.wordClasses[k]!;
    if (c & W.definite) return true;
    if (c & (W.indefinite | W.possessive | W.preposition | W.clausePunctuation) || v.norm(k)!.endsWith("'s") || v.token(k)!.kind === 'number') return false;
  }
  return false;
}

