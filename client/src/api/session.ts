import { useEffect, useSyncExternalStore } from 'react';
import type { Me } from '@boussole/shared';
import { getMe } from './api.js';

/**
 * Who is signed in on this device, as the server says (the session cookie is httpOnly, so the
 * page cannot read it): undefined while asking, null when nobody is.
 */
type SessionState = Me | null | undefined;

let state: SessionState;
let pending: Promise<void> | undefined;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Ask the server again (after signing in or out, or redeeming a link). */
export function refreshSession(): Promise<void> {
  pending = getMe()
    .then((me) => publish(me ?? null))
    .catch(() => publish(null))
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

export function useSession(): SessionState {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  useEffect(() => {
    if (state === undefined && !pending) void refreshSession();
  }, []);
  return current;
}
