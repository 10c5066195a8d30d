import { useEffect, useState } from 'react';
import {
  sessionDocIdOf,
  sessionDocLayout,
  sessionVoteSchema,
  type SessionVote,
} from '@boussole/shared';
import { useCollabSession } from '../../collab/useCollabSession.js';

/**
 * The vote's public face, live from the board's session document (written by the server only:
 * settings, how many voted, results once closed). Never anyone's dots: those stay on the
 * server until the close. `boardId` undefined reads nothing: the board page already reads the
 * session document and passes the vote down.
 */
export function useSessionVote(boardId: string | undefined): SessionVote | undefined {
  const session = useCollabSession(boardId === undefined ? undefined : sessionDocIdOf(boardId));
  const [vote, setVote] = useState<SessionVote>();
  useEffect(() => {
    if (!session) return;
    const root = session.doc.getMap<unknown>(sessionDocLayout.root);
    const read = () => {
      const parsed = sessionVoteSchema.safeParse(root.get('vote'));
      setVote(parsed.success ? parsed.data : undefined);
    };
    read();
    root.observe(read);
    return () => root.unobserve(read);
  }, [session]);
  return vote;
}
