import { loadKnowledge } from '../../knowledge.js';

/** The shape of knowledge/quantities.json ("$comment" keys are skipped when compiling). */
export interface QuantitiesKnowledge {
  numberWords: {
    units: Record<string, number>;
    tens: Record<string, number>;
    groups: Record<string, number>;
    multipliers: Record<string, number>;
    abbreviatedMultipliers: Record<string, number>;
    halves: Record<string, number>;
  };
  approximationMarkers: Record<string, Bound>;
  approximationSuffixes: Record<string, Bound>;
  rangeConnectors: { connectors: string[]; openers: string[] };
  vagueAmounts: { words: Record<string, VagueEntry> };
  currencies: { symbols: Record<string, string>; codes: string[]; words: Record<string, string> };
  percentWords: string[];
  multiWordUnits: { list: string[] };
  unitAliases: Record<string, string>;
  measureUnits: { list: string[] };
  gluedUnits: { list: string[] };
  singularExceptions: Record<string, string>;
  invariantPlurals: { list: string[] };
  notPluralNouns: { list: string[] };
  notUnits: { list: string[]; afterOne: string[] };
  nounsEndingLikeVerbs: { list: string[] };
  timeUnits: { list: string[] };
  months: { list: string[] };
  weekdays: { list: string[] };
  labelWords: { list: string[] };
  ageWords: { list: string[]; between: string[] };
  irregularVerbForms: { list: string[] };
  oneAsPronoun: { before: string[]; after: string[] };
  headStopWords: { list: string[] };
  elisionFollowers: { list: string[] };
  determiners: { list: string[] };
  partitiveDeterminers: { determiners: string[]; pronouns: string[] };
}

export type Bound = 'min' | 'max' | null;

export interface VagueEntry {
  min: number;
  /** The size of one unit of a plural scale word ("hundreds" = 100), so "tens of thousands" can combine. */
  scale?: number;
  /** Only vague when "of" follows ("scores of"), since the bare word has other senses. */
  needsOf?: boolean;
}

/**
 * Word sequences looked up by their first word: each entry lists the continuations, longest
 * first, so a match is the longest phrase starting at a token.
 */
export class PhraseTable<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();
  private longest = 0;

  constructor(entries: Iterable<[string, V]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(' ');
      this.longest = Math.max(this.longest, words.length);
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  /** The longest phrase whose words equal `norms(i), norms(i+1), ...`, with its length in words. */
  matchAt(norm: (i: number) => string | undefined, i: number): { value: V; length: number } | null {
    const list = this.byFirst.get(norm(i) ?? '');
    if (!list) return null;
    for (const entry of list) {
      if (wordsAt(entry.words, norm, i)) return { value: entry.value, length: entry.words.length };
    }
    return null;
  }

  /** Whether some phrase starts with this word. */
  startsWith(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** The longest phrase whose last word is at `i` (for words read backwards from a number). */
  matchEndingAt(norm: (i: number) => string | undefined, i: number): { value: V; length: number } | null {
    let best: { value: V; length: number } | null = null;
    for (let n = 1; n <= this.longest; n++) {
      const list = this.byFirst.get(norm(i - n + 1) ?? '');
      if (!list) continue;
      // Plain loops: this runs around every number, and find/every would cost closures each time.
      for (const e of list) {
        if (e.words.length === n && wordsAt(e.words, norm, i - n + 1)) {
          best = { value: e.value, length: n };
          break;
        }
      }
    }
    return best;
  }
}

/** Whether `norm(i), norm(i+1), ...` are these words. */
function wordsAt(words: readonly string[], norm: (i: number) => string | undefined, i: number): boolean {
  for (let k = 0; k < words.length; k++) if (norm(i + k) !== words[k]) return false;
  return true;
}

/** knowledge/quantities.json compiled once into look-up tables. */
export interface QuantityLexicon {
  /** Words that can begin a number or a vague amount; every other word is passed over at once. */
  starters: Set<string>;
  unitWords: Map<string, number>;
  tensWords: Map<string, number>;
  groupWords: Map<string, number>;
  multipliers: Map<string, number>;
  abbreviatedMultipliers: Map<string, number>;
  halves: Map<string, number>;
  markers: PhraseTable<Bound>;
  suffixMarkers: PhraseTable<Bound>;
  rangeConnectors: Set<string>;
  rangeOpeners: Set<string>;
  vague: PhraseTable<VagueEntry>;
  currencySymbols: Map<string, string>;
  currencyCodes: Set<string>;
  currencyWords: PhraseTable<string>;
  percentWords: PhraseTable<true>;
  multiWordUnits: Set<string>;
  unitAliases: Map<string, string>;
  measureUnits: Set<string>;
  gluedUnits: Set<string>;
  singularExceptions: Map<string, string>;
  invariantPlurals: Set<string>;
  notPlural: Set<string>;
  notUnits: Set<string>;
  notUnitsAfterOne: Set<string>;
  verbLikeNouns: Set<string>;
  timeUnits: Set<string>;
  months: Set<string>;
  /** Month and day names, which end a walk to the head noun. */
  calendarWords: Set<string>;
  labelWords: Set<string>;
  ageWords: Set<string>;
  ageLinks: Set<string>;
  irregularVerbForms: Set<string>;
  oneBefore: Set<string>;
  oneAfter: Set<string>;
  stopWords: Set<string>;
  elisionFollowers: Set<string>;
  determiners: Set<string>;
  partitiveDeterminers: Set<string>;
  partitivePronouns: Set<string>;
}

const entries = <V>(record: Record<string, V>): [string, V][] => Object.entries(record).filter(([k]) => k !== '$comment');
const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));

