import { vi } from 'vitest';

/**
 * In a browser, a tldraw store hands changes to its listeners on the next animation frame;
 * under vitest (NODE_ENV=test) it does so at once. This puts back the browser's timing with
 * frames that only run when a test calls `runFrames`, so tests can hold local edits pending
 * while remote ones arrive. The clock is faked too: tldraw's frame scheduler waits for ~8 ms
 * of `Date.now()` between flushes, and each fake frame advances it by 16 ms.
 */

type FrameCallback = (time: number) => void;

interface FrameGlobals {
  requestAnimationFrame?: (callback: FrameCallback) => number;
  cancelAnimationFrame?: (handle: number) => void;
  __FORCE_RAF_IN_TESTS__?: boolean;
}

export interface FakeAnimationFrames {
  /** Runs frames until none is requested any more. */
  runFrames(): void;
  pendingFrames(): number;
  uninstall(): void;
}

export function installFakeAnimationFrames(): FakeAnimationFrames {
  const globals = globalThis as FrameGlobals;
  const saved = {
    requestAnimationFrame: globals.requestAnimationFrame,
    cancelAnimationFrame: globals.cancelAnimationFrame,
    __FORCE_RAF_IN_TESTS__: globals.__FORCE_RAF_IN_TESTS__,
  };
  const frames = new Map<number, FrameCallback>();
  let nextHandle = 1;
  vi.useFakeTimers({ toFake: ['Date'] });

  globals.requestAnimationFrame = (callback) => {
    const handle = nextHandle++;
    frames.set(handle, callback);
    return handle;
  };
  globals.cancelAnimationFrame = (handle) => void frames.delete(handle);
  globals.__FORCE_RAF_IN_TESTS__ = true;

  return {
    runFrames() {
      for (let frame = 0; frames.size > 0; frame++) {
        if (frame > 100) throw new Error('animation frames keep requesting frames');
        const due = [...frames.values()];
        frames.clear();
        vi.setSystemTime(Date.now() + 16);
        for (const callback of due) callback(Date.now());
      }
    },
    pendingFrames: () => frames.size,
    uninstall() {
      vi.useRealTimers();
      globals.requestAnimationFrame = saved.requestAnimationFrame;
      globals.cancelAnimationFrame = saved.cancelAnimationFrame;
      globals.__FORCE_RAF_IN_TESTS__ = saved.__FORCE_RAF_IN_TESTS__;
    },
  };
}
