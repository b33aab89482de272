// The HTTP API under load: a store of 100,000 synthetic events (the builder of
// bench/corpus-query.ts), `sitrep serve`'s server in a child process on a loopback port, and
// autocannon driving GET /api/events with 50 connections for 10 s, every request with a kind of
// filter and values drawn afresh (no filter, type, actor, from/to, text); then one connection for
// 3 s, for the time of a request that waits behind no other. Latency percentiles
// come from every response's own time, so p95 is exact (autocannon itself reports p97.5 and p99).
// Alone: node --import tsx bench/api-load.ts [--fresh]   (npm run bench prints it as one section)
// The store is kept in the temp folder between runs, named by a hash of the sources that shape it.
import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/corpus/store.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { PLOVER_TYPES } from '../src/layers/events/types.js';
import { fmt, table } from './stats.js';
import { randomSource, syntheticExtraction, syntheticWorld, type SyntheticWorld } from './synthetic-corpus.js';

const ARTICLES = 10_000;
const EVENTS_PER_ARTICLE = 10;
const CONNECTIONS = 50;
const SECONDS = 10;
const WARMUP_SECONDS = 1;
/** A short run with one connection: each request's own server time, without queueing behind others. */
const SOLO_SECONDS = 3;
const TARGET_P95_MS = 50;
/** Server processes (`sitrep serve --workers`): one per core, as a deployment for many clients would run. */
const WORKERS = availableParallelism();

