import type { Candidate, NewCandidate, SectorCandidate } from './candidates.js';
import type { Head, KnownPerson, NamedActor } from './compile.js';
import { KeyFlag } from './key-flags.js';
import { addPlace, type ParseState } from './parse-state.js';
import { isCityThenRegion, isPlaceContext } from './places.js';
import { adjacent as adjacentExport, EntryBit, isCapitalized as isCapitalizedExport } from './units.js';
import { isSpaceCode } from '../../doc/whitespace.js';

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const { groupNoun: GROUP_NOUN, backReference: BACK_REFERENCE } = KeyFlag;
const adjacent = adjacentExport;
const isCapitalized = isCapitalizedExport;

const MAX_UNKNOWN_BEFORE_HEAD = 2;
const MAX_LED_LOOKAHEAD = 6;

/** A country, nationality, capital, named body or known person that can stand before a head noun. */
interface Modifier {
  u: number;
  kind: 'named' | 'country' | 'capital' | 'region' | 'demonym' | 'people' | 'person';
  country: string | null;
  named: NamedActor | null;
  person: KnownPerson | null;
  /** "U.S.", "UK": written like a modifier, unlike "Iraq". */
  abbreviation: boolean;
  possessive: boolean;
}

/**
 * Reads the noun phrase starting at unit `u` and records the actors in it:
 * "Iraqi security forces" (IRQMIL), "Pentagon reporters" (USAMED), "U.S. and Coalition
 * forces" (USAMIL, COALITION), "Iraq's government" (IRQGOV), "Washington" (USAGOV), "the
 * Iraqi people" (IRQ), "Iran-aligned militias" (REB of the place), "the U.S.-Iraq
 * partnership" (USA, IRQ). Returns the unit to continue from.
 */
export function parseNounPhrase(state: ParseState, u: number): number {
  const { view } = state;
  if (view.units[u]!.entries === null) return plainWord(state, u);
  if (view.hasAny(u, BLOCK)) {
    view.consumed[u] = true;
    return u + 1;
  }
  if (view.hasAny(u, GROUP_REF) && definiteBefore(state, view.units[u]!.from)) {
    push(state, { type: 'groupRef', ...spanOf(state, u, u) });
    view.consumed[u] = true;
    return u + 1;
  }
  const partner = view.hasAny(u, PARTNER) ? view.entry(u, 'partner') : undefined;
  if (partner) {
    push(state, { type: 'partner', description: 'partner forces', local: partner.local, ...spanOf(state, u, u) });
    view.consumed[u] = true;
    return u + 1;
  }
  const first = modifierAt(state, u);
  if (!first) {
    if (view.hasAny(u, HEAD)) return bareHead(state, u);
    const word = backReferenceAt(state, u);
    if (word) {
      push(state, { type: 'backRef', word, ...spanOf(state, u, u) });
      view.consumed[u] = true;
      return u + 1;
    }
    return u + 1;
  }
  if (negativePrefix(state, u)) {
    view.consumed[u] = true;
    return u + 1;
  }
  const hyphen = hyphenAfter(state, u);
  if (hyphen) {
    const second = modifierAt(state, hyphen.wordUnit);
    if (second && (second.kind === 'country' || second.kind === 'demonym' || second.kind === 'capital' || second.kind === 'named')) return pairCompound(state, first, second);
    if (hyphen.key === 'led') return ledCompound(state, u, hyphen.wordUnit);
    // "Iran-aligned", "U.S.-designated", "Syria-focused": the country only describes.
    for (let k = u; k <= hyphen.wordUnit; k++) view.consumed[k] = true;
    return hyphen.wordUnit + 1;
  }

  const foreign = foreignInstitutionEnd(state, first);
  if (foreign > u) return foreign;

  const mods: Modifier[] = [first];
  let k = u + 1;
  while (!mods[mods.length - 1]!.possessive && k < view.units.length && modifierLike(mods[mods.length - 1]!)) {
    let n = k;
    const key = view.plain(n) ? view.key(view.units[n]!.from) : '';
    if (!(state.lex.words.coordinators.has(key) || key === ',')) break;
    n++;
    if (key === ',' && view.plain(n) && state.lex.words.coordinators.has(view.key(view.units[n]!.from))) n++;
    const next = modifierAt(state, n);
    if (!next || !modifierLike(next) || hyphenAfter(state, n)) break;
    mods.push(next);
    k = n + 1;
  }

  // A full country name is a noun: "Iraq forces" may be a phrase, "Lebanon that ensures citizens" is not.
  const nounLike = anyNounLike(mods);
  const head = nounLike && !first.possessive && isPlaceContext(state, view.units[u]!.from) ? null : findHead(state, k, !nounLike);
  if (head && anyHeadApplies(mods, head.head)) {
    const civilian = head.civilian || civilianBefore(state, view.units[u]!.from);
    emitWithHead(state, mods, head.u, head.head, civilian);
    let end = head.u + 1;
    // "American diplomats and service members"
    for (;;) {
      const c = view.plain(end) ? view.key(view.units[end]!.from) : '';
      if (!state.lex.words.coordinators.has(c)) break;
      const more = view.entry(end + 1, 'head');
      if (!more || more.head.nameEnd || view.consumed[end + 1]) break;
      emitWithHead(state, mods, end + 1, more.head, civilian, true);
      end += 2;
    }
    for (let x = u; x < end; x++) view.consumed[x] = true;
    return end;
  }
  if (mods.length === 1 && first.possessive) return possessiveWithoutHead(state, first, k);
  for (const m of mods) standalone(state, m);
  for (let x = u; x < k; x++) view.consumed[x] = true;
  return k;
}

