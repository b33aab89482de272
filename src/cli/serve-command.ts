import type { Command } from 'commander';
import { openStore, storePath } from '../corpus/store.js';
import { describeError } from './io.js';

interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  token?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web interface and the JSON API over the store')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (default loopback only)', '127.0.0.1')
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .option('--token <token>', 'token that POST /api/articles requires (default $SITREP_TOKEN); without one, ingest over HTTP is off')
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags);
    });
}

async function runServe(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sitrep: --port must be a port number 0-65535, not "${flags.port}"`);
    return 2;
  }
  const file = storePath(flags.db);
  let db;
  try {
    // The server ingests too (POST /api/articles), so it opens the store for writing.
    db = openStore(file);
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return 2;
  }
  const token = flags.token ?? process.env['SITREP_TOKEN'] ?? null;
  // Loaded here, not at start-up: the other commands never pay for the HTTP framework.
  const { buildServer } = await import('../server/app.js');
  const app = await buildServer({ db, token });
  try {
    const address = await app.listen({ port, host: flags.host ?? '127.0.0.1' });
    console.log(`sitrep serve: listening on ${address} (store ${file}${token ? '; POST /api/articles needs the token' : '; ingest over HTTP is off: no --token'})`);
  } catch (e) {
    console.error(`sitrep: cannot listen on ${flags.host}:${port}: ${describeError(e)}`);
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
