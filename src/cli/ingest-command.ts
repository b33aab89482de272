import type { Command } from 'commander';
import { ingest, type IngestSummary } from '../corpus/ingest.js';
import { countSources } from '../corpus/sources.js';
import { storePath } from '../corpus/store.js';
import { openStoreForCommand } from './open-store.js';
import { describeError, Progress } from './io.js';

interface IngestFlags {
  db?: string;
  workers?: string;
  timeout?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('extract articles into the corpus store, merging what reports the same event')
    .argument('<sources...>', 'article .json, .jsonl, .txt, .html files, folders (recursive), RSS/Atom feed files, http(s) URLs of feeds or pages')
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .option('--workers <n>', 'extraction threads (default: one per core)')
    .option('--timeout <seconds>', 'per-request timeout for URLs (default 15)')
    .action(async (sources: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(sources, flags);
    });
}

async function runIngest(sources: string[], flags: IngestFlags): Promise<number> {
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    console.error(`sitrep: --workers must be a whole number of at least 1, not "${flags.workers}"`);
    return 2;
  }
  const timeout = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeout !== undefined && !(timeout > 0)) {
    console.error(`sitrep: --timeout must be a number of seconds above 0, not "${flags.timeout}"`);
    return 2;
  }
  const file = storePath(flags.db);
  const db = openStoreForCommand(file);
  if (!db) return 2;
  const started = Date.now();
  try {
    const total = await countSources(sources);
    const progress = new Progress('ingest', total ?? null);
    const summary = await ingest(db, sources, {
      workers,
      total,
      sourceOptions: timeout === undefined ? undefined : { timeoutMs: timeout * 1000 },
      onProgress: (p) => progress.tick(p.done),
    });
    progress.end();
    // Statistics for the query planner, refreshed where the data changed enough to matter.
    db.pragma('optimize');
    for (const w of summary.warnings) console.error(`sitrep: ${w.origin}: ${w.warning}`);
    for (const f of summary.failures) console.error(`sitrep: ${f.origin}: ${f.reason}`);
    console.error(describeSummary(summary, file, (Date.now() - started) / 1000));
    return summary.failed > 0 ? 1 : 0;
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return 1;
  } finally {
    db.close();
  }
}

function describeSummary(s: IngestSummary, file: string, seconds: number): string {
  const articles = s.new + s.updated + s.unchanged;
  return (
    `ingested into ${file} in ${seconds.toFixed(1)} s: ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed; ` +
    `${s.events} event mentions (${s.merged} joined events reported before), ${s.actors} actors` +
    (articles === 0 && s.failed === 0 ? ' (no articles found)' : '')
  );
}
