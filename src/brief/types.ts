/**
 * The situation report as data: what `buildBrief` returns, what /api/brief serves and what the
 * renderers draw. Every item carries the sentences it rests on.
 */

import type { EntityRef, PlaceRef as CorpusPlaceRef, StatusClass } from '../corpus/api-types.js';

export const BRIEF_SCHEMA = 'sitrep.brief/1';

export interface BriefOptions {
  /** An actor (name, alias, surname or CAMEO code) or a place (name or ISO3 country). */
  about?: string;
  /** The window, inclusive days YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** The day the report is written: articles published later are not read. */
  asOf: string;
}

/** One sentence of one stored article. */
export interface Citation {
  articleId: number;
  title: string | null;
  url: string | null;
  published: string | null;
  /** The outlet, when the article names one. */
  source: string | null;
  sentenceId: number;
  sentence: string;
}

/** The corpus's own actor and place rows (src/corpus/api-types.ts), as far as the brief needs them. */
export type ActorRef = Pick<EntityRef, 'id' | 'name' | 'code' | 'country'>;
export type PlaceRef = Pick<CorpusPlaceRef, 'id' | 'name' | 'kind' | 'country'>;
export type { StatusClass };

/** A corpus event as the brief shows it, counted over the reports visible as of the brief's day. */
export interface EventRef {
  eventId: number;
  type: string;
  mode: string | null;
  status: string;
  statusClass: StatusClass;
  source: ActorRef | null;
  target: ActorRef | null;
  place: PlaceRef | null;
  /** TimeML value and the days it covers; dateSource 'text' when a sentence gave it. */
  date: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  dateSource: string | null;
  fatalities: number | null;
  /** The words that reported it, most frequent first. */
  triggers: string[];
  numArticles: number;
  numSources: number;
  firstReported: string;
  lastReported: string;
}

export interface Scope {
  query: string;
  actors: ActorRef[];
  places: PlaceRef[];
}

export interface CountRow {
  label: string;
  count: number;
  citations: Citation[];
}

export interface TypeStatusRow {
  type: string;
  happened: number;
  planned: number;
  negated: number;
  hypothetical: number;
  total: number;
  citations: Citation[];
}

export interface SummarySection {
  articles: number;
  events: number;
  firstPublished: string | null;
  lastPublished: string | null;
  byType: TypeStatusRow[];
  actors: (CountRow & { actor: ActorRef })[];
  places: (CountRow & { place: PlaceRef })[];
}

export interface TimelineItem {
  /** The period the event is dated to (TimeML value), else the day it was first reported (dateBasis says which). */
  date: string;
  dateBasis: 'text' | 'published' | 'reported';
  event: EventRef;
  citations: Citation[];
}

export type Standing = 'upcoming' | 'overdue-unconfirmed' | 'fulfilled' | 'contradicted' | 'no-deadline';

export interface CommitmentEvidence {
  event: EventRef;
  /** When the evidence was first reported (on or before the brief's day). */
  reported: string;
  citations: Citation[];
}

export interface CommitmentItem {
  event: EventRef;
  family: string;
  /** The last day of the period the plan names (its date_end); null when it names none. */
  deadline: string | null;
  standing: Standing;
  /** Reports that it took place (fulfilled) or that it is not happening (contradicted). */
  evidence: CommitmentEvidence[];
  /** Fulfilled after its deadline. */
  late: boolean;
  citations: Citation[];
}

export interface PostureItem {
  actor: ActorRef | null;
  place: PlaceRef | null;
  value: number | null;
  /** The least a vague amount means ("hundreds of troops"), when known. */
  min: number | null;
  approx: boolean;
  unit: string;
  text: string;
  date: string;
  dateBasis: 'text' | 'published';
  /** Where the place came from: a place named in the sentence, or the event the figure is part of. */
  placeBasis: 'sentence' | 'event' | null;
  /** The event reported in the same sentence nearest the number ("will deploy", "are stationed"). */
  context: { type: string; statusClass: StatusClass; trigger: string } | null;
  citations: Citation[];
}

export interface QuoteItem {
  text: string;
  date: string | null;
  citations: Citation[];
}

export interface SpeakerQuotes {
  speaker: string;
  actor: ActorRef | null;
  role: string | null;
  quotes: QuoteItem[];
}

export interface ContradictionItem {
  asserted: EventRef;
  assertedCitations: Citation[];
  negations: { event: EventRef; citations: Citation[]; sameArticle: boolean }[];
  /** Every negation comes from an article that also makes the assertion. */
  sameArticle: boolean;
}

export interface Brief {
  schema: typeof BRIEF_SCHEMA;
  options: BriefOptions;
  scope: Scope | null;
  summary: SummarySection;
  timeline: TimelineItem[];
  commitments: CommitmentItem[];
  forcePosture: PostureItem[];
  quotes: SpeakerQuotes[];
  contradictions: ContradictionItem[];
}
