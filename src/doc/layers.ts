import type { Span } from './span.js';

/**
 * The records each layer adds to a document. Their shape is the output contract of
 * `sitrep extract --json` (../shared/spec/extraction.md §2); extra fields are allowed.
 */
export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span {
  id: string;
  type: TimeType;
  /** TimeML value, or null when the expression needs a publication date that is unknown. */
  value: string | null;
  /** Tense-driven direction used to resolve it, kept for the report and for events. */
  anchor?: 'past' | 'future' | 'present';
  /** Set for spans that bound a period: "by", "until", "since" (kept outside the span). */
  bound?: 'by' | 'until' | 'since' | 'from';
}

export interface Quantity extends Span {
  id: string;
  /** null for vague amounts ("hundreds of troops"). */
  value: number | null;
  approx: boolean;
  unit: string | null;
  /** The least a vague amount can mean ("hundreds" = 200). */
  min?: number;
  max?: number;
  /** The head-noun span the unit came from, when the text has one. */
  unitSpan?: Span;
}

export interface Mention extends Span {}

export interface Actor {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  country: string | null;
  mentions: Mention[];
}

export interface Place {
  id: string;
  name: string;
  kind: 'country' | 'admin1' | 'city' | 'region' | 'site' | 'other';
  country: string | null;
  lat: number | null;
  lon: number | null;
  mentions: Mention[];
}

export interface Quote extends Span {
  id: string;
  direct: boolean;
  speaker: { text: string | null; name: string | null; role: string | null; anonymous: boolean; actor: string | null } | null;
}

export interface EventRecord {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  status: 'reported' | 'ongoing' | 'planned' | 'negated' | 'hypothetical';
  source: string | null;
  target: string | null;
  time: string | null;
  date: string | null;
  /** Where `date` came from: a time expression of the text, or the publication date. */
  dateSource?: 'text' | 'published' | null;
  place: string | null;
  fatalities: number | null;
  trigger: Span;
  sentence: { start: number; end: number };
  confidence: number;
}

export interface Layers {
  times: TimeExpression[];
  quantities: Quantity[];
  places: Place[];
  actors: Actor[];
  quotes: Quote[];
  events: EventRecord[];
}

export type LayerName = keyof Layers;
export const LAYER_NAMES: readonly LayerName[] = ['times', 'quantities', 'places', 'actors', 'quotes', 'events'];
