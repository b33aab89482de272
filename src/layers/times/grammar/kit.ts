import { alternation, type TimesLexicon, type UnitEntry } from '../lexicon.js';
import { PAIR_HEADS } from '../scanner.js';
import type { FigureStart, ResolveContext, Rule, Site } from '../types.js';
import { formatDay, type Day } from '../calendar.js';
import type { Direction } from '../resolve.js';

/**
 * What every family of grammar rules shares: regex fragments, the lexicon's alternations, the
 * start-word lists the scanner indexes rules by, and small helpers of the normalization
 * functions. Patterns run with the u flag and without i: case variants are spelled out.
 */

export const S = '[ \\t\\u00a0]+';
export const S0 = '[ \\t\\u00a0]*';
export const H = '[-‐‑]';
export const HS = `(?:${H}|${S})`;
export const E = '(?![\\p{L}\\p{N}])';
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
export const YEAR = '\\d{4}';

/** The start key of a token that is a figure, and of an apostrophe ("'82", "the '90s"). */
export const NUMBER = '#';
export const APOSTROPHE = "'";

/** Case-insensitive alternation of grammar words. */
export const k = (...words: string[]) => alternation(words, 'any');

export const fixedValue = (value: string) => () => value;
export const withDct = (fn: (dct: Day, ctx: ResolveContext) => string | null) => (ctx: ResolveContext) => (ctx.dct ? fn(ctx.dct, ctx) : null);
export const dayValue = (day: Day | null) => (day ? formatDay(day) : null);

/** Lower-cased, with runs of spaces as one space, Unicode hyphens as "-" and curly apostrophes straight. */
export function lower(s: string | undefined): string {
  if (s === undefined) return '';
  const l = s.toLowerCase();
  // Most matched words need none of the replacements: one test instead of three.
  return NEEDS_FOLDING.test(l) ? l.replace(/[\s\u00a0]+/g, ' ').replace(/[‐‑]/g, '-').replace(/’/g, "'") : l;
}

// What `lower` replaces: whitespace other than a single space, Unicode hyphens, curly apostrophes.
const NEEDS_FOLDING = /[^\S ]|  |[‐‑’]/;
export const isCapitalized = (s: string | undefined) => !!s && /^\p{Lu}/u.test(s);

/** What the clause's tense makes of a calendar name with no "last"/"next". */
export function direction(ctx: ResolveContext): Direction {
  return ctx.tense();
}

export function monthNumber(raw: string | undefined, lex: TimesLexicon): number | undefined {
  if (!raw) return undefined;
  const word = raw.toLowerCase();
  // "Dec." is looked up as "dec".
  return lex.months.get(word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word);
}

export function unitOf(raw: string | undefined, lex: TimesLexicon): UnitEntry | undefined {
  return raw ? lex.units.get(lower(raw)) : undefined;
}

/** The year of "of 2009", "of last year", "of the previous year" after a quarter or half. */
export function yearOfPhrase(raw: string, ctx: ResolveContext): number | null {
  const s = lower(raw);
  const digits = /(\d{4})/.exec(s);
  if (digits) return Number(digits[1]);
  const ref = ctx.referenceYear();
  if (/^this year$|^the (?:current )?year$/.test(s)) return ctx.dct?.y ?? null;
  if (s === 'last year') return ctx.dct ? ctx.dct.y - 1 : null;
  if (s === 'next year') return ctx.dct ? ctx.dct.y + 1 : null;
  if (/^the (?:previous|prior) year$/.test(s)) return ref === null ? null : ref - 1;
  if (/^the following year$/.test(s)) return ref === null ? null : ref + 1;
  if (/^the same year$/.test(s)) return ref;
  return null;
}

/** The n words before a match, lower-cased, in text order. */
export function wordsBefore(site: Site, n: number): string {
  const list: string[] = [];
  for (let i = n; i >= 1; i--) { const w = site.prev(i); if (w !== undefined) list.push(w); }
  return list.join(' ');
}

/**
 * The words a rule can begin with, as the scanner looks them up ("the end of" -> "the end").
 */
export function startKeyOf(phrase: string): string {
  const parts = phrase.toLowerCase().split(/[ \-‐‑]+/);
  return PAIR_HEADS.has(parts[0]!) && parts[1] ? `${parts[0]} ${parts[1]}` : parts[0]!;
}

/** Words one of which must follow a rule's start closely for the rule to be worth trying. */
export interface Near {
  words: Iterable<string>;
  within: number;
}

/** Fragments and word lists built from the lexicon, and the function that defines a rule. */
export class GrammarKit {
  readonly a: TimesLexicon['alt'];
  /** An optional modifier that keeps the value: "early", "mid-", "the end of". */
  readonly MOD: string;
  /** The amount before a unit: "10", "1,000", "two and a half", "several", "a". */
  readonly AMOUNT: string;
  readonly POD: string;
  readonly MONTH_DAY: string;
  readonly DAY_MONTH: string;
  /** A date that can follow a clock time: "today", "Monday", "December 11", "Saturday, Dec. 2". */
  readonly DATE_REF: string;
  /** The year after "the first quarter of": "2009", "last year", "the previous year". */
  readonly YEAR_PHRASE: string;
  readonly ORDINAL_1_4: string;

