import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir } from '../../knowledge.js';
import { lexiconFileSchema, type LexiconFile } from './lexicon-schema.js';

/** A lexicon file that cannot be used; the message is one line naming the file and the field. */
export class LexiconError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`lexicon ${file}: ${detail}`);
    this.name = 'LexiconError';
  }
}

export const shippedLexiconDir = path.join(knowledgeDir, 'actors');

/** The shipped lexicon files, in a stable order. */
export function shippedLexiconFiles(): string[] {
  return readdirSync(shippedLexiconDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(shippedLexiconDir, f));
}

/** Reads and validates one lexicon file. */
export function readLexiconFile(file: string): LexiconFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LexiconError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new LexiconError(file, `is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = lexiconFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = formatPath(issue.path);
    throw new LexiconError(file, `${where ? `${where}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

/** Shipped files first, then the user's, so that a user entry for the same words wins. */
export function loadLexicons(userFiles: readonly string[] = []): LexiconFile[] {
  return [...shippedLexiconFiles(), ...userFiles].map(readLexiconFile);
}

function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}
