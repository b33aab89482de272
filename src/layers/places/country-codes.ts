import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

/** ISO 3166-1 code conversions and English country names, from i18n-iso-countries. */

let registered = false;
function ready(): typeof countries {
  if (!registered) {
    countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));
    registered = true;
  }
  return countries;
}

// Kosovo has no ISO code; GeoNames writes XK, and evaluation data (Natural Earth) writes XKX.
const KOSOVO_2 = 'XK';
const KOSOVO_3 = 'XKX';

const iso3Cache = new Map<string, string | null>();

export function iso2ToIso3(iso2: string): string | null {
  let hit = iso3Cache.get(iso2);
  if (hit === undefined) {
    hit = iso2 === KOSOVO_2 ? KOSOVO_3 : (ready().alpha2ToAlpha3(iso2) ?? null);
    iso3Cache.set(iso2, hit);
  }
  return hit;
}

export function iso3ToIso2(iso3: string): string | null {
  return iso3 === KOSOVO_3 ? KOSOVO_2 : (ready().alpha3ToAlpha2(iso3) ?? null);
}

export function iso3ToNumeric(iso3: string): string | null {
  return ready().alpha3ToNumeric(iso3) ?? null;
}

/** Every country as alpha-3 with all its English names ("Iran", "Islamic Republic of Iran"). */
export function englishCountryNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [iso2, names] of Object.entries(ready().getNames('en', { select: 'all' }))) {
    const iso3 = iso2ToIso3(iso2);
    if (iso3) out.set(iso3, Array.isArray(names) ? names : [names]);
  }
  return out;
}
