import { readdirSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir, readDataFile } from '../../knowledge.js';
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
export const readLexiconFile = (file: string): LexiconFile =>
  readDataFile(file, lexiconFileSchema, (f, message) => new LexiconError(f, message));

/** Shipped files first, then the user's, so that a user entry for the same words wins. */
export function loadLexicons(userFiles: readonly string[] = []): LexiconFile[] {
  return [...shippedLexiconFiles(), ...userFiles].map(readLexiconFile);
}
