import type { GoldArticle } from '../gold.js';
import type { GoldPlace } from '../gold-schema.js';
import type { Tally } from '../metrics.js';
import type { SystemOutput, SystemRecord } from '../system.js';
import { matchGreedy } from '../match.js';
import { normalizeName } from '../normalize.js';
import { emptyFindings, show, type LayerFindings } from '../findings.js';

/**
 * Places are compared per article as distinct places, not mentions: same country and
 * either both countries, or names equal or one inside the other ("Kurdistan" ~ "Kurdistan Region").
 */
export function scorePlaces(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const distinct = distinctPlaces(system.places);
  const findings = { ...emptyFindings('places'), goldCount: gold.places.length, systemCount: distinct.length };
  const { pairs, unmatched } = matchGreedy(gold.places, distinct, samePlace);
  for (const { gold: g, system: s } of pairs) {
    if (s) {
      findings.matched++;
      tally.places.truePositives++;
    } else {
      tally.places.falseNegatives++;
      findings.misses.push({ text: g.name, at: null, detail: `${show(g.kind)} ${show(g.country ?? null)}` });
    }
  }
  tally.places.falsePositives += unmatched.length;
  for (const s of unmatched) findings.falseAlarms.push({ text: show(s.name), at: null, detail: `${show(s.kind)} ${show(s.country)}${mentionHint(s)}` });
  return findings;
}

/** One record per (country, normalized name): a place output twice is still one place. */
function distinctPlaces(places: readonly SystemRecord[]): SystemRecord[] {
  const kept: SystemRecord[] = [];
  for (const p of places) {
    if (!kept.some((k) => k.country === p.country && normalizeName(k.name) === normalizeName(p.name))) kept.push(p);
  }
  return kept;
}

function samePlace(g: GoldPlace, s: SystemRecord): boolean {
  if ((s.country ?? null) !== (g.country ?? null)) return false;
  const goldIsCountry = g.kind === 'country';
  const systemIsCountry = s.kind === 'country';
  if (goldIsCountry || systemIsCountry) return goldIsCountry && systemIsCountry;
  const a = normalizeName(s.name);
  const b = normalizeName(g.name);
  return a === b || a.includes(b) || b.includes(a);
}

/** The words that made the system see the place, so a false alarm can be found in the text. */
function mentionHint(s: SystemRecord): string {
  const first = Array.isArray(s.mentions) ? (s.mentions[0] as { text?: unknown } | undefined) : undefined;
  return first && typeof first.text === 'string' && first.text !== s.name ? ` from "${first.text}"` : '';
}
