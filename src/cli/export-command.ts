import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, exportRows, formatExport, parseExportFilter, type ExportCounts, type ExportFormat } from '../corpus/export.js';
import { storePath } from '../corpus/store.js';
import { addFilterOptions, filterInput, withStore, type FilterFlags } from './query-commands.js';

interface ExportFlags extends FilterFlags {
  format: ExportFormat;
  out?: string;
}

/** Bytes gathered before one write: fewer, larger writes to the stream. */
const WRITE_CHUNK = 1 << 16;

export function registerExport(program: Command): void {
  addFilterOptions(
    program
      .command('export')
      .description('write the events that pass the filters as CSV, JSON lines or GeoJSON (columns: docs/EXPORT.md)')
      .addOption(new Option('--format <format>', `${EXPORT_FORMATS.join(', ')}`).choices(EXPORT_FORMATS).default('csv'))
      .option('--out <file>', 'write here (replaced only when the export is complete) instead of standard output')
      .option('--limit <n>', 'at most this many events (default: all)')
      .option('--offset <n>', 'events to skip (default 0)'),
  ).action(async (flags: ExportFlags) => {
    process.exitCode = await withStore(flags.db, (db) => runExport(db, flags));
  });
}

async function runExport(db: Database.Database, flags: ExportFlags): Promise<number> {
  const filter = parseExportFilter(filterInput(flags));
  const counts: ExportCounts = { written: 0, skipped: 0 };
  const chunks = formatExport(flags.format, exportRows(db, filter), counts);
  if (flags.out === undefined) {
    await writeChunks(chunks, process.stdout);
  } else {
    // A failed export leaves the previous file alone rather than half a new one.
    const partial = path.join(path.dirname(flags.out), `.${path.basename(flags.out)}.${process.pid}.partial`);
    try {
      const file = createWriteStream(partial);
      await once(file, 'open');
      await writeChunks(chunks, file);
      file.end();
      await once(file, 'finish');
      renameSync(partial, flags.out);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
  }
  const skipped = counts.skipped > 0 ? `; ${counts.skipped} without coordinates left out` : '';
  console.error(`exported ${counts.written} event${counts.written === 1 ? '' : 's'} from ${storePath(flags.db)}${flags.out ? ` to ${flags.out}` : ''} as ${flags.format}${skipped}`);
  return 0;
}

/**
 * Writes the chunks as the stream takes them: the export is read from SQLite row by row, so
 * waiting for the stream to drain keeps memory flat however large the store. A reader that
 * goes away (`| head`) ends the export quietly.
 */
async function writeChunks(chunks: Iterable<string>, out: NodeJS.WritableStream): Promise<void> {
  let failed: Error | null = null;
  const onError = (e: Error) => (failed = e);
  out.on('error', onError);
  try {
    let buffer = '';
    const flush = async () => {
      const ok = out.write(buffer);
      buffer = '';
      // once() rejects when the stream fails while we wait; the error is kept by onError.
      if (!ok) await once(out, 'drain').catch(() => undefined);
    };
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= WRITE_CHUNK) await flush();
      if (failed) break;
    }
    if (buffer && !failed) await flush();
  } finally {
    out.off('error', onError);
  }
  if (failed && (failed as NodeJS.ErrnoException).code !== 'EPIPE') throw failed;
}
