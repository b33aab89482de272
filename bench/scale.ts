import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './corpus.js';
import { median } from './stats.js';

export interface ScaleRow {
  factor: number;
  /** How many runs the median is over (fewer than asked when the time budget ran out). */
  runs: number;
  articles: number;
  /** Wall time of the whole CLI run (process start to exit), median of the repeats. */
  seconds: number;
  articlesPerSec: number;
  peakRssMb: number;
  /** JavaScript heap still in use at exit after a full GC: grows only if something leaks. */
  liveHeapMb: number;
  argvBytes: number;
}

/**
 * Writes `maxFactor` copies of the corpus into `dir` (new ids, same texts), so that factor k
 * is the first k copies: c00-<id>.json, c01-<id>.json, …
 */
export function writeCopies(files: readonly string[], dir: string, maxFactor: number): string[][] {
  mkdirSync(dir, { recursive: true });
  const copies: string[][] = [];
  const articles = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { id?: string });
  for (let k = 0; k < maxFactor; k++) {
    const names: string[] = [];
    for (const [i, a] of articles.entries()) {
      const id = `c${String(k).padStart(2, '0')}-${a.id ?? i}`;
      const name = `${id}.json`;
      writeFileSync(path.join(dir, name), JSON.stringify({ ...a, id }));
      names.push(name);
    }
    copies.push(names);
  }
  return copies;
}

/**
 * The real CLI path, `sitrep extract FILES --out DIR`, in a child process that reports its own
 * peak RSS at exit (rss-probe.ts). Files are passed as names relative to the corpus folder
 * (the child runs there), which keeps even 100 copies far below the argument-size limit.
 */
export function runCliScale(corpusDir: string, files: readonly string[], factor: number, reps: number, budgetSeconds = 60): ScaleRow {
  const outDir = path.join(corpusDir, '..', `out-${factor}`);
  const probe = path.join(corpusDir, '..', `probe-${factor}.json`);
  // The child runs in the corpus folder, where a bare "tsx" would not resolve: name it by URL.
  const args = ['--expose-gc', '--import', import.meta.resolve('tsx'), '--import', path.join(repoRoot, 'bench/rss-probe.ts'), path.join(repoRoot, 'src/cli/main.ts'), 'extract', ...files, '--out', outDir];
  const seconds: number[] = [];
  const rss: number[] = [];
  const live: number[] = [];
  for (let r = 0; r < reps; r++) {
    rmSync(outDir, { recursive: true, force: true });
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: corpusDir, encoding: 'utf8', env: { ...process.env, SITREP_BENCH_PROBE: probe } });
    const elapsed = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`extract of ${files.length} files failed (exit ${run.status}): ${run.stderr.split('\n')[0]}`);
    const written = readdirSync(outDir).length;
    if (written !== files.length) throw new Error(`extract wrote ${written} of ${files.length} files`);
    seconds.push(elapsed);
    const report = JSON.parse(readFileSync(probe, 'utf8')) as { peakRssMb: number; liveHeapMb: number };
    rss.push(report.peakRssMb);
    live.push(report.liveHeapMb);
    // A slow pipeline must not push the whole bench past its few minutes: fewer repeats then.
    if (seconds.reduce((a, b) => a + b, 0) > budgetSeconds) break;
  }
  const s = median(seconds);
  return {
    factor,
    runs: seconds.length,
    articles: files.length,
    seconds: s,
    articlesPerSec: files.length / s,
    peakRssMb: Math.max(...rss),
    liveHeapMb: Math.max(...live),
    argvBytes: args.reduce((n, a) => n + Buffer.byteLength(a) + 1, 0),
  };
}
