import type { ParseState } from './parse-state.js';
import { isCapitalized } from './units.js';

const LOOKBACK_FROM = 12;
const LOOKBACK_LIST = 8;

/**
 * Is the country or capital starting at `token` used as a place rather than as an actor?
 * Places are what an annotator would not code: "in Iraq", "from Syria to Iraq", "eastern
 * Syria", "Camp Taji, Iraq", "north of Baghdad", "using Syria as a safe haven".
 */
export function isPlaceContext(state: ParseState, token: number): boolean {
  const { view, lex } = state;
  const w = lex.words;
  let i = token - 1;
  while (i >= view.from && (view.key(i) === 'the' || view.key(i) === 'both' || view.key(i) === 'either')) i--;
  if (i < view.from) return false;
  const prev = view.key(i);
  if (w.directions.has(prev)) return true;
  if (w.locatives.has(prev) || view.endsWith(i + 1, lex.phrases.locatives)) return true;
  if (w.territoryVerbs.has(prev)) return true;
  if (prev === 'to') return isMotionTo(state, i);
  if (prev === 'of') return w.placeBeforeOf.has(view.key(i - 1));
  if (prev === ',' && i - 1 >= view.from) {
    const before = view.unitAt(i - 1);
    const plain = view.plain(before);
    if (plain && isCapitalized(plain) && !w.notNames.has(view.key(i - 1))) return true;
    if (view.has(before, 'capital') || view.has(before, 'country')) {
      // "BAGHDAD, Iraq": a city and its country.
      const capital = view.entry(before, 'capital');
      if (capital && capital.code === countryAt(state, token)) return true;
    }
  }
  const last = state.lastCountryUse;
  if (last && (w.coordinators.has(prev) || prev === ',')) {
    const before = view.key(i - 1) === ',' ? i - 2 : i - 1;
    if (last.endToken === before) return last.place;
  }
  if (w.listIntroducers.has(prev) || view.endsWith(i + 1, lex.phrases.listIntroducers)) {
    for (let k = i - 1; k >= Math.max(view.from, i - LOOKBACK_LIST); k--) if (w.locatives.has(view.key(k))) return true;
  }
  return false;
}

/** "to Iraq" is a destination after "from ..." or a verb of motion; otherwise it is an actor ("ties to Iran"). */
function isMotionTo(state: ParseState, toToken: number): boolean {
  const { view, lex } = state;
  for (let k = toToken - 1; k >= Math.max(view.from, toToken - LOOKBACK_FROM); k--) if (view.key(k) === 'from') return true;
  let k = toToken - 1;
  while (k >= view.from && (lex.words.determiners.has(view.key(k)) || view.key(k) === 'back')) k--;
  return lex.words.motionWords.has(view.key(k));
}

function countryAt(state: ParseState, token: number): string | null {
  const u = state.view.unitAt(token);
  return state.view.entry(u, 'country')?.code ?? null;
}

/** A capital followed by its country or by "DC" is a dateline or an address ("Washington, DC"). */
export function isCityThenRegion(state: ParseState, unitEnd: number, capitalOf: string): boolean {
  const { view } = state;
  if (view.key(unitEnd) !== ',') return false;
  const next = view.unitAt(unitEnd + 1);
  const country = view.entry(next, 'country');
  if (country && country.code === capitalOf) return true;
  const k = view.key(unitEnd + 1);
  return k === 'dc' || k === 'd.c.' || k === 'd.c';
}
