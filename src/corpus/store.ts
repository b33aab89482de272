import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SCHEMA_VERSION, StoreError } from './schema.js';

export { StoreError } from './schema.js';

export const DEFAULT_DB = 'sitrep.db';

/** The store file a command uses: --db, else $SITREP_DB, else ./sitrep.db. */
export function storePath(option?: string): string {
  return option ?? process.env['SITREP_DB'] ?? DEFAULT_DB;
}

export interface OpenOptions {
  /** Open an existing store for reading only: queries never create or migrate a file. */
  readonly?: boolean;
}

/**
 * Opens (or creates) the SQLite store in WAL mode, so readers never wait for a writer and two
 * ingest processes take turns per article. Anything that is not a usable store is a
 * `StoreError` with a one-line reason, before any table is touched.
 */
export function openStore(file: string, options: OpenOptions = {}): Database.Database {
  const where = `the store ${file}`;
  if (existsSync(file) && statSync(file).isDirectory()) throw new StoreError(`${where} is a folder, not a database file`);
  if (options.readonly && !existsSync(file)) throw new StoreError(`${where} does not exist (create it with "sitrep ingest")`);
  if (!options.readonly && !existsSync(path.dirname(path.resolve(file)))) throw new StoreError(`${where}: folder ${path.dirname(file)} does not exist`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    db.pragma('busy_timeout = 30000');
    // Reading the schema version is the first thing that fails on a file that is not SQLite, and
    // a store of a newer sitrep is refused before anything (even the journal mode) is written.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new StoreError(`was written by a newer sitrep (schema ${version}; this one knows up to ${SCHEMA_VERSION})`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (options.readonly) checkVersion(db);
    else migrate(db);
    return db;
  } catch (e) {
    db?.close();
    throw new StoreError(`${where} ${reason(e)}`);
  }
}

function checkVersion(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) throw new StoreError('is empty (nothing has been ingested yet)');
  // A read-only handle cannot migrate; an older schema is brought forward by the next ingest.
}

function reason(e: unknown): string {
  if (e instanceof StoreError) return e.message;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return 'is not a sitrep database (not SQLite, or corrupt)';
  if (code === 'SQLITE_CORRUPT') return 'is corrupt';
  if (code === 'SQLITE_CANTOPEN') return 'cannot be opened';
  if (code === 'SQLITE_READONLY') return 'is read-only';
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return `cannot be used: ${message}`;
}
