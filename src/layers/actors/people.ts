import type { Body, PersonCandidate } from './candidates.js';
import type { KnownPerson, Title } from './compile.js';
import { KeyFlag } from './key-flags.js';
import type { ParseState } from './parse-state.js';
import { adjacent as adjacentExport, EntryBit, isCapitalized as isCapitalizedExport, type SentenceUnits } from './units.js';

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const adjacent = adjacentExport;
// The word lists asked per token, as the token's flags (see key-flags.ts): no Set look-up.
const { nameParticle: NAME_PARTICLE, notName: NOT_NAME } = KeyFlag;
const isCapitalized = isCapitalizedExport;

const MAX_NAME_TOKENS = 9;
const SPACES = /\s+/;
const FINAL_PERIOD = /\.$/;
/** "J", "J.": an initial, not a name word. */
const INITIAL = /^\p{Lu}\.?$/u;
const MAX_APPOSITION_UNITS = 30;
const CLAUSE_STOPS = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”', '—', '–', '?', '!']);
const QUOTES_OPEN = new Set(['“', '"', '‘']);
const QUOTES_CLOSE = new Set(['”', '"', '’']);

export interface ParsedName {
  /** Token index one past the name. */
  end: number;
  /** Character end (before a possessive 's). */
  charEnd: number;
  text: string;
  /** Name words without initials, nicknames and suffixes ("Lloyd", "Austin"). */
  words: string[];
  /** `words` lower-cased as token keys are ("lloyd", "austin"), built from the token keys. */
  keys: string[];
  known: KnownPerson | null;
}

/**
 * A personal name starting at `token`: capitalized words, initials ("J."), particles
 * ("al-", "bin"), a nickname in quotes, a suffix ("III"). Lexicon words other than known
 * people end it, so "Secretary Carter noted" stops before "noted" and "Iraq" is never a name.
 */
