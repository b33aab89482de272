import type { CityTable } from './cities-file.js';
import { makeEntry, type GazetteerEntry, type NameHit } from './entry.js';
import { iso2ToIso3 } from './country-codes.js';

/**
 * The name index: every written form of every place, by key (normalize.ts), plus every
 * word-boundary prefix of the longer keys, so a text position costs one look-up when no
 * place starts there, and a name is grown only while some name continues it. Package cities are stored as row numbers and become entries
 * only when a text names them: 138k objects would cost more than the whole index.
 */
type Ref = number | NameHit;

/** Bits of Gazetteer.shapeOf. */
export const KEY_IS_NAME = 1;
export const KEY_IS_PREFIX = 2;

export class Gazetteer {
  private readonly byKey = new Map<string, Ref[]>();
  /**
   * What each key is: a name (NAME), the word-boundary prefix of a longer name (PREFIX), or
   * both. One map answers both questions, so a text position costs one probe of it.
   */
  private readonly shapes = new Map<string, number>();
  private readonly keyFilter = new KeyFilter();
  private readonly cityEntries = new Map<number, GazetteerEntry>();
  /** First words of forms written in lower case ("the West", "sub-Saharan Africa", "al-Tanf"). */
  private readonly lowerFirstWords = new Set<string>();
  /** Hits per key, built on first look-up: frequent names ("Washington") are read once. */
  private readonly hitCache = new Map<string, NameHit[]>();

  constructor(readonly cities: CityTable) {}

  addCity(key: string, row: number): void {
    this.addRef(key, row);
  }

  add(key: string, entry: GazetteerEntry, form: string): void {
    const refs = this.byKey.get(key);
    if (refs?.some((r) => typeof r !== 'number' && r.entry === entry)) return;
    if (/^\P{Lu}/u.test(form)) this.lowerFirstWords.add(key.split(' ')[0]!);
    this.addRef(key, { entry, form });
  }

  /** The words a name may start with written in lower case. */
  lowerCaseFirstWords(): ReadonlySet<string> {
    return this.lowerFirstWords;
  }

  private addRef(key: string, ref: Ref): void {
    if (!key) return;
    const refs = this.byKey.get(key);
    if (refs) {
      refs.push(ref);
      return;
    }
    this.byKey.set(key, [ref]);
    this.markShape(key, KEY_IS_NAME);
    for (let space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) this.markShape(key.slice(0, space), KEY_IS_PREFIX);
  }

  private markShape(key: string, bit: number): void {
    this.shapes.set(key, (this.shapes.get(key) ?? 0) | bit);
    this.keyFilter.add(key);
  }

  /** KEY_IS_NAME and/or KEY_IS_PREFIX for this key, 0 when no name has it or starts with it. */
  shapeOf(key: string): number {
    // Half the capitalized words of a text name no place: the small filter says so without
    // probing the big map, whose entries are mostly out of the processor's caches.
    if (!this.keyFilter.mayHave(key)) return 0;
    return this.shapes.get(key) ?? 0;
  }

  /** Whether some longer name starts with these words ("deir ez" for "deir ez zor"). */
  isPrefix(key: string): boolean {
    return (this.shapeOf(key) & KEY_IS_PREFIX) !== 0;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  lookup(key: string): readonly NameHit[] {
    let hits = this.hitCache.get(key);
    if (hits) return hits;
    const refs = this.byKey.get(key);
    if (!refs) return NONE;
    hits = refs.map((r) => (typeof r === 'number' ? { entry: this.city(r), form: null } : r));
    this.hitCache.set(key, hits);
    return hits;
  }

  /** Entries under a key, for attaching extra forms (knowledge aliases) to package places. */
  refsFor(key: string): readonly Ref[] {
    return this.byKey.get(key) ?? [];
  }

  addRefs(key: string, refs: readonly Ref[]): void {
    this.hitCache.delete(key);
    for (const r of refs) if (!this.byKey.get(key)?.includes(r)) this.addRef(key, r);
  }

  city(row: number): GazetteerEntry {
    let e = this.cityEntries.get(row);
    if (!e) {
      const t = this.cities;
      const feature = t.feature[row]!;
      e = makeEntry({
        id: `city:${row}`,
        name: t.name[row]!,
        kind: 'city',
        country: iso2ToIso3(t.country[row]!),
        lat: round(t.lat[row]!),
        lon: round(t.lon[row]!),
        population: t.population[row]!,
        capital: feature === 'PPLC',
        seat: feature === 'PPLA',
        adminSeat: feature.startsWith('PPLA') || feature === 'PPLC',
        admin: t.admin[row]!,
      });
      this.cityEntries.set(row, e);
    }
    return e;
  }

  get size(): number {
    return this.byKey.size;
  }
}

const NONE: readonly NameHit[] = [];

/**
 * A Bloom filter of strings: `mayHave` is false only for strings never added. 2^21 bits hold
 * the ~150k keys with two hashes at about 2% false positives, in 256 KB.
 */
class KeyFilter {
  private readonly bits = new Int32Array(1 << 16);

  add(key: string): void {
    const h = hashOf(key);
    const g = secondHash(h);
    this.bits[(h >>> 5) & 0xffff]! |= 1 << (h & 31);
    this.bits[(g >>> 5) & 0xffff]! |= 1 << (g & 31);
  }

  mayHave(key: string): boolean {
    const h = hashOf(key);
    if ((this.bits[(h >>> 5) & 0xffff]! & (1 << (h & 31))) === 0) return false;
    const g = secondHash(h);
    return (this.bits[(g >>> 5) & 0xffff]! & (1 << (g & 31))) !== 0;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function secondHash(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 11;
}
const round = (n: number) => Math.round(n * 10000) / 10000;
