import type { EventLexicon } from './lexicon.js';
import type { DraftEvent } from './types.js';
import type { SentenceView } from './view.js';

/** The mode of an event whose trigger names none: words near a trigger ("drone", "phone") per the type's modeCues. */
export function modeFromCues(v: SentenceView, e: DraftEvent, lex: EventLexicon): string | null {
  const { modeCues, firstModeOf } = lex.types.get(e.type)!;
  if (modeCues.length === 0) return null;
  // The first mode (in cue order) that a word near any trigger names.
  let first = modeCues.length;
  for (const t of e.triggers) {
    for (let k = Math.max(v.first, t.start - 3); k < Math.min(v.end, t.end + 3); k++) {
      const index = firstModeOf.get(v.norm(k)!);
      if (index !== undefined && index < first) first = index;
    }
  }
  return first < modeCues.length ? modeCues[first]!.mode : null;
}

