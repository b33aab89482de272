// The filters every view shares. They live in the URL (#/view?actor=…&type=…) so a view can be
// shared and reloaded exactly.

/** The event filters of the API, and asOf: the day deadlines are judged against. */
export const EVENT_FILTER_KEYS = ['actor', 'type', 'status', 'place', 'from', 'to', 'text'] as const;
export const FILTER_KEYS = [...EVENT_FILTER_KEYS, 'asOf'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The PLOVER types, cooperation first, in the order the codebook lists them. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const COOPERATION_TYPES: ReadonlySet<string> = new Set(PLOVER_TYPES.slice(0, 8));

export const STATUSES = ['reported', 'ongoing', 'planned', 'negated', 'hypothetical'] as const;

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** The event filters as API query parameters (the API takes the same names). */
export function filterQuery(f: Filters): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of EVENT_FILTER_KEYS) if (f[k]) q[k] = f[k]!;
  return q;
}

export function filterKey(f: Filters): string {
  return FILTER_KEYS.map((k) => `${k}=${f[k] ?? ''}`).join('&');
}

export function hasFilters(f: Filters): boolean {
  return EVENT_FILTER_KEYS.some((k) => !!f[k]);
}

export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.actor) parts.push(`actor ${f.actor}`);
  if (f.type) parts.push(f.type);
  if (f.status) parts.push(f.status);
  if (f.place) parts.push(`in ${f.place}`);
  if (f.from || f.to) parts.push(`${f.from ?? '…'} – ${f.to ?? '…'}`);
  if (f.text) parts.push(`“${f.text}”`);
  return parts.join(' · ');
}
