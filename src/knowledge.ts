import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Compiled code runs from dist/src, sources from src (tests): walk up to the folder holding knowledge/.
function findKnowledgeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'knowledge');
    try {
      readFileSync(path.join(candidate, 'abbreviations.json'));
      return candidate;
    } catch {
      dir = path.dirname(dir);
    }
  }
  throw new Error('cannot find the knowledge/ folder of sitrep');
}

export const knowledgeDir = findKnowledgeDir();

/** Reads one shipped data file from knowledge/. */
export function loadKnowledge<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(knowledgeDir, file), 'utf8')) as T;
}
