import type { Offsets } from './span.js';
import { loadKnowledge } from '../knowledge.js';

interface AbbreviationLists {
  titles: string[];
  months: string[];
  other: string[];
  sentenceStarters: string[];
}

let cached: { abbreviations: Set<string>; starters: Set<string> } | undefined;

function lists() {
  if (!cached) {
    const k = loadKnowledge<AbbreviationLists>('abbreviations.json');
    cached = {
      abbreviations: new Set([...k.titles, ...k.months, ...k.other]),
      starters: new Set(k.sentenceStarters),
    };
  }
  return cached;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * Splits text into sentences. A blank line or line break always ends one; otherwise a
 * sentence ends at . ! ? (plus closing quotes or brackets) followed by space and a capital,
 * digit or opening quote, unless the word before the period is a known abbreviation.
 * Dotted abbreviations ("U.S.") end a sentence only before a typical sentence opener,
 * because "U.S. Central Command" is far more common than a sentence ending in "U.S.".
 */
export function splitSentences(text: string): Offsets[] {
  const { abbreviations, starters } = lists();
  const out: Offsets[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  // Only line breaks and . ! ? can end a sentence: the regex finds them without a loop over every character.
  BREAK.lastIndex = 0;
  while (BREAK.test(text)) {
    const i = BREAK.lastIndex - 1;
    if (text.charCodeAt(i) === 10) { push(i); continue; }
    const ch = text[i]!;
    let j = i + 1;
    while (j < text.length && (CLOSERS.has(text[j]!) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    if (j < text.length && text[j] !== ' ' && text[j] !== '\t') continue;
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k >= text.length || text[k] === '\n') { push(j); BREAK.lastIndex = j; continue; }
    const next = text[k]!;
    if (!/[\p{Lu}\d"“‘'(\[]/u.test(next)) continue;
    if (ch === '.') {
      const before = lettersAndDotsBefore(text, Math.max(start, i - 20), i);
      const dotted = before.includes('.') || /^\p{Lu}$/u.test(before);
      // Not dotted, `before` is letters only: the word itself.
      const word = before;
      if (dotted) {
        const nextWord = /^[\p{L}]+/u.exec(text.slice(k))?.[0] ?? '';
        if (!starters.has(nextWord)) continue;
      } else if (abbreviations.has(word) || abbreviations.has(titleCase(word))) {
        continue;
      }
    }
    push(j);
    BREAK.lastIndex = j;
  }
  push(text.length);
  return out;
}

const BREAK = /[\n.!?]/g;

/** The letters and periods that end text[from, to) ("U.S", "Gen"): read by character codes unless a non-ASCII character comes up. */
function lettersAndDotsBefore(text: string, from: number, to: number): string {
  let b = to;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    const l = c | 32;
    if (c === 46 || (l >= 97 && l <= 122)) b--;
    else if (c < 128) break;
    else return /([\p{L}.]+)$/u.exec(text.slice(from, to))?.[1] ?? '';
  }
  return text.slice(b, to);
}

// "DEC." and "GEN." in all-caps headlines are the same abbreviations as "Dec." and "Gen.".
const titleCase = (w: string) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w);
