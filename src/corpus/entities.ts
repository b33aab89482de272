import type Database from 'better-sqlite3';
import type { Actor } from '../doc/layers.js';
import { isNamedPerson, nameKey, namesCompatible, personTokens } from './names.js';

/**
 * Turns the actors of one article into corpus entities. Organizations, states and anonymous
 * sources are one entity per kind and canonical name (the actors layer gives lexicon actors
 * their canonical name). Named people are matched by their names' tokens, so "Sudani",
 * "al-Sudani" and "Mohammed Shia al-Sudani" are one entity, while "Joe Biden" and
 * "Hunter Biden" stay two; the entity keeps the fullest name seen.
 */
export class EntityResolver {
  private readonly upsertByKey;
  private readonly byName;
  private readonly bySurname;
  private readonly addName;
  private readonly rename;
  private readonly fillCode;
  private readonly insertPerson;

  constructor(db: Database.Database) {
    this.upsertByKey = db.prepare<[string, string, string | null, string, string | null], { id: number }>(
      `INSERT INTO entities (key, name, code, kind, country) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET code = coalesce(entities.code, excluded.code), country = coalesce(entities.country, excluded.country)
       RETURNING id`,
    );
    this.byName = db.prepare<[string], { id: number }>(
      `SELECT e.id FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name = ? AND e.kind = 'person' ORDER BY e.id LIMIT 1`,
    );
    this.bySurname = db.prepare<[string], { id: number; name: string; code: string | null; country: string | null }>(
      `SELECT e.id, e.name, e.code, e.country FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name = ? AND e.kind = 'person' ORDER BY e.id`,
    );
    this.addName = db.prepare<[string, number]>('INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)');
    this.rename = db.prepare<[string, number]>('UPDATE entities SET name = ? WHERE id = ?');
    this.fillCode = db.prepare<[string | null, string | null, number]>(
      'UPDATE entities SET code = coalesce(code, ?), country = coalesce(country, ?) WHERE id = ?',
    );
    this.insertPerson = this.upsertByKey;
  }

  /** The entity id for an article's actor, creating or enriching the entity as needed. */
  resolve(actor: Actor): number {
    if (isNamedPerson(actor.kind, actor.name)) return this.resolvePerson(actor);
    const key = `${actor.kind}:${nameKey(actor.name)}`;
    const { id } = this.upsertByKey.get(key, actor.name, actor.code, actor.kind, actor.country)!;
    this.addName.run(nameKey(actor.name), id);
    return id;
  }

  private resolvePerson(actor: Actor): number {
    const tokens = personTokens(actor.name);
    const surname = tokens[tokens.length - 1] ?? nameKey(actor.name);
    const exact = this.byName.get(nameKey(actor.name));
    const id = exact?.id ?? this.matchBySurname(actor, tokens, surname) ?? this.createPerson(actor);
    this.addName.run(nameKey(actor.name), id);
    this.addName.run(`surname:${surname}`, id);
    this.fillCode.run(actor.code, actor.country, id);
    return id;
  }

  private matchBySurname(actor: Actor, tokens: string[], surname: string): number | null {
    const candidates = this.bySurname.all(`surname:${surname}`).filter(
      (c) =>
        namesCompatible(tokens, personTokens(c.name)) &&
        (c.country === null || actor.country === null || c.country === actor.country),
    );
    // A bare surname shared by two known people is ambiguous: it gets an entity of its own.
    if (candidates.length !== 1) return null;
    const match = candidates[0]!;
    if (tokens.length > personTokens(match.name).length) this.rename.run(actor.name, match.id);
    return match.id;
  }

  private createPerson(actor: Actor): number {
    return this.insertPerson.get(`person:${nameKey(actor.name)}`, actor.name, actor.code, actor.kind, actor.country)!.id;
  }
}
