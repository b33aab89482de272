import type { NameHit } from './entry.js';
import type { PlacesLexicon } from './lexicon.js';
import type { PlaceMatch, Usage } from './match.js';
import { ARABIC_ARTICLES } from './normalize.js';
import type { Word } from './words.js';
import { DEMONYM, DIRECTION, LOCATIVE, NAME_CONTINUATION } from './word-classes.js';

/**
 * Decides, for each match of one sentence, whether the toponym is used as a noun (a place:
 * "in Iraq", "Iraq's government", "Iran said", "the U.S. is"), as a modifier ("U.S. troops",
 * "U.S.-led", "Iran-backed") or inside a longer name ("U.S. Central Command", "Michael
 * Jordan", "University of Baghdad"). Coordinated toponyms share the reading of the last one
 * ("U.S. and Iraqi forces", "Washington and Baghdad").
 */
export function classifyUsage(words: Word[], matches: PlaceMatch[], lex: PlacesLexicon): void {
  // Right to left, so "X and Y ..." can take Y's reading.
  for (let k = matches.length - 1; k >= 0; k--) {
    const m = matches[k]!;
    if (m.hits.some(isBlocked)) {
      set(m, 'embedded', 'inside a longer name that is no place');
      continue;
    }
    if (m.via === 'dateline' || m.via === 'division' || m.closesPair) {
      set(m, 'noun', m.closesPair ? 'closes "City, Region"' : m.via);
      continue;
    }
    const before = beforeReading(words, m, matches, lex);
    if (before) {
      set(m, before.usage, before.reason);
      if (before.surname) m.surname = true;
      continue;
    }
    const after = afterReading(words, m, matches, lex);
    set(m, after.usage, after.reason);
  }
}

function set(m: PlaceMatch, usage: Usage, reason: string): void {
  m.usage = usage;
  m.reason = reason;
}

interface Reading {
  usage: Usage;
  reason: string;
  surname?: boolean;
}

function beforeReading(words: Word[], m: PlaceMatch, matches: PlaceMatch[], lex: PlacesLexicon): Reading | undefined {
  const prev = words[m.from - 1];
  if (!prev) return undefined;
  // Two places side by side ("Greece Italy", "Iraq's Kurdistan"): the first is no first name.
  if (matches.some((o) => o.to === m.from && o !== m && o.hits.some(isStrongPlace))) return undefined;
  const first = words[m.from]!;
  // "anti-Iraq", "pro-Iran", "Iraq-Syria": a hyphen glued on both sides makes a compound.
  if (prev.text === '-' && first.gluedLeft && prev.gluedLeft) {
    const left = words[m.from - 2];
    if (left && left.isWord && !ARABIC_ARTICLES.has(left.key)) return { usage: 'modifier', reason: `compound "${left.text}-"` };
  }
  // "University of Baghdad", "Bank of America": an organisation named after the place.
  if (prev.key === 'of') {
    const head = words[m.from - 2];
    if (head && head.cap && lex.organizationHeads.has(head.key)) return { usage: 'embedded', reason: `"${head.text} of ..." names an organisation` };
  }
  // "Michael Jordan", "Gen. Austin", "Lloyd J. Austin": a capitalized word before the toponym
  // that is neither a sentence opener, a direction, a demonym nor another place.
  let name = prev;
  if (prev.text === '.' && prev.gluedLeft && words[m.from - 2]?.cap) name = words[m.from - 2]!;
  const reading = nameBefore(name, m, lex);
  if (reading?.surname && !personName(words, m, name, lex)) reading.surname = false;
  return reading;
}

/**
 * Whether "<Name> <toponym>" reads as a person, so the toponym is a surname: it ends the
 * capitalized run ("Michael Jordan said", not "Smart Dubai Office"), and comes after a title
 * or initial, or after a first word that no determiner or "of" introduces ("the Smart Dubai",
 * "of Baseball Toronto" name things).
 */
function personName(words: Word[], m: PlaceMatch, name: Word, lex: PlacesLexicon): boolean {
  const next = words[m.to];
  if (next?.isWord && next.cap && !lex.nameSuffixes.has(next.key)) return false;
  if (lex.personTitles.has(name.key) || SINGLE_CAPITAL.test(name.text)) return true;
  if (lex.genericNameWords.has(name.key) || lex.stopNames.has(name.key)) return false;
  const i = words.indexOf(name);
  const before = words[i - 1];
  if (!before) return true;
  if (before.isWord && (DETERMINERS.has(before.key) || (before.cap && !lex.personTitles.has(before.key)))) return false;
  return true;
}