// Loops, not closures: a closure over a local of parseNounPhrase would cost an object at every unit it reads.
function anyNounLike(mods: readonly Modifier[]): boolean {
  for (const m of mods) if ((m.kind === 'country' && !m.abbreviation) || m.kind === 'capital') return true;
  return false;
}

function anyHeadApplies(mods: readonly Modifier[], head: Head): boolean {
  for (const m of mods) if (headApplies(m, head)) return true;
  return false;
}

/** A word in no lexicon can only point back ("the command said") or name unnamed groups ("militant groups"). */
function plainWord(state: ParseState, u: number): number {
  const { view } = state;
  const word = backReferenceAt(state, u);
  if (word) {
    push(state, { type: 'backRef', word, ...spanOf(state, u, u) });
    view.consumed[u] = true;
    return u + 1;
  }
  if (view.is(view.units[u]!.from, GROUP_NOUN)) return groupNoun(state, u);
  return u + 1;
}

// Single entry types tested at every lexicon unit, as bits: cheaper than scanning the entries for a name.
const { block: BLOCK, groupRef: GROUP_REF, partner: PARTNER, head: HEAD } = EntryBit;

/** The entry types modifierAt reads: a unit with none of them is no modifier. */
const MODIFIER_TYPES = EntryBit.named | EntryBit.country | EntryBit.capital | EntryBit.demonym | EntryBit.people | EntryBit.region | EntryBit.person;

function modifierAt(state: ParseState, u: number): Modifier | null {
  const { view } = state;
  const unit = view.units[u];
  if (!unit || (unit.types & MODIFIER_TYPES) === 0 || view.consumed[u]) return null;
  const p = unit.possessive;
  const named = view.entry(u, 'named');
  if (named) return modifier(u, p, 'named', named.actor.country, named.actor);
  const country = view.entry(u, 'country');
  if (country) return modifier(u, p, 'country', country.code, null, null, country.abbreviation);
  const capital = view.entry(u, 'capital');
  if (capital) return modifier(u, p, 'capital', capital.code);
  const demonym = view.entry(u, 'demonym');
  if (demonym) return modifier(u, p, 'demonym', demonym.code);
  const people = view.entry(u, 'people');
  if (people) return modifier(u, p, 'people', people.code);
  const region = view.entry(u, 'region');
  if (region) return modifier(u, p, 'region', region.code);
  const person = view.entry(u, 'person');
  if (person) return modifier(u, p, 'person', person.person.country, null, person.person);
  return null;
}

function modifier(u: number, possessive: boolean, kind: Modifier['kind'], country: string | null, named: NamedActor | null = null, person: KnownPerson | null = null, abbreviation = false): Modifier {
  return { u, kind, country, named, person, abbreviation, possessive };
}

