import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { CollabSession } from '../../collab/collabSession.js';
import { PRESENCE_FIELD, awarenessToPresence } from '../awarenessBinding.js';
import { PresenceMemory, type RememberedPerson } from './lastSeen.js';

/** Others present now, keyed by their person (a second tab of the same person is one). */
function othersPresent(awareness: Awareness): Map<string, { name: string; color: string }> {
  const present = new Map<string, { name: string; color: string }>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presence = awarenessToPresence(
      clientId,
      (state as Record<string, unknown>)[PRESENCE_FIELD],
    );
    if (presence) present.set(presence.userId, { name: presence.userName, color: presence.color });
  }
  return present;
}

/**
 * While the board's connection is down: the people who were here, with when they were last
 * seen (empty while connected). Remembered in sessionStorage so that a reload offline still
 * shows them.
 */
export function useLastSeen(session: CollabSession): {
  offline: boolean;
  away: RememberedPerson[];
} {
  const status = useSyncExternalStore(session.subscribeStatus, session.getStatus);
  const connected = status.kind === 'connected';
  const storageKey = `boussole:lastSeen:${session.docId}`;
  const memory = useMemo(
    () => PresenceMemory.restore(safeStorage()?.getItem(storageKey) ?? null),
    [storageKey],
  );
  const [away, setAway] = useState<RememberedPerson[]>(() => memory.absent());

  useEffect(() => {
    const observe = () => {
      memory.observe(othersPresent(session.awareness), Date.now(), connected);
      try {
        safeStorage()?.setItem(storageKey, memory.serialize());
      } catch {
        // Storage full or disabled: only the offline list after a reload is lost.
      }
      setAway(memory.absent());
    };
    observe();
    session.awareness.on('change', observe);
    // Those who left while connected are forgotten a few seconds later, even in a quiet room.
    const timer = setInterval(observe, 10_000);
    return () => {
      session.awareness.off('change', observe);
      clearInterval(timer);
    };
  }, [session, memory, storageKey, connected]);

  return { offline: !connected, away: connected ? [] : away };
}

function safeStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
