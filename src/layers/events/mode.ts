import type { EventLexicon } from './lexicon.js';
import type { DraftEvent } from './types.js';
import type { SentenceView } from './view.js';

/** The mode of an event whose trigger names none: words near a trigger ("drone", "phone") per the type's modeCues. */
export function modeFromCues(v: SentenceView, e: DraftEvent, lex: EventLexicon): string | null {
  const cues = lex.types.get(e.type)!.modeCues;
  if (cues.length === 0) return null;
  for (const { mode, words } of cues) {
    for (const t of e.triggers) {
      for (let k = Math.max(v.first, t.start - 3); k < Math.min(v.end, t.end + 3); k++) if (words.has(v.norm(k)!)) return mode;
    }
  }
  return null;
}

