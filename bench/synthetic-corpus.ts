// Synthetic extractions for the corpus benchmarks: what the pipeline would output for made-up
// news articles, fabricated directly (no NLP), with enough variety in actors, places, event
// types, statuses, dates and words that every query filter has realistic selectivity.
import type { Actor, EventRecord, Place } from '../src/doc/layers.js';
import { PLOVER_TYPES, STATUSES } from '../src/layers/events/types.js';
import type { Extraction } from '../src/output/json.js';
import { seededRandom } from '../test/support/random.js';

/** A seeded generator: the same store on every run. */
export const randomSource = seededRandom;

const COUNTRIES: [string, string, string][] = [
  ['IRQ', 'Iraq', 'Iraqi'], ['SYR', 'Syria', 'Syrian'], ['YEM', 'Yemen', 'Yemeni'], ['LBY', 'Libya', 'Libyan'],
  ['AFG', 'Afghanistan', 'Afghan'], ['SOM', 'Somalia', 'Somali'], ['MLI', 'Mali', 'Malian'], ['NGA', 'Nigeria', 'Nigerian'],
  ['SDN', 'Sudan', 'Sudanese'], ['ETH', 'Ethiopia', 'Ethiopian'], ['UKR', 'Ukraine', 'Ukrainian'], ['RUS', 'Russia', 'Russian'],
  ['IRN', 'Iran', 'Iranian'], ['ISR', 'Israel', 'Israeli'], ['LBN', 'Lebanon', 'Lebanese'], ['TUR', 'Turkey', 'Turkish'],
  ['PAK', 'Pakistan', 'Pakistani'], ['IND', 'India', 'Indian'], ['MMR', 'Myanmar', 'Myanmar'], ['COD', 'Congo', 'Congolese'],
  ['BFA', 'Burkina Faso', 'Burkinabe'], ['NER', 'Niger', 'Nigerien'], ['TCD', 'Chad', 'Chadian'], ['CMR', 'Cameroon', 'Cameroonian'],
  ['MOZ', 'Mozambique', 'Mozambican'], ['COL', 'Colombia', 'Colombian'], ['MEX', 'Mexico', 'Mexican'], ['HTI', 'Haiti', 'Haitian'],
  ['USA', 'United States', 'American'], ['FRA', 'France', 'French'], ['GBR', 'United Kingdom', 'British'], ['EGY', 'Egypt', 'Egyptian'],
  ['SAU', 'Saudi Arabia', 'Saudi'], ['JOR', 'Jordan', 'Jordanian'], ['KEN', 'Kenya', 'Kenyan'], ['SSD', 'South Sudan', 'South Sudanese'],
  ['PHL', 'Philippines', 'Philippine'], ['ARM', 'Armenia', 'Armenian'], ['AZE', 'Azerbaijan', 'Azerbaijani'], ['GEO', 'Georgia', 'Georgian'],
];

const BODIES: [string, string, string][] = [
  ['', 'state', ''], ['government', 'government', 'GOV'], ['armed forces', 'military', 'MIL'],
  ['police', 'police', 'COP'], ['rebels', 'armed_group', 'REB'], ['civilians', 'civilians', 'CVL'],
];

const VERBS: Record<string, string[]> = {
  AGREE: ['agreed with', 'signed a deal with'], CONSULT: ['met', 'held talks with'], SUPPORT: ['praised', 'endorsed'],
  CONCEDE: ['released', 'eased curbs on'], COOPERATE: ['worked with', 'shared intelligence with'], AID: ['sent aid to', 'trained'],
  RETREAT: ['withdrew from', 'pulled back from'], REQUEST: ['urged', 'appealed to'], ACCUSE: ['accused', 'condemned'],
  REJECT: ['rejected', 'refused'], THREATEN: ['threatened', 'warned'], PROTEST: ['protested against', 'marched against'],
  SANCTION: ['sanctioned', 'expelled envoys of'], MOBILIZE: ['deployed troops near', 'mobilized against'],
  COERCE: ['arrested', 'detained'], ASSAULT: ['attacked', 'shelled', 'raided', 'struck'],
};
const CAMEO: Record<string, string> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', CONCEDE: '08', COOPERATE: '06', AID: '07', RETREAT: '08', REQUEST: '02',
  ACCUSE: '11', REJECT: '12', THREATEN: '13', PROTEST: '14', SANCTION: '16', MOBILIZE: '15', COERCE: '17', ASSAULT: '19',
};
// Conflict news is mostly fighting: the type mix is skewed as in ACLED or GDELT data.
const TYPE_WEIGHTS: Record<string, number> = { ASSAULT: 25, COERCE: 8, MOBILIZE: 7, ACCUSE: 7, CONSULT: 7, THREATEN: 5, PROTEST: 5 };
const STATUS_WEIGHTS: Record<string, number> = { reported: 70, ongoing: 10, planned: 10, negated: 5, hypothetical: 5 };

