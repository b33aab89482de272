import type { Candidate, PlaceUse } from './candidates.js';
import type { CompiledLexicon } from './compile.js';
import type { PlaceMentions } from './place-mentions.js';
import type { SentenceUnits } from './units.js';

/** What the sentence parsers share while they walk one document. */
export interface ParseState {
  readonly lex: CompiledLexicon;
  readonly text: string;
  readonly candidates: Candidate[];
  readonly places: PlaceUse[];
  view: SentenceUnits;
  /** The last country mention classified on its own, so "in Iraq and Syria" passes "in" on to Syria. */
  lastCountryUse: { endToken: number; place: boolean } | null;
  /** Characters before this offset are a dateline ("PENTAGON —"), not actors. */
  datelineEnd: number;
  /** The toponyms the places layer found: a word of a place name is no actor of its own. */
  readonly placeMentions: PlaceMentions;
}

export function addPlace(state: ParseState, country: string, token: number): void {
  if (state.view.tokens[token]!.start < state.datelineEnd) return;
  state.places.push({ country, sentence: state.view.index, token });
}