/** The part of autocannon 9's programmatic API used here (it ships no types). */
interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p97_5: number; p99: number };
}
type Context = Record<string, unknown>;
interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: 'GET';
    /** Builds each request; `context` belongs to the connection. */
    setupRequest: (req: Record<string, unknown>, context: Context) => Record<string, unknown>;
    /** Called for each response just before the instance's 'response' event for it. */
    onResponse: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  }[];
}
type Autocannon = (opts: LoadOptions, done: (err: Error | null, result: LoadResult) => void) => EventEmitter;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Run {
  result: LoadResult;
  /** Every response (2xx or not): the kind of filter asked, its time in ms and its size in bytes. */
  responses: { kind: number; ms: number; bytes: number; hit: boolean }[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The query strings of each kind of filter, a new value on every call. */
function filterKinds(world: SyntheticWorld): [string, () => Record<string, string>][] {
  const rand = randomSource(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people = world.actors.filter((a) => a.kind === 'person');
  const bodies = world.actors.filter((a) => a.kind !== 'person');
  return [
    ['no filter (first page of 100)', () => ({})],
    ['type', () => ({ type: pick(PLOVER_TYPES) })],
    ['actor (name, surname, code prefix)', () => {
      const r = rand();
      if (r < 0.4) return { actor: pick(bodies).name };
      if (r < 0.7) return { actor: pick(people).name.split(' ')[1]! };
      return { actor: pick(world.countries).code };
    }],
    ['from/to (30 days)', () => {
      const start = Date.UTC(2019, 0, 1) + Math.floor(rand() * 6 * 365) * 86400000;
      return { from: day(start), to: day(start + 30 * 86400000) };
    }],
    ['text (one or two words)', () => ({ text: rand() < 0.7 ? pick(world.words) : `${pick(world.words)} ${pick(world.words)}` })],
  ];
}

const CACHE_PREFIX = 'sitrep-api-bench-store-';

/**
 * The file the store is kept in between runs: its name carries a hash of everything that decides
 * its content (the synthetic corpus, the store's code, the sizes), so a change to any of them
 * builds a new one, and older ones are deleted.
 */
function cachedStorePath(): string {
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const corpusDir = path.join(benchDir, '../src/corpus');
  const hash = createHash('sha1').update(`${ARTICLES}x${EVENTS_PER_ARTICLE}\n`);
  for (const f of [path.join(benchDir, 'synthetic-corpus.ts'), ...readdirSync(corpusDir).sort().map((n) => path.join(corpusDir, n))]) {
    hash.update(f).update(readFileSync(f));
  }
  return path.join(tmpdir(), `${CACHE_PREFIX}${hash.digest('hex').slice(0, 16)}.db`);
}

function removeStore(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** The synthetic store of bench/corpus-query.ts, written in one outer transaction (the bench measures reads). */
function buildStore(file: string, world: SyntheticWorld): void {
  for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith(CACHE_PREFIX) && n.endsWith('.db'))) removeStore(path.join(tmpdir(), old));
  const building = `${file}.${process.pid}.building`;
  const db = openStore(building);
  const writer = new CorpusWriter(db);
  db.transaction(() => {
    for (let n = 0; n < ARTICLES; n++) writer.save(syntheticExtraction(world, n, ARTICLES, EVENTS_PER_ARTICLE), null);
  })();
  // As \`sitrep ingest\` leaves a store: with statistics for the query planner.
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // Only a finished store gets the name a later run looks for.
  removeStore(file);
  renameSync(building, file);
  removeStore(building);
}

/** Starts bench/api-server.ts on the store and resolves with its URL. */
async function startServer(file: string, workers: number, cache = true): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-server.ts');
  const args = ['--import', 'tsx', script, file, String(workers), ...(cache ? [] : ['no-cache'])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bench: the API server exited (code ${code}) before listening`))));
  const lines = createInterface({ input: child.stdout! });
  const first = new Promise<string>((resolve) => lines.once('line', resolve));
  const line = await Promise.race([first, exited]);
  lines.close();
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/**
 * CPU time (ms) used so far by a process and its children that are still running (the server's
 * workers), from /proc; NaN where there is no /proc.
 */
function treeCpuMs(root: number): number {
  const ticks = 100; // USER_HZ on Linux
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      if (pid === root || Number(fields[1]) === root) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    }
    return total;
  } catch {
    return NaN;
  }
}

/** Drives the server for `seconds`, each request of a kind drawn at random, and records each response. */
function load(url: string, connections: number, seconds: number, kinds: readonly (readonly [string, () => Record<string, string>])[]): Promise<Run> {
  const rand = randomSource(23);
  return new Promise((resolve, reject) => {
    const responses: Run['responses'] = [];
    // A connection has one request in flight (no pipelining): its context says which kind it is,
    // and onResponse runs synchronously just before the 'response' event that carries the time.
    let answered = -1;
    let hit = false;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req, context) => {
              const kind = Math.floor(rand() * kinds.length);
              context['kind'] = kind;
              return { ...req, path: `/api/events?${new URLSearchParams(kinds[kind]![1]()).toString()}` };
            },
            onResponse: (_status, _body, context, headers) => {
              answered = context['kind'] as number;
              hit = headers['x-cache'] === 'hit';
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, responses })),
    );
    instance.on('response', (_client: unknown, _status: number, bytes: number, ms: number) => {
      responses.push({ kind: answered, ms, bytes, hit });
    });
  });
}

/**
 * Builds the store (or reuses the one an earlier run built from the same sources), loads the
 * server, and returns the section as markdown. `fresh` builds the store even when one is kept.
 */
export async function apiLoadBench(progress: (msg: string) => void = () => {}, fresh = false): Promise<string> {
  const file = cachedStorePath();
  let child: ChildProcess | undefined;
  try {
    const world = syntheticWorld();
    let built = 'kept from an earlier run (same sources)';
    if (fresh || !existsSync(file)) {
      progress(`API load: saving ${ARTICLES.toLocaleString('en-US')} synthetic articles…`);
      const buildStart = performance.now();
      buildStore(file, world);
      built = `saved through CorpusWriter in ${fmt((performance.now() - buildStart) / 1000)} s`;
    }
    const probe = openStore(file, { readonly: true });
    const events = (probe.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    probe.close();
    const loadAtStart = loadavg()[0]!;

    const server = await startServer(file, WORKERS);
    child = server.child;
    const kinds = filterKinds(world);
    progress(`API load: warming up ${server.url}…`);
    await load(server.url, CONNECTIONS, WARMUP_SECONDS, kinds);
    progress(`API load: ${CONNECTIONS} connections for ${SECONDS} s, filters mixed…`);
    const cpuBefore = treeCpuMs(child.pid!);
    const run = await load(server.url, CONNECTIONS, SECONDS, kinds);
    const serverCpuMs = treeCpuMs(child.pid!) - cpuBefore;
    progress(`API load: 1 connection for ${SOLO_SECONDS} s…`);
    const solo = await load(server.url, 1, SOLO_SECONDS, kinds);
    await stopServer(child);
    child = undefined;

    // The same load on a server that keeps no answers: what the store and the query core give alone.
    progress(`API load: the same without the response cache…`);
    const bare = await startServer(file, WORKERS, false);
    child = bare.child;
    await load(bare.url, CONNECTIONS, WARMUP_SECONDS, kinds);
    const uncached = await load(bare.url, CONNECTIONS, SECONDS, kinds);
    await stopServer(child);
    child = undefined;
    const uncachedMs = uncached.responses.map((r) => r.ms).sort((a, b) => a - b);

    const { result, responses } = run;
    const hits = responses.filter((r) => r.hit).length;
    const row = (label: string, of: Run['responses']) => {
      const ms = of.map((r) => r.ms).sort((a, b) => a - b);
      return [label, String(of.length), fmt(of.length / result.duration), fmt(percentile(ms, 50)), fmt(percentile(ms, 95)), fmt(percentile(ms, 99)), fmt(ms[ms.length - 1] ?? NaN), fmt(of.reduce((n, r) => n + r.bytes, 0) / Math.max(1, of.length) / 1024)];
    };
    const rows = kinds.map(([label], i) => row(label, responses.filter((r) => r.kind === i)));
    rows.push(row('all', responses));
    const soloMs = solo.responses.map((r) => r.ms).sort((a, b) => a - b);
    const sorted = responses.map((r) => r.ms).sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    // autocannon counts a timeout as an error too.
    const errors = result.errors;
    const perSecond = responses.length / result.duration;
    const pass = p95 < TARGET_P95_MS && errors === 0 && result.non2xx === 0 && responses.length > 0;
    return [
      `### HTTP API under load: GET /api/events on ${events.toLocaleString('en-US')} events`,
      '',
      `${ARTICLES.toLocaleString('en-US')} synthetic articles x ${EVENTS_PER_ARTICLE} events, ${built} ` +
        `(store ${fmt(statSync(file).size / 1e6)} MB, ${file}). The server (buildServer, as \`sitrep serve --workers ${WORKERS}\`: ${WORKERS} worker process${WORKERS > 1 ? 'es' : ''} sharing the port) runs apart from the load generator on 127.0.0.1; ` +
        `autocannon keeps ${CONNECTIONS} connections busy for ${result.duration} s after a ${WARMUP_SECONDS} s warm-up, each request with a kind of filter ` +
        `and values drawn afresh (first page of 100 and the total). Percentiles are over every response's own time. ` +
        `Load average ${loadAtStart.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} cores` +
        `${loadAtStart > availableParallelism() / 2 ? ' (the machine was busy: figures are low and noisy)' : ''}.`,
      '',
      table(['filter', 'responses', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'KB per response'], rows),
      '',
      `Server CPU time (all ${WORKERS} worker process${WORKERS > 1 ? 'es' : ''}, from /proc) during the ${result.duration} s run: ${fmt(serverCpuMs / 1000)} s, ` +
        `${fmt(serverCpuMs / Math.max(1, responses.length))} ms per response: with the cores to itself the server would answer about ` +
        `${fmt((availableParallelism() * 1000 * Math.max(1, responses.length)) / Math.max(1, serverCpuMs))} requests/s.`,
      '',
      `autocannon's own figures (2xx only): p50 ${fmt(result.latency.p50)} ms, p97.5 ${fmt(result.latency.p97_5)} ms, p99 ${fmt(result.latency.p99)} ms; ` +
        `${errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx.`,
      '',
      `With one connection instead (no queueing, ${SOLO_SECONDS} s, same mix): ${soloMs.length} responses, p50 ${fmt(percentile(soloMs, 50))} ms, ` +
        `p95 ${fmt(percentile(soloMs, 95))} ms, p99 ${fmt(percentile(soloMs, 99))} ms; ${solo.result.errors} errors, ${solo.result.non2xx} non-2xx.`,
      '',
      `Answers kept until the store changes (the server's response cache): ${fmt((100 * hits) / Math.max(1, responses.length))} % of the responses above were hits ` +
        `(the filters draw from the corpus's own types, actors, days and words, so popular questions repeat, as on a shared dashboard). ` +
        `The same load on \`sitrep serve --no-cache\`: ${uncached.responses.length} responses, ${fmt(uncached.responses.length / uncached.result.duration)} per s, ` +
        `p50 ${fmt(percentile(uncachedMs, 50))} ms, p95 ${fmt(percentile(uncachedMs, 95))} ms, p99 ${fmt(percentile(uncachedMs, 99))} ms, ` +
        `${uncached.result.errors} errors, ${uncached.result.non2xx} non-2xx.`,
      '',
      `- ${pass ? 'PASS' : 'FAIL'} p95 ${fmt(p95)} ms (target < ${TARGET_P95_MS} ms) at ${fmt(perSecond)} requests/s, ${errors} errors, ${result.non2xx} non-2xx`,
      // With a fixed number of requests always in flight, waiting dominates: Little's law ties latency to throughput.
      `- ${CONNECTIONS} requests always in flight on ${WORKERS} server process${WORKERS > 1 ? 'es' : ''}: mean latency ≈ ${CONNECTIONS} ÷ throughput (Little's law), ` +
        `so a p95 under ${TARGET_P95_MS} ms needs roughly ${fmt((CONNECTIONS * 1000) / TARGET_P95_MS)} requests/s or more, ` +
        `i.e. under ${fmt((WORKERS * TARGET_P95_MS) / CONNECTIONS)} ms of server time per request and process; measured ${fmt((WORKERS * 1000) / perSecond)} ms`,
    ].join('\n');
  } finally {
    if (child) await stopServer(child);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  console.log(await apiLoadBench((msg) => process.stderr.write(`bench: ${msg}\n`), process.argv.includes('--fresh')));
  process.stderr.write(`bench: API load took ${fmt((performance.now() - started) / 1000)} s\n`);
}
