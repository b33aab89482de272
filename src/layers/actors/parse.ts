import type { Doc } from '../../doc/document.js';
import type { Candidate, PlaceUse } from './candidates.js';
import type { CompiledLexicon, Entry, KnownPerson } from './compile.js';
import { parseNounPhrase as parseNounPhraseExport } from './noun-phrases.js';
import { findDisplaced } from './displaced.js';
import { KeyFlag } from './key-flags.js';
import type { ParseState } from './parse-state.js';
import { nameKey, parseName, surnameKeys, tryPerson as tryPersonExport } from './people.js';
import { PlaceMentions } from './place-mentions.js';
import { TokenFacts } from './token-facts.js';
import { adjacent, EntryBit, isCapitalized as isCapitalizedExport, SentenceUnits } from './units.js';

export interface ParsedDocument {
  candidates: Candidate[];
  places: PlaceUse[];
  /** Every country, capital or nationality written, used or not: the last resort for who a title belongs to. */
  countries: PlaceUse[];
  /** Characters before this offset are a dateline ("MOGADISHU, Somalia —"). */
  datelineEnd: number;
}

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const { creditStart, notName, nameParticle, speechVerb } = KeyFlag;
/** Plain words the noun-phrase parser reads: "the group said", "militant groups". */
const PLAIN_WORDS_PARSED = KeyFlag.backReference | KeyFlag.groupNoun;
const tryPerson = tryPersonExport;
const parseNounPhrase = parseNounPhraseExport;
const isCapitalized = isCapitalizedExport;
/** Entry types that name a country ("Iraq", "Baghdad", "Iraqi", "Iraqis"). */
const COUNTRY_BITS = EntryBit.country | EntryBit.capital | EntryBit.demonym | EntryBit.people;
const namesCountry = (x: Entry): boolean => x.type === 'country' || x.type === 'capital' || x.type === 'demonym' || x.type === 'people';

