import { loadKnowledge } from '../../knowledge.js';

/** The shape of knowledge/times.json ("$comment" keys are skipped when compiling). */
export interface TimesKnowledge {
  months: {
    names: Record<string, number>;
    abbreviations: Record<string, number>;
    ambiguous: { words: string[]; after: string[] };
  };
  weekdays: Record<string, number>;
  numbers: {
    units: Record<string, number>;
    tens: Record<string, number>;
    ordinals: Record<string, number>;
    decadeWords: Record<string, number>;
  };
  vagueAmounts: { list: string[] };
  approximators: { list: string[] };
  units: Record<string, UnitEntry>;
  unitQualifiers: { list: string[] };
  modifiers: { list: string[] };
  frequencyWords: Record<string, string>;
  holidays: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  clockWords: Record<string, string>;
  timeZones: { utc: string[]; other: string[] };
  deicticDays: Record<string, number>;
  fixed: { entries: FixedEntry[] };
  notTimes: {
    agePossessives: string[];
    weekdayNameFollowers: string[];
    weekdayNamePrecursors: { words: string[] };
    afterYearNotYear: string[];
    beforeYearNotYear: string[];
    yearContextWords: string[];
  };
  contexts: Record<string, { words: string[] }>;
  boundWords: Record<string, 'by' | 'until' | 'since' | 'from'>;
  tense: TenseKnowledge;
}

export interface UnitEntry {
  /** TimeML period letter: Y, M, W, D, H, S, Q ("M" is a minute when `clock`). */
  letter: string;
  /** Multiplier into `letter` (a decade is 10 Y). */
  times?: number;
  /** A clock unit goes after the T of a period (PT2H). */
  clock?: boolean;
  /** Letter of an unspecified amount when it differs ("decades" = PXDE). */
  vague?: string;
  plural?: boolean;
}

export interface FixedEntry {
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  /** When set, the phrase counts only right after one of these words. */
  after?: string[];
}

export interface TenseKnowledge {
  futureAuxiliaries: string[];
  conditionalAuxiliaries: string[];
  futureBeforeTo: string[];
  futureWords: string[];
  pastWords: string[];
  pastAuxiliaries: string[];
  presentAuxiliaries: string[];
  perfectAuxiliaries: string[];
  beForms: string[];
  irregularPast: string[];
  notVerbsEndingEd: string[];
  clauseBreaks: string[];
  copulas: string[];
  verbGroupAdverbs: string[];
  scheduledParticiples: string[];
  clauseOpeners: string[];
  reportingVerbs: string[];
}

/** The knowledge compiled for look-ups: maps on lower-cased words, ready-made regex alternations. */
export interface TimesLexicon {
  knowledge: TimesKnowledge;
  months: Map<string, number>;
  ambiguousMonths: Set<string>;
  ambiguousMonthCues: Set<string>;
  weekdays: Map<string, number>;
  numberWords: Map<string, number>;
  tens: Map<string, number>;
  ordinals: Map<string, number>;
  decadeWords: Map<string, number>;
  vagueAmounts: Set<string>;
  units: Map<string, UnitEntry>;
  frequencyWords: Map<string, string>;
  holidays: Map<string, string>;
  seasons: Map<string, string>;
  partsOfDay: Map<string, string>;
  clockWords: Map<string, string>;
  utcZones: Set<string>;
  deicticDays: Map<string, number>;
  fixed: Map<string, FixedEntry>;
  agePossessives: Set<string>;
  weekdayNameFollowers: Set<string>;
  weekdayNamePrecursors: Set<string>;
  afterYearNotYear: Set<string>;
  beforeYearNotYear: Set<string>;
  yearContextWords: Set<string>;
  boundWords: Map<string, 'by' | 'until' | 'since' | 'from'>;
  /** The word lists of "contexts", by name. */
  contexts: Map<string, Set<string>>;
  /** Regex alternations (no captures), longest first, for the grammar. */
  alt: {
    month: string;
    weekday: string;
    numberWord: string;
    ordinal: string;
    decadeWord: string;
    vague: string;
    modifier: string;
    frequency: string;
    holiday: string;
    approximator: string;
    unit: string;
    pluralUnit: string;
    unitQualifier: string;
    season: string;
    partOfDay: string;
    clockWord: string;
    zone: string;
    deicticDay: string;
    fixed: string;
  };
}

const entries = <T>(record: Record<string, T>): [string, T][] => Object.entries(record).filter(([k]) => k !== '$comment');
const lowerMap = <T>(record: Record<string, T>) => new Map(entries(record).map(([k, v]) => [k.toLowerCase(), v]));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the letters of a word may be written in the text. */
export type Casing = 'any' | 'capital' | 'exact';

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The spellings of a word: "new year's day" -> New year's day, New Year's Day, NEW YEAR'S DAY (capital), and as written (any). */
export function casings(word: string, casing: Casing): string[] {
  if (casing === 'exact') return [word];
  const forms = [capitalize(word), word.split(' ').map(capitalize).join(' '), word.toUpperCase()];
  if (casing === 'any') forms.unshift(word);
  return forms;
}

