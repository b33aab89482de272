import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The evaluation data beside the repository, as the tests find it. */
export const sharedDir = process.env.SITREP_SHARED ?? path.resolve(repoRoot, '../shared');

export interface BenchCorpus {
  /** How the table names it: "dev 21 + MEANTIME 120". */
  label: string;
  files: string[];
}

const jsonFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : [];

/**
 * The texts every contender reads: the dev corpus and MEANTIME from ../shared when present,
 * else the repository's sample articles. `dev` is the corpus the 400 articles/s target is set on.
 */
export function benchCorpora(): { all: BenchCorpus; dev: BenchCorpus } {
  const dev = jsonFiles(path.join(sharedDir, 'corpus'));
  const meantime = jsonFiles(path.join(sharedDir, 'meantime/corpus'));
  if (dev.length === 0) {
    const samples = jsonFiles(path.join(repoRoot, 'samples/articles'));
    const corpus = { label: `samples ${samples.length} (../shared is absent)`, files: samples };
    return { all: corpus, dev: corpus };
  }
  return {
    all: { label: meantime.length ? `dev ${dev.length} + MEANTIME ${meantime.length}` : `dev ${dev.length}`, files: [...dev, ...meantime] },
    dev: { label: `dev ${dev.length}`, files: dev },
  };
}
