import type { Place } from '../../doc/layers.js';
import { tokenize } from '../../doc/tokens.js';
import type { Candidate, PlaceUse } from './candidates.js';
import type { CompiledLexicon } from './compile.js';

/**
 * What unnamed mentions are read against. `home` is the country the article speaks for
 * (its publisher, else the country its bodies mostly belong to): "a senior administration
 * official", "the President". `mainPlace` is the country the article is about, taken from
 * the places it names: "the police", "militias", "armed groups".
 */
export interface ArticleContext {
  home: string | null;
  /** The article speaks for a military body (a DoD or CENTCOM release): "personnel" are troops. */
  militaryVoice: boolean;
  mainPlace: string | null;
  /**
   * The country the article is set in, when nothing disputes it: "local officials", "local
   * forces" belong to it. Null when two countries are named about as often.
   */
  setting: string | null;
  placesBySentence: Map<number, string[]>;
  /** The home country came from the article's source, not from counting. */
  publisherKnown: boolean;
  /** Countries written in the text, in order (for "President X" with no nationality given). */
  countries: readonly PlaceUse[];
}

/** What the places layer (when it ran) and the parser say about where the article is set. */
export interface SettingEvidence {
  places: readonly Place[];
  /** Characters before this offset are the dateline ("MOGADISHU, Somalia —"). */
  datelineEnd: number;
}

export function articleContext(source: string | null, candidates: readonly Candidate[], places: readonly PlaceUse[], countries: readonly PlaceUse[], lex: CompiledLexicon, evidence: SettingEvidence = { places: [], datelineEnd: 0 }, publishers: PublisherCache = new PublisherCache(lex)): ArticleContext {
  const publisher = source ? publishers.of(source) : null;
  const home = publisher?.country ?? mostFrequent(allVotes(candidates)) ?? mostFrequent(countries.map((c) => c.country));
  let militaryVoice = publisher?.military ?? false;
  if (!publisher && home) {
    const first = candidates.find((c) => c.type === 'named' && c.actor.country === home);
    militaryVoice = first?.type === 'named' && first.actor.kind === 'military';
  }
  const placesBySentence = new Map<number, string[]>();
  for (const p of places) {
    const list = placesBySentence.get(p.sentence) ?? [];
    if (!list.includes(p.country)) list.push(p.country);
    placesBySentence.set(p.sentence, list);
  }
  const mainPlace = mostFrequent(places.map((p) => p.country));
  const setting = evidence.places.length > 0 ? settingOf(evidence) : clearLeader(places.map((p) => p.country));
  return { home, militaryVoice, mainPlace, setting, placesBySentence, publisherKnown: publisher !== null, countries };
}

/**
 * Every mention of a place with a country is a vote for it, and the dateline's place one more
 * ("MOGADISHU, Somalia —" is where the reporter is). The article is set in the leader only
 * when it has at least twice the votes of the runner-up.
 */
function settingOf(evidence: SettingEvidence): string | null {
  const votes: string[] = [];
  for (const p of evidence.places) {
    if (!p.country) continue;
    for (const m of p.mentions) {
      votes.push(p.country);
      if (m.start < evidence.datelineEnd) votes.push(p.country);
    }
  }
  return clearLeader(votes);
}

const CLEAR_LEAD = 2;

function clearLeader(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let first = 0;
  let second = 0;
  for (const [v, n] of counts) {
    if (n > first) {
      second = first;
      first = n;
      best = v;
    } else if (n > second) second = n;
  }
  return best !== null && first >= CLEAR_LEAD * second ? best : null;
}

interface Publisher {
  country: string;
  military: boolean;
}

/** Most articles of a feed share its source line: each line is read once per annotator. */
export class PublisherCache {
  private readonly known = new Map<string, Publisher | null>();

  constructor(private readonly lex: CompiledLexicon) {}

  of(source: string): Publisher | null {
    let publisher = this.known.get(source);
    if (publisher === undefined) {
      // A long-running server sees ever new sources: forget them all now and then.
      if (this.known.size >= MAX_SOURCES_KEPT) this.known.clear();
      publisher = publisherOf(source, this.lex);
      this.known.set(source, publisher);
    }
    return publisher;
  }
}

const MAX_SOURCES_KEPT = 1000;

/** The state body named in the article's source ("U.S. Central Command (centcom.mil)"), if any. */
function publisherOf(source: string, lex: CompiledLexicon): Publisher | null {
  const tokens = tokenize(source);
  for (let i = 0; i < tokens.length; ) {
    const m = lex.trie.longestAt(tokens, i, tokens.length);
    if (!m) {
      i++;
      continue;
    }
    for (const e of m.values) {
      // A news agency reports on others; only a state body speaks for its country.
      if (e.type === 'named' && e.actor.country && (e.actor.kind === 'government' || e.actor.kind === 'military' || e.actor.kind === 'police')) {
        return { country: e.actor.country, military: e.actor.kind === 'military' };
      }
    }
    i = m.end;
  }
  return null;
}

/** Institutions weigh more than passing mentions of a country. */
// Votes are pushed, not returned as an array per candidate: this runs once per article over every candidate.
function allVotes(candidates: readonly Candidate[]): string[] {
  const votes: string[] = [];
  for (const c of candidates) addCountryVotes(c, votes);
  return votes;
}

function addCountryVotes(c: Candidate, votes: string[]): void {
  switch (c.type) {
    case 'named':
      if (!c.actor.country) return;
      votes.push(c.actor.country);
      if (c.actor.kind === 'government' || c.actor.kind === 'military') votes.push(c.actor.country);
      return;
    case 'state':
      votes.push(c.country);
      return;
    case 'sector': {
      const country = c.country ?? c.named?.country ?? c.person?.country ?? null;
      if (country) votes.push(country);
      return;
    }
    case 'person': {
      const fixed = c.bodies.find((b) => b.country)?.country ?? c.titles.find((t) => t.country)?.country ?? c.known?.country ?? null;
      if (fixed) votes.push(fixed);
      return;
    }
    default:
      return;
  }
}

/** The most frequent value; ties go to the one seen first. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === null || n > counts.get(best)!) best = v;
  }
  return best;
}
