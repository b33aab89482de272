import type Database from 'better-sqlite3';
import { nameKey } from './names.js';

type Statement = Database.Statement<unknown[], unknown>;

const prepared = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * A prepared statement for this connection, prepared once: queries are built from the filters a
 * request sets, so the same few SQL texts come back on every request. The first use on a
 * connection also gives it `name_key()`, the name normalization entity resolution uses, so SQL
 * compares place names the way the writer keyed them.
 */
export function statement<Row>(db: Database.Database, sql: string, mode?: 'pluck' | 'raw'): Database.Statement<unknown[], Row> {
  let cache = prepared.get(db);
  if (!cache) {
    db.function('name_key', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? nameKey(s) : null));
    cache = new Map();
    prepared.set(db, cache);
  }
  // Pluck and raw are modes of a prepared statement, so each mode gets a statement of its own.
  const key = mode ? `${mode}:${sql}` : sql;
  let s = cache.get(key);
  if (!s) {
    s = db.prepare(sql);
    if (mode === 'pluck') s.pluck();
    else if (mode === 'raw') s.raw();
    cache.set(key, s);
  }
  return s as Database.Statement<unknown[], Row>;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** A LIKE pattern (ESCAPE '\') for text containing `text`, its % and _ taken literally. */
export const likeContaining = (text: string): string => `%${escapeLike(text)}%`;
/** A LIKE pattern (ESCAPE '\') for text starting with `text`. */
export const likeStarting = (text: string): string => `${escapeLike(text)}%`;