const modifierLike = (m: Modifier): boolean => m.kind === 'demonym' || m.kind === 'named' || m.kind === 'person' || (m.kind === 'country' && m.abbreviation);

function headApplies(m: Modifier, head: Head): boolean {
  if (m.kind === 'named') return head.inherit || head.namedOnly || m.named!.country !== null;
  if (head.namedOnly) return false;
  if (m.kind === 'person') return head.sector === 'GOV';
  return true;
}

/** "pro-Iran militias": the country only describes the militias. */
function negativePrefix(state: ParseState, u: number): boolean {
  const { view } = state;
  const from = view.units[u]!.from;
  return view.key(from - 1) === '-' && adjacent(view.token(from - 1), view.token(from)) && state.lex.words.negativePrefixes.has(view.key(from - 2));
}

/** "X-word" written without spaces: the unit of the word after the hyphen. */
function hyphenAfter(state: ParseState, u: number): { key: string; wordUnit: number } | null {
  const { view } = state;
  const unit = view.units[u];
  if (!unit || unit.possessive) return null;
  const dash = view.token(unit.to);
  const word = view.token(unit.to + 1);
  if (!dash || view.key(unit.to) !== '-' || !word || !adjacent(view.token(unit.to - 1), dash) || !adjacent(dash, word)) return null;
  if (word.kind !== 'word' && word.kind !== 'abbrev') return null;
  return { key: view.key(unit.to + 1), wordUnit: view.unitAt(unit.to + 1) };
}

/**
 * "U.S.-Iraq strategic partnership", "the Israel-Hamas war": two sides of a relation, both
 * actors. Otherwise the pair only describes ("the Iraq-Syria border"), though a named body
 * after the hyphen is still read on its own ("U.S.-Coalition forces").
 */
function pairCompound(state: ParseState, a: Modifier, b: Modifier): number {
  const { view } = state;
  let k = b.u + 1;
  let unknown = 0;
  let related = false;
  while (k < view.units.length) {
    const key = view.key(view.units[k]!.from);
    if (state.lex.words.relationNouns.has(key)) {
      related = true;
      break;
    }
    const plain = view.plain(k);
    if (!plain || plain.kind !== 'word' || isCapitalized(plain)) break;
    if (!state.lex.words.qualifiers.has(key) && ++unknown > MAX_UNKNOWN_BEFORE_HEAD) break;
    k++;
  }
  if (related) {
    for (const m of [a, b]) {
      if (m.kind === 'named') standalone(state, m);
      else if (m.country) pushState(state, m, m.kind === 'capital');
    }
  } else if (b.kind === 'named') {
    for (let x = a.u; x < b.u; x++) view.consumed[x] = true;
    return b.u;
  }
  for (let x = a.u; x <= b.u; x++) view.consumed[x] = true;
  return b.u + 1;
}

/** "U.S.-led coalition", "the U.S.-led Special Operations task force": a multinational force. */
function ledCompound(state: ParseState, u: number, ledUnit: number): number {
  const { view, lex } = state;
  for (let x = u; x <= ledUnit; x++) view.consumed[x] = true;
  const coalition = lex.namedByCode.get('COALITION');
  if (!coalition) return ledUnit + 1;
  for (let k = ledUnit + 1, n = 0; k < view.units.length && n < MAX_LED_LOOKAHEAD; k++, n++) {
    if (view.has(k, 'named')) return ledUnit + 1;
    const head = view.entry(k, 'head');
    if (head && head.head.kind === 'military') {
      const start = view.units[ledUnit + 1]!.start;
      const unit = view.units[k]!;
      push(state, { type: 'named', actor: coalition, start, end: unit.end, token: view.units[ledUnit + 1]!.from });
      for (let x = ledUnit + 1; x <= k; x++) view.consumed[x] = true;
      return k + 1;
    }
    const plain = view.plain(k);
    if (!plain || (plain.kind !== 'word' && plain.text !== '-')) return ledUnit + 1;
  }
  return ledUnit + 1;
}

interface FoundHead {
  u: number;
  head: Head;
  civilian: boolean;
}

