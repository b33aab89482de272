// Types and calls of the HTTP API of `sitrep serve` (/api/*). Everything here is data: views
// render it through lit text bindings only, never as markup.

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

export type Status = 'reported' | 'ongoing' | 'planned' | 'negated' | 'hypothetical';
export type StatusClass = 'happened' | 'planned' | 'negated' | 'hypothetical';

export interface EventRow {
  id: number;
  type: string;
  mode: string | null;
  cameo: string;
  quadClass: number | null;
  goldstein: number | null;
  status: Status;
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
  evidence?: { articleId: number; sentence: string; trigger: string } | null;
}

export interface EventsPage {
  total: number;
  limit: number;
  offset: number;
  events: EventRow[];
}

export interface ArticleRef {
  id: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

export interface EventMention {
  id: number;
  article: ArticleRef;
  sentence: { id: number | null; text: string; start: number; end: number } | null;
  trigger: { start: number; end: number; text: string };
  status: Status;
  date: string | null;
  dateSource: 'text' | 'published' | null;
  source: EntityRef | null;
  target: EntityRef | null;
  place: PlaceRef | null;
  fatalities: number | null;
  confidence: number;
}

export interface EventDetail extends EventRow {
  mentions: EventMention[];
}

export interface Stats {
  articles: number;
  events: number;
  actors: number;
  places: number;
  firstDate: string | null;
  lastDate: string | null;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface ActorSummary extends EntityRef {
  names?: string[];
  articles: number;
  asSource: number;
  asTarget: number;
}

export interface PlaceSummary extends PlaceRef {
  events: number;
  articles: number;
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
  cooperation: number;
  conflict: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

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

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** The sitrep.extraction/1 JSON of one article (../shared/spec/extraction.md §2). */
export interface Extraction {
  text: string;
  sentences: { start: number; end: number }[];
  times: (TextSpan & { id: string; type: string; value: string | null })[];
  quantities: (TextSpan & { id: string; value: number | null; unit: string | null; approx?: boolean })[];
  places: { id: string; name: string; kind: string; country: string | null; lat: number | null; lon: number | null; mentions: TextSpan[] }[];
  actors: { id: string; name: string; code: string | null; kind: string; country: string | null; mentions: TextSpan[] }[];
  quotes: (TextSpan & {
    id: string;
    direct: boolean;
    speaker: { text: string | null; name: string | null; role: string | null; anonymous: boolean; actor: string | null } | null;
  })[];
  events: {
    id: string;
    type: string;
    mode: string | null;
    cameo: string;
    status: Status;
    source: string | null;
    target: string | null;
    date: string | null;
    place: string | null;
    fatalities: number | null;
    trigger: TextSpan;
    sentence: { start: number; end: number };
  }[];
}

export interface ArticleDetail extends ArticleSummary {
  origin: string | null;
  extraction: Extraction;
}

/** One sentence of one stored article: what a line of the brief rests on. */
export interface Citation {
  articleId: number;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  sentenceId: number;
  sentence: string;
}

export interface BriefActor {
  id: number;
  name: string;
  code: string | null;
  country: string | null;
}

export interface BriefPlace {
  id: number;
  name: string;
  kind: string;
  country: string | null;
}

/** A corpus event as the brief shows it (sitrep.brief/1). */
export interface BriefEvent {
  eventId: number;
  type: string;
  mode: string | null;
  status: string;
  statusClass: StatusClass;
  source: BriefActor | null;
  target: BriefActor | null;
  place: BriefPlace | null;
  date: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  dateSource: string | null;
  fatalities: number | null;
  triggers: string[];
  numArticles: number;
  numSources: number;
  firstReported: string;
  lastReported: string;
}

export interface CountRow {
  label: string;
  count: number;
  citations: Citation[];
}

export type Standing = 'upcoming' | 'overdue-unconfirmed' | 'fulfilled' | 'contradicted' | 'no-deadline';

export interface CommitmentItem {
  event: BriefEvent;
  family: string;
  deadline: string | null;
  standing: Standing;
  evidence: { event: BriefEvent; reported: string; citations: Citation[] }[];
  late: boolean;
  citations: Citation[];
}

export interface PostureItem {
  actor: BriefActor | null;
  place: BriefPlace | null;
  value: number | null;
  min: number | null;
  approx: boolean;
  unit: string;
  text: string;
  date: string;
  dateBasis: 'text' | 'published';
  placeBasis: 'sentence' | 'event' | null;
  context: { type: string; statusClass: StatusClass; trigger: string } | null;
  citations: Citation[];
}

export interface Brief {
  schema: string;
  options: { about?: string; from?: string; to?: string; asOf: string };
  scope: { query: string; actors: BriefActor[]; places: BriefPlace[] } | null;
  summary: {
    articles: number;
    events: number;
    firstPublished: string | null;
    lastPublished: string | null;
    byType: { type: string; happened: number; planned: number; negated: number; hypothetical: number; total: number; citations: Citation[] }[];
    actors: (CountRow & { actor: BriefActor })[];
    places: (CountRow & { place: BriefPlace })[];
  };
  timeline: { date: string; dateBasis: 'text' | 'published' | 'reported'; event: BriefEvent; citations: Citation[] }[];
  commitments: CommitmentItem[];
  forcePosture: PostureItem[];
  quotes: { speaker: string; actor: BriefActor | null; role: string | null; quotes: { text: string; date: string | null; citations: Citation[] }[] }[];
  contradictions: {
    asserted: BriefEvent;
    assertedCitations: Citation[];
    negations: { event: BriefEvent; citations: Citation[]; sameArticle: boolean }[];
    sameArticle: boolean;
  }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API lives beside the page: resolve against the document so a sub-path mount works. */
function apiUrl(path: string, params?: Record<string, string | number | undefined | null>): string {
  const url = new URL(path.replace(/^\//, ''), new URL('./', document.baseURI));
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url.pathname + url.search;
}

export async function getJson<T>(path: string, params?: Record<string, string | number | undefined | null>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(apiUrl(path, params), { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

export type Query = Record<string, string | number | undefined | null>;

export const api = {
  stats: (signal?: AbortSignal) => getJson<Stats>('api/stats', undefined, signal),
  events: (q: Query, signal?: AbortSignal) => getJson<EventsPage>('api/events', q, signal),
  event: (id: number | string, signal?: AbortSignal) => getJson<EventDetail>(`api/events/${encodeURIComponent(String(id))}`, undefined, signal),
  actors: (q: Query, signal?: AbortSignal) => getJson<{ total: number; actors: ActorSummary[] }>('api/actors', q, signal),
  places: (q: Query, signal?: AbortSignal) => getJson<{ total: number; places: PlaceSummary[] }>('api/places', q, signal),
  network: (q: Query, signal?: AbortSignal) => getJson<Network>('api/network', q, signal),
  articles: (q: Query, signal?: AbortSignal) => getJson<{ total: number; articles: ArticleSummary[] }>('api/articles', q, signal),
  article: (id: number | string, signal?: AbortSignal) => getJson<ArticleDetail>(`api/articles/${encodeURIComponent(String(id))}`, undefined, signal),
  brief: (q: Query, signal?: AbortSignal) => getJson<Brief>('api/brief', q, signal),
};

/** Every event matching the filters, a page of 1000 at a time, up to `max`. */
export async function allEvents(q: Query, signal?: AbortSignal, max = 5000): Promise<EventsPage> {
  const first = await api.events({ ...q, limit: 1000, offset: 0 }, signal);
  const events = [...first.events];
  while (events.length < Math.min(first.total, max)) {
    const page = await api.events({ ...q, limit: 1000, offset: events.length }, signal);
    if (page.events.length === 0) break;
    events.push(...page.events);
  }
  return { total: first.total, limit: events.length, offset: 0, events };
}

export function briefUrl(q: Query, format: 'md' | 'html'): string {
  return apiUrl('api/brief', { ...q, format });
}

/**
 * How each commitment stands as of a day (the brief's judgement: upcoming, overdue, fulfilled,
 * contradicted), by event id. A brief that fails leaves the map empty: views then judge by date.
 */
export async function commitmentStandings(asOf: string, signal?: AbortSignal): Promise<Map<number, Standing>> {
  try {
    const brief = await api.brief({ asOf }, signal);
    return new Map(brief.commitments.map((c) => [c.event.eventId, c.standing]));
  } catch (e) {
    if (signal?.aborted) throw e;
    return new Map();
  }
}
