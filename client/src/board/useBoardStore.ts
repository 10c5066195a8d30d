import { useEffect, useState } from 'react';
import { createTLStore, defaultShapeUtils, type TLStore } from 'tldraw';
import type { CollabSession } from '../collab/collabSession.js';
import { boussoleShapeUtils } from './shapes/index.js';
import { bindStoreToYDoc, BoardSchemaTooNewError, type BoardBinding } from './yjsBinding.js';

export type BoardStoreState =
  | { kind: 'loading' }
  | { kind: 'ready'; store: TLStore }
  | { kind: 'error'; error: 'too-new' | 'failed'; message: string };

/** How long to wait for the server's copy before showing the offline copy anyway. */
const REMOTE_SYNC_GRACE_MS = 4000;

function whenRemoteSyncedOrGivenUp(session: CollabSession): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const status = session.getStatus();
      const done =
        (status.kind === 'connected' && status.synced) ||
        status.kind === 'offline' ||
        status.kind === 'closed';
      if (done) finish();
    };
    const timer = setTimeout(() => finish(), REMOTE_SYNC_GRACE_MS);
    const unsubscribe = session.subscribeStatus(check);
    function finish() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
    check();
  });
}

/**
 * A tldraw store bound to the board's Y.Doc before the editor mounts: first the offline copy
 * (IndexedDB), then the server's state when it arrives within a few seconds, so that a fresh
 * tab does not flash an empty board over a full one.
 */
export function useBoardStore(session: CollabSession): BoardStoreState {
  const [state, setState] = useState<BoardStoreState>({ kind: 'loading' });
  useEffect(() => {
    let binding: BoardBinding | undefined;
    let cancelled = false;
    void session.localLoaded
      .then(() => whenRemoteSyncedOrGivenUp(session))
      .then(() => {
        if (cancelled) return;
        const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...boussoleShapeUtils] });
        binding = bindStoreToYDoc(store, session.doc);
        setState({ kind: 'ready', store });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setState({
          kind: 'error',
          error: error instanceof BoardSchemaTooNewError ? 'too-new' : 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      });
    return () => {
      cancelled = true;
      binding?.dispose();
    };
  }, [session]);
  return state;
}
