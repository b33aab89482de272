import { InputError } from '../article/errors.js';

/** Reads all of standard input, refusing more than `limit` bytes. */
export async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new InputError('-', `standard input is over the ${limit / 1048576} MB limit for one article`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A one-line message for the user: input errors as they are, anything else with its kind. */
export function describeError(e: unknown): string {
  if (e instanceof InputError) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0]!;
  return String(e);
}

/**
 * Shows "label 12/300  85/s  ETA 3s" (or "label 12  85/s" when the total is unknown) on one
 * rewritten line of a terminal; silent when stderr is a pipe or file.
 */
export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly startedAt = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly label: string, private readonly total: number | null) {}

  tick(done: number): void {
    if (!this.tty || (this.total !== null && this.total < 2)) return;
    const now = Date.now();
    const finished = this.total !== null && done >= this.total;
    if (!finished && now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.startedAt) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const count = this.total === null ? `${done}` : `${done}/${this.total}`;
    const eta = this.total !== null && rate > 0 ? `  ETA ${Math.ceil((this.total - done) / rate)}s` : '';
    process.stderr.write(`\r${this.label} ${count}  ${rate.toFixed(0)}/s${eta}\x1b[K`);
    this.shown = true;
    if (finished) this.end();
  }

  /** Ends the progress line so that what follows starts on a line of its own. */
  end(): void {
    if (this.shown) process.stderr.write('\n');
    this.shown = false;
  }
}
