import { FILTER_KEYS, filtersFrom, type Filters } from './filters.js';

export type ViewName = 'overview' | 'timeline' | 'map' | 'network' | 'brief' | 'articles' | 'event' | 'article';

export interface Route {
  view: ViewName;
  /** The id of an event or article view. */
  id: string | null;
  filters: Filters;
  /** Every query parameter, filters included (views read their own, e.g. hl=, sel=). */
  params: URLSearchParams;
}

const LIST_VIEWS: readonly ViewName[] = ['overview', 'timeline', 'map', 'network', 'brief', 'articles'];

/** Reads a location hash: "#/timeline?actor=ISIS", "#/events/12", "#/articles/3?hl=10-52". */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = (q < 0 ? body : body.slice(0, q)).split('/').filter(Boolean);
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const filters = filtersFrom(params);
  const [head, id] = path;
  if (head === 'events' && id) return { view: 'event', id: decodeURIComponent(id), filters, params };
  if (head === 'articles' && id) return { view: 'article', id: decodeURIComponent(id), filters, params };
  const view = (LIST_VIEWS as readonly string[]).includes(head ?? '') ? (head as ViewName) : 'overview';
  return { view, id: null, filters, params };
}

export function isListView(view: ViewName): boolean {
  return LIST_VIEWS.includes(view);
}

type ParamValue = string | number | null | undefined;

/** A hash link to a view with the given filters and extra parameters. */
export function href(path: string, filters: Filters = {}, extra: Record<string, ParamValue> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) p.set(k, filters[k]!);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  const qs = p.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(link: string): void {
  if (location.hash !== link) location.hash = link;
}

/** The same view with different filters (other parameters of the view dropped unless kept). */
export function withFilters(route: Route, filters: Filters, keep: readonly string[] = []): string {
  const path = route.view === 'event' ? `events/${route.id}` : route.view === 'article' ? `articles/${route.id}` : route.view;
  const extra: Record<string, string> = {};
  for (const k of keep) {
    const v = route.params.get(k);
    if (v) extra[k] = v;
  }
  return href(route.view === 'overview' ? '' : path, filters, extra);
}
