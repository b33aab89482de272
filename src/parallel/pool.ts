import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { TaskReply, TaskRequest } from './serve.js';

interface Pending<I, O> {
  id: number;
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads that run one task each at a time, the rest waiting in a
 * queue. The worker script answers with `serveTasks` (serve.ts). A worker that crashes fails
 * only its own task and is replaced, so a long ingest survives one bad article.
 */
export class WorkerPool<I, O> {
  readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending<I, O>>();
  private readonly queue: Pending<I, O>[] = [];
  private nextId = 0;
  private closed = false;
  /** Crashes since the last task that succeeded: a worker that cannot even start must not respawn forever. */
  private crashesInARow = 0;

  constructor(private readonly script: URL, size: number = availableParallelism()) {
    this.size = Math.max(1, Math.floor(size));
    for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
  }

  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('the worker pool was closed before the task ran');
    for (const task of this.queue.splice(0)) task.reject(stopped);
    for (const task of this.busy.values()) task.reject(stopped);
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = startWorker(this.script);
    worker.on('message', (reply: TaskReply<O>) => {
      const task = this.busy.get(worker);
      if (!task || task.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      this.crashesInARow = 0;
      if (reply.ok) task.resolve(reply.output);
      else task.reject(new Error(reply.error));
      this.dispatch();
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`worker stopped with exit code ${code}`)));
    return worker;
  }

  /** A worker died: fail its task, forget it, and start another in its place. */
  private lose(worker: Worker, error: Error): void {
    if (this.closed) return;
    const task = this.busy.get(worker);
    const wasKnown = this.busy.delete(worker) || removeFrom(this.idle, worker);
    if (!wasKnown) return;
    task?.reject(error);
    void worker.terminate();
    if (++this.crashesInARow > this.size + 1) {
      for (const queued of this.queue.splice(0)) queued.reject(error);
      void this.close();
      return;
    }
    this.idle.push(this.spawn());
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      const request: TaskRequest<I> = { id: task.id, input: task.input };
      worker.postMessage(request);
    }
  }
}

/**
 * Built code runs as it is. TypeScript sources (run through tsx in development, tests and the
 * bench) need tsx inside the thread too: Node 20 does not pass the parent's --import hooks on
 * to workers, so a two-line bootstrap registers tsx and then loads the script.
 */
function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function removeFrom<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  return i >= 0;
}
