import type { GazetteerEntry, NameHit } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch } from './match.js';
import { siteHeadAt, type HeadPhrases } from './find-sites.js';
import type { Word } from './words.js';

/**
 * Puts one sentence's name matches and head-word sites together: a curated site named
 * inside a longer site phrase takes the longer span ("Ain al-Asad" + "air base"), a site
 * phrase swallows the toponyms inside it ("Baghdad" in "Baghdad International Airport"),
 * a division takes its head word ("Anbar province"), and "City, State" pairs pin each other.
 */
export function mergeSites(names: PlaceMatch[], sites: PlaceMatch[]): PlaceMatch[] {
  const dropped = new Set<PlaceMatch>();
  const kept: PlaceMatch[] = [];
  for (const s of sites) {
    const overlapping = names.filter((n) => n.from < s.to && s.from < n.to);
    if (overlapping.some((n) => n.from <= s.from && n.to >= s.to)) continue;
    if (overlapping.some((n) => n.to > s.to || n.from < s.from)) continue;
    const curated = overlapping.find((n) => n.hits.some((h) => h.entry.curated && (h.entry.kind === 'site' || h.entry.kind === 'region')));
    if (curated) {
      curated.from = s.from;
      curated.to = s.to;
      curated.start = s.start;
      curated.end = s.end;
      curated.via = 'site';
      continue;
    }
    s.inner = overlapping;
    for (const n of overlapping) dropped.add(n);
    kept.push(s);
  }
  return [...names.filter((n) => !dropped.has(n)), ...kept].sort((a, b) => a.from - b.from);
}

/**
 * "Anbar province", "Kurdistan region", "Aleppo Province": the head word joins the match and
 * pins the division reading. "Camp Taji military base", "the Government Center complex": a
 * site's own head word after its name joins it too (it restates what the place is; it is not
 * a noun the name modifies).
 */
export function extendHeads(words: Word[], matches: PlaceMatch[], lex: PlacesLexicon, heads: HeadPhrases): void {
  for (const m of matches) {
    if (m.hits.some((h) => h.entry.kind === 'site')) {
      const next = words[m.to];
      const end = next && !next.cap && lex.weakSiteWords.has(next.key) ? m.to + 1 : siteHeadAt(words, m.to, heads);
      if (end > m.to && !matches.some((o) => o !== m && o.from >= m.to && o.from < end)) {
        m.nameTo = m.to;
        m.to = end;
        m.end = words[end - 1]!.end;
      }
      continue;
    }
    const next = words[m.to];
    if (!next || !next.isWord || !lex.admin1Heads.has(next.key)) continue;
    const fits = (e: { name: string }) => !next.cap || lex.anyDivisionHeads.has(next.key) || e.name.toLowerCase().split(/\s+/).includes(next.key);
    const divisions = m.hits.filter((h) => h.entry.kind === 'admin1' && fits(h.entry));
    const regions = m.hits.filter((h) => h.entry.kind === 'region' && !next.cap);
    if (divisions.length === 0 && regions.length === 0) continue;
    if (matches.some((o) => o !== m && o.from === m.to)) continue;
    m.to += 1;
    m.end = next.end;
    if (divisions.length) m.restrictKind = 'admin1';
  }
}

export interface DivisionCodes {
  /** "<alpha-3>:<subdivision code>" -> entry. */
  byCode: Map<string, GazetteerEntry>;
  /** Written abbreviation ("Fla.") -> "<alpha-3>:<code>". */
  abbreviations: Map<string, string>;
}

/**
 * "Tampa, Fla.", "Jindayris, Syria", "Atlanta, Georgia", "BAGHDAD, Iraq": the part after the
 * comma is a division or country that contains the place before it. Each reading of the pair
 * must agree; the second part is a noun whatever follows it (datelines run on without
 * punctuation: "BAGHDAD, Iraq Iraqi military leaders").
 */
export function qualifyPairs(words: Word[], sentence: number, matches: PlaceMatch[], codes: DivisionCodes): PlaceMatch[] {
  // Made on the first abbreviation: most sentences have none.
  let added: PlaceMatch[] | undefined;
  let replaced: Set<PlaceMatch> | undefined;
  for (const a of matches) {
    if (words[a.to]?.text !== ',') continue;
    // "Fla." would otherwise be read as some town named "Fla".
    let b = divisionAbbreviation(words, sentence, a, codes);
    if (b) {
      replaced ??= new Set();
      for (const m of matches) if (m.from < b.to && b.from < m.to) replaced.add(m);
      (added ??= []).push(b);
    } else {
      b = matches.find((m) => m.from === a.to + 1);
    }
    if (!b) continue;
    const pairs: [NameHit, NameHit][] = [];
    for (const ha of a.hits) for (const hb of b.hits) if (contains(hb.entry, ha.entry)) pairs.push([ha, hb]);
    if (pairs.length === 0) continue;
    a.hits = unique(pairs.map((p) => p[0]));
    b.hits = unique(pairs.map((p) => p[1]));
    a.qualified = true;
    const after = words[b.to];
    if (!(after && after.text === '-' && after.gluedLeft)) {
      b.closesPair = true;
      b.qualified = true;
    }
  }
  if (!added) return matches;
  const gone = replaced!;
  return [...matches.filter((m) => !gone.has(m)), ...added].sort((x, y) => x.from - y.from);
}

function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer.kind !== 'country' && outer.kind !== 'admin1') return false;
  if (inner.kind === 'country' || inner.kind === 'region' || outer === inner) return false;
  if (!inner.country || inner.country !== outer.country) return false;
  if (outer.kind === 'admin1' && inner.kind === 'admin1') return false;
  return outer.kind === 'country' || !inner.admin || !outer.admin || inner.admin === outer.admin || outer.curated || inner.curated;
}

function divisionAbbreviation(words: Word[], sentence: number, a: PlaceMatch, codes: DivisionCodes): PlaceMatch | undefined {
  const w = words[a.to + 1];
  if (!w || !w.isWord || !w.cap) return undefined;
  const dot = words[a.to + 2];
  const withDot = dot && dot.text === '.' && dot.gluedLeft;
  const written = withDot ? `${w.text}.` : w.text;
  let code = codes.abbreviations.get(written);
  if (!code && w.upper && w.text.length === 2) {
    const country = a.hits.find((h) => h.entry.country && codes.byCode.has(`${h.entry.country}:${w.text}`))?.entry.country;
    if (country) code = `${country}:${w.text}`;
  }
  const entry = code ? codes.byCode.get(code) : undefined;
  if (!entry) return undefined;
  const to = withDot && codes.abbreviations.get(written) === code ? a.to + 3 : a.to + 2;
  return {
    sentence,
    from: a.to + 1,
    to,
    start: w.start,
    end: words[to - 1]!.end,
    hits: [{ entry, form: written }],
    via: 'division',
    usage: 'noun',
    reason: 'division abbreviation after "City,"',
    locative: false,
    qualified: true,
  };
}

function unique(hits: NameHit[]): NameHit[] {
  return [...new Set(hits)];
}
