import type { TriggerRef } from './types.js';
import type { SegmentKind, SentenceView } from './view.js';

/**
 * "The coalition's anti-ISIS mission in Syria ... will continue until September 2026": an
 * activity that is said to go on up to a deadline is a commitment (a planned event dated by
 * the deadline). The activity noun is the subject of the continuation verb; a parser would
 * link them, here the continuation verb is the first verb group after the noun in its clause
 * chain (asides and relative clauses have verbs of their own and are stepped over; another
 * verb group, or a clause joined by "but" or ";", ends the search), and it must carry a
 * deadline: one of the cue words "until", "through", ... right before a time expression.
 */

/** The continuation verb (token index) whose subject the noun ending before `from` heads, or null. */
export function continuationVerbAfter(v: SentenceView, from: number, within: number): number | null {
  const g = v.grammar;
  const own = v.segmentOf[from - 1]!;
  // A noun inside an aside ("— a deployment the administration tried to end —") is not the subject after it.
  const aside = isAside(v.segments[own]!.kind);
  const to = Math.min(v.end, from + within);
  for (let k = from; k < to; k++) {
    const segment = v.segmentOf[k]!;
    if (aside ? segment !== own : isAside(v.segments[segment]!.kind)) continue;
    const n = v.norm(k)!;
    // The speaker's clause ("..., officials said") or the next clause ends the noun's.
    if (v.speechVerbs.has(k) || g.clauseJoiners.has(n) || (n === 'and' && v.norm(k - 1) === ',')) return null;
    if (g.continuationVerbs.has(n)) {
      if (!isFinite(v, k)) continue;
      return deadlineAfter(v, k + 1) ? k : null;
    }
    // Another verb group ("the mission in Iraq ended", "operations were halted") is the noun's own.
    if (g.futureModals.has(n) || g.conditionalModals.has(n) || g.possibilityModals.has(n) || n.endsWith("'ll")) {
      if (!g.continuationVerbs.has(v.norm(k + 1) ?? '') && !g.continuationVerbs.has(v.norm(k + 2) ?? '')) return null;
    } else if (g.beForms.has(n) || g.haveForms.has(n)) {
      if (!g.continuationRaisers.has(v.norm(k + 1) ?? '')) return null;
    }
  }
  return null;
}

export function continuesUntilDeadline(v: SentenceView, from: number, within: number): boolean {
  return continuationVerbAfter(v, from, within) !== null;
}

/**
 * The verb that a "continued" trigger noun is the subject of, as a trigger of its own: the
 * status ("will continue") and the deadline are read there.
 */
export function continuationTrigger(v: SentenceView, noun: TriggerRef): TriggerRef | null {
  const cue = noun.entry.requires.find((c) => c.continued);
  if (!cue || noun.pos !== 'noun') return null;
  const k = continuationVerbAfter(v, noun.end, cue.within);
  return k === null ? null : { start: k, end: k + 1, lemma: v.norm(k)!, pos: 'verb', form: 'base', entry: noun.entry, passive: false };
}

const isAside = (kind: SegmentKind) => kind === 'paren' || kind === 'relative-thing' || kind === 'relative-person';

/** "will continue", "is expected to remain", "continues": the verb of the clause, not a noun ("the last") or a participle ("run from"). */
function isFinite(v: SentenceView, k: number): boolean {
  const g = v.grammar;
  const n = v.norm(k)!;
  if (n.endsWith('s') && !n.endsWith('ss')) return true;
  for (let j = k - 1; j >= Math.max(v.first, k - 3); j--) {
    const w = v.norm(j)!;
    if (g.futureModals.has(w) || w === 'to' || w.endsWith("'ll") || g.conditionalModals.has(w) || g.possibilityModals.has(w)) return true;
    if (!w.endsWith('ly') && !g.negationCues.has(w) && w !== 'also' && w !== 'still') return false;
  }
  return false;
}

/** A deadline word right before a time, within a short phrase after the verb ("remain in Iraq until 2026"). */
function deadlineAfter(v: SentenceView, from: number): boolean {
  const g = v.grammar;
  for (let j = from; j < Math.min(v.end, from + 7); j++) {
    const n = v.norm(j)!;
    if (g.clausePunctuation.has(n) || n === '.') return false;
    if (g.deadlines.has(n) && v.times.some((r) => r.t0 <= j + 1 && j + 1 < r.t1)) return true;
  }
  return false;
}
