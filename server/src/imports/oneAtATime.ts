/**
 * Runs tasks one after the other, in the order they were queued. Imports use it so that two
 * large files read or written at once never hold twice the memory (a 10,000-row commit peaks
 * at a few hundred MiB, see BENCHMARKS.md) or take turns blocking the server.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The next task waits for this one to settle, whatever its outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
