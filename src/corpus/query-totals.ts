import type Database from 'better-sqlite3';
import { statement } from './query-statements.js';

/** Most totals kept per connection; past it the oldest go (a Map iterates in insertion order). */
const MAX_TOTALS = 2000;
/** Longest filter key kept (characters). */
const MAX_KEY = 2000;

interface Totals {
  /** The state of the store the totals were counted on. */
  version: string;
  counts: Map<string, number>;
}

const kept = new WeakMap<Database.Database, Totals>();

/**
 * `SELECT count(*) ...` answered from memory when the same count was made on the same data:
 * counting a common filter (every event, one type) reads tens of thousands of index entries,
 * and a listing asks for the total with every page. The store's state is the commits of other
 * connections (PRAGMA data_version) plus the rows this connection changed (total_changes()),
 * so a write by anyone, including this server's own ingest, empties the memory.
 */
export function cachedCount(db: Database.Database, sql: string, params: readonly unknown[]): number {
  const version = storeVersion(db);
  let totals = kept.get(db);
  if (!totals || totals.version !== version) {
    totals = { version, counts: new Map() };
    kept.set(db, totals);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  // A key that long carries a list of ids (a text filter): such a count is rarely asked twice.
  if (key.length > MAX_KEY) return statement<number>(db, sql, 'pluck').get(...params)!;
  let n = totals.counts.get(key);
  if (n === undefined) {
    n = statement<number>(db, sql, 'pluck').get(...params)!;
    if (totals.counts.size >= MAX_TOTALS) totals.counts.delete(totals.counts.keys().next().value!);
    totals.counts.set(key, n);
  }
  return n;
}

/**
 * The state of the store as this connection sees it: the commits of other connections
 * (PRAGMA data_version) plus the rows this connection changed. Anything computed from the store
 * may be kept for as long as this string stays the same.
 */
export function storeVersion(db: Database.Database): string {
  return statement<string>(db, "SELECT total_changes() || ':' || data_version FROM pragma_data_version", 'pluck').get()!;
}
