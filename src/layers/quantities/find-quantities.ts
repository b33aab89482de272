import type { Offsets } from '../../doc/span.js';
import type { Token } from '../../doc/tokens.js';
import { contextExclusion } from './exclusions.js';
import { figureShape } from './figure-shape.js';
import { findHeadNoun, looksLikeVerbForm, type HeadNoun } from './head-noun.js';
import type { QuantityLexicon } from './lexicon.js';
import { currencyAfter, currencyBefore, markerAfter, markerBefore, rangeAfter, type Marker, type Range } from './markers.js';
import { parseNumberAt, type NumberPhrase } from './number-phrase.js';
import { TokenView } from './token-view.js';
import { parseVagueAt } from './vague.js';

/** A quantity before it gets its id: offsets into the text, and the unit's own span. */
export interface FoundQuantity extends Offsets {
  value: number | null;
  approx: boolean;
  unit: string | null;
  min?: number;
  max?: number;
  unitSpan?: Offsets;
}

export interface SentenceTokens {
  tokenStart: number;
  tokenEnd: number;
}

/** A unit the text named, remembered so a later number without a noun can borrow it. */
interface NamedUnit {
  sentence: number;
  unit: string;
}

/**
 * Every quantity of a text, sentence by sentence, in text order. `blocked` says whether a
 * stretch of text belongs to something else (a time expression, a phone number, a URL).
 */
export function findQuantities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly SentenceTokens[],
  lex: QuantityLexicon,
  blocked: (start: number, end: number) => boolean,
): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  const named: NamedUnit[] = [];
  let view: TokenView | undefined;
  sentences.forEach((s, index) => {
    // Most sentences hold no figure and no number word: they cost one pass over their tokens.
    let finder: SentenceFinder | undefined;
    for (let i = s.tokenStart; i < s.tokenEnd; ) {
      if (!mayStartQuantity(tokens[i]!, lex)) {
        i++;
        continue;
      }
      if (!finder) {
        if (view) view.moveTo(s.tokenStart, s.tokenEnd);
        else view = new TokenView(text, tokens, s.tokenStart, s.tokenEnd);
        finder = new SentenceFinder(view, lex, blocked, named, index);
      }
      const r = finder.readAt(i);
      if (r.quantity) found.push(r.quantity);
      i = Math.max(i + 1, r.next);
    }
  });
  return found;
}

/** Whether a quantity may start at this token: a figure, or a word that starts a number or a vague amount. */
function mayStartQuantity(t: Token, lex: QuantityLexicon): boolean {
  return t.kind === 'number' || (t.kind === 'word' && lex.starters.has(t.norm));
}

interface Reading {
  quantity: FoundQuantity | null;
  /** The token to go on from. */
  next: number;
}

const NOTHING = (i: number): Reading => ({ quantity: null, next: i + 1 });

interface UnitReading {
  unit: string | null;
  /** First and last token of the unit's words, when the text names it. */
  span: [number, number] | null;
  /** Whether the quantity's span runs on to the unit (not in a partitive: "two of the soldiers"). */
  extendsSpan: boolean;
  /** Token of the head noun, or -1. */
  head: number;
}

class SentenceFinder {
  constructor(
    private readonly view: TokenView,
    private readonly lex: QuantityLexicon,
    private readonly blocked: (start: number, end: number) => boolean,
    private readonly named: NamedUnit[],
    private readonly sentence: number,
  ) {}

  readAt(i: number): Reading {
    if (!mayStartQuantity(this.view.tok(i)!, this.lex)) return NOTHING(i);
    const vague = parseVagueAt(this.view, this.lex, i);
    if (vague) return this.readVague(i, vague.end, vague.min);
    const money = currencyBefore(this.view, this.lex, i);
    const phrase = parseNumberAt(this.view, this.lex, i, money !== null);
    if (!phrase) return NOTHING(i);
    return this.readNumber(phrase, money?.code ?? null, money?.first ?? null);
  }