/**
 * A regex alternation of words, longest first so that "a couple of" wins over "a". The
 * patterns run without the i flag, so case variants are spelled out: that keeps "May" (the
 * month) apart from "may". A space matches any run of blanks, a hyphen any hyphen, an
 * apostrophe a straight or curly one.
 */
export function alternation(words: Iterable<string>, casing: Casing = 'any'): string {
  const forms = [...new Set([...words].flatMap((w) => casings(w, casing)))];
  forms.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = (w: string) => escape(w).replace(/ /g, '[ \\t\\u00a0]+').replace(/-/g, '[-‐‑]').replace(/'/g, "['’]");
  return `(?:${forms.map(pattern).join('|')})`;
}

export function compileLexicon(k: TimesKnowledge): TimesLexicon {
  const months = new Map([...lowerMap(k.months.names), ...lowerMap(k.months.abbreviations)]);
  const abbreviations = entries(k.months.abbreviations).map(([w]) => w);
  const monthNames = entries(k.months.names).map(([w]) => w);
  const ambiguous = new Set(k.months.ambiguous.words);
  const units = lowerMap(k.units);
  const numberWords = lowerMap(k.numbers.units);
  const tens = lowerMap(k.numbers.tens);
  const unitWords = [...tens.keys()].flatMap((t) => [...numberWords.keys()].filter((u) => /^(?:one|two|three|four|five|six|seven|eight|nine)$/.test(u)).map((u) => `${t}-${u}`));
  const fixed = new Map(k.fixed.entries.map((e) => [e.text.toLowerCase(), e]));
  const plain = [...numberWords.keys()].filter((w) => w !== 'a' && w !== 'an');
  return {
    knowledge: k,
    months,
    ambiguousMonths: new Set(k.months.ambiguous.words),
    ambiguousMonthCues: new Set(k.months.ambiguous.after),
    weekdays: lowerMap(k.weekdays),
    numberWords,
    tens,
    ordinals: lowerMap(k.numbers.ordinals),
    decadeWords: lowerMap(k.numbers.decadeWords),
    vagueAmounts: new Set(k.vagueAmounts.list),
    units,
    frequencyWords: lowerMap(k.frequencyWords),
    holidays: lowerMap(k.holidays),
    seasons: lowerMap(k.seasons),
    partsOfDay: lowerMap(k.partsOfDay),
    clockWords: lowerMap(k.clockWords),
    utcZones: new Set(k.timeZones.utc.map((z) => z.toLowerCase())),
    deicticDays: lowerMap(k.deicticDays),
    fixed,
    agePossessives: new Set(k.notTimes.agePossessives),
    weekdayNameFollowers: new Set(k.notTimes.weekdayNameFollowers),
    weekdayNamePrecursors: new Set(k.notTimes.weekdayNamePrecursors.words),
    afterYearNotYear: new Set(k.notTimes.afterYearNotYear),
    beforeYearNotYear: new Set(k.notTimes.beforeYearNotYear),
    yearContextWords: new Set(k.notTimes.yearContextWords),
    boundWords: lowerMap(k.boundWords),
    contexts: new Map(entries(k.contexts).map(([name, list]) => [name, new Set(list.words.map((w) => w.toLowerCase()))])),
    alt: {
      // Abbreviations may carry a period; the full names come first so "Sept" does not cut "September".
      month: `(?:${alternation(monthNames.filter((w) => !ambiguous.has(w)), 'any')}|${alternation(monthNames.filter((w) => ambiguous.has(w)), 'capital')}|${alternation(abbreviations, 'capital')}\\.?)`,
      weekday: alternation(entries(k.weekdays).map(([w]) => w), 'any'),
      numberWord: alternation([...unitWords, ...tens.keys(), ...plain]),
      ordinal: alternation([...lowerMap(k.numbers.ordinals).keys()]),
      decadeWord: alternation([...lowerMap(k.numbers.decadeWords).keys()]),
      vague: alternation(k.vagueAmounts.list),
      modifier: alternation(k.modifiers.list),
      frequency: alternation(lowerMap(k.frequencyWords).keys()),
      holiday: alternation(lowerMap(k.holidays).keys(), 'capital'),
      approximator: alternation(k.approximators.list),
      unit: alternation(units.keys()),
      pluralUnit: alternation([...units].filter(([, u]) => u.plural).map(([w]) => w)),
      unitQualifier: alternation(k.unitQualifiers.list),
      season: alternation(lowerMap(k.seasons).keys()),
      partOfDay: alternation(lowerMap(k.partsOfDay).keys()),
      clockWord: alternation(lowerMap(k.clockWords).keys()),
      zone: alternation([...k.timeZones.utc, ...k.timeZones.other], 'exact'),
      deicticDay: alternation(lowerMap(k.deicticDays).keys()),
      fixed: alternation(fixed.keys()),
    },
  };
}

let shipped: TimesLexicon | undefined;

/** The lexicon built from knowledge/times.json, compiled once per process. */
export function shippedLexicon(): TimesLexicon {
  shipped ??= compileLexicon(loadKnowledge<TimesKnowledge>('times.json'));
  return shipped;
}
