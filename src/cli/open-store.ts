import type Database from 'better-sqlite3';
import { openStore, type OpenOptions } from '../corpus/store.js';
import { describeError } from './io.js';

/**
 * Opens the store for a command, or says in one line on stderr why it cannot (a folder, not a
 * store, missing when read-only, a newer schema) and returns null: the command exits with 2.
 */
export function openStoreForCommand(file: string, options: OpenOptions = {}): Database.Database | null {
  try {
    return openStore(file, options);
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return null;
  }
}
