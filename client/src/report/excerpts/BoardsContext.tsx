import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { readBoardRecords, type BoardContent } from '@boussole/shared';
import { getWorkspace } from '../../api/api.js';
import { openCollabSession, type CollabSession } from '../../collab/collabSession.js';

/**
 * The workspace's boards, live, for the report's excerpts: each board is opened like on its
 * own page (same server, same rights — every member may read the boards), and its records are
 * re-read shortly after each change, so an excerpt knows at once when its cards changed.
 * `undefined` while the boards are still loading.
 */
const BoardsContext = createContext<BoardContent[] | undefined>(undefined);

export function useBoards(): BoardContent[] | undefined {
  return useContext(BoardsContext);
}

/** Re-reading a board on every keystroke of a card would be wasted work. */
const REREAD_MS = 300;

export function BoardsProvider(props: { workspaceId: string; children: ReactNode }) {
  const [boards, setBoards] = useState<BoardContent[]>();

  useEffect(() => {
    let stopped = false;
    const sessions: CollabSession[] = [];
    const cleanups: (() => void)[] = [];
    void getWorkspace(props.workspaceId)
      .then(async (workspace) => {
        if (stopped) return;
        const contents = new Map<string, BoardContent>();
        const publish = () => {
          if (!stopped) setBoards(workspace.boards.map((b) => contents.get(b.id)).filter(isBoard));
        };
        for (const summary of workspace.boards) {
          const session = openCollabSession(summary.id);
          sessions.push(session);
          const read = () =>
            contents.set(summary.id, {
              id: summary.id,
              title: summary.title,
              records: readBoardRecords(session.doc),
            });
          let timer: ReturnType<typeof setTimeout> | undefined;
          const onUpdate = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
              read();
              publish();
            }, REREAD_MS);
          };
          session.doc.on('update', onUpdate);
          cleanups.push(() => {
            clearTimeout(timer);
            session.doc.off('update', onUpdate);
          });
          await session.localLoaded;
          await serverCopyOrGiveUp(session);
          read();
        }
        publish();
      })
      .catch(() => {
        // Without the boards, excerpts can neither be inserted nor checked: say nothing more.
        if (!stopped) setBoards([]);
      });
    return () => {
      stopped = true;
      for (const cleanup of cleanups) cleanup();
      for (const session of sessions) session.destroy();
    };
  }, [props.workspaceId]);

  return <BoardsContext.Provider value={boards}>{props.children}</BoardsContext.Provider>;
}

/** How long an excerpt waits for a board's server copy before using the device's own. */
const SYNC_WAIT_MS = 8_000;

/**
 * Resolves once the board holds the server's copy — so an excerpt inserted at once is not
 * built from an empty document — or when that cannot happen soon (offline, refused, slow).
 */
function serverCopyOrGiveUp(session: CollabSession): Promise<void> {
  const synced = () => {
    const status = session.getStatus();
    return (
      (status.kind === 'connected' && status.synced) ||
      status.kind === 'offline' ||
      status.kind === 'closed'
    );
  };
  if (synced()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = session.subscribeStatus(() => {
      if (synced()) done();
    });
    const timer = setTimeout(done, SYNC_WAIT_MS);
  });
}

function isBoard(value: BoardContent | undefined): value is BoardContent {
  return value !== undefined;
}

/** Where an excerpt's item links to: the card, selected on its board. */
export function cardUrl(boardId: string, shapeId: string): string {
  return `${window.location.origin}/b/${encodeURIComponent(boardId)}#${encodeURIComponent(shapeId)}`;
}
