import { createRequire } from 'node:module';
import { readCityTable, type CityTable } from './cities-file.js';
import { countryCentroids } from './centroids.js';
import { englishCountryNames, iso2ToIso3, iso3ToIso2, iso3ToNumeric } from './country-codes.js';
import { makeEntry, type GazetteerEntry } from './entry.js';
import { Gazetteer } from './gazetteer.js';
import { placesFile, type CuratedPlace } from './knowledge-file.js';
import { placesLexicon } from './lexicon.js';
import { nameKey, withoutArticle } from './normalize.js';

export interface GazetteerLoad {
  gazetteer: Gazetteer;
  /** Admin1 entries by "<alpha-3>:<ISO 3166-2 subdivision code>", for "Tampa, Fla." and "Austin, TX". */
  divisionsByCode: Map<string, GazetteerEntry>;
  /** Division abbreviations after "City,": written form -> "<alpha-3>:<code>". */
  divisionAbbreviations: Map<string, string>;
  millis: number;
  heapBytes: number;
}

let loaded: GazetteerLoad | undefined;

/**
 * The gazetteer of the process, built on first use (about 0.3 s and a few tens of MB, mostly
 * the 138k cities), then shared by every annotator and document.
 */
export function loadGazetteer(): GazetteerLoad {
  if (loaded) return loaded;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cities = readCityTable();
  const gazetteer = new Gazetteer(cities);
  const largestCity = indexCities(gazetteer, cities);
  const countryByIso3 = addCountries(gazetteer, cities, largestCity);
  const divisionsByCode = addDivisions(gazetteer, largestCity, countryByIso3);
  const divisionAbbreviations = addCurated(gazetteer, divisionsByCode);
  loaded = {
    gazetteer,
    divisionsByCode,
    divisionAbbreviations,
    millis: performance.now() - t0,
    heapBytes: process.memoryUsage().heapUsed - heapBefore,
  };
  return loaded;
}

/** Indexes every city under its name, and without a leading Arabic article; returns the largest city per country and per division. */
function indexCities(gazetteer: Gazetteer, cities: CityTable): Map<string, number> {
  const largest = new Map<string, number>();
  const keep = (k: string, row: number) => {
    const best = largest.get(k);
    if (best === undefined || cities.population[row]! > cities.population[best]!) largest.set(k, row);
  };
  for (let row = 0; row < cities.size; row++) {
    const key = nameKey(cities.name[row]!);
    if (key.length < 2) continue;
    gazetteer.addCity(key, row);
    const bare = withoutArticle(key);
    if (bare) gazetteer.addCity(bare, row);
    keep(cities.country[row]!, row);
    keep(`${cities.country[row]}|${cities.admin[row]}`, row);
    if (cities.feature[row] === 'PPLC') largest.set(`capital|${cities.country[row]}`, row);
  }
  return largest;
}

function addCountries(gazetteer: Gazetteer, cities: CityTable, largestCity: Map<string, number>): Map<string, GazetteerEntry> {
  const curated = placesFile().countries;
  const centroids = countryCentroids();
  const out = new Map<string, GazetteerEntry>();
  const names = englishCountryNames();
  for (const iso3 of Object.keys(curated)) if (!iso3.startsWith('$') && !names.has(iso3)) names.set(iso3, []);
  for (const [iso3, packageNames] of names) {
    const c = curated[iso3];
    const extra = typeof c === 'object' ? c : undefined;
    const written = packageNames.filter((n) => !n.includes(',')).map((n) => n.replace(/\s*\(.*\)\s*/g, '').trim()).filter(Boolean);
    const name = extra?.name ?? shortestName(written) ?? packageNames[0]!;
    const numeric = iso3ToNumeric(iso3);
    const iso2 = iso3ToIso2(iso3) ?? '';
    const capital = largestCity.get(`capital|${iso2}`) ?? largestCity.get(iso2);
    const at = (numeric && centroids.get(String(Number(numeric)))) || (extra?.lat !== undefined ? { lat: extra.lat, lon: extra.lon! } : undefined)
      || (capital !== undefined ? { lat: cities.lat[capital]!, lon: cities.lon[capital]! } : undefined);
    const entry = makeEntry({ id: `country:${iso3}`, name, kind: 'country', country: iso3, lat: at ? round(at.lat) : null, lon: at ? round(at.lon) : null, curated: true });
    out.set(iso3, entry);
    for (const form of new Set([name, ...written, ...(extra?.forms ?? [])])) gazetteer.add(nameKey(form), entry, form);
  }
  return out;
}

// "Iran" rather than "Islamic Republic of Iran": the shortest full word form (not "UK", "USA").
function shortestName(names: string[]): string | undefined {
  return names.filter((n) => n.length > 3 && n !== n.toUpperCase()).sort((a, b) => a.length - b.length)[0];
}

interface RegionRecord {
  name: string;
  iso: string;
  admin: string;
}

