import type { Doc, Sentence } from '../../doc/document.js';
import { plainWordKey, wordKey } from './normalize.js';
import type { NameMemo, NameNode } from './name-memo.js';
import type { WordClasses } from './word-classes.js';

/**
 * The words of one sentence as the place rules read them: a possessive "'s" split off
 * ("Iraq's" -> "Iraq" + possessive), initials glued back together ("U.S" written without
 * its last period is three tokens), and each word's look-up key and capitalization.
 */
export interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  isWord: boolean;
  /** Starts with a capital letter (or is a capitalized initialism). */
  cap: boolean;
  /** Two or more letters, all capitals ("ISIS", "TAMPA", "US"). */
  upper: boolean;
  possessive: boolean;
  /** No space between this word and the previous one ("U.S.-led": "-" is glued to "U.S."). */
  gluedLeft: boolean;
  /** First word of its sentence, after any opening quotes or brackets. */
  sentenceInitial: boolean;
  /** Part of the capitals-only run that opens a line, as datelines do ("BAGHDAD, Iraq"). */
  dateline: boolean;
  /** The word lists its key is in: bits of word-classes.ts. */
  classes: number;
  /** A capitalized word's entry in the name memo (it tells the word's classes too); undefined for others. */
  name: NameNode | undefined;
}

const UPPER = /^\p{Lu}/u;
const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
/** "U", "U.S": initials before a period that may glue on another one. */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const ONE_INITIAL = /^\p{Lu}\.?$/u;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', '•', '*']);

export function sentenceWords(doc: Doc, sentence: Sentence, classes: WordClasses, names: NameMemo): Word[] {
  const text = doc.text;
  const out: Word[] = [];
  const tokens = doc.tokens;
  let lastEnd = -1;
  let apostrophes = false;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = tokens[i]!;
    const gluedLeft = t.start === lastEnd;
    lastEnd = t.end;
    if (t.kind === 'punct' || t.kind === 'number') {
      // "U" "." "S": a single capital, a period and another single capital, all touching.
      const prev = out[out.length - 1];
      if (t.text === '.' && gluedLeft && prev && prev.isWord && INITIALS.test(prev.text)) {
        const next = tokens[i + 1];
        if (next && i + 1 < sentence.tokenEnd && next.start === t.end && ONE_INITIAL.test(next.text)) {
          out[out.length - 1] = word(text, prev.start, next.end, prev.gluedLeft);
          lastEnd = next.end;
          i++;
          continue;
        }
      }
      const c = text.charCodeAt(t.start);
      if (c === 39 || c === 0x2019) apostrophes = true;
      out.push({ start: t.start, end: t.end, text: t.text, key: t.text, isWord: false, cap: false, upper: false, possessive: false, gluedLeft, sentenceInitial: false, dateline: false, classes: 0, name: undefined });
      continue;
    }
    const last = text.charCodeAt(t.end - 1);
    const apostrophe = text.charCodeAt(t.end - 2);
    // "Iraq's": a word ending in "'s" (and longer) is the word before it, possessive.
    if ((last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019) && t.end - t.start > 2) {
      const w = word(text, t.start, t.end - 2, gluedLeft, undefined, t.norm);
      w.possessive = true;
      out.push(w);
      continue;
    }
    out.push(word(text, t.start, t.end, gluedLeft, t.text, t.norm));
  }
  // Most sentences have no apostrophe standing alone, so no possessive to mend.
  if (apostrophes) markPossessives(out);
  markInitials(out);
  markDateline(text, out);
  for (const w of out) {
    if (!w.isWord) continue;
    if (w.cap) {
      // findNames asks the memo about every capitalized word: asked here, it gives the classes too.
      w.name = names.first(w.key);
      w.classes = w.name.classes;
    } else w.classes = classes.get(w.key) ?? 0;
  }
  return out;
}

/**
 * One word from start to end. `written` is its text when a token has it already; `lower`
 * the lower-case form of a token it is or begins ("Iraq's" for "Iraq"): for ASCII words
 * that form's beginning is the word's own, so its key needs no folding.
 */
