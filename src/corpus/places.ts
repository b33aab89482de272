import type Database from 'better-sqlite3';
import type { Place } from '../doc/layers.js';
import { nameKey } from './names.js';

/** Corpus places: one row per kind, country and name, whichever article named it. */
export class PlaceResolver {
  private readonly upsert;

  constructor(db: Database.Database) {
    this.upsert = db.prepare<[string, string, string, string | null, number | null, number | null], { id: number }>(
      `INSERT INTO places (key, name, kind, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET lat = coalesce(places.lat, excluded.lat), lon = coalesce(places.lon, excluded.lon)
       RETURNING id`,
    );
  }

  resolve(place: Place): number {
    const key = `${place.kind}:${place.country ?? ''}:${nameKey(place.name)}`;
    return this.upsert.get(key, place.name, place.kind, place.country, place.lat, place.lon)!.id;
  }
}
