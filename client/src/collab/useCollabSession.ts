import { useEffect, useState } from 'react';
import { openCollabSession, type CollabSession } from './collabSession.js';

/**
 * A document opened for as long as the component shows it. Opened in an effect, not during
 * render: React may run effects twice in development (StrictMode) and a session created
 * during render would then be destroyed and never replaced. Undefined until it is open.
 *
 * Each call opens its own socket and offline copy (nothing is shared between calls), so a
 * document that several components read is opened once by their parent and passed down;
 * `docId` undefined opens nothing, for a component whose parent may already hold the session.
 */
export function useCollabSession(docId: string | undefined): CollabSession | undefined {
  const [session, setSession] = useState<CollabSession>();
  useEffect(() => {
    if (docId === undefined) return;
    const opened = openCollabSession(docId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(undefined);
    };
  }, [docId]);
  return session;
}
