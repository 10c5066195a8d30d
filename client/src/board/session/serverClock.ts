import { z } from 'zod';

/** One measurement of the server's clock against this browser's. */
export interface ClockSample {
  /** Server time minus local time, in ms. */
  offsetMs: number;
  /** How long the request took: the smaller, the more precise the offset. */
  roundTripMs: number;
}

const clockSchema = z.object({ now: z.number() });

/**
 * Measures the offset once: the server read its clock about halfway through the round trip,
 * so its answer is compared with the local time at the middle of the request.
 */
export async function sampleServerClock(
  fetchClock: () => Promise<unknown> = async () =>
    (await fetch('/api/clock', { cache: 'no-store' })).json(),
  localNow: () => number = Date.now,
): Promise<ClockSample> {
  const sent = localNow();
  const { now } = clockSchema.parse(await fetchClock());
  const received = localNow();
  const roundTripMs = Math.max(0, received - sent);
  return { offsetMs: now - (sent + roundTripMs / 2), roundTripMs };
}

/** The most precise of a few samples: a request delayed by a busy network says least. */
export async function measureServerOffset(
  samples = 3,
  sample: () => Promise<ClockSample> = () => sampleServerClock(),
): Promise<number> {
  let best: ClockSample | undefined;
  for (let i = 0; i < samples; i++) {
    const next = await sample();
    if (!best || next.roundTripMs < best.roundTripMs) best = next;
  }
  if (!best) throw new Error('no clock sample');
  return best.offsetMs;
}
