/**
 * Runs tasks one after the other per key, and tasks of different keys concurrently. A ballot's
 * changes go through it (key: vote + person) so that two tabs of one person clicking at the same
 * moment are judged one after the other against the ballot the previous one left; the database
 * transaction checks again (another server instance may share the store). A key's entry is
 * dropped as soon as its last task settles, so idle keys hold no memory.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** How many keys have work queued or running. */
  get size(): number {
    return this.tails.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
