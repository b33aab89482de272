import { loadKnowledge } from '../../knowledge.js';

/** The shape of knowledge/places.json: places we write ourselves, beside the packages. */
export interface CuratedPlace {
  name: string;
  forms?: string[];
  country?: string;
  lat?: number;
  lon?: number;
  population?: number;
  capital?: boolean;
  institution?: boolean;
}

export interface PlacesFile {
  countries: Record<string, { name: string; forms?: string[]; lat?: number; lon?: number } | string>;
  regions: CuratedPlace[];
  admin1: CuratedPlace[];
  cities: CuratedPlace[];
  aliases: { target?: string; country?: string; forms?: string[] }[];
  sites: CuratedPlace[];
  notPlaces: { names: string[] };
  /** Postal-style abbreviations of divisions written after a city ("Tampa, Fla."), by country. */
  divisionAbbreviations: Record<string, Record<string, string>>;
}

let cached: PlacesFile | undefined;

export function placesFile(): PlacesFile {
  cached ??= loadKnowledge<PlacesFile>('places.json');
  return cached;
}