  private readNumber(phrase: NumberPhrase, currency: string | null, currencyFirst: number | null): Reading {
    const { view, lex } = this;
    const shape = figureShape(view, lex, phrase);
    if (shape.kind === 'excluded') return { quantity: null, next: shape.through };
    const range = rangeAfter(view, lex, phrase, currencyFirst ?? phrase.first, shape.kind === 'hyphen-range' ? shape.second : null, currency !== null);
    // "3-1", "2023-24": a hyphen between figures that make no range is a score, a span of years or a code.
    if (shape.kind === 'hyphen-range' && !range) return { quantity: null, next: shape.second + 1 };
    const suffix = markerAfter(view, lex, range ? range.upper.end : phrase.end);
    const numberEnd = (range ? range.upper.end : phrase.end) + (suffix?.length ?? 0);
    const from = range?.opener ?? currencyFirst ?? phrase.first;
    const marker = markerBefore(view, lex, from) ?? (suffix ? { first: from, bound: suffix.bound } : null);
    if (this.blocked(view.tok(phrase.first)!.start, view.tok(numberEnd - 1)!.end)) return { quantity: null, next: numberEnd };

    const value = range ? range.low : phrase.value;
    const found = this.unitOf(shape.kind === 'glued-unit' ? shape.unit : null, currency, numberEnd, range !== null || value !== 1, from);
    if (!found) return { quantity: null, next: numberEnd };
    const { unit, span: unitSpan, extendsSpan, head } = found;

    const why = contextExclusion(view, lex, { phrase: range ? { ...phrase, bareOne: false } : phrase, marked: marker !== null || currency !== null, after: numberEnd, head });
    if (why) return { quantity: null, next: numberEnd };

    const firstToken = marker?.first ?? from;
    const lastToken = unitSpan && extendsSpan ? unitSpan[1] : numberEnd - 1;
    const quantity: FoundQuantity = {
      start: view.tok(firstToken)!.start,
      end: view.tok(lastToken)!.end,
      value,
      approx: marker !== null || range !== null,
      unit,
      ...bounds(marker, range, value),
    };
    if (unitSpan) quantity.unitSpan = { start: view.tok(unitSpan[0])!.start, end: view.tok(unitSpan[1])!.end };
    if (unit !== null && unitSpan) this.named.push({ sentence: this.sentence, unit });
    return { quantity, next: Math.max(numberEnd, lastToken + 1) };
  }

  /**
   * What a number ending before token `after` counts or measures: a unit glued to it ("5km"),
   * its currency, "percent", a currency named after it, its head noun, or the unit of an
   * earlier count when the noun is left out. Null when the number turns out to be a name.
   */
  private unitOf(gluedUnit: number | null, currency: string | null, after: number, plural: boolean, from: number): UnitReading | null {
    const { view, lex } = this;
    if (gluedUnit !== null) {
      const w = view.norm(gluedUnit)!;
      return { unit: lex.unitAliases.get(w) ?? w, span: [gluedUnit, gluedUnit], extendsSpan: true, head: -1 };
    }
    if (currency !== null) return { unit: currency, span: null, extendsSpan: true, head: -1 };
    const percent = lex.percentWords.matchAt(view.norm, after);
    if (percent) return { unit: 'percent', span: [after, after + percent.length - 1], extendsSpan: true, head: -1 };
    const money = currencyAfter(view, lex, after);
    if (money) return { unit: money.code, span: [after, money.last], extendsSpan: true, head: -1 };
    const noun = this.counted(after, plural);
    if (noun.head) return { unit: noun.head.lemma, span: [noun.head.first, noun.head.last], extendsSpan: !noun.partitive, head: noun.head.last };
    const unit = noun.partitive || this.nounLeftOut(after) ? this.unitFromContext() : null;
    // With no noun and nothing to borrow one from, a number after a determiner is a name
    // ("the 787", "their 737"), and so is one before a capitalized word ("2231 Royal").
    if (unit === null && (lex.determiners.has(view.norm(from - 1) ?? '') || this.nameFollows(after))) return null;
    return { unit, span: null, extendsSpan: false, head: -1 };
  }

