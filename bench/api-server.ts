// The HTTP server bench/api-load.ts puts under load, in a process of its own so that the load
// generator does not share its event loop. Serves the store named on the command line on an
// ephemeral loopback port, prints {"url": ...} as its first line, and stops when its stdin closes
// (so it never outlives the bench) or on SIGTERM.
// Usage: node --import tsx bench/api-server.ts STORE
import { openStore } from '../src/corpus/store.js';
import { buildServer } from '../src/server/app.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/api-server.ts STORE');
  process.exit(2);
}

// Opened as `sitrep serve` opens it: writable, since the server also ingests.
const db = openStore(file);
const app = await buildServer({ db, token: null, webRoot: null });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ url }) + '\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  db.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
