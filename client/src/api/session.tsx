import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Me } from '@boussole/shared';
import { getMe } from './api.js';

/**
 * Who is signed in on this device, as the server says (the session cookie is httpOnly, so the
 * page cannot read it): undefined while asking, null when nobody is.
 */
export type SessionState = Me | null | undefined;

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Ask the server again (after signing in or out, or redeeming a link). */
  refresh(): Promise<void>;
  /** Whether a question to the server is under way. */
  readonly asking: boolean;
}

/** One per app, created when the app starts (SessionProvider), so tests can make their own. */
export function createSessionStore(askServer: () => Promise<Me | undefined> = getMe): SessionStore {
  let state: SessionState;
  let pending: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const publish = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      pending = askServer()
        .then((me) => publish(me ?? null))
        .catch(() => publish(null))
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    get asking() {
      return pending !== undefined;
    },
  };
}

const SessionContext = createContext<SessionStore | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createSessionStore());
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside SessionProvider');
  return store;
}

export function useSession(): SessionState {
  const store = useSessionStore();
  const current = useSyncExternalStore(store.subscribe, store.getState);
  useEffect(() => {
    if (store.getState() === undefined && !store.asking) void store.refresh();
  }, [store]);
  return current;
}

/** Ask the server again who is signed in (after signing in or out, or redeeming a link). */
export function useRefreshSession(): () => Promise<void> {
  return useSessionStore().refresh;
}