  // Start keys: the first word of a rule (NUMBER for a figure; two words after "the", "a", "that").
  readonly MOD_WORDS: string[];
  readonly MONTHS: string[];
  readonly WEEKDAYS: string[];
  readonly NUMBER_WORDS: string[];
  readonly UNIT_WORDS: string[];
  readonly AMOUNT_WORDS: string[];
  readonly ORDINAL_WORDS: string[];
  readonly POD_WORDS: string[];
  readonly DECADE_WORDS: string[];
  readonly PODS = ['morning', 'afternoon', 'evening', 'night', 'overnight'];

  private readonly defined = new Map<string, Rule>();

  constructor(readonly lex: TimesLexicon) {
    const a = lex.alt;
    this.a = a;
    this.MOD = `(?:(?<mod>${a.modifier})(?:${H}|${S}))?`;
    this.AMOUNT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${a.numberWord}(?:${S}${k('and a half')})?|${a.vague}|${k('a', 'an')})`;
    this.POD = k('morning', 'afternoon', 'evening', 'night', 'overnight');
    this.MONTH_DAY = `${a.month}${S0}${DAY}(?:,?${S}${YEAR})?`;
    this.DAY_MONTH = `${DAY}${S}${a.month}(?:,?${S}${YEAR})?`;
    this.DATE_REF = `(?:${a.deicticDay}|${k('tonight')}|(?:${a.weekday}${S0},?${S0})?(?:${this.MONTH_DAY}|${this.DAY_MONTH})|${a.weekday})`;
    this.YEAR_PHRASE = `(?:${YEAR}|${k('this year', 'last year', 'next year', 'the year', 'the current year', 'the previous year', 'the prior year', 'the following year', 'the same year')}|${k('fiscal')}${S}(?:${k('year')}${S})?${YEAR})`;
    this.ORDINAL_1_4 = k('first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th');

    this.MOD_WORDS = this.words(lex.knowledge.modifiers.list);
    this.MONTHS = [...lex.months.keys()];
    this.WEEKDAYS = [...lex.weekdays.keys()];
    this.NUMBER_WORDS = this.words([...lex.numberWords.keys(), ...lex.tens.keys()].filter((w) => w !== 'a' && w !== 'an'));
    this.UNIT_WORDS = [...lex.units.keys()];
    const afterA = [...this.UNIT_WORDS, ...this.words(lex.vagueAmounts).map((w) => w.split(' ')[1] ?? w), 'few', 'couple', 'number', 'dozen', 'half', 'hundred', 'thousand'];
    this.AMOUNT_WORDS = [NUMBER, ...this.NUMBER_WORDS, ...this.words(lex.vagueAmounts), ...afterA.flatMap((w) => [`a ${w}`, `an ${w}`])];
    this.ORDINAL_WORDS = this.words(lex.ordinals.keys());
    this.POD_WORDS = this.words(lex.partsOfDay.keys());
    this.DECADE_WORDS = [...lex.decadeWords.keys()];
  }

  words(list: Iterable<string>): string[] {
    return [...list].map(startKeyOf);
  }

  /** Start keys "the x" for each word x. */
  the(list: Iterable<string>): string[] {
    return [...list].map((w) => `the ${startKeyOf(w)}`);
  }

  /** A word list of knowledge/times.json "contexts" (a missing one is a broken knowledge file). */
  context(name: string): ReadonlySet<string> {
    const words = this.lex.contexts.get(name);
    if (!words) throw new Error(`knowledge/times.json: contexts has no list "${name}"`);
    return words;
  }

  within(words: Iterable<string>, n: number): Near {
    return { words, within: n };
  }

  /** The figures a rule can start at: `digits` leading digits, then one of the characters of `then`. */
  figure(digits: number[], then?: string): FigureStart {
    return then === undefined ? { digits } : { digits, then };
  }

  /** Defines a rule: its name, start keys, pattern, normalization function, near words and figure start. */
  rule(name: string, starts: string[], source: string, read: Rule['read'], near?: Near, figure?: FigureStart): void {
    if (this.defined.has(name)) throw new Error(`times rule "${name}" is defined twice`);
    this.defined.set(name, {
      name, starts: [...new Set(starts)], source, read,
      ...(near ? { near: { words: [...new Set(near.words)], within: near.within } } : {}),
      ...(figure ? { figure } : {}),
      ...(source.startsWith(this.MOD) ? { withoutModifier: { source: source.slice(this.MOD.length), starts: this.MOD_WORDS } } : {}),
    });
  }

  /** The defined rules in the given order (every rule exactly once). */
  ordered(names: readonly string[]): Rule[] {
    const missing = [...this.defined.keys()].filter((n) => !names.includes(n));
    if (missing.length) throw new Error(`times rules without a place in the order: ${missing.join(', ')}`);
    return names.map((n) => {
      const rule = this.defined.get(n);
      if (!rule) throw new Error(`times rule "${n}" is ordered but not defined`);
      return rule;
    });
  }
}
