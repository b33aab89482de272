import type { Trigger } from './triggers.js';
import type { ActorMention, SentenceView } from './view.js';

/**
 * An actor phrase that runs over a trigger ("U.S. military raid", "United Nations urged both
 * sides", "killed four Islamic State operatives") is cut at the trigger, so the trigger keeps
 * its place in the clause and the actor its role.
 */
export function trimMentionsAtTriggers(v: SentenceView, triggers: readonly Trigger[]): void {
  let mentions: ActorMention[] | null = null;
  for (let i = 0; i < v.mentions.length; i++) {
    const m = v.mentions[i]!;
    const trimmed = m.pronoun !== null ? m : trimmedAt(m, triggers);
    // The list is copied only from the first mention that changes: most sentences keep theirs.
    if (trimmed !== m && mentions === null) mentions = v.mentions.slice(0, i);
    if (mentions !== null && trimmed !== null) mentions.push(trimmed);
  }
  if (mentions !== null) {
    v.mentions = mentions;
    v.mentionStarts = new Set(mentions.filter((m) => m.pronoun === null).map((m) => m.t0));
  }
}

/** The mention cut at the triggers: itself when no trigger runs into it, null when nothing is left. */
function trimmedAt(m: ActorMention, triggers: readonly Trigger[]): ActorMention | null {
  const inside = triggers.find((t) => m.t0 < t.start && t.start < m.t1);
  if (inside) return { ...m, t1: inside.start };
  // "killed four Islamic State operatives": the actor comes after the trigger words.
  const leading = triggers.find((t) => m.t0 >= t.start && m.t0 < t.end);
  if (!leading) return m;
  return leading.end < m.t1 ? { ...m, t0: leading.end } : null;
}