/** The head noun after a modifier, past qualifiers ("senior", "innocent") and at most two other words ("rescue"). */
function findHead(state: ParseState, k: number, allowGap: boolean): FoundHead | null {
  const { view, lex } = state;
  let civilian = false;
  let unknown = 0;
  for (; k < view.units.length; k++) {
    if (view.consumed[k]) return null;
    const head = view.entry(k, 'head');
    if (head) {
      if (head.head.adjectival && head.head.sector === 'CVL') {
        // "civilian contractors": a qualifier; "civilian casualties": no actor; "a U.S. national has": the head.
        const next = view.entry(k + 1, 'head');
        if (next && !view.consumed[k + 1] && next.head.sector !== '') {
          civilian = true;
          continue;
        }
        if (!nounEnds(state, view.units[k]!.to)) return null;
      }
      // "Iraq's Joint Operations Command": the name's last word is its head, not "Operations".
      const named = continuesName(state, k) ? headEndingName(state, k) : null;
      if (named) return named;
      if (head.head.nameEnd || partOfName(state, k)) return null;
      const more = view.entry(k + 1, 'head');
      // "rebel leaders", "militia commanders": the body's people, coded by the body.
      if (more && !view.consumed[k + 1] && more.head.inherit && more.head.sector !== '' && head.head.sector !== '' && head.head.sector !== 'GOV' && !head.head.adjectival && more.head.sector === 'GOV') {
        return { u: k + 1, head: head.head, civilian };
      }
      return { u: k, head: head.head, civilian };
    }
    const plain = view.plain(k);
    if (!plain) return null;
    const key = view.key(view.units[k]!.from);
    if (lex.words.civilianQualifiers.has(key)) civilian = true;
    else if (lex.words.qualifiers.has(key) || plain.kind === 'number') continue;
    else if (plain.kind === 'word' && isCapitalized(plain) && !lex.words.notNames.has(key)) return headEndingName(state, k);
    else if (allowGap && plain.kind === 'word' && !isCapitalized(plain) && !lex.words.notNames.has(key) && ++unknown <= MAX_UNKNOWN_BEFORE_HEAD) continue;
    else return null;
  }
  return null;
}

const MAX_BODY_NAME_UNITS = 6;

/**
 * "Iraq's Joint Operations Command", "Nigeria's Defence Headquarters": a capitalized name of
 * two or more words after a country, ending in a head noun, is one body of that country and
 * takes the head's sector. A country, named body or title inside the run ends it.
 */
function headEndingName(state: ParseState, k: number): FoundHead | null {
  const { view, lex } = state;
  let last = -1;
  for (let n = k; n < view.units.length && n - k < MAX_BODY_NAME_UNITS; n++) {
    if (view.consumed[n]) break;
    const unit = view.units[n]!;
    const t = view.token(unit.from);
    if (!t || t.kind !== 'word' || !isCapitalized(t) || lex.words.notNames.has(view.key(unit.from))) break;
    if ((unit.types & ~HEAD) !== 0) break;
    last = n;
    if (unit.possessive) break;
  }
  if (last <= k) return null;
  const head = view.entry(last, 'head');
  if (!head || head.head.sector === '' || head.head.adjectival || head.head.anonymous) return null;
  return { u: last, head: head.head, civilian: false };
}

/** Is the unit followed by a capitalized word that may continue a name ("Operations Command")? */
function continuesName(state: ParseState, u: number): boolean {
  const { view, lex } = state;
  const unit = view.units[u]!;
  const next = view.token(unit.to);
  return !unit.possessive && isCapitalized(view.token(unit.from)) && !!next && next.kind === 'word' && isCapitalized(next) && !lex.words.notNames.has(view.key(unit.to));
}

/** Does a noun end before `token` (punctuation, a verb-like word), rather than modify the next word? */
function nounEnds(state: ParseState, token: number): boolean {
  const next = state.view.token(token);
  return !next || next.kind !== 'word' || isCapitalized(next) || state.lex.words.nounFollowers.has(state.view.key(token));
}

/** "Government Center", "Press Release", "Army Ranger": a capitalized head inside a longer name. */
function partOfName(state: ParseState, u: number): boolean {
  const { view, lex } = state;
  const unit = view.units[u]!;
  const next = view.token(unit.to);
  return isCapitalized(view.token(unit.from)) && !!next && next.kind === 'word' && isCapitalized(next) && !!view.plain(u + 1) && !lex.words.notNames.has(view.key(unit.to));
}

