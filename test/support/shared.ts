import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The evaluation data beside the repository (../shared); tests that need it skip without it. */
export const sharedDir = process.env.SITREP_SHARED ?? path.resolve(repoRoot, '../shared');
export const hasShared = existsSync(path.join(sharedDir, 'eval/score.mjs'));
export const skipWithoutShared = hasShared ? false : `../shared is absent (looked in ${sharedDir})`;