export function parseName(state: ParseState, token: number): ParsedName | null {
  const { view, lex } = state;
  // "East" of "Middle East", "al-Asad" of "Ain al-Asad": a name does not start inside a place name.
  if (state.placeMentions.startsBefore(token, view.token(token)?.start ?? 0)) return null;
  const w = lex.words;
  const words: string[] = [];
  // Built from the token keys: lower-casing text cut from a two-byte document is slow.
  const keys: string[] = [];
  let known: KnownPerson | null = null;
  let i = token;
  let charEnd = -1;
  let lastGood = token;
  while (i < view.to && i - token < MAX_NAME_TOKENS) {
    const t = view.token(i)!;
    const key = view.key(i);
    const u = view.unitAt(i);
    const unit = view.units[u]!;
    if (unit.entries) {
      if (words.length > 0 && isInnerHonorific(state, u, i)) {
        words.push(t.text); // "Hassan Sheikh Mohamud": the honorific is part of the name
        keys.push(key);
        i = unit.to;
        continue;
      }
      const person = view.entry(u, 'person');
      if (!person || unit.from !== i || view.consumed[u]) break;
      known = person.person;
      for (const part of state.text.slice(unit.start, unit.end).split(SPACES)) {
        const k = part.toLowerCase().replace(FINAL_PERIOD, '');
        if (!INITIAL.test(part) && !w.nameSuffixes.has(k)) {
          words.push(part);
          keys.push(keyOfWord(part));
        }
      }
      i = unit.to;
      lastGood = i;
      charEnd = unit.end;
      if (unit.possessive) break;
      continue;
    }
    if (view.is(i, NAME_PARTICLE) && view.key(i + 1) === '-' && adjacent(t, view.token(i + 1)) && isCapitalized(view.token(i + 2)) && adjacent(view.token(i + 1), view.token(i + 2))) {
      const part = view.token(i + 2)!;
      const possessive = endsInPossessive(part.text);
      words.push(`${t.text}-${possessive ? part.text.slice(0, -2) : part.text}`);
      const partKey = view.key(i + 2);
      keys.push(`${key}-${possessive ? partKey.slice(0, -2) : partKey}`);
      i += 3;
      lastGood = i;
      charEnd = possessive ? part.end - 2 : part.end;
      if (possessive) break;
      continue;
    }
    if (view.is(i, NAME_PARTICLE) && !isCapitalized(t) && words.length > 0 && isCapitalized(view.token(i + 1)) && view.token(i + 1)!.kind === 'word') {
      words.push(t.text); // "bin Laden"
      keys.push(key);
      i++;
      continue;
    }
    if (t.text.length <= 2 && SINGLE_CAPITAL.test(t.text) && view.key(i + 1) === '.' && adjacent(t, view.token(i + 1))) {
      i += 2; // an initial, "J."
      continue;
    }
    if (t.kind === 'word' && isCapitalized(t) && !view.is(i, NOT_NAME)) {
      if (words.length > 0 && w.nameSuffixes.has(key)) {
        i = skipPeriod(view, i + 1);
        lastGood = i;
        charEnd = view.token(i - 1)!.end;
        break;
      }
      let text = t.text;
      let wordKey = key;
      let end = t.end;
      i++;
      // "Abd-Allah", "Fazl-ur-Rehman": hyphenated parts stay one word.
      while (view.key(i) === '-' && adjacent(view.token(i - 1), view.token(i)) && adjacent(view.token(i), view.token(i + 1)) && view.token(i + 1)!.kind === 'word') {
        text += `-${view.token(i + 1)!.text}`;
        wordKey += `-${view.key(i + 1)}`;
        end = view.token(i + 1)!.end;
        i += 2;
      }
      const possessive = endsInPossessive(text);
      words.push(possessive ? text.slice(0, -2) : text);
      keys.push(possessive ? wordKey.slice(0, -2) : wordKey);
      lastGood = i;
      charEnd = possessive ? end - 2 : end;
      if (possessive) break;
      continue;
    }
    if (words.length > 0 && QUOTES_OPEN.has(t.text) && isCapitalized(view.token(i + 1)) && QUOTES_CLOSE.has(view.token(i + 2)?.text ?? '')) {
      i += 3; // a nickname: Michael “Erik” Kurilla
      continue;
    }
    break;
  }
  if (words.length === 0 || charEnd < 0) return null;
  const start = view.token(token)!.start;
  dropEmptyWords(words, keys);
  return { end: lastGood, charEnd, text: state.text.slice(start, charEnd), words, keys, known };
}

/**
 * "Sheikh", "Haji" inside a name ("Hassan Sheikh Mohamud", "Ahmed Haji Ali"): an honorific
 * that names also carry, with a name word after it. "Mr." never continues a name.
 */
function isInnerHonorific(state: ParseState, u: number, i: number): boolean {
  const { view, lex } = state;
  const unit = view.units[u]!;
  if (unit.from !== i || unit.to !== i + 1 || view.consumed[u] || !lex.words.nameHonorifics.has(view.key(i)) || !view.has(u, 'honorific')) return false;
  const next = view.token(i + 1);
  if (!next || next.kind !== 'word' || !isCapitalized(next) || view.is(i + 1, NOT_NAME)) return false;
  const nextUnit = view.units[u + 1];
  return !!nextUnit && (!nextUnit.entries || view.has(u + 1, 'person'));
}

const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** "Sudani's", "Sudani’s". */
const endsInPossessive = (text: string): boolean => text.endsWith("'s") || text.endsWith('’s');

/** Lower case with curly apostrophes straightened, as token keys are. */
const keyOfWord = (word: string): string => {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
};

function skipPeriod(view: SentenceUnits, i: number): number {
  return view.key(i) === '.' && adjacent(view.token(i - 1), view.token(i)) ? i + 1 : i;
}

/** Drops empty words, and their keys with them. */
function dropEmptyWords(words: string[], keys: string[]): void {
  for (let k = words.length - 1; k >= 0; k--) {
    if (words[k]!.length > 0) continue;
    words.splice(k, 1);
    keys.splice(k, 1);
  }
}

