import { parentPort } from 'node:worker_threads';

export interface TaskRequest<I> {
  id: number;
  input: I;
}

export type TaskReply<O> = { id: number; ok: true; output: O } | { id: number; ok: false; error: string };

/** Inside a pool worker: answers every task with the handler's result, or its error message. */
export function serveTasks<I, O>(handler: (input: I) => O): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs inside a worker thread started by WorkerPool');
  port.on('message', ({ id, input }: TaskRequest<I>) => {
    let reply: TaskReply<O>;
    try {
      reply = { id, ok: true, output: handler(input) };
    } catch (e) {
      reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