function emitWithHead(state: ParseState, mods: Modifier[], headUnit: number, head: Head, civilian: boolean, coordinated = false): void {
  const { view } = state;
  const headEnd = view.units[headUnit]!.end;
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i]!;
    if (!headApplies(m, head)) {
      standalone(state, m);
      continue;
    }
    const unit = view.units[m.u]!;
    const last = i === mods.length - 1;
    const start = coordinated ? view.units[headUnit]!.start : i === 0 ? qualifiedStart(state, unit.from) : unit.start;
    const end = last || coordinated ? headEnd : unit.end;
    if (m.kind === 'person' && head.sector !== 'GOV') continue;
    pushSector(state, {
      type: 'sector',
      start, end, token: coordinated ? view.units[headUnit]!.from : unit.from, head,
      country: m.kind === 'named' ? null : m.country,
      named: m.named,
      person: m.person,
      civilian,
      definite: false,
      nationals: false,
      description: describe(state, start, headEnd),
    });
  }
}

const MAX_WORDS_BEFORE_INSTITUTION = 2;

/**
 * "Iran's Supreme National Security Council", "the Iraqi National Security Council": after
 * another country's possessive or nationality, a body whose name other states share
 * (`sharedName` in the lexicon) is that country's own, in the same sector. Bodies known by
 * a proper name keep their owner: "Russia's Syrian Arab Army allies" are Syria's.
 * Returns the unit after the body, or -1.
 */
function foreignInstitutionEnd(state: ParseState, m: Modifier): number {
  if (m.kind !== 'demonym' && !(m.kind === 'country' && (m.possessive || m.abbreviation))) return -1;
  const { view, lex } = state;
  let n = m.u + 1;
  // "Iran's Supreme National Security Council", "Iraq's new National Security Council".
  for (; n < view.units.length && n - m.u <= MAX_WORDS_BEFORE_INSTITUTION && !view.consumed[n]; n++) {
    const plain = view.plain(n);
    if (!plain) break;
    const key = view.key(view.units[n]!.from);
    if (plain.kind !== 'word' || lex.words.notNames.has(key) || !(isCapitalized(plain) || lex.words.qualifiers.has(key))) return -1;
  }
  const named = n < view.units.length && !view.consumed[n] ? view.entry(n, 'named') : undefined;
  if (!named || hyphenAfter(state, n)) return -1;
  const body = named.actor;
  const owner = body.country;
  if (!body.sharedName || !owner || owner === m.country || !body.code.startsWith(owner)) return -1;
  if (body.kind !== 'government' && body.kind !== 'military' && body.kind !== 'police') return -1;
  const country = m.country!;
  const first = view.units[m.u]!;
  const nameStart = view.units[m.u + 1]!.start;
  const end = view.units[n]!.end;
  const info = lex.countries.get(country);
  const actor: NamedActor = {
    name: `${info?.demonym ?? info?.name ?? country} ${state.text.slice(nameStart, end)}`,
    code: country + body.code.slice(owner.length),
    kind: body.kind,
    country,
  };
  push(state, { type: 'named', actor, start: first.start, end, token: first.from });
  for (let x = m.u; x <= n; x++) view.consumed[x] = true;
  return n + 1;
}

/** "Iraq's Kurdistan region" is a place; "Iraq's sovereignty" the state; "Iran's IRGC" only the IRGC. */
function possessiveWithoutHead(state: ParseState, m: Modifier, k: number): number {
  const { view, lex } = state;
  view.consumed[m.u] = true;
  let next = k;
  while (next < view.units.length) {
    const plain = view.plain(next);
    if (!plain || plain.kind !== 'word' || isCapitalized(plain) || lex.words.placeNouns.has(view.key(view.units[next]!.from))) break;
    next++;
  }
  const unit = view.units[next];
  const plain = view.plain(next);
  const key = unit ? view.key(unit.from) : '';
  const place = !!unit && (view.has(next, 'block') || view.has(next, 'region') || lex.words.placeNouns.has(key) || (!!plain && isCapitalized(plain) && !lex.words.notNames.has(key)));
  if (place && m.country && m.kind !== 'named') {
    addPlace(state, m.country, view.units[m.u]!.from);
    return k;
  }
  if (unit && view.has(next, 'named') && m.kind !== 'named') return k;
  standalone(state, m, true);
  return k;
}

