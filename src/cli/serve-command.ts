import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { storePath } from '../corpus/store.js';
import { openStoreForCommand } from './open-store.js';
import { describeError } from './io.js';

interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  token?: string;
  workers?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web interface and the JSON API over the store')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (default loopback only)', '127.0.0.1')
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .option('--token <token>', 'token that POST /api/articles requires (default $SITREP_TOKEN); without one, ingest over HTTP is off')
    .option(
      '--workers <n>',
      `server processes sharing the port, each with its own connection to the store ("auto" = one per core, here ${availableParallelism()}); ` +
        'one process answers one request at a time, so use more when many people or programs query at once (default 1)',
      '1',
    )
    .option('--no-cache', 'answer every GET from the store, without keeping answers until the store changes')
    .action(async (flags: ServeFlags) => {
      if (!cluster.isWorker) {
        process.exitCode = await runServe(flags);
        return;
      }
      // A worker's channel to the primary keeps it alive: one that cannot serve must exit, so the primary sees it fail.
      let code: number;
      try {
        code = await runServe(flags);
      } catch (e) {
        console.error(`sitrep: ${describeError(e)}`);
        code = 1;
      }
      if (code !== 0) process.exit(code);
    });
}

async function runServe(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sitrep: --port must be a port number 0-65535, not "${flags.port}"`);
    return 2;
  }
  const workers = flags.workers === 'auto' ? availableParallelism() : Number(flags.workers ?? '1');
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`sitrep: --workers must be a whole number of at least 1 or "auto", not "${flags.workers}"`);
    return 2;
  }
  const file = storePath(flags.db);
  const token = flags.token ?? process.env['SITREP_TOKEN'] ?? null;
  const host = flags.host ?? '127.0.0.1';
  if (workers > 1 && cluster.isPrimary) return runPrimary(file, port, host, token, workers);

  // The server ingests too (POST /api/articles), so it opens the store for writing.
  const db = openStoreForCommand(file);
  if (!db) return 2;
  // Loaded here, not at start-up: the other commands never pay for the HTTP framework.
  const { buildServer } = await import('../server/app.js');
  const { serveClustered } = await import('../server/cluster.js');
  const app = await buildServer({ db, token, cacheResponses: flags.cache !== false });
  try {
    const address = await serveClustered(1, () => app.listen({ port, host }));
    if (cluster.isPrimary) console.log(listeningLine(address, file, token, 1));
  } catch (e) {
    console.error(`sitrep: cannot listen on ${host}:${port}: ${describeError(e)}`);
    db.close();
    return 2;
  }
  const stop = async () => {
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
}

/** The primary of --workers N: checks (and migrates) the store once, then starts the workers and waits. */
async function runPrimary(file: string, port: number, host: string, token: string | null, workers: number): Promise<number> {
  const check = openStoreForCommand(file);
  if (!check) return 2;
  check.close();
  const { serveClustered, stopWorkers } = await import('../server/cluster.js');
  try {
    const address = await serveClustered(workers, () => Promise.reject(new Error('unreachable')), (line) => console.error(`sitrep serve: ${line}`));
    console.log(listeningLine(address, file, token, workers));
  } catch (e) {
    console.error(`sitrep: cannot serve on ${host}:${port}: ${describeError(e)}`);
    return 2;
  }
  const stop = async () => {
    await stopWorkers();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
}

function listeningLine(address: string, file: string, token: string | null, workers: number): string {
  return (
    `sitrep serve: listening on ${address} (store ${file}${workers > 1 ? `; ${workers} worker processes` : ''}` +
    `${token ? '; POST /api/articles needs the token' : '; ingest over HTTP is off: no --token'})`
  );
}
