import { describe, expect, it } from 'vitest';
import { OneAtATime } from './oneAtATime.js';

describe('OneAtATime', () => {
  it('never runs two tasks at once, keeps their order and survives a failure', async () => {
    const queue = new OneAtATime();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task =
      (n: number, fail = false) =>
      async () => {
        running += 1;
        most = Math.max(most, running);
        // Hand the event loop over a few times: another task would start here if it could.
        for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
        order.push(n);
        running -= 1;
        if (fail) throw new Error(`task ${n} failed`);
        return n;
      };
    const results = await Promise.allSettled([
      queue.run(task(1)),
      queue.run(task(2, true)),
      queue.run(task(3)),
    ]);
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
