import type { EventRecord } from '../../doc/layers.js';
import type { CompiledEntry } from './lexicon.js';

/** The 16 PLOVER event types (spec §2 Events). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const STATUSES = ['reported', 'ongoing', 'planned', 'negated', 'hypothetical'] as const;
export type EventStatus = EventRecord['status'];

/** Where a trigger stands in its clause, as far as roles and status need it. */
export type PartOfSpeech = 'verb' | 'noun';

/** The inflection a trigger was matched in: base, third person -s, past/participle -ed, -ing; nouns singular/plural. */
export type Form = 'base' | 's' | 'ed' | 'ing' | 'sg' | 'pl' | 'phrase';

/** One trigger of an event: its words (global token range), sense and voice. */
export interface TriggerRef {
  start: number;
  end: number;
  lemma: string;
  pos: PartOfSpeech;
  form: Form;
  entry: CompiledEntry;
  passive: boolean;
}

/** An events record before ids are given, with what later passes need to know about it. */
export interface DraftEvent {
  type: PloverType;
  cameo: string;
  mode: string | null;
  status: EventRecord['status'];
  source: string | null;
  target: string | null;
  /** Whether each role was read from the clause (true) or guessed from the sentence around it. */
  sourceExplicit: boolean;
  targetExplicit: boolean;
  /** A role was guessed from the sentence around the clause (fillMissingRoles), not read from it. */
  sourceGuessed: boolean;
  targetGuessed: boolean;
  time: string | null;
  date: string | null;
  dateSource: 'text' | 'published' | null;
  place: string | null;
  fatalities: number | null;
  /** All triggers merged into this event, first one first. */
  triggers: TriggerRef[];
  sentenceIndex: number;
  /** A later mention pointing back to an earlier event ("the attack", "these operations"). */
  anaphoric: boolean;
  /** One of its triggers is a noun pointing back ("in the strikes"). */
  anaphoricNoun: boolean;
  /** Undated and told in the narrative past: it may continue the dated story of its paragraph. */
  narrativePast?: boolean;
  /** The clause names the target's place with no actor in it: no target is guessed. */
  targetUnnamed?: boolean;
  /** "condemned the abduction": the event an accusation is about; its author is the accused. */
  blames?: DraftEvent;
  /** Set when a pass folded this event into another one; such drafts are dropped at the end. */
  mergedInto: DraftEvent | null;
}