/** Keys a later mention may use for this person: the name and its tails ("Shia al-Sudani", "al-Sudani", "Sudani"). */
export function surnameKeys(name: ParsedName, particles: ReadonlySet<string>): string[] {
  const words = name.keys;
  const keys = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    if (k === 0 && words.length > 1) continue;
    keys.add(words.slice(k).join(' '));
  }
  const last = words[words.length - 1] ?? '';
  const dash = last.indexOf('-');
  if (dash > 0 && particles.has(last.slice(0, dash))) keys.add(last.slice(dash + 1));
  if (words.length === 1) keys.add(words[0]!);
  return [...keys].filter((k) => k.length > 1);
}

/** The key a short form is looked up by: its words, lower-cased ("al-sudani", "singh"). */
export function nameKey(name: ParsedName): string {
  return name.keys.join(' ');
}

/**
 * A person introduced by titles ("Pentagon spokeswoman Sabrina Singh", "Iraqi Prime
 * Minister Mohammed Shia al-Sudani", "U.S. Army Maj. Gen. Kevin Lambert"), an honorific
 * ("Ms. Singh"), a known name ("President Biden", "Putin"), or a name with a titled
 * apposition ("Qasem Soleimani, the head of ..."). Also a role without a name ("the
 * Secretary", "the Iraqi prime minister"). Returns the unit index after it, or -1.
 */
export function tryPerson(state: ParseState, u: number): number {
  return mayStartPerson(state, u) ? readPerson(state, u) : -1;
}

// Apart from tryPerson, which runs at every unit: the closures here cost an object per call.
function readPerson(state: ParseState, u: number): number {
  const { view } = state;
  // Most countries and bodies have no title after them: skip reading bodies that no title would use.
  if (u > view.lastTitle) return tryUntitled(state, u);
  const bodies: Body[] = [];
  const titles: Title[] = [];
  const titleUnits: number[] = [];
  let p = u;
  for (;;) {
    const modEnd = parseBodies(state, p);
    let q = modEnd.next;
    const found: Title[] = [];
    while (q < view.units.length && !view.consumed[q] && view.has(q, 'title')) {
      found.push(view.entry(q, 'title')!.title);
      titleUnits.push(q);
      q++;
      if (view.units[q - 1]!.possessive) break;
    }
    if (found.length === 0) break;
    addNew(bodies, modEnd.bodies);
    titles.push(...found);
    p = q;
    if (view.units[q - 1]!.possessive) break;
  }
  const firstUnit = view.units[u]!;
  if (titles.length === 0) return tryUntitled(state, u);

  // "head of the Iranian Revolutionary Guard Corps", "President of Armenia"
  let ofBody: Body | null = null;
  let ofEnd = p;
  const lastTitleUnit = view.units[p - 1]!;
  if (!lastTitleUnit.possessive && view.units[p] && view.key(view.units[p]!.from) === 'of') {
    let k = p + 1;
    if (view.plain(k) && view.key(view.units[k]!.from) === 'the') k++;
    const body = bodyAt(state, k);
    if (body && !view.has(k, 'demonym')) {
      ofBody = body;
      ofEnd = k + 1;
    }
  }

  if (!ofBody && !lastTitleUnit.possessive) p = skipHonorific(state, skipPortfolio(state, p));
  const afterTitles = view.units[p];
  let name = !lastTitleUnit.possessive && !ofBody && afterTitles ? parseName(state, afterTitles.from) : null;
  if (!name && !ofBody && afterTitles && view.key(afterTitles.from) === ',' && bodies.length > 0) {
    // "Iraq's foreign minister, Fuad Hussein, said": the name in apposition after the role.
    const candidate = parseName(state, afterTitles.from + 1);
    const after = candidate ? view.key(candidate.end) : '';
    if (candidate && (after === ',' || after === '.' || after === '')) {
      name = candidate;
    }
  }
  let nameBodies = bodies;
  if (!name && afterTitles && !lastTitleUnit.possessive) {
    // "Governor of Sokoto State, Aminu Tambuwal, said": the office's place, then its holder.
    const held = nameAfterOfPlace(state, p);
    if (held) {
      name = held;
      if (ofBody) {
        nameBodies = [...bodies, ofBody];
        if (ofBody.named) pushNamed(state, ofEnd - 1, ofBody);
      }
    }
  }
  const definite = isDefinite(state, firstUnit.from);
  if (!name) {
    const anchored = bodies.length > 0 || ofBody !== null;
    if (titles.every((t) => t.needsName)) return -1;
    if (titles.some((t) => t.needsAnchor) && !anchored) return -1;
    const capitalized = isCapitalized(view.token(view.units[titleUnits[0]!]!.from));
    if (!anchored && !definite && !capitalized) return -1;
    const endUnit = ofBody ? ofEnd : p;
    const last = view.units[endUnit - 1]!;
    if (ofBody?.named) pushNamed(state, endUnit - 1, ofBody);
    pushPerson(state, {
      start: firstUnit.start, end: last.end, token: firstUnit.from, name: null, surnames: [], lookup: '', titles,
      bodies: ofBody ? [...bodies, ofBody] : bodies, known: null, honorific: false, definite, capitalized, apposition: null,
    });
    markConsumed(state, u, endUnit);
    return endUnit;
  }
  const nameEndUnit = view.unitAt(name.end - 1) + 1;
  pushPerson(state, {
    start: firstUnit.start, end: name.charEnd, token: firstUnit.from, name: name.text, surnames: surnameKeys(name, state.lex.words.nameParticles), lookup: nameKey(name),
    titles, bodies: nameBodies, known: name.known, honorific: false, definite, capitalized: true, apposition: appositionAfter(state, name.end),
  });
  markConsumed(state, u, nameEndUnit);
  return nameEndUnit;
}

