import type { TimeType } from '../../doc/layers.js';
import type { Day } from './calendar.js';
import type { Tense } from './tense.js';
import type { TimesLexicon } from './lexicon.js';

/** Where a rule matched: the match and the words around it (within its sentence). */
export interface Site {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** The k-th word before the match (1 = just before), lower-cased, or undefined at the sentence start. */
  prev(k?: number): string | undefined;
  /** The raw text of the k-th token before the match. */
  prevRaw(k?: number): string | undefined;
  /** The k-th word after the match (1 = just after), lower-cased, or undefined at the sentence end. */
  next(k?: number): string | undefined;
  nextRaw(k?: number): string | undefined;
  /** The character just after the match, or ''. */
  readonly after: string;
  /** True when the match opens its sentence (or line). */
  readonly atSentenceStart: boolean;
}

/** What resolution may consult: the DCT, the clause's tense and the other times of the text. */
export interface ResolveContext {
  readonly dct: Day | null;
  tense(): Tense | null;
  /** The nearest day-precise date elsewhere in the sentence. */
  sentenceDay(): Day | null;
  /**
   * The day of the narrative, for a clock time whose sentence names none: the last day-precise
   * date before it in its paragraph or the previous sentence, preferring one that dates an event
   * to one that dates a statement ("officials said on Sunday"). Null when there is none.
   */
  narrativeDay(): Day | null;
  /** The last day-precise date mentioned before, else the DCT: what "that day" points to. */
  referenceDay(): Day | null;
  /** The last date with a year mentioned before, else the DCT's: what "the previous year" counts from. */
  referenceYear(): number | null;
  /**
   * The year of a date mentioned in this sentence or the one before, else the DCT's: what "the
   * end of the year" means; a year spoken of further back no longer is "the year".
   */
  nearbyYear(): number | null;
  /** The last date value with a year mentioned before ("2023-Q3", "1998"), else the DCT's day. */
  referenceValue(): string | null;
  /** The value of a nested date (the "December 11" of "2:57 a.m. on December 11"). */
  nested(start: number, end: number): string | null;
}

/** A rule's reading of a match: its type and how to compute its value. */
export interface Reading {
  type: TimeType;
  value(ctx: ResolveContext): string | null;
  /** Resolve after the document's other times, because the value borrows a date from them. */
  late?: boolean;
}

/** One pattern of the grammar and its normalization function. */
export interface Rule {
  readonly name: string;
  /** Lower-cased words the match can begin with ("#" for a figure, "'" for an apostrophe). */
  readonly starts: readonly string[];
  /** When set, one of these start keys must come within that many tokens of the start. */
  readonly near?: { readonly words: readonly string[]; readonly within: number };
  /**
   * How a figure must begin for the rule to match at it (see FigureStart); without it the
   * rule is tried at every figure its start keys allow.
   */
  readonly figure?: FigureStart;
  /** Regex source (flags i, u); named groups feed `read`. */
  readonly source: string;
  /**
   * When the source opens with the optional modifier ("early", "the end of"): the source
   * without it, and the start keys a modifier begins with. Where no modifier begins, the
   * scanner runs the shorter regex, which matches exactly what the whole one would.
   */
  readonly withoutModifier?: { readonly source: string; readonly starts: readonly string[] };
  /** Reads a match, or rejects it with null (a shorter match may then take its place). */
  read(site: Site, lex: TimesLexicon): Reading | null;
}

/**
 * What a rule's pattern needs of a figure it starts at, read off the pattern: how many digits
 * lead (the "2014" of a year is four, the "2" of "2:57" one or two) and which characters may
 * come right after them (a decade's "s" or apostrophe). Most figures of a text are counts
 * ("600 strikes", "8.04%") that no date or clock pattern can match; this lets the scanner
 * skip those patterns without running them.
 */
export interface FigureStart {
  readonly digits: readonly number[];
  /** The characters one of which must follow the digits; omitted: any. */
  readonly then?: string;
}