const SYLLABLES = ['ka', 'ra', 'mi', 'sul', 'dor', 'ba', 'zan', 'tel', 'qa', 'hu', 'ni', 'mar', 'sa', 'lo', 'vek', 'ti', 'an', 'ro', 'fa', 'gu', 'sha', 'yel', 'om', 'da'];
const FILLER = [
  'officials', 'said', 'late', 'on', 'overnight', 'according', 'to', 'local', 'sources', 'witnesses', 'residents', 'the', 'border',
  'checkpoint', 'convoy', 'village', 'market', 'outskirts', 'district', 'highway', 'bridge', 'airport', 'base', 'camp', 'clinic',
  'after', 'days', 'of', 'tension', 'talks', 'ceasefire', 'shelling', 'drones', 'artillery', 'militants', 'fighters', 'troops',
  'statement', 'ministry', 'spokesman', 'reporters', 'amid', 'protests', 'fuel', 'shortages', 'elections', 'refugees', 'aid',
  'hostages', 'negotiators', 'mediators', 'monitors', 'observers', 'casualties', 'wounded', 'killed', 'injured', 'damage',
];

export interface SyntheticWorld {
  actors: Omit<Actor, 'id' | 'mentions'>[];
  places: Omit<Place, 'id' | 'mentions'>[];
  surnames: string[];
  words: string[];
  countries: { code: string; name: string }[];
}

