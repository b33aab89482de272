// Types and calls of the HTTP API of `sitrep serve` (/api/*). Everything here is data: views
// render it through lit text bindings only, never as markup.

// The rows are the query core's own (src/corpus/api-types.ts, a file without imports), so the
// server and the browser cannot drift apart.
import type { ActorSummary, ArticleSummary, CorpusStats as Stats, EventRow, Mention as EventMention, NetworkEdge, NetworkNode, PlaceSummary } from '../../src/corpus/api-types.js';
export type { EntityRef, EventRow, PlaceRef, ActorSummary, PlaceSummary, ArticleSummary, NetworkNode, NetworkEdge } from '../../src/corpus/api-types.js';
export type { Mention as EventMention, CorpusStats as Stats } from '../../src/corpus/api-types.js';

export type Status = EventRow['status'];
export type StatusClass = EventRow['statusClass'];

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

export interface EventDetail extends EventRow {
  mentions: EventMention[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
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

// The brief's shape (sitrep.brief/1) is the server's own: one declaration, in src/brief/types.ts
// (a file without imports, so the browser build can read it).
import type { Brief, Standing } from '../../src/brief/types.js';
export type { Brief, Citation, CountRow, Standing, CommitmentItem, PostureItem } from '../../src/brief/types.js';
export type { ActorRef as BriefActor, PlaceRef as BriefPlace, EventRef as BriefEvent } from '../../src/brief/types.js';

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
