import { WordClass } from './lexicon.js';
import type { TriggerRef } from './types.js';
import { segmentIndexAt, type ActorMention, type SentenceView } from './view.js';

/**
 * Who hears, sees or reports an event is a witness, not its author: "Residents said they heard
 * an explosion", "soldiers saw militants fire rockets at the base". A perception verb
 * (cues.json `perceptionVerbs`) shortly before the trigger, in its clause, takes the event as
 * its object or complement.
 */

// How far before the trigger a perception verb still governs it ("heard a series of loud explosions").
const PERCEPTION_REACH = 8;

/** The token of the perception verb whose object or complement holds the trigger, or null. */
export function perceptionVerbBefore(v: SentenceView, t: Pick<TriggerRef, 'start' | 'pos'>): number | null {
  const perceptionVerbs = v.grammar.perceptionVerbs;
  const segment = segmentIndexAt(v, t.start);
  // "reported a huge blast": a speech verb opens a clause of its own right after it.
  const opener = v.segments[segment]!.start - 1;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - PERCEPTION_REACH); k--) {
    if (segmentIndexAt(v, k) !== segment && k !== opener) return null;
    if (perceptionVerbs.has(v.norm(k)!)) {
      // "reported striking the camp": with no subject of its own, the act is the perceiver's.
      return t.pos === 'verb' && k === t.start - 1 ? null : k;
    }
    if (k === opener) return null;
    // "saw the gunmen and opened fire": past a coordinator a verb is a clause of its own.
    if (t.pos === 'verb' && v.is(k, WordClass.coordinator)) return null;
  }
  return null;
}

/**
 * The actor named between the perception verb and a verb trigger: "saw militants fire rockets"
 * (militants act). Null when none is named there.
 */
export function perceivedActor(v: SentenceView, perceptionVerb: number, triggerStart: number): ActorMention | null {
  for (const m of v.mentions) {
    if (m.t0 > perceptionVerb && m.t1 <= triggerStart) return m;
  }
  return null;
}
