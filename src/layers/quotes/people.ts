import type { Doc } from '../../doc/document.js';
import type { Token } from '../../doc/tokens.js';
import type { QuotesLexicon } from './lexicon.js';
import { appositionAfter, insideName, phraseEndingAt, titleLengthAt, withoutPeriod, withoutPossessive, type TokenSpan } from './phrase.js';
import { tokenFacts, type TokenFacts } from './token-facts.js';

/** A person's name as written: "Sean B. MacFarland", "Mohammed Shiaa al-Sudani". */
export interface NameRun extends TokenSpan {
  start: number;
  end: number;
  text: string;
  /** Lower-cased last name (suffixes such as "III" left out): what "Ms. Singh" is matched by. */
  surname: string;
  /** Lower-cased first word, or null for a surname alone. */
  given: string | null;
}

/** A named person the article introduces with a title, a role or an apposition. */
export interface Person {
  name: NameRun;
  /** Lower-cased title and role words said of the person ("secretary", "defense", "spokeswoman"). */
  roleWords: Set<string>;
  /** The role as written, without the name: "Pentagon spokeswoman", "commander of …". */
  role: string | null;
}

/** Whether a token's text ends with a possessive "'s" or "’s" (lower-case s), read by character codes. */
function endsWithPossessive(text: string): boolean {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 115) return false;
  const mark = text.charCodeAt(n - 2);
  return mark === 39 || mark === 0x2019;
}
const possessiveEnd = (t: Token) => (endsWithPossessive(t.text) ? t.end - 2 : t.end);

/** Whether token k of the document can be part of a person's name (TokenFacts.nameWord). */
export function isNameWordAt(tokens: readonly Token[], k: number, lex: QuotesLexicon): boolean {
  return tokenFacts(tokens, lex).nameWord(k);
}

/**
 * A role word in capitals ("Ryanair CEO", "Campus Manager Tara Boyle") is no part of a name,
 * except as the surname that ends one ("Sachin Pilot", "Martin Luther King Jr.").
 */
function roleWordInName(tokens: readonly Token[], facts: TokenFacts, k: number, wordsSoFar: number, lex: QuotesLexicon): boolean {
  const t = tokens[k]!;
  if (t.text === t.text.toUpperCase() || facts.titleFirstWord(k)) return false;
  const next = tokens[k + 1];
  const nameGoesOn = next !== undefined && facts.nameWord(k + 1) && !lex.nameSuffixes.has(next.norm);
  return wordsSoFar > 0 && !nameGoesOn;
}

/**
 * The person name that starts at token `i`: capitalized words, initials ("J."), particles
 * ("al-", "bin"), suffixes ("III", "Jr."), nicknames in quotation marks. It must hold at least
 * one capitalized word that is not an initial.
 */
export function nameRunAt(doc: Doc, i: number, ceil: number, lex: QuotesLexicon): NameRun | null {
  const tokens = doc.tokens;
  const facts = tokenFacts(tokens, lex);
  // Most tokens start no name: answer them before anything is allocated.
  if (i >= ceil || (!facts.nameWord(i) && !facts.nameParticle(i))) return null;
  let k = i;
  let lastWord = -1;
  let last = -1;
  // Indices of the name's words.
  const words: number[] = [];
  while (k < ceil) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (words.length > 0 && insideName(tokens, k, lex)) {
      words.push(k);
      lastWord = k;
      last = k;
      k++;
      continue;
    }
    if (facts.nameWord(k) && (!facts.roleWord(k) || roleWordInName(tokens, facts, k, words.length, lex))) {
      // An initial ("B.") joins only when a name goes on after it.
      if (t.text.length === 1 && next?.text === '.' && next.start === t.end) {
        if (!facts.capitalized(k + 2)) break;
        last = k + 1;
        k += 2;
        continue;
      }
      words.push(k);
      lastWord = k;
      last = k;
      if (endsWithPossessive(t.text)) break;
      k++;
      continue;
    }
    if (facts.nameParticle(k) && next && (next.text === '-' || facts.nameWord(k + 1))) {
      last = k;
      k += next.text === '-' && next.start === t.end ? 2 : 1;
      continue;
    }
    if (t.text === '-' && k > i && t.start === tokens[k - 1]!.end && next && next.start === t.end && facts.nameWord(k + 1)) { k++; continue; }
    if ((t.text === '"' || t.text === '“' || t.text === '”') && words.length && next !== undefined && facts.nameWord(k + 1)) {
      // Michael “Erik” Kurilla: skip the nickname's marks.
      const close = tokens[k + 2];
      if (close && (close.text === '"' || close.text === '”') && facts.nameWord(k + 3 < tokens.length ? k + 3 : k + 2) && k + 3 < ceil) { k += 3; continue; }
      break;
    }
    break;
  }
  if (lastWord < 0) return null;
  // Suffixes after the last word: "Lloyd J. Austin III", "Martin Luther King Jr."
  const surnameToken = tokens[lastNonSuffix(tokens, words, lex)]!;
  const endTok = tokens[Math.max(last, lastWord)]!;
  const start = tokens[i]!.start;
  const end = possessiveEnd(endTok);
  const surname = withoutPossessive(surnameToken.norm);
  const given = words.length > 1 || tokens[words[0]!] !== surnameToken ? tokens[words[0]!]!.norm : null;
  return { first: i, last: Math.max(last, lastWord), start, end, text: doc.text.slice(start, end), surname, given };
}

