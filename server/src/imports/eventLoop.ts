/**
 * Long loops over an import's rows give the event loop back regularly, so that other
 * requests, websocket frames and rooms keep going while a large file is scanned or committed.
 */

export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setImmediate(resolve));

/** Longest stretch of work between two yields. */
const SLICE_MS = 20;

/**
 * A function to await in a loop: it yields once SLICE_MS have passed since the last yield,
 * and resolves at once otherwise (one clock read per call).
 */
export function yielder(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined;
    return yieldToEventLoop().then(() => {
      since = performance.now();
    });
  };
}
