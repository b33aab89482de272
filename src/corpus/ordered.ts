/**
 * What a task turns into: items ready now, more tasks taking its place (a folder's files, a
 * feed's items), or items read lazily (the lines of a large JSON Lines file).
 */
export type Outcome<T> = { items: T[] } | { tasks: Task<T>[] } | { stream: AsyncIterable<T> };
/** Must not reject: a task reports its own failure as an item. */
export type Task<T> = () => Promise<Outcome<T>>;

interface Entry<T> {
  task: Task<T>;
  result?: Promise<Outcome<T>>;
}

/**
 * Yields every task's items in task order while up to `lookahead` tasks run ahead of the one
 * being yielded, so slow network items overlap yet the output order never depends on timing.
 * Memory stays bounded by the lookahead, not by the number of tasks.
 */
export async function* runInOrder<T>(tasks: Task<T>[], lookahead: number): AsyncGenerator<T> {
  // A stack with the head at the end: taking the head and splicing a task's expansion in its
  // place are both O(1) per entry.
  const stack: Entry<T>[] = tasks.map((task) => ({ task })).reverse();
  const startAhead = () => {
    for (let i = stack.length - 1, seen = 0; i >= 0 && seen < lookahead; i--, seen++) {
      const entry = stack[i]!;
      if (entry.result) continue;
      entry.result = entry.task();
      // A task that breaks its promise not to reject surfaces when its turn comes, not as an
      // unhandled rejection while it waits.
      entry.result.catch(() => undefined);
    }
  };
  while (stack.length > 0) {
    startAhead();
    const head = stack.pop()!;
    startAhead();
    const outcome = await head.result!;
    if ('items' in outcome) yield* outcome.items;
    else if ('stream' in outcome) yield* outcome.stream;
    else for (let i = outcome.tasks.length - 1; i >= 0; i--) stack.push({ task: outcome.tasks[i]! });
  }
}
