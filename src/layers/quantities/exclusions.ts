import type { QuantityLexicon } from './lexicon.js';
import type { NumberPhrase } from './number-phrase.js';
import type { TokenView } from './token-view.js';

/** What the rules know about a number when they decide whether it is a quantity. */
export interface Candidate {
  phrase: NumberPhrase;
  /** An approximation marker or currency came before it. */
  marked: boolean;
  /** The token right after the number (and after its range, if any). */
  after: number;
  /** Token index of the counted noun, or -1 when none was found. */
  head: number;
}

/**
 * Why a number that reads as a count is not one here, or null when it is. Times (dates,
 * durations, clock times), ages, ordinals in disguise, names with a number ("Resolution
 * 2254"), list markers and the pronoun "one" are left out, following the annotation guide.
 */
export function contextExclusion(view: TokenView, lex: QuantityLexicon, c: Candidate): string | null {
  const { phrase } = c;
  const first = phrase.first;
  const prev = view.tok(first - 1);
  const figure = view.tok(first)!;

  if (isMonth(view, lex, first - 1) || (prev?.text === '.' && isMonth(view, lex, first - 2)) || isMonth(view, lex, phrase.end)) return 'date';
  const next = view.norm(c.after);
  if (next !== undefined && (lex.timeUnits.has(next) || lex.timeUnits.has(singular(next)))) return 'time';
  if (c.head >= 0) {
    const head = view.norm(c.head)!;
    if (lex.timeUnits.has(head) || lex.timeUnits.has(singular(head))) return 'duration';
    if (lex.notUnits.has(head) || lex.notUnits.has(singular(head))) return 'not a concrete count';
    if (phrase.bareOne && lex.notUnitsAfterOne.has(head)) return 'not a concrete count';
  }

  // News style writes counts of a thousand and more with a comma ("2,000 troops"), so four
  // bare digits in the years' range are a year ("1988 sales", "in 2014") unless marked.
  if (phrase.written === 'figures' && isYearLike(figure.text, phrase) && !c.marked) return 'year';

  if (prev && (lex.ageWords.has(prev.norm) || (lex.ageLinks.has(prev.norm) && lex.ageWords.has(view.norm(first - 2) ?? '')))) return 'age';
  if (isAgeApposition(view, phrase)) return 'age';
  // "[1]": a footnote reference.
  if (prev?.text === '[' && view.tok(phrase.end)?.text === ']' && view.glued(first - 1) && view.glued(phrase.end - 1)) return 'reference';
  // "one in 259 million", "1 in 5 children": odds and ratios.
  if (phrase.value === 1 && view.norm(c.after) === 'in' && (view.tok(c.after + 1)?.kind === 'number' || lex.unitWords.has(view.norm(c.after + 1) ?? ''))) return 'ratio';
  if (prev?.norm === 'in' && (view.norm(first - 2) === '1' || view.norm(first - 2) === 'one')) return 'ratio';

  if (!c.marked && prev && isLabel(view, lex, first - 1, c.head)) return 'name or identifier';
  // "GMT+3", "UTC -5": a time zone offset.
  if ((prev?.text === '+' || prev?.text === '-') && lex.timeUnits.has(view.norm(first - 2) ?? '')) return 'time';

  if (isListMarker(view, phrase)) return 'list marker';

  if (phrase.bareOne) {
    if (lex.oneBefore.has(view.norm(phrase.end) ?? '') || (prev && lex.oneAfter.has(prev.norm))) return 'pronoun one';
    if (c.head < 0) return 'pronoun one';
  }
  return null;
}

function isMonth(view: TokenView, lex: QuantityLexicon, i: number): boolean {
  const t = view.tok(i);
  // The capital first: it is cheap, and most words next to a number have none.
  return t !== undefined && view.capitalized(i) && lex.months.has(t.text.charAt(0).toUpperCase() + t.text.slice(1).toLowerCase());
}

// Years are written as four plain digits ("2014", never "2,014"), in the range news reports use.
function isYearLike(text: string, phrase: NumberPhrase): boolean {
  if (!/^\d{4}$/.test(text) || phrase.scale !== 1) return false;
  const n = Number(text);
  return n >= 1500 && n <= 2100;
}

/** "Ahmed Saleh, 35, said" or "Ahmed Saleh (35)": a small number set off right after a name. */
function isAgeApposition(view: TokenView, phrase: NumberPhrase): boolean {
  if (phrase.written !== 'figures' || phrase.end !== phrase.first + 1 || phrase.scale !== 1) return false;
  const value = Number(view.tok(phrase.first)!.text);
  if (!Number.isInteger(value) || value < 1 || value > 120) return false;
  const open = view.tok(phrase.first - 1)?.text;
  const close = view.tok(phrase.end)?.text;
  // ", 52, said", ", 55 of St. Louis", "(35)".
  const setOff = (open === ',' && (close === ',' || close === '.' || close === ';' || close === 'of' || close === 'from')) || (open === '(' && close === ')');
  const name = view.tok(phrase.first - 2);
  if (!setOff || name === undefined) return false;
  // "Gino Bassett Sr., 56,": a name ending in a suffix with its period.
  if (name.text === '.') return /^(?:Jr|Sr|III|II)$/.test(view.tok(phrase.first - 3)?.text ?? '');
  return name.kind === 'word' && view.capitalized(phrase.first - 2);
}

/**
 * "Resolution 2254", "Tower 22", "Boeing 787", "iPhone 4", "FTSE 100", "No. 1": a number right
 * after a name is part of the name, since English puts counts before their modifiers
 * ("2,500 U.S. troops"). Markers, function words, adverbs and possessives do not count.
 */
function isLabel(view: TokenView, lex: QuantityLexicon, i: number, head: number): boolean {
  let t = view.tok(i)!;
  // "No. 1": the period of an abbreviated label.
  if (t.text === '.' && view.glued(i - 1) && view.isWord(i - 1)) {
    t = view.tok(--i)!;
    return lex.labelWords.has(t.norm) && view.capitalized(i);
  }
  if (t.kind !== 'word' && t.kind !== 'abbrev') return false;
  const word = t.norm.replace(/\.$/, '');
  const nameLike = view.capitalized(i) || INNER_CAPITAL.test(t.text);
  // In lower case a label word names only a bare number ("game five", "version 10.4"), not "base 20 km away".
  if (!nameLike) return head < 0 && lex.labelWords.has(word);
  if (lex.labelWords.has(word) || lex.labelWords.has(`${view.norm(i - 1) ?? ''} ${word}`)) return true;
  // "Iraq's 5,000 fighters" is a count owned by a name; "Exactly 20" an adverb before one.
  if (t.kind === 'abbrev' || word.endsWith('ly') || /['’]s?$/.test(word)) return false;
  if (lex.stopWords.has(word) || lex.markers.matchEndingAt(view.norm, i) || lex.calendarWords.has(t.text)) return false;
  return true;
}

/** "iPhone", "eBay": lower case, then a capital. */
const INNER_CAPITAL = /^\p{Ll}+\p{Lu}/u;

/** "1." or "2)" opening a line of a list. */
function isListMarker(view: TokenView, phrase: NumberPhrase): boolean {
  const after = view.tok(phrase.end)?.text;
  return phrase.end === phrase.first + 1 && view.glued(phrase.first) && (after === '.' || after === ')') && view.startsLine(phrase.first);
}

const singular = (w: string) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') ? w.slice(0, -1) : w);
