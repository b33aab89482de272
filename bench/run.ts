// npm run bench: sitrep's speed and memory against baselines, at scale, and on all cores.
// Options: --reps N (timed repeats, default 5), --scale 1,10,100 (corpus copies for the CLI run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { benchCorpora, repoRoot } from './corpus.js';
import { runCliScale, writeCopies, type ScaleRow } from './scale.js';
import { fmt, table } from './stats.js';
import { CONTENDERS } from './contenders.js';
import { createPipeline } from '../src/extract.js';

interface OneResult {
  contender: string;
  articles: number;
  bytes: number;
  setupMs: number;
  passMs: number;
  articlesPerSec: number;
  mbPerSec: number;
  peakRssMb: number;
  found: number;
  stages?: Record<string, number>;
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const reps = Number(option('--reps', '5'));
const scaleFactors = option('--scale', '1,10,100').split(',').map(Number).filter((n) => n > 0);
const scaleReps = Number(option('--scale-reps', '3'));
const MIN_PASS_MS = 400;

const started = performance.now();
const work = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
const progress = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

const cores = availableParallelism();
console.log(`# sitrep bench, ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(`machine: ${cores} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}-${process.arch}`);

// Other work on the machine slows every contender: say how busy it was before and after.
const loadAtStart = loadavg()[0]!;
console.log(`load average at start: ${loadAtStart.toFixed(2)}${loadAtStart > cores / 2 ? ' (the machine is busy: figures will be low and noisy)' : ''}`);

// The figures move as layers land: say which ones this run measured.
console.log(`sitrep layers in the pipeline: ${createPipeline().annotators.map((a) => a.name).join(', ')}`);

const corpora = benchCorpora();
const listFile = (name: string, files: readonly string[]) => {
  const file = path.join(work, `${name}.list`);
  writeFileSync(file, files.join('\n') + '\n');
  return file;
};
const allList = listFile('all', corpora.all.files);
const devList = listFile('dev', corpora.dev.files);

function runOne(contender: string, list: string): OneResult {
  progress(`${contender} on ${list === devList ? corpora.dev.label : corpora.all.label}…`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/run-one.ts'), contender, list, String(reps), String(MIN_PASS_MS)], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench: ${contender} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as OneResult;
}

/** A section that runs as its own script (progress goes to stderr); returns what it printed. */
function runScript(script: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, script)], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench: ${script} failed (exit ${r.status})`);
  return r.stdout.trimEnd();
}

// --- one core, same texts -------------------------------------------------------------------
const order = ['sitrep', 'wink', 'chrono', 'compromise', 'idle'];
const results = new Map(order.map((c) => [c, runOne(c, allList)]));
const sitrep = results.get('sitrep')!;
console.log(`corpus: ${corpora.all.label} = ${sitrep.articles} articles, ${fmt(sitrep.bytes / 1e6)} MB of text; medians of ${reps} timed repeats after a warm-up`);
console.log('');
console.log('### One core, the same texts');
console.log('');
console.log(table(
  ['contender', 'what it computes', 'articles/s', 'MB/s', 'peak RSS MB', 'setup ms', 'sitrep time ÷ its time'],
  order.map((c) => {
    const r = results.get(c)!;
    const ratio = c === 'idle' ? '–' : `${fmt(sitrep.passMs / r.passMs)}x`;
    return [CONTENDERS[c]!.name, CONTENDERS[c]!.does, c === 'idle' ? '–' : fmt(r.articlesPerSec), c === 'idle' ? '–' : fmt(r.mbPerSec), fmt(r.peakRssMb), fmt(r.setupMs), ratio];
  }),
));

const sitrepDev = runOne('sitrep', devList);
console.log('');
console.log(`sitrep on ${corpora.dev.label} alone (${sitrepDev.articles} articles, ${fmt(sitrepDev.bytes / 1e6)} MB): ${fmt(sitrepDev.articlesPerSec)} articles/s, ${fmt(sitrepDev.mbPerSec)} MB/s`);