// "PENTAGON —", "TAMPA, Fla. –", "BAGHDAD (AP) —": where the report was filed, not who acted.
const DATELINE = /^\s*[A-Z][A-Z.'’ ]*[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]\s/;

/** Finds every candidate actor mention of a document, sentence by sentence, then the short names. */
export function parseDocument(doc: Doc, lex: CompiledLexicon, scratch: TokenFacts = new TokenFacts(lex), placeMentions: PlaceMentions = new PlaceMentions()): ParsedDocument {
  const text = doc.text;
  const dateline = DATELINE.exec(text.slice(0, 120));
  const state: ParseState = {
    lex, text, candidates: [], places: [], view: undefined as unknown as SentenceUnits, lastCountryUse: null,
    datelineEnd: dateline ? dateline[0].length : 0, placeMentions: placeMentions.load(doc.tokens, doc.layers.places),
  };
  const views: SentenceUnits[] = [];
  const countries: PlaceUse[] = [];
  const facts = scratch.load(doc.tokens);
  for (const s of doc.sentences) {
    const view = new SentenceUnits(doc.tokens, s.tokenStart, s.tokenEnd, s.index, lex, facts);
    views.push(view);
    if ((view.anyTypes & COUNTRY_BITS) !== 0) noteCountries(view, state.datelineEnd, countries);
    if (isCreditLine(view, lex)) {
      view.consumed.fill(true);
      continue;
    }
    state.view = view;
    state.lastCountryUse = null;
    for (let u = 0; u < view.units.length; ) {
      if (view.consumed[u] || !mayMatter(view, u)) {
        u++;
        continue;
      }
      const placeEnd = placeNameEnd(state, u);
      if (placeEnd === LEAVE_TO_SHORT_NAMES) {
        u++;
        continue;
      }
      if (placeEnd > u) {
        for (let k = u; k < placeEnd; k++) view.consumed[k] = true;
        u = placeEnd;
        continue;
      }
      const next = tryPerson(state, u);
      u = next > u ? next : parseNounPhrase(state, u);
    }
    findDisplaced(state);
  }
  findShortNames(state, views);
  // Most documents come out in order already; the (stable) sort would copy them all the same.
  if (!inTextOrder(state.candidates)) state.candidates.sort(byTextOrder);
  return { candidates: state.candidates, places: state.places, countries, datelineEnd: state.datelineEnd };
}

const byTextOrder = (a: Candidate, b: Candidate): number => a.token - b.token || a.start - b.start;

function inTextOrder(candidates: readonly Candidate[]): boolean {
  for (let i = 1; i < candidates.length; i++) if (byTextOrder(candidates[i - 1]!, candidates[i]!) > 0) return false;
  return true;
}

/** Every country, capital or nationality the sentence writes, for `ParsedDocument.countries`. */
function noteCountries(view: SentenceUnits, datelineEnd: number, countries: PlaceUse[]): void {
  for (const unit of view.units) {
    // Only lexicon units name countries. "Iran-backed militias": the backer is not where the militias are.
    if ((unit.types & COUNTRY_BITS) === 0 || unit.start < datelineEnd || view.key(unit.to) === '-' || view.key(unit.from - 1) === '-') continue;
    const e = unit.entries!.find(namesCountry);
    if (e && 'code' in e) countries.push({ country: e.code, sentence: view.index, token: unit.from });
  }
}

/**
 * Most units are plain lower-case words that neither parser would take: the person parser
 * starts only at lexicon units and capitalized words, the noun-phrase parser's plain words
 * are back-references and group nouns. Those are passed over without calling either.
 */
function mayMatter(view: SentenceUnits, u: number): boolean {
  const unit = view.units[u]!;
  if (unit.entries !== null || view.isAny(unit.from, PLAIN_WORDS_PARSED)) return true;
  const t = view.tokens[unit.from]!;
  return t.kind === 'word' && isCapitalized(t);
}

/** `placeNameEnd`: the unit is a word of a toponym, but a short name of someone named earlier may still claim it. */
const LEAVE_TO_SHORT_NAMES = -2;

/**
 * A name that is a place, not an actor: a word of a longer toponym the places layer found
 * ("East" in "Middle East", "America" in "Latin America", "al-Assad" in "Ain al-Assad"), a
 * known person's short name it read as a place (unless the person was named before), or a
 * name after "the town of", "the province of" (the town of Baghdadi is no al-Baghdadi).
 * Returns the unit after the place, LEAVE_TO_SHORT_NAMES, or -1.
 */
function placeNameEnd(state: ParseState, u: number): number {
  const { view, placeMentions } = state;
  const unit = view.units[u]!;
  const nameWord = (unit.types & ~EntryBit.person) === 0;
  if (placeMentions.covers(unit.from, unit.start, unit.end)) {
    // A site keeps the owner its name starts with ("U.S. Embassy"), not a person's name ("King Fahd Air Base").
    if (placeMentions.longerThan(unit.from, unit.start, unit.end) && (nameWord || !placeMentions.isSite(unit.from))) return u + 1;
    if (nameWord) {
      const person = view.entry(u, 'person');
      if (!person) return LEAVE_TO_SHORT_NAMES;
      if (!namedBefore(state, person.person)) return u + 1;
    }
  }
  if (!nameWord || !isCapitalized(view.tokens[unit.from]) || !introducedAsPlace(view, unit.from, state.lex)) return -1;
  const name = parseName(state, unit.from);
  return name ? view.unitAt(name.end - 1) + 1 : -1;
}

/** Has the article already named this known person? ("Freeland" after "Chrystia Freeland", though a town is called so.) */
function namedBefore(state: ParseState, person: KnownPerson): boolean {
  for (const c of state.candidates) if (c.type === 'person' && c.known === person) return true;
  return false;
}

/** "the town of", "the province of" just before `token`. */
function introducedAsPlace(view: SentenceUnits, token: number, lex: CompiledLexicon): boolean {
  const prev = view.key(token - 1);
  if (lex.words.placeIntroducers.has(prev)) return true;
  return lex.placeIntroducerEnds.has(prev) && view.endsWith(token, lex.phrases.placeIntroducers);
}

/** "VOA correspondent Jeff Seldin contributed to this report." */
function isCreditLine(view: SentenceUnits, lex: CompiledLexicon): boolean {
  if ((view.anyFlags & creditStart) === 0) return false;
  for (let i = view.from; i < view.to; i++) if (view.is(i, creditStart) && view.startsWith(i, lex.phrases.creditPhrases)) return true;
  return false;
}

/**
 * Names without a title: a short form of a person named earlier ("Robertson said",
 * "al-Agal was") or a new name that speaks ("Smith said", "said Smith.").
 */
function findShortNames(state: ParseState, views: SentenceUnits[]): void {
  const known = new Map<string, number>();
  for (const c of state.candidates) {
    if (c.type !== 'person' || !c.name) continue;
    for (const k of c.surnames) if (!known.has(k) || known.get(k)! > c.token) known.set(k, c.token);
  }
  const w = state.lex.words;
  for (const view of views) {
    state.view = view;
    for (let u = 0; u < view.units.length; u++) {
      if (view.consumed[u]) continue;
      const t = view.plain(u);
      if (!t || t.kind !== 'word') continue;
      const from = view.units[u]!.from;
      if (view.is(from, notName)) continue;
      if (!isCapitalized(t) && !particleName(view, from)) continue;
      if (!mayBeShortName(view, from, known)) continue;
      const name = parseName(state, view.units[u]!.from);
      if (!name) continue;
      const key = nameKey(name);
      const earlier = known.get(key);
      const after = view.key(name.end);
      const speaks = view.is(name.end, speechVerb) || (view.is(from - 1, speechVerb) && (after === '.' || after === ',' || after === '')) || view.endsWith(from, ACCORDING_TO);
      const linked = earlier !== undefined && earlier < view.units[u]!.from;
      // A toponym the places layer found is a person only as the short name of someone named before.
      if (!linked && (!speaks || state.placeMentions.covers(from, t.start, name.charEnd))) continue;
      const endUnit = view.unitAt(name.end - 1) + 1;
      if (t.start >= state.datelineEnd) {
        state.candidates.push({
          type: 'person', sentence: view.index, start: t.start, end: name.charEnd, token: view.units[u]!.from, name: name.text,
          surnames: surnameKeys(name, w.nameParticles), lookup: key, titles: [], bodies: [], known: name.known, honorific: false, definite: false,
          capitalized: true, apposition: null,
        });
      }
      for (let x = u; x < endUnit; x++) view.consumed[x] = true;
      u = endUnit - 1;
    }
  }
}

const SPEECH_WINDOW = 8;
const ACCORDING_TO = [['according', 'to']];

/** "al-Tikriti": a lower-case particle joined by a hyphen to a capitalized name. */
function particleName(view: SentenceUnits, token: number): boolean {
  return view.is(token, nameParticle) && view.key(token + 1) === '-' && adjacent(view.token(token), view.token(token + 1)) && isCapitalized(view.token(token + 2));
}

/** Only names seen before or near a verb of speaking are worth parsing. */
function mayBeShortName(view: SentenceUnits, token: number, known: ReadonlyMap<string, number>): boolean {
  const key = view.key(token);
  if (known.has(key) || (view.key(token + 1) === '-' && known.has(`${key}-${view.key(token + 2)}`))) return true;
  if (view.key(token - 1) === 'to') return true;
  if ((view.anyFlags & speechVerb) === 0) return false;
  if (view.is(token - 1, speechVerb)) return true;
  for (let k = token + 1; k < Math.min(view.to, token + SPEECH_WINDOW); k++) if (view.is(k, speechVerb)) return true;
  return false;
}
