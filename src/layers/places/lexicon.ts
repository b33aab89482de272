import { loadKnowledge } from '../../knowledge.js';
import { nameKey } from './normalize.js';

/** The word lists of knowledge/places-usage.json and places-demonyms.json, as sets, loaded once. */
interface WordList {
  words: string[];
}

interface UsageFile {
  nounFollowers: WordList;
  modifierHeads: WordList;
  numberWords: WordList;
  locativePrepositions: WordList;
  settingPrepositions: WordList;
  placeIntroducers: WordList;
  directions: WordList;
  admin1Heads: WordList & { anyDivision: string[] };
  genericDivisionNames: WordList;
  organizationHeads: WordList;
  nameContinuations: WordList;
  namePrefixes: WordList;
  stopNames: WordList;
  genericNameWords: WordList;
  productNames: WordList;
  personTitles: WordList;
  nameSuffixes: WordList;
  siteHeads: { suffix: string[]; prefix: string[]; weak: string[]; foreign: string[] };
  featureHeads: { suffix: string[]; prefix: string[]; regionSuffix: string[] };
}

interface DemonymFile {
  demonyms: Record<string, string | null>;
}

export interface PlacesLexicon {
  nounFollowers: ReadonlySet<string>;
  modifierHeads: ReadonlySet<string>;
  numberWords: ReadonlySet<string>;
  locatives: ReadonlySet<string>;
  settings: ReadonlySet<string>;
  placeIntroducers: ReadonlySet<string>;
  directions: ReadonlySet<string>;
  admin1Heads: ReadonlySet<string>;
  /** Heads that may follow any division's name capitalized ("Aleppo Province"). */
  anyDivisionHeads: ReadonlySet<string>;
  genericDivisionNames: ReadonlySet<string>;
  organizationHeads: ReadonlySet<string>;
  nameContinuations: ReadonlySet<string>;
  namePrefixes: ReadonlySet<string>;
  stopNames: ReadonlySet<string>;
  genericNameWords: ReadonlySet<string>;
  /** Apps and products ("Telegram"): capitalized, yet they make no site's name. */
  productNames: ReadonlySet<string>;
  personTitles: ReadonlySet<string>;
  nameSuffixes: ReadonlySet<string>;
  /** Head phrases as arrays of word keys, longest first so "air base" wins over "base". */
  siteSuffixes: string[][];
  sitePrefixes: string[][];
  weakSiteSuffixes: string[][];
  /** Weak heads as single words, also allowed between a weak head and its place ("Center complex in"). */
  weakSiteWords: ReadonlySet<string>;
  /** Site heads whose name tells the owner, not the location ("U.S. Embassy in Baghdad" is in Iraq). */
  foreignSiteHeads: ReadonlySet<string>;
  featureSuffixes: string[][];
  featurePrefixes: string[][];
  regionSuffixes: string[][];
  /** Demonym (one or two words, key form) -> ISO alpha-3 or null. */
  demonyms: ReadonlyMap<string, string | null>;
  /** First words of the two-word demonyms ("south" of "south sudanese"), so a pair is keyed only when one may match. */
  demonymFirstWords: ReadonlySet<string>;
}

let cached: PlacesLexicon | undefined;

export function placesLexicon(): PlacesLexicon {
  if (cached) return cached;
  const u = loadKnowledge<UsageFile>('places-usage.json');
  const d = loadKnowledge<DemonymFile>('places-demonyms.json');
  const set = (l: WordList) => new Set(l.words.map((w) => w.toLowerCase()));
  const phrases = (l: string[]) => l.map((p) => nameKey(p).split(' ')).sort((a, b) => b.length - a.length);
  const demonyms = new Map(Object.entries(d.demonyms).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [nameKey(k), v]));
  cached = {
    nounFollowers: set(u.nounFollowers),
    modifierHeads: set(u.modifierHeads),
    numberWords: set(u.numberWords),
    locatives: set(u.locativePrepositions),
    settings: set(u.settingPrepositions),
    placeIntroducers: set(u.placeIntroducers),
    directions: set(u.directions),
    admin1Heads: set(u.admin1Heads),
    anyDivisionHeads: new Set(u.admin1Heads.anyDivision),
    genericDivisionNames: new Set(u.genericDivisionNames.words.map((w) => nameKey(w))),
    organizationHeads: set(u.organizationHeads),
    nameContinuations: set(u.nameContinuations),
    namePrefixes: set(u.namePrefixes),
    stopNames: new Set(u.stopNames.words.map((w) => nameKey(w))),
    genericNameWords: new Set(u.genericNameWords.words.map((w) => nameKey(w))),
    productNames: set(u.productNames),
    personTitles: set(u.personTitles),
    nameSuffixes: set(u.nameSuffixes),
    siteSuffixes: phrases(u.siteHeads.suffix),
    sitePrefixes: phrases(u.siteHeads.prefix),
    weakSiteSuffixes: phrases(u.siteHeads.weak),
    weakSiteWords: new Set(u.siteHeads.weak.map((w) => w.toLowerCase())),
    foreignSiteHeads: new Set(u.siteHeads.foreign.map((w) => nameKey(w))),
    featureSuffixes: phrases(u.featureHeads.suffix),
    featurePrefixes: phrases(u.featureHeads.prefix),
    regionSuffixes: phrases(u.featureHeads.regionSuffix),
    demonyms,
    demonymFirstWords: new Set([...demonyms.keys()].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' ')))),
  };
  return cached;
}
