import type { DraftEvent } from './types.js';

/**
 * How much to trust an event, from what supports it: a trigger confirmed by context words
 * or a fixed phrase is surer than a bare word; roles read from the clause are surer than
 * guessed ones; a date and a place add a little; an event derived from another (an announced
 * intention) or only possible (hypothetical) is less sure. Between 0.05 and 0.95.
 */
export function confidenceOf(d: DraftEvent): number {
  const t = d.triggers[0]!;
  let c = t.form === 'phrase' ? 0.6 : t.pos === 'verb' ? 0.55 : 0.5;
  if (t.entry.requires.length > 0) c += 0.1;
  if (d.triggers.length > 1) c += 0.05;
  if (d.source) c += d.sourceExplicit ? 0.15 : 0.05;
  if (d.target) c += d.targetExplicit ? 0.1 : 0.03;
  if (d.date) c += 0.03;
  if (d.place) c += 0.02;
  if (d.mode === 'announced intent') c -= 0.15;
  if (d.status === 'hypothetical') c -= 0.05;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}
