import type Database from 'better-sqlite3';
import { lexiconNamesFor } from './actor-aliases.js';
import { nameKey, namesCompatible, personTokens } from './names.js';
import { statement } from './query-statements.js';

/** CAMEO codes are built from three-letter parts (USA + MIL): a whole part is a prefix. */
const CODE_PART = 3;

/**
 * The entities an --actor value names: by any name an article wrote it with (lower case, so
 * case does not matter), by a lexicon alias of its name ("Daesh"), by a person's surname
 * ("Sudani", "al-Sudani") when it fits one person's name, and by CAMEO code, exactly ("ISIS")
 * or as a prefix of whole three-letter parts ("USA" → USA, USAMIL, USAGOV).
 */
export function resolveActorIds(db: Database.Database, query: string): number[] {
  const ids = new Set<number>();
  const key = nameKey(query);
  const byName = statement<{ entity_id: number }>(db, 'SELECT entity_id FROM entity_names WHERE name = ?');
  for (const name of [key, ...lexiconNamesFor(query)]) for (const r of byName.all(name)) ids.add(r.entity_id);

  const tokens = personTokens(query);
  const surname = tokens[tokens.length - 1];
  if (surname) {
    const people = statement<{ id: number; name: string }>(
      db,
      `SELECT e.id, e.name FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name = ?`,
    ).all(`surname:${surname}`);
    for (const p of people) if (namesCompatible(tokens, personTokens(p.name))) ids.add(p.id);
  }

  const code = query.trim().toUpperCase();
  if (/^[A-Z0-9]+$/.test(code)) {
    const exact = statement<{ id: number }>(db, 'SELECT id FROM entities WHERE code = ?');
    for (const r of exact.all(code)) ids.add(r.id);
    if (code.length % CODE_PART === 0) {
      // A range on the code index; LIKE would not use it.
      const prefixed = statement<{ id: number }>(db, 'SELECT id FROM entities WHERE code >= ? AND code < ?');
      for (const r of prefixed.all(code, nextString(code))) ids.add(r.id);
    }
  }
  return [...ids];
}

/**
 * The places a --place value names: by name, any case; by ISO 3166 alpha-3 country code (every
 * place in that country); and a country's name takes in every place in the country as well,
 * as an analyst filtering on "Iraq" means events in Baghdad too.
 */
export function resolvePlaceIds(db: Database.Database, query: string): number[] {
  const key = nameKey(query);
  const code = query.trim().toUpperCase();
  const rows = statement<{ id: number }>(
    db,
    `SELECT id FROM places WHERE name_key(name) = @key
       OR country = @code
       OR country IN (SELECT country FROM places WHERE kind = 'country' AND country IS NOT NULL AND name_key(name) = @key)`,
  ).all({ key, code: /^[A-Z]{3}$/.test(code) ? code : null });
  return rows.map((r) => r.id);
}

/** The smallest string after every string that starts with `s`. */
function nextString(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}
