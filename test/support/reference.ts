import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArticleFile } from '../../src/article/read.js';
import { createPipeline } from '../../src/extract.js';
import { toExtraction } from '../../src/output/json.js';
import type { Pipeline } from '../../src/pipeline.js';
import type { Figures } from '../../src/eval/index.js';
import { sharedDir } from './shared.js';

/**
 * Extracts every article a gold folder names and scores the predictions with the reference
 * scorer of ../shared (spec §4), returning its figures. Callers skip when ../shared is absent.
 */
export function referenceFigures(corpusDir: string, goldDir: string, pipeline: Pipeline = createPipeline()): Figures {
  const pred = mkdtempSync(path.join(tmpdir(), 'sitrep-ref-'));
  try {
    for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
      const id = (JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')) as { article: string }).article;
      const extraction = toExtraction(pipeline.run(readArticleFile(path.join(corpusDir, `${id}.json`))));
      writeFileSync(path.join(pred, `${id}.json`), JSON.stringify(extraction));
    }
    const r = spawnSync(process.execPath, [path.join(sharedDir, 'eval/score.mjs'), '--corpus', corpusDir, '--gold', goldDir, '--pred', pred, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const figures = JSON.parse(r.stdout) as Figures;
    assert.equal(figures.problems, 0, r.stdout);
    return figures;
  } finally {
    rmSync(pred, { recursive: true, force: true });
  }
}

/** The figures on ../shared's dev gold (the seed and the U.S. government texts). */
export const devGoldFigures = (pipeline?: Pipeline) => referenceFigures(path.join(sharedDir, 'corpus'), path.join(sharedDir, 'gold'), pipeline);