export function compileLexicon(k: QuantitiesKnowledge): QuantityLexicon {
  const n = k.numberWords;
  const starters = new Set<string>(['a', 'an']);
  for (const record of [n.units, n.tens, n.halves, k.vagueAmounts.words]) for (const [w] of entries<unknown>(record)) starters.add(w.split(' ')[0]!);
  return {
    starters,
    unitWords: new Map(entries(n.units)),
    tensWords: new Map(entries(n.tens)),
    groupWords: new Map(entries(n.groups)),
    multipliers: new Map(entries(n.multipliers)),
    abbreviatedMultipliers: new Map(entries(n.abbreviatedMultipliers)),
    halves: new Map(entries(n.halves)),
    markers: new PhraseTable(entries(k.approximationMarkers)),
    // "-plus" is written glued ("1,000-plus"): its hyphen is a token of its own.
    suffixMarkers: new PhraseTable(entries(k.approximationSuffixes).map(([w, b]): [string, Bound] => [w.startsWith('-') ? `- ${w.slice(1)}` : w, b])),
    rangeConnectors: new Set(k.rangeConnectors.connectors),
    rangeOpeners: lower(k.rangeConnectors.openers),
    vague: new PhraseTable(entries(k.vagueAmounts.words)),
    currencySymbols: new Map(entries(k.currencies.symbols)),
    currencyCodes: new Set(k.currencies.codes),
    currencyWords: new PhraseTable(entries(k.currencies.words)),
    percentWords: new PhraseTable(k.percentWords.map((w) => [w, true as const])),
    multiWordUnits: lower(k.multiWordUnits.list),
    unitAliases: new Map(entries(k.unitAliases)),
    measureUnits: lower(k.measureUnits.list),
    gluedUnits: lower(k.gluedUnits.list),
    singularExceptions: new Map(entries(k.singularExceptions)),
    invariantPlurals: lower(k.invariantPlurals.list),
    notPlural: lower(k.notPluralNouns.list),
    notUnits: lower(k.notUnits.list),
    notUnitsAfterOne: lower(k.notUnits.afterOne),
    verbLikeNouns: lower(k.nounsEndingLikeVerbs.list),
    timeUnits: lower(k.timeUnits.list),
    months: new Set(k.months.list),
    calendarWords: new Set([...k.months.list, ...k.weekdays.list]),
    labelWords: lower(k.labelWords.list),
    ageWords: lower(k.ageWords.list),
    ageLinks: lower(k.ageWords.between),
    irregularVerbForms: lower(k.irregularVerbForms.list),
    oneBefore: lower(k.oneAsPronoun.before),
    oneAfter: lower(k.oneAsPronoun.after),
    stopWords: lower(k.headStopWords.list),
    elisionFollowers: lower(k.elisionFollowers.list),
    determiners: lower(k.determiners.list),
    partitiveDeterminers: lower(k.partitiveDeterminers.determiners),
    partitivePronouns: lower(k.partitiveDeterminers.pronouns),
  };
}

let shipped: QuantityLexicon | undefined;

/** The lexicon from the shipped knowledge file, compiled on first use and shared. */
export function shippedLexicon(): QuantityLexicon {
  shipped ??= compileLexicon(loadKnowledge<QuantitiesKnowledge>('quantities.json'));
  return shipped;
}
