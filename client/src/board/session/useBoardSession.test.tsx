// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { sessionDocLayout, type SessionTimer } from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';

/** One fake connection per opened doc id: the hook must open the session document once. */
const opened: string[] = [];
const docs = new Map<string, Y.Doc>();
const sessions = new Map<string, CollabSession>();
vi.mock('../../collab/useCollabSession.js', () => ({
  useCollabSession(docId: string | undefined): CollabSession | undefined {
    if (docId === undefined) return undefined;
    let session = sessions.get(docId);
    if (!session) {
      const doc = new Y.Doc();
      docs.set(docId, doc);
      session = { docId, doc } as unknown as CollabSession;
      sessions.set(docId, session);
      opened.push(docId);
    }
    return session;
  },
}));

const { useBoardSession } = await import('./useBoardSession.js');

const SERVER_AHEAD_MS = 7 * 60_000;
const timer: SessionTimer = {
  status: 'running',
  durationMs: 300_000,
  endsAt: 1_800_000_000_000,
  remainingMs: 300_000,
  freezeAtZero: false,
  sound: false,
  label: '',
};

beforeEach(() => {
  opened.length = 0;
  docs.clear();
  sessions.clear();
  // The server's clock is 7 minutes ahead of this computer's (and answers at once).
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => ({ json: async () => ({ now: Date.now() + SERVER_AHEAD_MS }) })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const root = () => docs.get('board-1-session')!.getMap<unknown>(sessionDocLayout.root);

describe('useBoardSession', () => {
  it('opens the board’s session document once and reads its values, invalid ones as absent', () => {
    const { result } = renderHook(() => useBoardSession('board-1', false));
    expect(opened).toEqual(['board-1-session']);
    act(() => {
      root().set('timer', timer);
      root().set('lock', { board: true }); // missing fields: not a lock
      root().set('agenda', { steps: [], current: null });
    });
    expect(result.current.timer).toEqual(timer);
    expect(result.current.lock).toBeUndefined();
    expect(result.current.agenda).toEqual({ steps: [], current: null });
    expect(result.current.vote).toBeUndefined();
  });

  it('corrects the clock to the server’s once measured, in whole milliseconds', async () => {
    const { result } = renderHook(() => useBoardSession('board-1', false));
    await waitFor(() => expect(result.current.clockReady).toBe(true));
    const offset = result.current.serverNow() - Date.now();
    expect(Math.abs(offset - SERVER_AHEAD_MS)).toBeLessThan(1_000);
    expect(Number.isInteger(result.current.serverNow())).toBe(true);
  });

  it('lets facilitators write valid values only, and participants not at all', () => {
    const participant = renderHook(() => useBoardSession('board-1', false));
    expect(participant.result.current.write).toBeUndefined();
    participant.unmount();

    const { result } = renderHook(() => useBoardSession('board-1', true));
    const write = result.current.write!;
    act(() => write('timer', timer));
    expect(root().get('timer')).toEqual(timer);
    expect(result.current.timer).toEqual(timer);
    expect(() => write('timer', { ...timer, remainingMs: 0.5 })).toThrow(/invalid session timer/);
    expect(root().get('timer')).toEqual(timer);
  });
});
