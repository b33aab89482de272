import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';

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

/**
 * Reads and validates a data file a user may have written (a lexicon): any problem becomes
 * one message naming the file and, for a schema error, the first bad field ("actors[0].code: …").
 */
export function readDataFile<T>(file: string, schema: z.ZodType<T>, fail: (file: string, message: string) => Error): T {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw fail(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw fail(file, `is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = fieldPath(issue.path);
    throw fail(file, `${where ? `${where}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

function fieldPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}
