// One contender in its own process, so the peak RSS it reports is its own.
// usage: node --import tsx bench/run-one.ts <contender> <file listing article paths> [reps] [min-ms]
// Prints one JSON line: pass times, throughput, peak RSS.
import { readFileSync } from 'node:fs';
import { readArticleFile } from '../src/article/read.js';
import { CONTENDERS } from './contenders.js';
import { median } from './stats.js';

const [name = '', listFile = '', repsArg = '5', minMsArg = '400'] = process.argv.slice(2);
const contender = CONTENDERS[name];
if (!contender) {
  console.error(`bench: unknown contender "${name}" (one of ${Object.keys(CONTENDERS).join(', ')})`);
  process.exit(2);
}
const reps = Number(repsArg);
const minMs = Number(minMsArg);
const WARM_UP_MS = 2000;
const WARM_UP_MAX_MS = 20000;

const articles = readFileSync(listFile, 'utf8').split('\n').filter(Boolean).map((f) => readArticleFile(f));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);

const setupStart = performance.now();
const { pass, close, breakdown } = await contender.setup();
const setupMs = performance.now() - setupStart;

/** Passes repeated until at least `ms` went by: the time of one pass, steady even for tiny corpora. */
async function timedPass(ms: number): Promise<{ ms: number; found: number }> {
  let passes = 0;
  let found = 0;
  const start = performance.now();
  do {
    found = await pass(articles);
    passes++;
  } while (performance.now() - start < ms);
  return { ms: (performance.now() - start) / passes, found };
}

// Warm-up: model loading, JIT, worker start. Every contender warms up for at least its
// warm-up time and then until two pass times in a row agree within 10 % (at most WARM_UP_MAX_MS).
const warmUpStart = performance.now();
await timedPass(contender.warmUpMs ?? WARM_UP_MS);
let previous = (await timedPass(minMs)).ms;
while (performance.now() - warmUpStart < WARM_UP_MAX_MS) {
  const current = (await timedPass(minMs)).ms;
  if (Math.abs(current - previous) <= 0.1 * previous) break;
  previous = current;
}
const warmUpMs = performance.now() - warmUpStart;
const runs: number[] = [];
let found = 0;
for (let r = 0; r < reps; r++) {
  const run = await timedPass(minMs);
  runs.push(run.ms);
  found = run.found;
}
await close?.();
// Stage clocks ran through warm-up and repeats alike: only their shares mean something.
const stages = breakdown?.();

const passMs = median(runs);
console.log(JSON.stringify({
  contender: name,
  articles: articles.length,
  bytes,
  setupMs,
  warmUpMs,
  passMs,
  runsMs: runs,
  articlesPerSec: articles.length / (passMs / 1000),
  mbPerSec: bytes / 1e6 / (passMs / 1000),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  found,
  ...(stages ? { stages } : {}),
}));