const UNTITLED_STARTS = EntryBit.honorific | EntryBit.person;
const PERSON_STARTS = EntryBit.named | EntryBit.country | EntryBit.demonym | EntryBit.capital | EntryBit.title | EntryBit.honorific | EntryBit.person;

/** A cheap test that keeps the person parser off most words. */
function mayStartPerson(state: ParseState, u: number): boolean {
  const { view } = state;
  const unit = view.units[u]!;
  if (unit.entries) return (unit.types & PERSON_STARTS) !== 0;
  const t = view.tokens[unit.from]!;
  if (t.kind !== 'word' || !isCapitalized(t)) return false;
  // An untitled name needs a second name word and an apposition: "Qasem Soleimani, the head of ...".
  const next = view.token(unit.to);
  return !!next && (isCapitalized(next) || view.is(unit.to, NAME_PARTICLE) || next.text === '.' || next.text === '-');
}

/** Appends the items of `more` that `list` did not hold before (a loop: a closure here would cost an object per readPerson). */
function addNew<T>(list: T[], more: readonly T[]): void {
  const before = list.length;
  for (const x of more) {
    let seen = false;
    for (let k = 0; k < before && !seen; k++) seen = list[k] === x;
    if (!seen) list.push(x);
  }
}

const MAX_OFFICE_PLACE_UNITS = 5;

/**
 * "of Sokoto State, Aminu Tambuwal," after a title: a capitalized place the office is of,
 * a comma, and a name standing alone in apposition (a comma, a period or the sentence end after it).
 */
function nameAfterOfPlace(state: ParseState, p: number): ParsedName | null {
  const { view } = state;
  if (!view.plain(p) || view.key(view.units[p]!.from) !== 'of') return null;
  let k = p + 1;
  if (view.plain(k) && view.key(view.units[k]!.from) === 'the') k++;
  const first = k;
  for (; k < view.units.length && k - first < MAX_OFFICE_PLACE_UNITS; k++) {
    const unit = view.units[k]!;
    const t = view.token(unit.from);
    if (view.consumed[k] || !t || t.kind !== 'word' || !isCapitalized(t) || view.is(unit.from, NOT_NAME) || view.has(k, 'title') || view.has(k, 'person')) break;
  }
  if (k === first || !view.units[k] || view.key(view.units[k]!.from) !== ',') return null;
  const nameUnit = skipHonorific(state, k + 1);
  const start = view.units[nameUnit];
  const name = start ? parseName(state, start.from) : null;
  if (!name) return null;
  const after = view.key(name.end);
  return after === ',' || after === '.' || after === '' ? name : null;
}

