import { useEffect, useState } from 'react';
import { openCollabSession, type CollabSession } from './collabSession.js';

/**
 * A document opened for as long as the component shows it. Opened in an effect, not during
 * render: React may run effects twice in development (StrictMode) and a session created
 * during render would then be destroyed and never replaced. Undefined until it is open.
 */
export function useCollabSession(docId: string): CollabSession | undefined {
  const [session, setSession] = useState<CollabSession>();
  useEffect(() => {
    const opened = openCollabSession(docId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(undefined);
    };
  }, [docId]);
  return session;
}
