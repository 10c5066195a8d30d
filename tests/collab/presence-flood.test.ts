import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@boussole/shared';
import { sqliteBackend } from '../helpers/backends.js';
import { buildServer, residentBytes } from '../helpers/childServer.js';
import { childBoardWithGuestHooks } from '../helpers/guestBoard.js';
import { awarenessFrame, isAwarenessFrame } from '../helpers/presenceFrames.js';
import { connectRaw, type RawClient } from '../helpers/rawClient.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue #12, presence, against the built server as a child process: a read-only guest
 * publishing 60 presence ids with 1 MB states made the server hold them (RSS +130 MB) and greet
 * every newcomer with 60 MB. Now the server's memory settles back and a newcomer gets a few
 * hundred bytes.
 */

/** Generous (garbage may wait for a GC): holding the ~75 MB the attack sends cost +160 MB. */
const RSS_SETTLED_GROWTH_BOUND = 100 * 1024 * 1024;

describe('presence flood from a read-only guest (built server)', () => {
  const raws: RawClient[] = [];
  beforeAll(() => buildServer());
  const setup = childBoardWithGuestHooks(sqliteBackend, 'lecteur', () => {
    for (const r of raws) r.terminate();
  });

  const raw = async (cookie: string) => {
    const client = connectRaw(setup.server.collabUrl, setup.board, { cookie });
    raws.push(client);
    await client.opened;
    return client;
  };

  it('holds none of it, and greets a newcomer with a few hundred bytes', async () => {
    const { server, admin, guest } = setup;
    // A participant already there, with a cursor, who reads everything relayed.
    const witness = await raw(admin);
    await witness.send(awarenessFrame(1, 1, JSON.stringify({ cursor: { x: 1, y: 2 } })));
    await witness.waitForFrame(isAwarenessFrame, 'the witness’s own presence relayed');
    const rssBefore = residentBytes(server.pid);

    // 60 ids with 1 MB states, one frame each.
    const first = await raw(guest);
    const big = 'x'.repeat(1_000_000);
    for (let i = 0; i < 60; i++) {
      await first.send(awarenessFrame(10_000 + i, 1, JSON.stringify({ pad: big })));
    }
    // 60 ids with states just under MAX_PRESENCE_BYTES (256 KiB), sent until refused.
    const second = await raw(guest);
    const large = 'y'.repeat(250_000);
    for (let i = 0; i < 60 && !second.closeInfo; i++) {
      await second
        .send(awarenessFrame(20_000 + i, 1, JSON.stringify({ pad: large })))
        .catch(() => {});
    }
    expect((await second.waitClosed()).code).toBe(CloseCode.PresenceRefused);
    // The first socket is still open (its frames were ignored, not punished) and judged all
    // its frames: a small state sent after them reaches the witness.
    await first.send(awarenessFrame(10_100, 1, JSON.stringify({ cursor: { x: 3, y: 4 } })));
    await witness.waitForFrame(
      (f) => isAwarenessFrame(f) && Buffer.from(f).includes('"x":3'),
      'the guest’s small presence',
    );
    expect(first.closeInfo).toBeUndefined();

    // Nothing of the attack is held: memory settles back near where it was.
    let growth = Infinity;
    await waitFor(
      () => {
        growth = residentBytes(server.pid) - rssBefore;
        return growth < RSS_SETTLED_GROWTH_BOUND;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the server’s memory to settle' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: RSS +${(growth / 1048576).toFixed(1)} MB`);
    });

    // A newcomer's greeting holds the witness's cursor and the guest's small one.
    const newcomer = await raw(admin);
    const greeting = await newcomer.waitForFrame(isAwarenessFrame, 'the newcomer’s greeting');
    expect(greeting.length).toBeLessThan(1_024);
    // The witness was relayed at most the states under the cap, never a 1 MB one.
    const relayed = witness.received.filter(isAwarenessFrame);
    expect(Math.max(...relayed.map((f) => f.length))).toBeLessThan(260_000);
    expect(relayed.reduce((sum, f) => sum + f.length, 0)).toBeLessThan(4 * 260_000 + 10_000);
  });
});