/** A modifier with no head: a state, a capital standing for its government, a named body. */
function standalone(state: ParseState, m: Modifier, possessive = false): void {
  const { view, lex } = state;
  const unit = view.units[m.u]!;
  switch (m.kind) {
    case 'named':
      push(state, { type: 'named', actor: m.named!, start: unit.start, end: unit.end, token: unit.from });
      return;
    case 'person':
      push(state, {
        type: 'person', start: unit.start, end: unit.end, token: unit.from, name: state.text.slice(unit.start, unit.end),
        surnames: [], lookup: '', titles: [], bodies: [], known: m.person, honorific: false, definite: false, capitalized: true, apposition: null,
      });
      return;
    case 'people':
      // "Palestinians blamed Israel" speaks of the nation; "two Americans", "young Algerians" of people.
      if (countedBefore(state, unit.from)) {
        pushSector(state, {
          type: 'sector',
          start: unit.start, end: unit.end, token: unit.from, head: lex.groupHead, country: m.country, named: null, person: null,
          civilian: true, definite: false, nationals: true, description: describe(state, unit.start, unit.end),
        });
      } else pushState(state, m, false);
      return;
    case 'demonym':
      return;
    case 'region':
      addPlace(state, m.country!, unit.from);
      return;
    case 'country':
    case 'capital': {
      const address = (m.kind === 'capital' && isCityThenRegion(state, unit.to, m.country!)) || isDateline(state, m.u);
      const place = !possessive && (address || isPlaceContext(state, unit.from));
      state.lastCountryUse = { endToken: unit.to - 1, place };
      if (place) {
        // "Washington, DC" heading a release says where it was issued, not what it is about.
        if (!address) addPlace(state, m.country!, unit.from);
        return;
      }
      const next = view.token(unit.to);
      const nextKey = view.key(unit.to);
      // "Iraq Body Count", "Baghdad time": part of a longer name, or a modifier of a noun.
      const nextUnit = view.unitAt(unit.to);
      if (!possessive && next && (view.plain(nextUnit) || view.has(nextUnit, 'head')) && next.kind === 'word' && isCapitalized(next) && !lex.words.notNames.has(nextKey)) return;
      if (!possessive && m.kind === 'capital' && lex.words.placeNouns.has(nextKey)) return;
      // "the Iraq war", "a Syria expert": the country only names the topic.
      if (!possessive && lex.words.modifiedNouns.has(nextKey)) return;
      pushState(state, m, m.kind === 'capital');
      return;
    }
  }
}

/** "WASHINGTON, April 5 (Reuters) -": a place name in capitals heading a report, wherever the report starts. */
function isDateline(state: ParseState, u: number): boolean {
  const { view } = state;
  const unit = view.units[u]!;
  const text = state.text.slice(unit.start, unit.end);
  if (text.length < 4 || text !== text.toUpperCase() || /[.]/.test(text)) return false;
  const next = view.key(unit.to);
  return next === ',' || next === '(' || next === '-';
}