const SINGLE_CAPITAL = /^\p{Lu}$/u;
const DETERMINERS = new Set(['the', 'a', 'an', 'of', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);

function nameBefore(prev: Word, m: PlaceMatch, lex: PlacesLexicon): Reading | undefined {
  if (!prev.isWord || !prev.cap || prev.possessive || prev.dateline) return undefined;
  if (prev.sentenceInitial && lex.nounFollowers.has(prev.key)) return undefined;
  if (prev.classes & (DEMONYM | LOCATIVE | DIRECTION)) return undefined;
  if (lex.nounFollowers.has(prev.key) && !lex.personTitles.has(prev.key)) return undefined;
  if (prev.upper && !lex.personTitles.has(prev.key)) return undefined;
  const prefix = lex.namePrefixes.has(prev.key) || lex.organizationHeads.has(prev.key);
  return { usage: 'embedded', reason: `after "${prev.text}"`, surname: m.to - m.from === 1 && !prefix };
}

function afterReading(words: Word[], m: PlaceMatch, matches: PlaceMatch[], lex: PlacesLexicon): Reading {
  const last = words[m.to - 1]!;
  if (last.possessive) return { usage: 'noun', reason: 'possessive' };
  const next = words[m.to];
  if (!next) return { usage: 'noun', reason: 'ends the sentence' };
  if (!next.isWord) {
    // "U.S.-led", "Iran-backed", "Syria-Iraq border"
    if ((next.text === '-' || next.text === '/') && next.gluedLeft && words[m.to + 1]?.isWord && words[m.to + 1]!.gluedLeft) {
      return { usage: 'modifier', reason: `compound "-${words[m.to + 1]!.text}"` };
    }
    return { usage: 'noun', reason: `before "${next.text}"` };
  }
  if (startsWithDigit(next.text)) return { usage: 'noun', reason: 'before a number' };
  if (next.cap) {
    if (next.classes & NAME_CONTINUATION) return { usage: 'noun', reason: `before "${next.text}"` };
    // "Cyprus, Greece Italy or Spain": a comma left out between two places.
    const adjacent = matches.find((o) => o.from === m.to);
    if (adjacent && adjacent.usage === 'noun' && isBroadPlace(adjacent)) return { usage: 'noun', reason: 'before another place' };
    if (next.sentenceInitial) return { usage: 'noun', reason: 'before a new sentence' };
    return { usage: 'embedded', reason: `before "${next.text}"` };
  }
  if (next.key === 'and' || next.key === 'or' || next.key === '&') return coordination(words, m, matches, lex);
  return wordAfter(next.key, lex);
}

const isBlocked = (h: NameHit) => h.entry.blocked;
const startsWithDigit = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const isBroadPlace = (m: PlaceMatch) => m.hits.some((h) => h.entry.kind === 'country' || h.entry.kind === 'region' || h.entry.kind === 'admin1');
const isStrongPlace = (h: NameHit) => h.entry.kind === 'country' || h.entry.kind === 'region' || h.entry.curated || (h.entry.kind === 'city' && h.entry.population >= 100_000);

/** The reading a lower-case word after a toponym gives it; unknown words are nouns it modifies. */
function wordAfter(key: string, lex: PlacesLexicon): Reading {
  if (lex.modifierHeads.has(key)) return { usage: 'modifier', reason: `before "${key}"` };
  if (lex.numberWords.has(key)) return { usage: 'noun', reason: `before number "${key}"` };
  if (lex.nounFollowers.has(key)) return { usage: 'noun', reason: `before "${key}"` };
  if (key.length > 4 && (key.endsWith('ed') || key.endsWith('ly'))) return { usage: 'noun', reason: `before verb or adverb "${key}"` };
  if (lex.demonyms.has(key)) return { usage: 'modifier', reason: `before "${key}"` };
  return { usage: 'modifier', reason: `before "${key}"` };
}

/** "Washington and Baghdad" (both nouns), "U.S. and Iraqi forces", "U.S. and coalition troops" (both modifiers). */
function coordination(words: Word[], m: PlaceMatch, matches: PlaceMatch[], lex: PlacesLexicon): Reading {
  const j = m.to + 1;
  const other = matches.find((o) => o.from === j || (o.from === j + 1 && words[j]?.key === 'the'));
  if (other) return { usage: other.usage === 'embedded' ? 'noun' : other.usage, reason: `coordinated with "${words[other.from]!.text}"` };
  const w1 = words[j];
  if (!w1 || !w1.isWord) return { usage: 'noun', reason: 'before "and"' };
  if (w1.classes & DEMONYM) return { usage: 'modifier', reason: `coordinated with "${w1.text}"` };
  const w2 = words[j + 1];
  if (!w1.cap && !lex.nounFollowers.has(w1.key) && w2 && w2.isWord && !w2.cap && lex.modifierHeads.has(w2.key)) {
    return { usage: 'modifier', reason: `coordinated with "${w1.text} ${w2.text}"` };
  }
  return { usage: 'noun', reason: 'before "and"' };
}
