import type { Trigger } from './triggers.js';
import type { SentenceView } from './view.js';

/**
 * An actor phrase that runs over a trigger ("U.S. military raid", "United Nations urged both
 * sides", "killed four Islamic State operatives") is cut at the trigger, so the trigger keeps
 * its place in the clause and the actor its role.
 */
export function trimMentionsAtTriggers(v: SentenceView, triggers: readonly Trigger[]): void {
  let changed = false;
  const mentions = v.mentions.flatMap((m) => {
    if (m.pronoun !== null) return [m];
    const inside = triggers.find((t) => m.t0 < t.start && t.start < m.t1);
    if (inside) {
      changed = true;
      return [{ ...m, t1: inside.start }];
    }
    // "killed four Islamic State operatives": the actor comes after the trigger words.
    const leading = triggers.find((t) => m.t0 >= t.start && m.t0 < t.end);
    if (!leading) return [m];
    changed = true;
    return leading.end < m.t1 ? [{ ...m, t0: leading.end }] : [];
  });
  if (changed) {
    v.mentions = mentions;
    v.mentionStarts = new Set(mentions.filter((m) => m.pronoun === null).map((m) => m.t0));
  }
}