/** A head noun with no modifier: "innocent civilians", "the government in Baghdad", "the official". */
function bareHead(state: ParseState, u: number): number {
  const { view } = state;
  const found = view.entry(u, 'head')!.head;
  const unit = view.units[u]!;
  if (found.namedOnly) return u + 1;
  if (found.nameEnd) {
    // Alone, "the command" can only point back at a body named before.
    const word = backReferenceAt(state, u);
    if (word) {
      push(state, { type: 'backRef', word, ...spanOf(state, u, u) });
      view.consumed[u] = true;
    }
    return u + 1;
  }
  let head = found;
  let end = u + 1;
  let civilian = false;
  if (head.adjectival) {
    const nextHead = view.entry(u + 1, 'head');
    if (head.sector === 'CVL' && nextHead && !view.consumed[u + 1] && nextHead.head.sector !== '') {
      // "civilian refugees" are refugees; "one civilian contractor" is a civilian.
      end = u + 2;
      civilian = true;
      if (nextHead.head.bare !== 'none') head = nextHead.head;
    } else if (!nounEnds(state, unit.to)) return u + 1;
  }
  if (partOfName(state, end - 1)) return end;
  let country: string | null = null;
  let named: NamedActor | null = null;
  const post = postModifier(state, end, head);
  if (post) {
    country = post.named ? null : post.country;
    named = post.named;
    end = post.next;
  }
  const start = qualifiedStart(state, unit.from);
  const headEnd = view.units[post ? post.headEnd : end - 1]!.end;
  const backRef = !post && end === u + 1 ? backReferenceAt(state, u) : null;
  const c: Omit<SectorCandidate, 'sentence'> = {
    type: 'sector',
    start, end: headEnd, token: unit.from, head, country, named, person: null,
    civilian: civilian || civilianBefore(state, unit.from),
    definite: definiteBefore(state, unit.from),
    nationals: false,
    local: localBefore(state, unit.from),
    description: describe(state, start, headEnd),
  };
  if (backRef) c.backRef = backRef;
  pushSector(state, c);
  for (let x = u; x < end; x++) view.consumed[x] = true;
  return end;
}

/** "militias in Iraq", "the Government of Iraq", "troops of the Coalition". */
function postModifier(state: ParseState, k: number, head: Head): { country: string | null; named: NamedActor | null; next: number; headEnd: number } | null {
  const { view } = state;
  const headEnd = k - 1;
  const key = view.plain(k) ? view.key(view.units[k]!.from) : '';
  if (head.sector === '' || (key !== 'of' && key !== 'in' && key !== 'from')) return null;
  // Only bodies that stand alone take a place after them ("the government in Baghdad", "militias in
  // Iraq"); a raid or civilians in Syria are not Syrian.
  if (key !== 'of' && head.bare !== 'place' && head.bare !== 'home' && head.bare !== 'sentence') return null;
  let n = k + 1;
  if (view.plain(n) && view.key(view.units[n]!.from) === 'the') n++;
  const m = modifierAt(state, n);
  if (!m || m.possessive || m.kind === 'demonym' || m.kind === 'person' || m.kind === 'people' || m.kind === 'region' || hyphenAfter(state, n)) return null;
  if (key !== 'of' && m.kind !== 'named') addPlace(state, m.country!, view.units[n]!.from);
  if (m.kind === 'named') push(state, { type: 'named', actor: m.named!, start: view.units[n]!.start, end: view.units[n]!.end, token: view.units[n]!.from });
  return { country: m.country, named: m.named, next: n + 1, headEnd };
}

/**
 * "the command said", "the ministry added": a back-reference noun after "the", not the start
 * of a longer name ("the Command Center") nor a noun with its own complement ("under the
 * command of", "the command to fire").
 */
function backReferenceAt(state: ParseState, u: number): string | null {
  const { view, lex } = state;
  const unit = view.units[u]!;
  if (!view.is(unit.from, BACK_REFERENCE)) return null;
  const key = view.key(unit.from);
  if (unit.to !== unit.from + 1 || !definiteBefore(state, unit.from)) return null;
  const next = view.token(unit.to);
  if (unit.possessive) return key;
  if (next && next.kind === 'word' && (isCapitalized(next) || lex.words.backReferenceBlockers.has(view.key(unit.to)))) return null;
  return key;
}

/** "groups affiliated with Iran's IRGC", "militant groups", "Iran-backed groups". */
function groupNoun(state: ParseState, u: number): number {
  const { view, lex } = state;
  const unit = view.units[u]!;
  const prev = view.key(unit.from - 1);
  const next = view.key(unit.to);
  if (!(lex.words.groupAdjectives.has(prev) || lex.words.groupIntroducers.has(prev) || lex.words.groupIntroducers.has(next))) return u + 1;
  const start = lex.words.groupAdjectives.has(prev) ? view.token(unit.from - 1)!.start : unit.start;
  pushSector(state, {
    type: 'sector',
    start, end: unit.end, token: unit.from, head: lex.groupHead, country: null, named: null, person: null,
    civilian: false, definite: definiteBefore(state, unit.from), nationals: false, description: describe(state, start, unit.end),
  });
  view.consumed[u] = true;
  return u + 1;
}