function weighted(rand: () => number, items: readonly string[], weights: Record<string, number>): string {
  const total = items.reduce((n, i) => n + (weights[i] ?? 3), 0);
  let r = rand() * total;
  for (const i of items) if ((r -= weights[i] ?? 3) < 0) return i;
  return items[items.length - 1]!;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const coined = (rand: () => number, parts: number) => capital(Array.from({ length: parts }, () => pick(rand, SYLLABLES)).join(''));

/** The actors and places the synthetic articles talk about: ~1,600 actors, ~1,000 places. */
export function syntheticWorld(seed = 1): SyntheticWorld {
  const rand = randomSource(seed);
  const actors: SyntheticWorld['actors'] = [];
  const places: SyntheticWorld['places'] = [];
  for (const [code, name, adjective] of COUNTRIES) {
    for (const [noun, kind, sector] of BODIES) {
      actors.push({ name: noun ? `${adjective} ${noun}` : name, code: code + sector, kind, country: code });
    }
    const lat = -30 + rand() * 80;
    const lon = -100 + rand() * 200;
    places.push({ name, kind: 'country', country: code, lat, lon });
    for (let i = 0; i < 3; i++) places.push({ name: `${coined(rand, 2)} Province`, kind: 'admin1', country: code, lat: lat + rand() * 4 - 2, lon: lon + rand() * 4 - 2 });
    for (let i = 0; i < 18; i++) places.push({ name: coined(rand, 2 + (i % 2)), kind: 'city', country: code, lat: lat + rand() * 6 - 3, lon: lon + rand() * 6 - 3 });
    for (let i = 0; i < 2; i++) places.push({ name: `${coined(rand, 2)} ${pick(rand, ['Dam', 'Airbase', 'Camp', 'Crossing'])}`, kind: 'site', country: code, lat: lat + rand() * 6 - 3, lon: lon + rand() * 6 - 3 });
    places.push({ name: `${coined(rand, 2)} Valley`, kind: 'other', country: code, lat: null, lon: null });
  }
  for (let g = 0; g < 60; g++) actors.push({ name: `${coined(rand, 2)} ${pick(rand, ['Brigade', 'Front', 'Movement', 'Army'])}`, code: `GRP${String.fromCharCode(65 + (g % 26))}${String.fromCharCode(65 + Math.floor(g / 26))}`, kind: 'armed_group', country: null });
  const surnames = Array.from({ length: 400 }, () => coined(rand, 3));
  const given = Array.from({ length: 60 }, () => coined(rand, 2));
  const seen = new Set<string>();
  while (actors.length < 1600) {
    const name = `${pick(rand, given)} ${pick(rand, surnames)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const [code] = pick(rand, COUNTRIES);
    actors.push({ name, code: code + pick(rand, ['GOV', 'MIL']), kind: 'person', country: code });
  }
  const words = [...FILLER, ...Array.from({ length: 440 }, () => coined(rand, 2).toLowerCase())];
  return { actors, places, surnames, words, countries: COUNTRIES.map(([code, name]) => ({ code, name })) };
}

const DAY_MS = 86400000;
// Ten years of a regional conflict monitor: about three articles a day.
export const FIRST_DAY_MS = Date.UTC(2015, 0, 1);
export const SPAN_DAYS = 10 * 365;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The extraction of synthetic article `n` of `articles`: `events` sentences, one event in each.
 * Articles are published in the order of `n`, a few a day over six years.
 */
export function syntheticExtraction(world: SyntheticWorld, n: number, articles: number, events = 10): Extraction {
  const rand = randomSource(1000 + n);
  const publishedMs = FIRST_DAY_MS + Math.floor((n / articles) * SPAN_DAYS) * DAY_MS;
  const published = isoDay(publishedMs);
  // Most articles are about one country: their places and most actors come from it.
  const home = pick(rand, world.countries).code;
  const homeActors = world.actors.filter((a) => a.country === home);
  const homePlaces = world.places.filter((p) => p.country === home);
  const actorIds = new Map<string, Actor>();
  const placeIds = new Map<string, Place>();
  const actorOf = (a: SyntheticWorld['actors'][number]) => {
    let got = actorIds.get(a.name);
    if (!got) actorIds.set(a.name, (got = { ...a, id: `a${actorIds.size + 1}`, mentions: [] }));
    return got;
  };
  const placeOf = (p: SyntheticWorld['places'][number]) => {
    let got = placeIds.get(p.name);
    if (!got) placeIds.set(p.name, (got = { ...p, id: `p${placeIds.size + 1}`, mentions: [] }));
    return got;
  };
  let text = '';
  const sentences: { start: number; end: number }[] = [];
  const records: EventRecord[] = [];
  for (let i = 0; i < events; i++) {
    const source = actorOf(rand() < 0.6 ? pick(rand, homeActors) : pick(rand, world.actors));
    let targetSpec = rand() < 0.6 ? pick(rand, homeActors) : pick(rand, world.actors);
    if (targetSpec.name === source.name) targetSpec = pick(rand, world.actors);
    const target = actorOf(targetSpec);
    const place = rand() < 0.85 ? placeOf(pick(rand, homePlaces)) : null;
    const type = weighted(rand, PLOVER_TYPES, TYPE_WEIGHTS);
    const status = weighted(rand, STATUSES, STATUS_WEIGHTS) as EventRecord['status'];
    const verb = pick(rand, VERBS[type]!);
    const filler = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(rand, world.words)).join(' ');
    const start = text.length;
    const sourceAt = start;
    text += `${source.name} ${verb} ${target.name}`;
    const triggerStart = sourceAt + source.name.length + 1;
    const targetAt = triggerStart + verb.length + 1;
    let placeAt = -1;
    if (place) {
      text += ' in ';
      placeAt = text.length;
      text += place.name;
    }
    text += `, ${filler}.`;
    sentences.push({ start, end: text.length });
    text += ' ';
    source.mentions.push({ start: sourceAt, end: sourceAt + source.name.length, text: source.name });
    target.mentions.push({ start: targetAt, end: targetAt + target.name.length, text: target.name });
    if (place && placeAt >= 0) place.mentions.push({ start: placeAt, end: placeAt + place.name.length, text: place.name });
    const r = rand();
    // Dated in the text (day, month, year), else by the publication day, and a few not at all.
    const date = r < 0.65 ? isoDay(publishedMs - Math.floor(rand() * 4) * DAY_MS) : r < 0.75 ? published.slice(0, 7) : r < 0.8 ? published.slice(0, 4) : null;
    const undated = r >= 0.95;
    records.push({
      id: `e${i + 1}`,
      type,
      mode: null,
      cameo: CAMEO[type]!,
      status,
      source: source.id,
      target: target.id,
      time: null,
      date: date ?? (undated ? null : published),
      dateSource: date ? 'text' : undated ? null : 'published',
      place: place?.id ?? null,
      fatalities: type === 'ASSAULT' && rand() < 0.4 ? Math.floor(rand() * 30) : null,
      trigger: { start: triggerStart, end: triggerStart + verb.length, text: verb },
      sentence: { start, end: sentences[sentences.length - 1]!.end },
      confidence: 0.8,
    });
  }
  return {
    schema: 'sitrep.extraction/1',
    article: { id: `syn-${n}`, title: `Synthetic report ${n}`, published, source: `Outlet ${n % 50}`, url: `https://example.org/news/${n}` },
    text: text.trimEnd(),
    sentences,
    times: [],
    quantities: [],
    places: [...placeIds.values()],
    actors: [...actorIds.values()],
    quotes: [],
    events: records,
  };
}
