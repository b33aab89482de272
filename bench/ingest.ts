// The ingest benchmark: the built CLI stores 10,000 generated news articles with two extraction
// threads, then ingests them again (all unchanged). Reports articles/s against the target, the
// store's size per article, and how the rate holds up from the first to the last thousand.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeGeneratedArticles } from '../test/support/generate.js';
import { repoRoot } from './corpus.js';
import { fmt, table } from './stats.js';

const ARTICLES = 10_000;
const WORKERS = 2;
const TARGET_PER_SEC = 300;

interface Timed {
  seconds: number;
  summary: string;
  /** Seconds from start at which the store held 1,000, 2,000, ... articles (sampled). */
  marks: number[];
}

/** Runs `sitrep ingest` from the build, sampling the store's article count while it runs. */
async function timedIngest(cli: string, dir: string, db: string): Promise<Timed> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'ingest', dir, '--db', db, '--workers', String(WORKERS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const marks: number[] = [];
  let reader: Database.Database | null = null;
  const sample = setInterval(() => {
    try {
      reader ??= new Database(db, { readonly: true, fileMustExist: true });
      const n = (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      while (marks.length < Math.floor(n / 1000)) marks.push((performance.now() - started) / 1000);
    } catch {
      // Not created yet, or the schema is being written.
    }
  }, 200);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sample);
  (reader as Database.Database | null)?.close();
  if (status !== 0) throw new Error(`bench: sitrep ingest failed (exit ${status}):\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, summary: stderr.trim().split('\n').pop() ?? '', marks };
}

function storeSize(db: string): { bytes: number; articles: number; tables: Record<string, number> } {
  const conn = new Database(db);
  try {
    conn.pragma('wal_checkpoint(TRUNCATE)');
    const count = (t: string) => (conn.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const tables = Object.fromEntries(['articles', 'sentences', 'entities', 'events', 'event_mentions'].map((t) => [t, count(t)]));
    return { bytes: statSync(db).size, articles: tables['articles']!, tables };
  } finally {
    conn.close();
  }
}

/** `cli` is the built sitrep (npm run bench builds it first). */
export async function ingestBench(progress: (msg: string) => void = () => {}, cli = path.join(repoRoot, 'bin/sitrep.js')): Promise<string> {
  const work = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-ingest-'));
  try {
    progress(`ingest: generating ${ARTICLES} articles…`);
    const dir = path.join(work, 'articles');
    writeGeneratedArticles(dir, { count: ARTICLES, seed: 2024 });
    const db = path.join(work, 'bench.db');
    progress(`ingest: sitrep ingest, ${WORKERS} threads…`);
    const first = await timedIngest(cli, dir, db);
    progress('ingest: again, everything unchanged…');
    const again = await timedIngest(cli, dir, db);
    const size = storeSize(db);
    const rate = ARTICLES / first.seconds;
    // The rate of each thousand: a falling rate means a store write that grows with the corpus.
    const thousands = first.marks.map((t, i) => 1000 / (t - (i === 0 ? 0 : first.marks[i - 1]!)));
    const lines = [
      `### Ingest: \`sitrep ingest DIR --workers ${WORKERS}\`, ${ARTICLES.toLocaleString('en-US')} generated articles (test/support/generate.ts), one new store`,
      '',
      table(
        ['run', 'wall time s', 'articles/s (incl. start-up)', 'what the CLI said'],
        [
          ['first', fmt(first.seconds), fmt(rate), first.summary],
          ['again (all unchanged)', fmt(again.seconds), fmt(ARTICLES / again.seconds), again.summary],
        ],
      ),
      '',
      `articles/s per thousand stored (sampled): ${thousands.length ? thousands.map((r) => fmt(r)).join(', ') : 'too fast to sample'}`,
      `store: ${fmt(size.bytes / 2 ** 20)} MB after a checkpoint = ${fmt(size.bytes / size.articles)} bytes per article ` +
        `(${Object.entries(size.tables).map(([t, n]) => `${n} ${t}`).join(', ')})`,
      '',
      `- ${rate >= TARGET_PER_SEC ? 'PASS' : 'MISS'} ingest throughput on ${WORKERS} threads: ${fmt(rate)} articles/s (target >= ${TARGET_PER_SEC})`,
    ];
    return lines.join('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
