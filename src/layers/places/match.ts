import type { NameHit } from './entry.js';

/** How a toponym is used where it stands (spec §2 Places: only nouns are places). */
export type Usage = 'noun' | 'modifier' | 'embedded';

/** One stretch of a sentence that names a place, with every gazetteer reading of it. */
export interface PlaceMatch {
  sentence: number;
  /** Word indices in the sentence's word list, end exclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  hits: NameHit[];
  /** How it was found: a gazetteer name, a name + head word ("Tishrin Dam"), a dateline. */
  via: 'name' | 'site' | 'dateline' | 'division';
  usage: Usage;
  /** Why it is used so (for debugging and the report). */
  reason: string;
  /** Set when the text pins the reading: "Anbar province" (admin1), "Tampa, Fla." (country). */
  restrictKind?: 'admin1';
  restrictCountry?: string;
  restrictAdmin?: string;
  /** Follows a locative word ("in", "near", "to") or stands in a list that does. */
  locative: boolean;
  /** Follows a word that sets a scene ("in", "near"; not "to", "from"). */
  setting?: boolean;
  /** Written "X, <state or country>" ("Jindayris, Syria"); set on both parts. */
  qualified: boolean;
  /** Where a site's own name ends when a restating head word follows it ("Camp Taji| military base"): word index, end exclusive. */
  nameTo?: number;
  /** The "<state or country>" closing such a pair: a noun whatever follows it. */
  closesPair?: boolean;
  /** Toponyms inside a site's name ("Baghdad" in "Baghdad International Airport"): they give its country. */
  inner?: PlaceMatch[];
  /** A site named by a weak head ("Government Center") that no place follows here: kept only if the article confirms it elsewhere. */
  tentative?: boolean;
  /** The site's name shows whose it is, not where it is ("U.S. Embassy"). */
  foreign?: boolean;
  /** A single-word toponym standing as a person's surname here ("Michael Jordan"). */
  surname?: boolean;
}