/** "Minister for Interior Aftab Sherpao": the portfolio belongs to the title, the name follows it. */
function skipPortfolio(state: ParseState, p: number): number {
  const { view } = state;
  const key = view.plain(p) ? view.key(view.units[p]!.from) : '';
  if (key !== 'for' && key !== 'of') return p;
  const portfolio = view.plain(p + 1);
  if (!portfolio || portfolio.kind !== 'word' || !isCapitalized(portfolio) || view.is(view.units[p + 1]!.from, NOT_NAME)) return p;
  let n = p + 2;
  if (view.plain(n) && view.key(view.units[n]!.from) === 'and' && view.plain(n + 1) && isCapitalized(view.plain(n + 1))) n += 2;
  // One word after the portfolio ends it ("official for Middle East security"): a name has two, unless known.
  const name = view.units[n] ? parseName(state, view.units[n]!.from) : null;
  return name && (name.words.length > 1 || name.known) ? n : p;
}

/** "Foreign Minister Sheikh Abdullah bin Zayed", "Prime Minister Dr. Abiy Ahmed": the name follows the honorific. */
function skipHonorific(state: ParseState, p: number): number {
  const { view } = state;
  if (!view.has(p, 'honorific') || view.consumed[p] || !view.units[p + 1]) return p;
  return parseName(state, view.units[p + 1]!.from) ? p + 1 : p;
}

/** Honorific + name, a known person, or an unknown name followed by a titled apposition. */
function tryUntitled(state: ParseState, u: number): number {
  const { view, lex } = state;
  const unit = view.units[u]!;
  // A lexicon unit starts an untitled name only as an honorific or a known person ("Iraq" never does).
  if (unit.entries !== null && (unit.types & UNTITLED_STARTS) === 0) return -1;
  if (view.has(u, 'honorific')) {
    const next = view.units[u + 1];
    const name = next ? parseName(state, next.from) : null;
    if (!name) return -1;
    const end = view.unitAt(name.end - 1) + 1;
    pushPerson(state, {
      start: unit.start, end: name.charEnd, token: unit.from, name: name.text, surnames: surnameKeys(name, lex.words.nameParticles), lookup: nameKey(name),
      titles: [], bodies: [], known: name.known, honorific: true, definite: false, capitalized: true, apposition: appositionAfter(state, name.end),
    });
    markConsumed(state, u, end);
    return end;
  }
  const known = view.entry(u, 'person');
  const plain = view.plain(u);
  if (!known && !(plain && plain.kind === 'word' && isCapitalized(plain) && !view.is(unit.from, NOT_NAME))) return -1;
  if (known && leadsGovernmentHead(state, u)) return -1;
  const name = parseName(state, unit.from);
  if (!name) return -1;
  const apposition = appositionAfter(state, name.end);
  if (!name.known && (name.words.length < 2 || !apposition || !appositionHasRole(state, apposition))) return -1;
  const end = view.unitAt(name.end - 1) + 1;
  pushPerson(state, {
    start: unit.start, end: name.charEnd, token: unit.from, name: name.text, surnames: surnameKeys(name, lex.words.nameParticles), lookup: nameKey(name),
    titles: [], bodies: [], known: name.known, honorific: false, definite: false, capitalized: true, apposition,
  });
  markConsumed(state, u, end);
  return end;
}

/** "Biden administration officials": the person is a modifier, read as a noun phrase. */
function leadsGovernmentHead(state: ParseState, u: number): boolean {
  const { view } = state;
  const unit = view.units[u]!;
  const next = view.units[unit.possessive ? u + 1 : u + 1];
  if (!next) return false;
  const head = view.entry(view.unitAt(next.from), 'head');
  return !!head && head.head.sector === 'GOV';
}

/**
 * Bodies written before a title: a named body, a country or nationality, optionally with
 * the part of the state ("U.S. Navy", "Iraqi Interior Ministry"). Only kept when a title follows.
 */
