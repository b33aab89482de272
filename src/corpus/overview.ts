import type Database from 'better-sqlite3';
import { cameoRoot } from './cameo.js';
import { eventConditions } from './query-conditions.js';
import type { EventCriteria } from './query-filter.js';
import { statement } from './query-statements.js';
import type { CorpusStats, NetworkEdge, NetworkNode } from './api-types.js';
export type { CorpusStats, NetworkEdge, NetworkNode } from './api-types.js';


/** The corpus at a glance: sizes, the span of event dates, events by type and by status. */
export function corpusStats(db: Database.Database): CorpusStats {
  const count = (table: string) => statement<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`).get()!.n;
  const span = statement<{ first: string | null; last: string | null }>(db, 'SELECT min(date_start) AS first, max(date_end) AS last FROM events').get()!;
  const tally = (column: 'type' | 'status') =>
    Object.fromEntries(
      statement<{ k: string; n: number }>(db, `SELECT ${column} AS k, count(*) AS n FROM events GROUP BY ${column} ORDER BY n DESC`)
        .all()
        .map((r) => [r.k, r.n]),
    );
  return {
    articles: count('articles'),
    events: count('events'),
    actors: count('entities'),
    places: count('places'),
    mentions: count('event_mentions'),
    firstDate: span.first,
    lastDate: span.last,
    byType: tally('type'),
    byStatus: tally('status'),
  };
}

/**
 * Who acts on whom among the events that pass the filters: one edge per source -> target pair
 * with its event count, split into cooperation and conflict by the CAMEO quad class.
 */
export function actorNetwork(db: Database.Database, criteria: EventCriteria): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const c = eventConditions(db, criteria);
  if (c.none) return { nodes: [], edges: [] };
  const pairs = statement<{ source: number; target: number; cameo: string; n: number }>(
    db,
    `SELECT e.source_id AS source, e.target_id AS target, substr(e.cameo, 1, 2) AS cameo, count(*) AS n
     FROM events e WHERE ${c.where} AND e.source_id IS NOT NULL AND e.target_id IS NOT NULL AND e.source_id <> e.target_id
     GROUP BY e.source_id, e.target_id, substr(e.cameo, 1, 2)`,
  ).all(...c.params);
  const edges = new Map<string, NetworkEdge>();
  const degree = new Map<number, number>();
  for (const p of pairs) {
    const key = `${p.source}>${p.target}`;
    const edge = edges.get(key) ?? { source: p.source, target: p.target, events: 0, cooperation: 0, conflict: 0 };
    edge.events += p.n;
    if (cameoRoot(p.cameo).quadClass >= 3) edge.conflict += p.n;
    else edge.cooperation += p.n;
    edges.set(key, edge);
    degree.set(p.source, (degree.get(p.source) ?? 0) + p.n);
    degree.set(p.target, (degree.get(p.target) ?? 0) + p.n);
  }
  const ids = [...degree.keys()];
  const nodes = ids.length === 0
    ? []
    : statement<{ id: number; name: string; code: string | null; kind: string }>(
        db,
        'SELECT id, name, code, kind FROM entities WHERE id IN (SELECT value FROM json_each(?))',
      )
        .all(JSON.stringify(ids))
        .map((n) => ({ ...n, events: degree.get(n.id) ?? 0 }))
        .sort((a, b) => b.events - a.events);
  return { nodes, edges: [...edges.values()].sort((a, b) => b.events - a.events) };
}
