// The HTTP server bench/api-load.ts puts under load, in processes of its own so that the load
// generator does not share its event loop. Serves the store named on the command line on an
// ephemeral loopback port with WORKERS processes (as `sitrep serve --workers`, default 1),
// prints {"url": ...} as its first line, and stops when its stdin closes (so it never outlives
// the bench) or on SIGTERM.
// Usage: node --import tsx bench/api-server.ts STORE [WORKERS] [no-cache]
import cluster from 'node:cluster';
import { openStore } from '../src/corpus/store.js';
import { buildServer } from '../src/server/app.js';
import { serveClustered, stopWorkers } from '../src/server/cluster.js';

const file = process.argv[2];
const workers = Number(process.argv[3] ?? '1');
// Workers are forked with the same arguments, so each one reads this too.
const cacheResponses = process.argv[4] !== 'no-cache';
if (!file || !Number.isInteger(workers) || workers < 1) {
  console.error('usage: node --import tsx bench/api-server.ts STORE [WORKERS] [no-cache]');
  process.exit(2);
}

if (cluster.isPrimary && workers > 1) {
  const url = await serveClustered(workers, () => Promise.reject(new Error('unreachable')), (line) => console.error(`bench server: ${line}`));
  process.stdout.write(JSON.stringify({ url }) + '\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopWorkers();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  process.once('SIGTERM', () => void stop());
} else {
  // Opened as `sitrep serve` opens it: writable, since the server also ingests.
  const db = openStore(file);
  const app = await buildServer({ db, token: null, webRoot: null, cacheResponses });
  const url = await serveClustered(1, () => app.listen({ port: 0, host: '127.0.0.1' }));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  if (cluster.isPrimary) {
    process.stdout.write(JSON.stringify({ url }) + '\n');
    process.stdin.on('end', () => void stop());
    process.stdin.resume();
  } else {
    // A worker goes when the primary does.
    process.on('disconnect', () => void stop());
  }
}
