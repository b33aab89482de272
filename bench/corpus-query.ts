// Query latency on a large store: 10,000 synthetic articles x 10 events saved through the real
// CorpusWriter, then each `sitrep events` filter timed with varied values.
// Alone: node --import tsx bench/corpus-query.ts [--store FILE]   (npm run bench prints it as one
// section; --store keeps the store in FILE, or reuses FILE when it exists)
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLOVER_TYPES, STATUSES } from '../src/layers/events/types.js';
import { openStore } from '../src/corpus/store.js';
import { parseEventFilter, queryEvents } from '../src/corpus/query.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { fmt, median, table } from './stats.js';
import type Database from 'better-sqlite3';
import { FIRST_DAY_MS, randomSource, SPAN_DAYS, syntheticExtraction, syntheticWorld, type SyntheticWorld } from './synthetic-corpus.js';

const ARTICLES = 10_000;
const SAVES_PER_COMMIT = 500;
const EVENTS_PER_ARTICLE = 10;
const RUNS = 200;
const TARGET_P95_MS = 50;

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Saves the synthetic corpus into a new store through CorpusWriter; returns the seconds it took. */
function buildStore(file: string, world: SyntheticWorld, progress: (msg: string) => void): number {
  progress(`corpus queries: saving ${ARTICLES.toLocaleString('en-US')} synthetic articles…`);
  const started = performance.now();
  const db = openStore(file);
  const writer = new CorpusWriter(db);
  // Many saves per commit: each save is still its own (nested) transaction, but the bench does not
  // pay a WAL commit and an FTS5 segment flush per article, which ingest pays and this bench is not about.
  const batch = db.transaction((from: number) => {
    for (let n = from; n < Math.min(ARTICLES, from + SAVES_PER_COMMIT); n++) writer.save(syntheticExtraction(world, n, ARTICLES, EVENTS_PER_ARTICLE), null);
  });
  for (let n = 0; n < ARTICLES; n += SAVES_PER_COMMIT) batch(n);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - started) / 1000;
}

interface FilterTiming {
  label: string;
  matches: number;
  p50: number;
  p95: number;
  max: number;
  /** This process's CPU time per query: what the wall time would be with the cores to itself. */
  cpuP95: number;
}

/** Each filter RUNS times with values that vary from run to run: names, surnames and codes; common and rare words. */
export function timeFilters(db: Database.Database, world: SyntheticWorld, progress: (msg: string) => void = () => {}): FilterTiming[] {
  const rand = randomSource(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const window = (days: number) => {
    const start = FIRST_DAY_MS + Math.floor(rand() * SPAN_DAYS) * 86400000;
    return { from: day(start), to: day(start + days * 86400000) };
  };
  const cities = world.places.filter((p) => p.kind === 'city');
  const people = world.actors.filter((a) => a.kind === 'person');
  const bodies = world.actors.filter((a) => a.kind !== 'person');
  const filters: [string, () => Record<string, string>][] = [
    ['actor (name, surname, code prefix)', () => {
      const r = rand();
      if (r < 0.4) return { actor: pick(bodies).name };
      if (r < 0.7) return { actor: pick(people).name.split(' ')[1]! };
      return { actor: pick(world.countries).code };
    }],
    ['type', () => ({ type: pick(PLOVER_TYPES).toLowerCase() })],
    ['status', () => ({ status: pick(STATUSES) })],
    ['from/to (30 days)', () => window(30)],
    ['from/to (1 year)', () => window(365)],
    ['place (city, country name or code)', () => {
      const r = rand();
      if (r < 0.5) return { place: pick(cities).name };
      return { place: r < 0.75 ? pick(world.countries).name : pick(world.countries).code };
    }],
    ['text (one or two words)', () => ({ text: rand() < 0.7 ? pick(world.words) : `${pick(world.words)} ${pick(world.words)}` })],
    ['combined (actor code + type + 1 year)', () => ({ actor: pick(world.countries).code, type: pick(['ASSAULT', 'COERCE', 'CONSULT']), ...window(365) })],
    ['combined (place + status + text)', () => ({ place: pick(world.countries).name, status: 'reported', text: pick(world.words) })],
    ['no filter, page 51 (offset 5,000)', () => ({ offset: '5000', limit: '100' })],
  ];
  const timings: FilterTiming[] = [];
  for (const [label, make] of filters) {
    progress(`corpus queries: ${label}…`);
    const times: number[] = [];
    const cpu: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const input = make();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { total } = queryEvents(db, parseEventFilter(input));
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      totals.push(total);
    }
    timings.push({ label, matches: median(totals), p50: median(times), p95: percentile(times, 95), max: Math.max(...times), cpuP95: percentile(cpu, 95) });
  }
  return timings;
}

/** Builds the store (or reuses `reuse` when it exists), times the filters, and returns the section as markdown. */
export function corpusQueryBench(progress: (msg: string) => void = () => {}, reuse?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-query-bench-'));
  const file = reuse ?? path.join(dir, 'bench.db');
  try {
    const world = syntheticWorld();
    const writeSeconds = reuse && existsSync(reuse) ? null : buildStore(file, world, progress);
    const bytes = statSync(file).size;
    const db = openStore(file, { readonly: true });
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const timings = timeFilters(db, world, progress);
    db.close();
    const allPass = timings.every((t) => t.p95 < TARGET_P95_MS);
    const built = writeSeconds === null ? 'reused' : `saved through CorpusWriter in ${fmt(writeSeconds)} s (${fmt(ARTICLES / writeSeconds)} articles/s, ${SAVES_PER_COMMIT} saves per commit)`;
    return [
      `### Corpus: queries on ${events.toLocaleString('en-US')} events`,
      '',
      `${ARTICLES.toLocaleString('en-US')} synthetic articles x ${EVENTS_PER_ARTICLE} events over ${SPAN_DAYS / 365} years, ${built}; ` +
        `store ${fmt(bytes / 1e6)} MB = ${fmt(bytes / ARTICLES)} bytes per article (text, extraction JSON, rows, indexes, full-text index). ` +
        `Each filter ${RUNS} times with varied values: queryEvents = total count + first page of 100 ` +
        '(wall-clock times; CPU p95 is the process CPU time per query, which is the wall time when the cores are free).',
      '',
      table(
        ['filter', 'median matches', 'p50 ms', 'p95 ms', 'max ms', 'CPU p95 ms', `p95 < ${TARGET_P95_MS} ms`],
        timings.map((t) => [t.label, fmt(t.matches), fmt(t.p50), fmt(t.p95), fmt(t.max), fmt(t.cpuP95), t.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL']),
      ),
      '',
      `- ${allPass ? 'PASS' : 'MISS'} every filter's p95 below ${TARGET_P95_MS} ms on ${events.toLocaleString('en-US')} events ` +
        `(load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores after the queries)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const i = process.argv.indexOf('--store');
  const reuse = i > 0 ? process.argv[i + 1] : undefined;
  console.log(corpusQueryBench((msg) => process.stderr.write(`bench: ${msg}\n`), reuse));
  console.log(`\nbench took ${fmt((performance.now() - started) / 1000)} s`);
}