// Most words have no period: they need no copy.
const withoutPeriods = (norm: string) => (norm.includes('.') ? norm.replace(/\./g, '') : norm);

function lastNonSuffix(tokens: readonly Token[], words: readonly number[], lex: QuotesLexicon): number {
  for (let i = words.length - 1; i >= 0; i--) if (!lex.nameSuffixes.has(withoutPeriods(tokens[words[i]!]!.norm))) return words[i]!;
  return words[words.length - 1]!;
}

/** The part of a capitalized run after its last title, or the run itself when it has none. */
export function nameAfterLastTitle(doc: Doc, run: NameRun, lex: QuotesLexicon): NameRun | null {
  let result: NameRun | null = run;
  for (let j = run.first; j <= run.last; j++) {
    if (titleLengthAt(doc.tokens, j, run.last + 1, lex) === 0) continue;
    const after = skipTitles(doc.tokens, j, run.last + 1, lex);
    result = after <= run.last ? nameRunAt(doc, after, run.last + 1, lex) : null;
    j = after - 1;
  }
  return result;
}

/** Skips a chain of titles ("U.S. Army Maj. Gen.") from token `k`; returns the index after them. */
export function skipTitles(tokens: readonly Token[], k: number, ceil: number, lex: QuotesLexicon): number {
  for (let len = titleLengthAt(tokens, k, ceil, lex); len > 0; len = titleLengthAt(tokens, k, ceil, lex)) k += len;
  return k;
}

/**
 * Every person the article names after a title ("Secretary of Defense Lloyd J. Austin III"),
 * after a role noun ("spokeswoman Sabrina Singh") or before an apposition naming a role
 * ("Frances Eve, a researcher for …"). Later quotes name them by surname or by role alone.
 */
export function findPeople(doc: Doc, lex: QuotesLexicon): Person[] {
  const tokens = doc.tokens;
  const facts = tokenFacts(tokens, lex);
  const people: Person[] = [];
  for (const sentence of doc.sentences) {
    const ceil = sentence.tokenEnd;
    const lastComma = lastCommaIn(tokens, sentence.tokenStart, ceil);
    for (let k = sentence.tokenStart; k < ceil; k++) {
      // Titles and names start capitalized, roles in lower case: any other token starts nothing.
      if (!facts.capitalized(k) && !facts.roleNoun(k)) continue;
      const titleEnd = facts.titleStart(k) ? skipTitles(tokens, k, ceil, lex) : k;
      // "spokeswoman Col. Dana Whitfield": the titles after a role noun are no part of the name.
      const afterRole = titleEnd === k && facts.roleNoun(k) && !facts.capitalized(k) ? skipTitles(tokens, k + 1, ceil, lex) : titleEnd;
      // A name without a title or role needs an apposition, and so a comma after it.
      if (afterRole === k && lastComma <= k) continue;
      const startsName = afterRole > k ? afterRole : facts.capitalized(k) && (k === sentence.tokenStart || !facts.capitalized(k - 1)) ? k : -1;
      if (startsName < 0) continue;
      let name = nameRunAt(doc, startsName, ceil, lex);
      if (!name) continue;
      // "Iraqi Prime Minister Mohammed Shiaa al-Sudani, …": the name starts after the last title.
      if (afterRole === k) name = nameAfterLastTitle(doc, name, lex);
      if (!name) continue;
      const apposition = appositionAfter(tokens, name.last + 1, ceil, lex);
      // Without a title or role before it, only an apposition tells a name from a place or a group.
      if (afterRole === k && (!apposition || name.first === name.last)) continue;
      const roleWords = new Set<string>();
      let role: string | null = null;
      if (apposition) role = describe(doc, apposition, lex);
      if (afterRole > k) {
        const before = phraseEndingAt(tokens, afterRole - 1, sentence.tokenStart, lex);
        const roleSpan = before ?? { first: k, last: afterRole - 1 };
        for (let j = roleSpan.first; j <= roleSpan.last; j++) roleWords.add(withoutPeriod(tokens[j]!.norm));
        role ??= describe(doc, roleSpan, lex);
      }
      if (apposition) for (let j = apposition.first; j <= apposition.last; j++) roleWords.add(tokens[j]!.norm);
      people.push({ name, roleWords, role });
      k = name.last;
    }
  }
  return people;
}

/** Index of the last comma among tokens [first, ceil), or -1. */
function lastCommaIn(tokens: readonly Token[], first: number, ceil: number): number {
  for (let k = ceil - 1; k >= first; k--) if (tokens[k]!.text === ',') return k;
  return -1;
}

/** The text of a role phrase without leading determiners or honorifics, or null when nothing is left. */
export function describe(doc: Doc, span: TokenSpan, lex: QuotesLexicon): string | null {
  const tokens = doc.tokens;
  let first = span.first;
  while (first <= span.last) {
    const t = tokens[first]!;
    // "one of the officials" keeps its "one".
    if ((lex.determiners.has(t.norm) && tokens[first + 1]?.norm !== 'of') || t.text === '.') first++;
    else if (lex.honorifics.has(withoutPeriod(t.norm))) first++;
    else break;
  }
  if (first > span.last) return null;
  const text = doc.text.slice(tokens[first]!.start, possessiveEnd(tokens[span.last]!)).trim();
  return text || null;
}
