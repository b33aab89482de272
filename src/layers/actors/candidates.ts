import type { Head, KnownPerson, NamedActor, Title } from './compile.js';

/**
 * What the parser finds before the article as a whole is known: coding that needs the
 * article's home country, its main place or earlier mentions is left to resolution.
 */
interface Base {
  /** Character span of the mention. */
  start: number;
  end: number;
  /** Token index of the mention's first token (text order). */
  token: number;
  sentence: number;
}

/** The body a person or a role acts for, as written before the title or in "of ...". */
export interface Body {
  named: NamedActor | null;
  country: string | null;
  /** A head noun naming the part of the state ("U.S. Navy", "Iraqi Interior Ministry"). */
  head: Head | null;
}

export interface NamedCandidate extends Base {
  type: 'named';
  actor: NamedActor;
}

export interface StateCandidate extends Base {
  type: 'state';
  country: string;
  /** Capitals stand for the government ("Washington and Baghdad"). */
  capital: boolean;
}

export interface SectorCandidate extends Base {
  type: 'sector';
  head: Head;
  country: string | null;
  named: NamedActor | null;
  /** A known person before the head ("Biden administration"). */
  person: KnownPerson | null;
  civilian: boolean;
  definite: boolean;
  /** A plural nationality used as a noun ("Iraqis"). */
  nationals: boolean;
  /** Qualified as belonging where the article is set ("local officials", "provincial authorities"). */
  local?: boolean;
  /** Lower-case words of the phrase without determiners, to tell anonymous sources apart. */
  description: string;
  /** Set when this phrase is the apposition of a named person ("Abu X, an ISIS official"). */
  foldedInto?: PersonCandidate;
  /** "the ministry", "the army": the back-reference word, tried against earlier bodies first. */
  backRef?: string;
}

export interface PersonCandidate extends Base {
  type: 'person';
  /** The name as written, or null for a role without a name ("the Secretary"). */
  name: string | null;
  /** Keys a later short form may use ("sudani", "al-sudani"). */
  surnames: string[];
  /** The key this mention is looked up by when it is itself a short form ("robertson"). */
  lookup: string;
  titles: Title[];
  bodies: Body[];
  known: KnownPerson | null;
  honorific: boolean;
  definite: boolean;
  capitalized: boolean;
  /** Token range of an apposition after the name (", commander of ..."), if any. */
  apposition: { from: number; to: number } | null;
  /** Set when this role is the apposition of a named person and folds into it. */
  foldedInto?: PersonCandidate;
}

export interface PartnerCandidate extends Base {
  type: 'partner';
  description: string;
  /** The host country's own forces ("local forces"), not only someone's partners. */
  local: boolean;
}

export interface GroupReference extends Base {
  type: 'groupRef';
}

/** "the command said": a definite noun that only points back at an earlier body. */
export interface BackReferenceCandidate extends Base {
  type: 'backRef';
  word: string;
}

export type Candidate = NamedCandidate | StateCandidate | SectorCandidate | PersonCandidate | PartnerCandidate | GroupReference | BackReferenceCandidate;

/** A country named as a place ("in Iraq", "Iraq's Kurdistan region"); the context for unnamed groups and partners. */
export interface PlaceUse {
  country: string;
  sentence: number;
  token: number;
}

/** A candidate as a parser creates it; the sentence index is added when it is stored. */
export type NewCandidate = Candidate extends infer C ? (C extends Candidate ? Omit<C, 'sentence'> : never) : never;
