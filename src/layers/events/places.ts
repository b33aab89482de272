import type { Place } from '../../doc/layers.js';
import type { Offsets } from '../../doc/span.js';
import type { TriggerRef } from './types.js';
import { segmentIndexAt, type SentenceView, type TokenRange } from './view.js';

/**
 * Where an event happened (spec §2: a place id): its own place ("into Syria", "in eastern
 * Syria") after a locative preposition in its clause; else the nearest place of its clause;
 * else of its sentence. Places that are also actor mentions ("Iran said") are only taken
 * after a locative preposition. The article's main country is added later, article-wide.
 */

const LOCATIVE = new Set(['in', 'into', 'near', 'at', 'inside', 'across', 'throughout', 'outside', 'from', 'on', 'around', 'within', 'over', 'toward', 'towards', 'to', 'off', 'along']);

export function placeOf(v: SentenceView, triggers: readonly TriggerRef[], dateline: Offsets | null): string | null {
  const places = dateline ? v.places.filter((r) => v.doc.tokens[r.t0]!.start >= dateline.end) : v.places;
  if (places.length === 0) return null;
  const segments = new Set(triggers.map((t) => segmentIndexAt(v, t.start)));
  const own = places.filter((r) => segments.has(segmentIndexAt(v, r.t0)));
  const located = own.filter((r) => LOCATIVE.has(locativeBefore(v, r)));
  return nearest(located, triggers) ?? nearest(own.filter((r) => !isActor(v, r)), triggers) ?? nearest(places.filter((r) => !isActor(v, r) && !inAttribution(v, r)), triggers);
}

/** The id of the place nearest to a trigger (the first of equals), or null; sorts `list`. */
function nearest(list: TokenRange[], triggers: readonly TriggerRef[]): string | null {
  return list.sort((a, b) => distance(a, triggers) - distance(b, triggers))[0]?.id ?? null;
}

/** Tokens between the place and the nearest trigger (0 when they overlap). */
function distance(r: TokenRange, triggers: readonly TriggerRef[]): number {
  let min = Infinity;
  for (const t of triggers) min = Math.min(min, r.t0 >= t.end ? r.t0 - t.end : t.start >= r.t1 ? t.start - r.t1 : 0);
  return min;
}

function isActor(v: SentenceView, r: TokenRange): boolean {
  return v.mentions.some((m) => m.pronoun === null && m.t0 < r.t1 && r.t0 < m.t1);
}

// The preposition before a place, over a determiner or a direction word ("in eastern Syria").
function locativeBefore(v: SentenceView, r: TokenRange): string {
  for (let k = r.t0 - 1; k >= Math.max(v.first, r.t0 - 3); k--) {
    const n = v.norm(k)!;
    if (LOCATIVE.has(n)) return n;
    if (!(n === 'the' || n.endsWith('ern') || n === 'central' || n === 'northwest' || n === 'northeast' || n === 'southwest' || n === 'southeast' || n === '-')) return '';
  }
  return '';
}

// "..., sources in neighboring Pakistan said": the place of whoever reports, not of the event.
function inAttribution(v: SentenceView, r: TokenRange): boolean {
  const seg = v.segments[segmentIndexAt(v, r.t0)]!;
  return seg.speechVerb !== null && seg.speechVerb > r.t0;
}

/**
 * The country most of the article's place mentions are in, when one clearly leads (at least
 * twice the next one, or the only one). Mentions that are actors ("the U.S. said") do not count: they name who acts, not where.
 */
export function mainCountryPlace(places: readonly Place[], isActorMention: (m: Offsets) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const p of places) {
    if (!p.country) continue;
    const n = p.mentions.filter((m) => !isActorMention(m)).length;
    if (n > 0) counts.set(p.country, (counts.get(p.country) ?? 0) + n);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || (second && top[1] < 2 * second[1])) return null;
  const country = places.find((p) => p.country === top[0] && p.kind === 'country') ?? places.find((p) => p.country === top[0]);
  return country?.id ?? null;
}
