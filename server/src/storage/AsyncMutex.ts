/** Runs critical sections one after another, in call order. */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next section waits for this one whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
