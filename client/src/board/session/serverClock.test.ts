import { describe, expect, it } from 'vitest';
import { measureServerOffset, sampleServerClock } from './serverClock.js';

describe('server clock offset', () => {
  it('compares the server’s time with the middle of the round trip', async () => {
    const times = [1_000, 1_200];
    const sample = await sampleServerClock(
      async () => ({ now: 500_100 }),
      () => times.shift() ?? 0,
    );
    expect(sample).toEqual({ offsetMs: 500_100 - 1_100, roundTripMs: 200 });
  });

  it('keeps the sample with the shortest round trip', async () => {
    const samples = [
      { offsetMs: 10, roundTripMs: 300 },
      { offsetMs: 42, roundTripMs: 20 },
      { offsetMs: -5, roundTripMs: 90 },
    ];
    expect(await measureServerOffset(3, async () => samples.shift()!)).toBe(42);
  });
});
