import type { Place } from '../../doc/layers.js';
import type { Span } from '../../doc/span.js';
import type { GazetteerEntry } from './entry.js';

/** One resolved mention: the entry it names, and the country and point a site inherits. */
export interface ResolvedMention {
  entry: GazetteerEntry;
  country: string | null;
  lat: number | null;
  lon: number | null;
  span: Span;
  /** The name as written, with a division's head word ("Anbar province") but without a site's restating one ("Camp Taji"). */
  written: string;
}

/**
 * One record per distinct place of the article, in order of first mention. Countries and
 * curated places keep their canonical English name ("United States" for "the U.S."); places
 * from the packages take their most frequent written form, since GeoNames spellings
 * ("Al Ḩasakah", "Tikrīt") are not the English the article and its readers use.
 */
export function buildRecords(mentions: ResolvedMention[]): Place[] {
  const groups = new Map<string, ResolvedMention[]>();
  for (const m of mentions) {
    const id = `${m.entry.id}|${m.country ?? ''}`;
    const g = groups.get(id);
    if (g) g.push(m);
    else groups.set(id, [m]);
  }
  const places: Place[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const e = first.entry;
    group.sort((a, b) => a.span.start - b.span.start);
    places.push({
      id: `p${places.length + 1}`,
      name: e.curated || e.kind === 'country' || e.kind === 'region' ? e.name : writtenName(group),
      kind: e.kind,
      country: e.kind === 'region' ? null : first.country,
      lat: first.lat,
      lon: first.lon,
      mentions: group.map((m) => ({ start: m.span.start, end: m.span.end, text: m.span.text })),
    });
  }
  return places;
}

/** The most frequent written form, preferring one not in capitals ("TAMPA" -> "Tampa" only when nothing else is written). */
function writtenName(group: ResolvedMention[]): string {
  const counts = new Map<string, number>();
  for (const m of group) {
    const w = m.written;
    const weight = isCapitals(w) ? 0.5 : 1;
    counts.set(w, (counts.get(w) ?? 0) + weight);
  }
  let best = group[0]!.written;
  let n = 0;
  for (const [w, k] of counts) if (k > n) [best, n] = [w, k];
  return isCapitals(best) && best.length > 3 ? titleCase(best) : best;
}

const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
const WORD_START = /(^|[\s-])(\p{L})/gu;
const isCapitals = (s: string) => LETTER.test(s) && !LOWER_LETTER.test(s);
const titleCase = (s: string) => s.toLowerCase().replace(WORD_START, (_, a: string, b: string) => a + b.toUpperCase());
