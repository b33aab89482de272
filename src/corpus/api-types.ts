// The rows the query core returns and the HTTP API sends, declared without imports so that the
// web interface's browser build reads the very same types (web/src/api.ts).

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
  statusClass: 'happened' | 'planned' | 'negated' | 'hypothetical';
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
