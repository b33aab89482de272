import type Database from 'better-sqlite3';
import { resolveActorIds, resolvePlaceIds } from '../corpus/query-resolve.js';
import { BriefError } from './options.js';
import type { ActorRef, EventRef, PlaceRef, Scope } from './types.js';

/**
 * What `--about` names, read the way the corpus query filters read --actor and --place: the
 * actors called so (name, alias, surname) or whose CAMEO code is or refines it ("USA" takes
 * in "USAMIL"), and the places called so (a country with every place in it) or in the ISO3
 * country it spells. One word may name both ("Iraq"); the brief then covers either.
 */
export function resolveScope(db: Database.Database, about: string): Scope {
  const actorIds = resolveActorIds(db, about);
  const placeIds = resolvePlaceIds(db, about);
  if (actorIds.length === 0 && placeIds.length === 0) {
    throw new BriefError(`--about "${about}": nothing in the store is called so (no actor name, alias, surname or code, no place name or ISO3 country)`);
  }
  const actor = db.prepare<[number], ActorRef>('SELECT id, name, code, country FROM entities WHERE id = ?');
  const place = db.prepare<[number], PlaceRef>('SELECT id, name, kind, country FROM places WHERE id = ?');
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  return {
    query: about,
    actors: actorIds.map((id) => actor.get(id)).filter((a): a is ActorRef => a !== undefined).sort(byId),
    places: placeIds.map((id) => place.get(id)).filter((p): p is PlaceRef => p !== undefined).sort(byId),
  };
}

/** Membership tests for a scope; everything is in scope when the brief is about nothing in particular. */
export class ScopeFilter {
  private readonly actorIds: Set<number> | null;
  private readonly placeIds: Set<number> | null;

  constructor(scope: Scope | null) {
    this.actorIds = scope ? new Set(scope.actors.map((a) => a.id)) : null;
    this.placeIds = scope ? new Set(scope.places.map((p) => p.id)) : null;
  }

  get all(): boolean {
    return this.actorIds === null;
  }

  actor(a: ActorRef | null | undefined): boolean {
    return this.actorIds === null || (a != null && this.actorIds.has(a.id));
  }

  place(p: PlaceRef | null | undefined): boolean {
    return this.placeIds === null || (p != null && this.placeIds.has(p.id));
  }

  event(e: EventRef): boolean {
    return this.all || this.actor(e.source) || this.actor(e.target) || this.place(e.place);
  }
}
