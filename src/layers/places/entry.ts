import type { Place } from '../../doc/layers.js';

export type PlaceKind = Place['kind'];

/** One place the gazetteer knows: a country, division, city, region, site, or a name that is no place. */
export interface GazetteerEntry {
  /** Stable within a process: "country:IRQ", "admin1:IQ-01", "city:4521", "site:camp taji". */
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO alpha-3; null for supranational regions. */
  country: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  /** A national capital (GeoNames PPLC). */
  capital: boolean;
  /** The seat of a first-level division (GeoNames PPLA). */
  seat: boolean;
  /** The seat of a division of any level (GeoNames PPLA to PPLA4): a real town even where GeoNames gives no population. */
  adminSeat: boolean;
  /** GeoNames admin1 code of a city or division, to tie "Tampa, Fla." together. */
  admin: string | null;
  /** Came from knowledge/places.json (written for this purpose, so trusted more than package data). */
  curated: boolean;
  /** A building standing for its institution ("the Pentagon"): a place only after a locative word. */
  institution: boolean;
  /** A longer name holding a toponym that is not a place ("Islamic State of Iraq and Syria"). */
  blocked: boolean;
}

export function makeEntry(fields: Partial<GazetteerEntry> & Pick<GazetteerEntry, 'id' | 'name' | 'kind' | 'country'>): GazetteerEntry {
  return {
    lat: null,
    lon: null,
    population: 0,
    capital: false,
    seat: false,
    adminSeat: false,
    admin: null,
    curated: false,
    institution: false,
    blocked: false,
    ...fields,
  };
}

/** A gazetteer entry reached through one written form ("U.S." for the United States). */
export interface NameHit {
  entry: GazetteerEntry;
  /** The written form as the source spells it; null for package cities (checked by the text alone). */
  form: string | null;
}
