import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once its server listens. */
interface Listening {
  sitrepListening: string;
}

/** Set once the server is stopping: workers that exit then are not replaced. */
let stopping = false;

const isListening = (m: unknown): m is Listening => typeof m === 'object' && m !== null && typeof (m as Listening).sitrepListening === 'string';

/**
 * Runs `start` (which opens the store, builds the server, listens and returns its address) in
 * `workers` processes that share one port (node:cluster hands each new connection to the next
 * worker). A request runs synchronously on its process (SQLite queries, JSON), so one process
 * serves one request at a time; more processes serve as many at once as there are cores. Each
 * opens its own connection to the store: in WAL mode readers run side by side, and ingest over
 * HTTP from two workers takes turns through the busy timeout.
 *
 * In the primary, resolves with the address once every worker listens; a worker that dies
 * afterwards is replaced. In a worker (or with one worker), runs `start` itself.
 */
export async function serveClustered(workers: number, start: () => Promise<string>, log: (line: string) => void = () => {}): Promise<string> {
  if (workers <= 1 || !cluster.isPrimary) {
    const address = await start();
    if (cluster.isWorker) process.send?.({ sitrepListening: address } satisfies Listening);
    return address;
  }
  return new Promise((resolve, reject) => {
    let ready = 0;
    const fork = (): Worker => {
      const worker = cluster.fork();
      worker.on('message', (m: unknown) => {
        if (!isListening(m)) return;
        ready++;
        if (ready === workers) resolve(m.sitrepListening);
      });
      return worker;
    };
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (ready < workers) {
        // A worker that cannot start (bad store, port taken) would fail again: give up.
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill();
        reject(new Error(`a server worker exited while starting (${signal ?? `code ${code}`})`));
        return;
      }
      log(`server worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      fork();
    });
    const stopAll = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    };
    process.once('exit', stopAll);
    for (let i = 0; i < workers; i++) fork();
  });
}

/** Stops every worker (primary only); resolves when they have exited. */
export async function stopWorkers(): Promise<void> {
  if (!cluster.isPrimary) return;
  stopping = true;
  const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  await Promise.all(
    alive.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.once('exit', () => resolve());
          w.kill();
        }),
    ),
  );
}
