import type { Candidate } from './candidates.js';
import { KeyFlag } from './key-flags.js';
import type { ParseState } from './parse-state.js';

// Read once: module exports are reached through getters when tsx runs the code as CommonJS.
const DISPLACED_WORD = KeyFlag.displacedWord;

/**
 * People said to be displaced are refugees (spec §2 sector REF): "two million people have
 * been displaced" = REF, "Sudanese civilians displaced by the fighting" = SDNREF, "the
 * floods displaced 40,000 residents" = REF. They get a country only when their nationality
 * is written ("settled in review"), never from where they are. Runs on one sentence after
 * its noun phrases were read, and turns the people noun's candidate into a REF one.
 */
export function findDisplaced(state: ParseState): void {
  const { view, lex } = state;
  if (!lex.displacedHead || (view.anyFlags & DISPLACED_WORD) === 0) return;
  for (let u = 0; u < view.units.length; u++) {
    const unit = view.units[u]!;
    if (!view.is(unit.from, DISPLACED_WORD) || !view.plain(u)) continue;
    const noun = peopleBefore(state, unit.from) ?? peopleAfter(state, unit.to);
    if (noun !== null) markDisplaced(state, noun);
  }
}

/** "people have been displaced", "civilians displaced by the floods": the unit of the noun before the verb. */
function peopleBefore(state: ParseState, verb: number): number | null {
  const { view, lex } = state;
  let k = verb - 1;
  while (k >= view.from && lex.words.displacedLinks.has(view.key(k))) k--;
  return isPeopleNoun(state, k) ? view.unitAt(k) : null;
}

/** "displaced 40,000 residents", "displacing more than a million Syrians": the noun after the count. */
function peopleAfter(state: ParseState, from: number): number | null {
  const { view, lex } = state;
  let k = from;
  while (k < view.to) {
    const key = view.key(k);
    const t = view.token(k)!;
    if (t.kind !== 'number' && !lex.words.amountWords.has(key) && !lex.words.qualifiers.has(key) && !lex.words.determiners.has(key)) break;
    k++;
  }
  return isPeopleNoun(state, k) ? view.unitAt(k) : null;
}

/** A noun that names people, ending at token `k`: "people", "residents", "Syrians", "Sudanese". */
function isPeopleNoun(state: ParseState, k: number): boolean {
  const { view, lex } = state;
  const u = view.unitAt(k);
  if (u < 0 || view.units[u]!.to - 1 !== k) return false;
  if (lex.words.displacedPeople.has(view.key(k))) return true;
  return view.has(u, 'people') || view.has(u, 'demonym');
}

function markDisplaced(state: ParseState, u: number): void {
  const { view, lex } = state;
  const unit = view.units[u]!;
  const head = lex.displacedHead!;
  for (let i = state.candidates.length - 1; i >= 0; i--) {
    const c = state.candidates[i]!;
    if (c.sentence !== view.index) break;
    if (c.end !== unit.end) continue;
    if (c.type === 'sector') {
      if (c.named || c.person) return;
      state.candidates[i] = { ...c, head, nationals: false, civilian: false, local: false };
      return;
    }
    if (c.type === 'state' && !c.capital) {
      state.candidates[i] = refugees(state, c.start, c.end, c.token, c.country);
      return;
    }
    return;
  }
  const nationality = view.entry(u, 'people') ?? view.entry(u, 'demonym');
  if (unit.start >= state.datelineEnd) state.candidates.push(refugees(state, unit.start, unit.end, unit.from, nationality?.code ?? null));
}

function refugees(state: ParseState, start: number, end: number, token: number, country: string | null): Candidate {
  return {
    type: 'sector', sentence: state.view.index, start, end, token, head: state.lex.displacedHead!, country, named: null, person: null,
    civilian: false, definite: false, nationals: false, description: state.text.slice(start, end).toLowerCase(),
  };
}