function word(text: string, start: number, end: number, gluedLeft: boolean, written?: string, lower?: string): Word {
  const t = written ?? text.slice(start, end);
  const shape = asciiShape(text, start, end);
  if (shape !== NOT_ASCII && lower !== undefined) {
    // The token's lower-case form differs from toLowerCase only in curly apostrophes, which keys drop.
    const norm = lower.length === end - start ? lower : lower.slice(0, end - start);
    const cap = (shape & CAPITALIZED) !== 0;
    return { start, end, text: t, key: shape & DOTTED ? plainWordKey(norm) : undotted(text, norm, end), isWord: true, cap, upper: cap && (shape & CAPITALS_ONLY) !== 0, possessive: false, gluedLeft, sentenceInitial: false, dateline: false, classes: 0, name: undefined };
  }
  const ascii = shape !== NOT_ASCII;
  // ASCII words (nearly all of them) are read by character codes; others by Unicode classes.
  const isWord = ascii ? true : LETTER.test(t);
  const cap = ascii ? (shape & CAPITALIZED) !== 0 : UPPER.test(t);
  let upper = false;
  if (cap) {
    if (ascii) upper = (shape & CAPITALS_ONLY) !== 0;
    else {
      const letters = t.replace(NON_LETTERS, '');
      upper = letters.length >= 2 && !LOWER_LETTER.test(letters);
    }
  }
  return { start, end, text: t, key: wordKey(t), isWord, cap, upper, possessive: false, gluedLeft, sentenceInitial: false, dateline: false, classes: 0, name: undefined };
}

/** plainWordKey of a word with no dot or apostrophe: only a final "-ah" loses its "h" (normalize.ts). */
function undotted(text: string, norm: string, end: number): string {
  return norm.length <= 3 || (text.charCodeAt(end - 1) | 32) !== 104 || (text.charCodeAt(end - 2) | 32) !== 97 ? norm : plainWordKey(norm);
}

/** Bits of asciiShape. */
const NOT_ASCII = -1;
const CAPITALIZED = 1;
/** Two or more letters, none in lower case ("ISIS", "U.S."). */
const CAPITALS_ONLY = 2;
/** Has a dot or an apostrophe. */
const DOTTED = 4;

/**
 * What the word text[start, end) is, in one pass: NOT_ASCII unless it is ASCII letters with
 * inner dots or apostrophes ("U.S.", "don't", "don’t"), a letter first; else its bits. It
 * reads the document's text, not the token's own string: small strings of both widths make
 * charCodeAt several times slower.
 */
function asciiShape(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start);
  const l0 = c0 | 32;
  if (l0 < 97 || l0 > 122) return NOT_ASCII;
  let lower = c0 >= 97;
  let capitals = lower ? 0 : 1;
  let dotted = false;
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) capitals++;
    else if (c === 46 || c === 39 || c === 0x2019) dotted = true;
    else return NOT_ASCII;
  }
  return (lower || capitals < 2 ? 0 : CAPITALS_ONLY) | (c0 < 97 ? CAPITALIZED : 0) | (dotted ? DOTTED : 0);
}

const NON_LETTERS = /[^\p{L}]/gu;

/**
 * Possessives the tokenizer leaves apart: "U.S.'s" (initialism, apostrophe, "s") loses its
 * "'s" to the word; a plural possessive ("the Emirates' ports") keeps its apostrophe.
 */
function markPossessives(words: Word[]): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    const a = words[i + 1]!;
    if (!w.isWord || a.isWord || (a.text !== "'" && a.text !== '’') || !a.gluedLeft) continue;
    const s = words[i + 2];
    if (s && s.isWord && s.gluedLeft && s.key === 's') {
      w.possessive = true;
      words.splice(i + 1, 2);
    } else if (/s$/i.test(w.text)) {
      w.possessive = true;
    }
  }
}

function markInitials(words: Word[]): void {
  for (const w of words) {
    if (w.isWord) {
      w.sentenceInitial = true;
      return;
    }
    if (!OPENERS.has(w.text)) return;
  }
}

/**
 * Datelines open a report, or a report within a digest, in capitals ("TAMPA, Fla. –",
 * "SOUTHWEST ASIA", "BAGHDAD, Iraq", "(NEW YORK) —", "LONDON Pope Francis said"): the
 * capitals there are a place written in capitals, not an acronym. A run of capitalized words
 * opening a sentence is one when it opens the text, or when a comma, dash, bracket or the end
 * of the line closes it; initialisms ("U.S.") and two-letter acronyms ("IS") never are.
 */
function markDateline(text: string, words: Word[]): void {
  let begin = 0;
  if (words[0]?.text === '(') begin = 1;
  let end = begin;
  while (end < words.length && words[end]!.isWord && words[end]!.upper && !words[end]!.text.includes('.') && words[end]!.text.length >= 3) end++;
  if (end === begin) return;
  const opensText = words[begin]!.start === firstLetter(text) || (begin === 1 && words[0]!.start === firstLetter(text));
  const after = words[end];
  const closes = !after || after.text === ',' || DATELINE_ENDS.has(after.text) || text.slice(words[end - 1]!.end, after.start).includes('\n');
  if (!opensText && !closes) return;
  for (let i = begin; i < end; i++) words[i]!.dateline = true;
}

const DATELINE_ENDS = new Set(['—', '–', '-', '(', ')', '"', '“', ':']);

function firstLetter(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : -1;
}