  private readVague(first: number, end: number, min: number): Reading {
    const { view, lex } = this;
    const noun = this.counted(end, true);
    const head = noun.head;
    if (head) {
      const lemma = view.norm(head.last)!;
      if (lex.timeUnits.has(head.lemma) || lex.timeUnits.has(lemma) || lex.notUnits.has(head.lemma)) return { quantity: null, next: head.last + 1 };
    } else if (lex.timeUnits.has(view.norm(end) ?? '')) return { quantity: null, next: end + 1 };
    if (this.blocked(view.tok(first)!.start, view.tok(end - 1)!.end)) return { quantity: null, next: end };
    const marker = markerBefore(view, lex, first);
    const lastToken = head && !noun.partitive ? head.last : end - 1;
    const quantity: FoundQuantity = {
      start: view.tok(marker?.first ?? first)!.start,
      end: view.tok(lastToken)!.end,
      value: null,
      approx: true,
      // "millions of dollars" is money.
      unit: head ? (currencyAfter(view, lex, head.first)?.code ?? head.lemma) : noun.partitive || this.nounLeftOut(end) ? this.unitFromContext() : null,
      min,
    };
    if (head) {
      quantity.unitSpan = { start: view.tok(head.first)!.start, end: view.tok(head.last)!.end };
      this.named.push({ sentence: this.sentence, unit: head.lemma });
    }
    return { quantity, next: lastToken + 1 };
  }

  /**
   * The noun a number at `from` counts: right after it ("four Islamic State operatives"), after
   * "of" for vague amounts ("hundreds of troops"), or inside a partitive ("two of the wounded
   * service members"), where the noun names the whole the number is taken from. `partitive`
   * is set whenever the noun is not right after the number, so the span does not reach it.
   */
  private counted(from: number, plural: boolean): { head: HeadNoun | null; partitive: boolean } {
    const { view, lex } = this;
    if (view.norm(from) === 'of') {
      const next = view.norm(from + 1) ?? '';
      if (lex.partitiveDeterminers.has(next)) return { head: findHeadNoun(view, lex, from + 2, true, true), partitive: true };
      if (lex.partitivePronouns.has(next)) return { head: null, partitive: true };
      return { head: findHeadNoun(view, lex, from + 1, plural), partitive: false };
    }
    const head = findHeadNoun(view, lex, from, plural);
    if (head) return { head, partitive: false };
    // A noun shared with the next number lies beyond that number, so it stays out of the span.
    const shared = this.sharedHead(from, plural);
    return { head: shared, partitive: shared !== null };
  }

  /** "from 2,500 to 2,000 troops", "five and six soldiers": the next number's noun is shared. */
  private sharedHead(from: number, plural: boolean): HeadNoun | null {
    const { view, lex } = this;
    const w = view.norm(from);
    if (w !== 'to' && w !== 'and' && w !== 'or') return null;
    const next = parseNumberAt(view, lex, from + 1);
    if (!next) return null;
    return findHeadNoun(view, lex, next.end, plural || next.value !== 1);
  }

  /** "2231 Royal", "401 - 333 Victoria St.": a capitalized name right after the number. */
  private nameFollows(after: number): boolean {
    const { view } = this;
    let k = after;
    if (view.tok(k)?.text === '-' || view.tok(k)?.text === '–') k++;
    if (view.tok(k)?.kind === 'number') k++;
    return view.isWord(k) && view.capitalized(k) && !this.lex.calendarWords.has(view.tok(k)!.text);
  }

  /** Whether what follows a number shows its noun was left out ("8 killed", "Two were", "thousands more"). */
  private nounLeftOut(after: number): boolean {
    const t = this.view.tok(after);
    if (!t) return true;
    if (t.kind === 'punct') return t.text !== '-' && t.text !== '/';
    if (t.kind === 'number') return false;
    const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
    return !acronym && (this.lex.stopWords.has(t.norm) || this.lex.elisionFollowers.has(t.norm) || this.lex.irregularVerbForms.has(t.norm) || looksLikeVerbForm(this.lex, t.norm));
  }

  /**
   * A number whose noun is left out ("31 operatives detained and 8 killed", "Two were
   * wounded") counts what the nearest earlier count in this or the previous sentence counted.
   */
  private unitFromContext(): string | null {
    for (let k = this.named.length - 1; k >= 0; k--) {
      const n = this.named[k]!;
      if (n.sentence < this.sentence - 1) break;
      if (n.unit === 'percent' || this.lex.currencyCodes.has(n.unit)) continue;
      return n.unit;
    }
    return null;
  }
}

function bounds(marker: Marker | null, range: Range | null, value: number): { min?: number; max?: number } {
  if (range) return { min: range.low, max: range.high };
  if (marker?.bound === 'min') return { min: value };
  if (marker?.bound === 'max') return { max: value };
  return {};
}