/** First-level divisions from iso3166-2-db (English and GeoNames spellings), with and without their head word. */
function addDivisions(gazetteer: Gazetteer, largestCity: Map<string, number>, countries: Map<string, GazetteerEntry>): Map<string, GazetteerEntry> {
  const require = createRequire(import.meta.url);
  const english = require('iso3166-2-db/i18n/dispute/UN/en.json') as Record<string, { iso3: string; regions?: RegionRecord[] }>;
  const geonames = require('iso3166-2-db/i18n/geonames.json') as Record<string, { regions?: RegionRecord[] }>;
  const lexicon = placesLexicon();
  const cities = gazetteer.cities;
  const byCode = new Map<string, GazetteerEntry>();
  for (const [iso2, country] of Object.entries(english)) {
    const iso3 = iso2ToIso3(iso2) ?? country.iso3;
    for (const region of country.regions ?? []) {
      const row = largestCity.get(`${iso2}|${region.admin}`);
      const fallback = countries.get(iso3);
      const entry = makeEntry({
        id: `admin1:${iso2}-${region.iso}`,
        name: region.name,
        kind: 'admin1',
        country: iso3,
        lat: row !== undefined ? round(cities.lat[row]!) : (fallback?.lat ?? null),
        lon: row !== undefined ? round(cities.lon[row]!) : (fallback?.lon ?? null),
        admin: region.admin,
      });
      byCode.set(`${iso3}:${region.iso}`, entry);
      const otherSpelling = geonames[iso2]?.regions?.find((r) => r.iso === region.iso)?.name;
      for (const written of new Set([region.name, otherSpelling].filter((n): n is string => !!n))) {
        const key = nameKey(written);
        // Divisions named "West", "Centre" or "North" would turn every such word into a place.
        if (lexicon.genericDivisionNames.has(key) || key.length < 3) continue;
        gazetteer.add(key, entry, written);
        const core = coreName(written, lexicon.admin1Heads);
        const coreKey = nameKey(core);
        // "North Governorate" must not turn every "North" into Lebanon's north.
        if (core !== written && coreKey.length > 2 && !lexicon.genericDivisionNames.has(coreKey)) gazetteer.add(coreKey, entry, core);
        const bare = withoutArticle(coreKey);
        if (bare && bare.length > 2) gazetteer.add(bare, entry, core.replace(/^\S+[\s-]/, ''));
      }
    }
  }
  return byCode;
}

const PREFIXES = /^(?:muhafazat|province of|state of|region of|republic of)\s+/i;

/** "Anbar Governorate" -> "Anbar", "Muhafazat Karbala'" -> "Karbala'". */
function coreName(name: string, heads: ReadonlySet<string>): string {
  let core = name.replace(PREFIXES, '');
  for (;;) {
    const m = /\s+(\S+)$/.exec(core);
    if (!m || !heads.has(m[1]!.toLowerCase())) break;
    core = core.slice(0, m.index);
  }
  return core;
}

/** knowledge/places.json: curated divisions, cities, regions, sites, extra forms, and names that are no places. */
function addCurated(gazetteer: Gazetteer, divisionsByCode: Map<string, GazetteerEntry>): Map<string, string> {
  const file = placesFile();
  const addAll = (p: CuratedPlace, entry: GazetteerEntry) => {
    for (const form of new Set([p.name, ...(p.forms ?? [])])) gazetteer.add(nameKey(form), entry, form);
  };
  const slug = (s: string) => nameKey(s).replace(/ /g, '-');
  for (const r of file.regions) addAll(r, makeEntry({ id: `region:${slug(r.name)}`, name: r.name, kind: 'region', country: null, lat: r.lat ?? null, lon: r.lon ?? null, curated: true }));
  for (const a of file.admin1) addAll(a, makeEntry({ id: `admin1:${slug(a.name)}`, name: a.name, kind: 'admin1', country: a.country ?? null, lat: a.lat ?? null, lon: a.lon ?? null, curated: true }));
  for (const c of file.cities) {
    addAll(c, makeEntry({ id: `city:${slug(c.name)}`, name: c.name, kind: 'city', country: c.country ?? null, lat: c.lat ?? null, lon: c.lon ?? null, population: c.population ?? 0, capital: c.capital ?? false, curated: true }));
  }
  for (const s of file.sites) {
    addAll(s, makeEntry({ id: `site:${slug(s.name)}`, name: s.name, kind: 'site', country: s.country ?? null, lat: s.lat ?? null, lon: s.lon ?? null, curated: true, institution: s.institution ?? false }));
  }
  for (const n of file.notPlaces.names) {
    gazetteer.add(nameKey(n), makeEntry({ id: `not:${slug(n)}`, name: n, kind: 'other', country: null, blocked: true }), n);
  }
  for (const alias of file.aliases) {
    if (!alias.target || !alias.country) continue;
    const refs = aliasTargets(gazetteer, alias.target, alias.country);
    for (const form of alias.forms ?? []) gazetteer.addRefs(nameKey(form), refs);
  }
  const abbreviations = new Map<string, string>();
  for (const [iso3, forms] of Object.entries(file.divisionAbbreviations)) {
    if (iso3.startsWith('$')) continue;
    for (const [form, code] of Object.entries(forms)) if (divisionsByCode.has(`${iso3}:${code}`)) abbreviations.set(form, `${iso3}:${code}`);
  }
  return abbreviations;
}

/** The places an alias adds a form to: those under the target's name in the alias's country. */
export function aliasTargets(gazetteer: Gazetteer, target: string, iso3: string) {
  const key = nameKey(target);
  const iso2 = iso3ToIso2(iso3);
  return gazetteer.refsFor(key).filter((r) => (typeof r === 'number' ? gazetteer.cities.country[r] === iso2 : r.entry.country === iso3 && !r.entry.blocked));
}

const round = (n: number) => Math.round(n * 10000) / 10000;