function pushState(state: ParseState, m: Modifier, capital: boolean): void {
  const unit = state.view.units[m.u]!;
  push(state, { type: 'state', country: m.country!, capital, start: unit.start, end: unit.end, token: unit.from });
}

function pushSector(state: ParseState, c: Omit<SectorCandidate, 'sentence'>): void {
  push(state, c);
}

/** Stores a candidate; every caller passes a fresh object, so it is completed in place rather than copied. */
function push(state: ParseState, c: NewCandidate): void {
  if (c.start < state.datelineEnd) return;
  (c as Candidate).sentence = state.view.index;
  state.candidates.push(c as Candidate);
}

function spanOf(state: ParseState, from: number, to: number): { start: number; end: number; token: number } {
  const a = state.view.units[from]!;
  const b = state.view.units[to]!;
  return { start: a.start, end: b.end, token: a.from };
}

function definiteBefore(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  for (let k = token - 1; k >= Math.max(view.from, token - 4); k--) {
    const key = view.key(k);
    if (key === 'the' || key === 'this' || key === 'that' || key === 'these' || key === 'those') return true;
    if (!lex.words.qualifiers.has(key) && !lex.words.civilianQualifiers.has(key) && !lex.words.groupAdjectives.has(key)) return false;
  }
  return false;
}

/** A number or quantity word before a noun ("two", "thousands of", "some", "young"). */
function countedBefore(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  let k = token - 1;
  if (view.key(k) === 'of') k--;
  const t = view.token(k);
  if (!t) return false;
  const key = view.key(k);
  return t.kind === 'number' || (lex.words.qualifiers.has(key) && key !== 'the') || lex.words.civilianQualifiers.has(key) || key === 'young' || key === 'ethnic';
}

/** "local officials", "provincial authorities": qualified as belonging where the article is set. */
function localBefore(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  for (let k = token - 1; k >= Math.max(view.from, token - 3); k--) {
    const key = view.key(k);
    if (lex.words.localQualifiers.has(key)) return true;
    if (!lex.words.qualifiers.has(key)) return false;
  }
  return false;
}

function civilianBefore(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  for (let k = token - 1; k >= Math.max(view.from, token - 3); k--) {
    const key = view.key(k);
    if (lex.words.civilianQualifiers.has(key)) return true;
    if (!lex.words.qualifiers.has(key) && !lex.words.determiners.has(key) && view.token(k)?.kind !== 'number') return false;
  }
  return false;
}

/** Start the mention at its qualifiers ("senior administration official"), after any determiner. */
function qualifiedStart(state: ParseState, token: number): number {
  const { view, lex } = state;
  let k = token;
  while (k - 1 >= view.from && view.plain(view.unitAt(k - 1)) && !view.consumed[view.unitAt(k - 1)] && (lex.words.qualifiers.has(view.key(k - 1)) || lex.words.civilianQualifiers.has(view.key(k - 1)))) k--;
  return view.token(k)!.start;
}

/** Lower-case words of a phrase without determiners and numbers: the identity of an anonymous source. */
function describe(state: ParseState, start: number, end: number): string {
  let lower = state.text.slice(start, end).toLowerCase();
  if (lower.includes("'") || lower.includes('’')) lower = lower.replace(POSSESSIVE_S, '');
  const determiners = state.lex.words.determiners;
  let out = '';
  // Words are cut at white space by hand: this runs for every sector mention.
  for (let i = 0; i < lower.length; ) {
    while (i < lower.length && isSpaceAt(lower, i)) i++;
    const wordStart = i;
    while (i < lower.length && !isSpaceAt(lower, i)) i++;
    if (i === wordStart) break;
    const first = lower.charCodeAt(wordStart);
    if (first >= 48 && first <= 57) continue;
    const word = lower.slice(wordStart, i);
    if (determiners.has(word)) continue;
    out = out === '' ? word : `${out} ${word}`;
  }
  return out;
}

const POSSESSIVE_S = /[’']s\b/g;
const isSpaceAt = (text: string, i: number) => isSpaceCode(text.charCodeAt(i));