function parseBodies(state: ParseState, u: number): { next: number; bodies: Body[] } {
  const { view } = state;
  const bodies: Body[] = [];
  let k = u;
  while (k < view.units.length && !view.consumed[k]) {
    const body = bodyAt(state, k);
    if (!body) break;
    k++;
    const head = view.entry(k, 'head');
    if (head && head.head.sector !== '' && !head.head.adjectival && !view.has(k, 'title') && !view.units[k - 1]!.possessive) {
      body.head = head.head;
      k++;
    }
    bodies.push(body);
    if (view.units[k - 1]!.possessive) break;
  }
  return { next: bodies.length ? skipToTitle(state, k) : k, bodies };
}

/**
 * Between a body and its title: qualifiers ("Nigerian junior foreign minister") and the
 * name of a body we do not know ("French National Assembly president"). Skipped only when
 * a title follows.
 */
function skipToTitle(state: ParseState, k: number): number {
  const { view, lex } = state;
  let n = k;
  for (let steps = 0; steps < 5 && n < view.units.length; steps++, n++) {
    if (view.has(n, 'title')) return n;
    const unit = view.units[n]!;
    const first = view.token(unit.from)!;
    const onlyHeads = !unit.entries || unit.entries.every((e) => e.type === 'head');
    if (!onlyHeads || unit.to - unit.from > 1) return k;
    const key = view.key(unit.from);
    const word = first.kind === 'word' && ((!unit.entries && lex.words.qualifiers.has(key)) || (isCapitalized(first) && !lex.words.notNames.has(key)));
    if (!word && key !== '-' && key !== 'and') return k;
  }
  return k;
}

function bodyAt(state: ParseState, u: number): Body | null {
  const { view } = state;
  if (u >= view.units.length || view.consumed[u]) return null;
  const named = view.entry(u, 'named');
  if (named) return { named: named.actor, country: named.actor.country, head: null };
  const country = view.entry(u, 'country') ?? view.entry(u, 'demonym') ?? view.entry(u, 'capital');
  if (country) return { named: null, country: country.code, head: null };
  return null;
}

/** ", commander of U.S. Central Command," — the token range of the clause after a name. */
function appositionAfter(state: ParseState, nameEnd: number): { from: number; to: number } | null {
  const { view } = state;
  if (view.key(nameEnd) !== ',') return null;
  const from = nameEnd + 1;
  let u = view.unitAt(from);
  if (u < 0) return null;
  let n = 0;
  for (; u < view.units.length && n < MAX_APPOSITION_UNITS; u++, n++) {
    const plain = view.plain(u);
    if (plain && CLAUSE_STOPS.has(plain.text)) break;
  }
  const to = u < view.units.length ? view.units[u]!.from : view.to;
  return to > from ? { from, to } : null;
}

function appositionHasRole(state: ParseState, range: { from: number; to: number }): boolean {
  const { view } = state;
  for (let u = view.unitAt(range.from); u >= 0 && u < view.units.length && view.units[u]!.from < range.to; u++) {
    if (view.has(u, 'title')) return true;
  }
  return false;
}

function isDefinite(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  for (let k = token - 1; k >= Math.max(view.from, token - 3); k--) {
    const key = view.key(k);
    if (key === 'the') return true;
    if (!lex.words.qualifiers.has(key)) return false;
  }
  return false;
}

function pushPerson(state: ParseState, p: Omit<PersonCandidate, 'type' | 'sentence'>): void {
  if (p.start < state.datelineEnd) return;
  state.candidates.push({ type: 'person', sentence: state.view.index, ...p });
}

function pushNamed(state: ParseState, u: number, body: Body): void {
  const unit = state.view.units[u]!;
  if (body.named && unit.start >= state.datelineEnd) {
    state.candidates.push({ type: 'named', actor: body.named, start: unit.start, end: unit.end, token: unit.from, sentence: state.view.index });
  }
}

function markConsumed(state: ParseState, from: number, to: number): void {
  for (let k = from; k < to; k++) state.view.consumed[k] = true;
}
