// The rows the query core returns and the HTTP API sends, declared without imports so that the
// web interface's browser build reads the very same types (web/src/api.ts).

/** Reported and ongoing events happened; a plan, a denial and a threat are other facts. */
export type StatusClass = 'happened' | 'planned' | 'negated' | 'hypothetical';

/** An actor of the corpus as queries return it. */
export interface EntityRef {
  id: number;
  name: string;
  code: string | null;
  kind: string;
  country: string | null;
}

export interface PlaceRef {
  id: number;
  name: string;
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** One real-world event: the summary of every report of it, with the first report's sentence. */
export interface EventRow {
  id: number;
  type: string;
  mode: string | null;
  cameo: string;
  quadClass: number;
  goldstein: number;
  status: 'reported' | 'ongoing' | 'planned' | 'negated' | 'hypothetical';
  statusClass: StatusClass;
  date: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  dateSource: 'text' | 'published' | null;
  source: EntityRef | null;
  target: EntityRef | null;
  place: PlaceRef | null;
  fatalities: number | null;
  numArticles: number;
  numSources: number;
  firstReported: string | null;
  lastReported: string | null;
  evidence: { articleId: number; sentence: string; trigger: string };
}

/** One report of an event: its article, sentence and trigger, and what that report says. */
export interface Mention {
  id: number;
  article: { id: number; title: string | null; url: string | null; source: string | null; published: string | null };
  /** Offsets index the article's text; a mention outside every sentence shows its trigger alone. */
  sentence: { id: number | null; text: string; start: number; end: number };
  trigger: { start: number; end: number; text: string };
  status: EventRow['status'];
  date: string | null;
  dateSource: EventRow['dateSource'];
  source: EntityRef | null;
  target: EntityRef | null;
  place: PlaceRef | null;
  fatalities: number | null;
  confidence: number;
}

export type ActorSummary = EntityRef & { names: string[]; articles: number; asSource: number; asTarget: number };
export type PlaceSummary = PlaceRef & { events: number; articles: number };
export interface ArticleSummary {
  id: number;
  docId: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  events: number;
  ingestedAt: string;
}

export interface CorpusStats {
  articles: number;
  events: number;
  actors: number;
  places: number;
  mentions: number;
  firstDate: string | null;
  lastDate: string | null;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface NetworkNode {
  id: number;
  name: string;
  code: string | null;
  kind: string;
  events: number;
}

export interface NetworkEdge {
  source: number;
  target: number;
  events: number;
  /** Events of the verbal or material cooperation quad classes (1-2), and of conflict (3-4). */
  cooperation: number;
  conflict: number;
}