// --- where sitrep's time goes ---------------------------------------------------------------
const layers = runOne('sitrep-layers', allList);
const stages = Object.entries(layers.stages ?? {});
const stagesTotal = stages.reduce((n, [, ms]) => n + ms, 0);
console.log('');
console.log(`### Where sitrep's time goes (one core, ${corpora.all.label}; a clock around each stage)`);
console.log('');
console.log(table(
  ['stage', 'share of the time', 'µs per article'],
  stages.map(([stage, ms]) => [stage, `${fmt((100 * ms) / stagesTotal)} %`, fmt((1000 * (ms / stagesTotal) * layers.passMs) / layers.articles)]),
));

// --- all cores ------------------------------------------------------------------------------
const pool = runOne('sitrep-pool', allList);
console.log('');
console.log('### All cores (worker_threads pool, src/parallel/pool.ts)');
console.log('');
console.log(table(
  ['mode', 'threads', 'articles/s', 'MB/s', 'peak RSS MB', 'speed-up'],
  [
    ['sitrep, one core', '1', fmt(sitrep.articlesPerSec), fmt(sitrep.mbPerSec), fmt(sitrep.peakRssMb), '1.00x'],
    ['sitrep, pool', String(cores), fmt(pool.articlesPerSec), fmt(pool.mbPerSec), fmt(pool.peakRssMb), `${fmt(pool.articlesPerSec / sitrep.articlesPerSec)}x`],
  ],
));

// --- the CLI at 1x, 10x, 100x ---------------------------------------------------------------
const scaleDir = path.join(work, 'scale', 'corpus');
const copies = writeCopies(corpora.dev.files, scaleDir, Math.max(...scaleFactors));
const scale: ScaleRow[] = scaleFactors.map((factor) => {
  progress(`sitrep extract on ${factor}x ${corpora.dev.label}…`);
  return runCliScale(scaleDir, copies.slice(0, factor).flat(), factor, scaleReps);
});
const base = scale[0]!;
console.log('');
console.log(`### The CLI at scale: \`sitrep extract FILES --out DIR\`, one process, ${corpora.dev.label} copied with new ids`);
console.log('');
console.log(table(
  ['corpus', 'articles', 'runs', 'wall time s', 'articles/s (incl. start-up)', 'peak RSS MB', 'RSS ÷ 1x', 'live heap at exit MB', 'argv KB'],
  scale.map((s) => [`${s.factor}x`, String(s.articles), String(s.runs), fmt(s.seconds), fmt(s.articlesPerSec), fmt(s.peakRssMb), `${fmt(s.peakRssMb / base.peakRssMb)}x`, fmt(s.liveHeapMb), fmt(s.argvBytes / 1024)]),
));

// --- targets --------------------------------------------------------------------------------
const wink = results.get('wink')!;
const largest = scale[scale.length - 1]!;
const targets: [boolean, string][] = [
  [sitrepDev.articlesPerSec >= 400, `full extraction on one core, ${corpora.dev.label}: ${fmt(sitrepDev.articlesPerSec)} articles/s (target >= 400)`],
  [sitrep.passMs <= 2 * wink.passMs, `sitrep time ÷ wink-nlp reading time: ${fmt(sitrep.passMs / wink.passMs)}x (target <= 2)`],
  [largest.peakRssMb <= 1.5 * base.peakRssMb, `peak RSS at ${largest.factor}x ÷ at ${base.factor}x: ${fmt(largest.peakRssMb / base.peakRssMb)}x (target <= 1.5)`],
];
console.log('');
console.log('### Targets');
console.log('');
for (const [ok, text] of targets) console.log(`- ${ok ? 'PASS' : 'MISS'} ${text}`);

// --- the HTTP API under load (bench/api-load.ts) ---------------------------------------------
// In a process of its own: the load generator's latencies include its own pauses, and this
// process's heap, grown by the sections above, made them longer (p95 ~15 ms more).
console.log('');
console.log(runScript('bench/api-load.ts'));

// --- ingest throughput on two threads (bench/ingest.ts) --------------------------------------
console.log('');
console.log(await (await import('./ingest.js')).ingestBench(progress));

// --- queries on a 100,000-event store (bench/corpus-query.ts) -------------------------------
console.log('');
console.log((await import('./corpus-query.js')).corpusQueryBench(progress));
console.log('');
const loadAtEnd = loadavg()[0]!;
console.log(`bench took ${fmt((performance.now() - started) / 1000)} s; load average at end: ${loadAtEnd.toFixed(2)}${loadAtEnd > cores ? ' (other processes competed for the cores)' : ''}`);
rmSync(work, { recursive: true, force: true });
