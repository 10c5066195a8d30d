import { useCallback, useEffect, useState } from 'react';
import type { BoardOverview } from '@boussole/shared';
import { errorText } from '../../ui/forms.js';
import { getBoardOverview } from './boardApi.js';

/** How often the page asks again who is on which board (the server caches the counts). */
const REFRESH_MS = 5_000;

/**
 * The workspace's boards with their step, counts, last change and who is there now, asked
 * again every few seconds while the page is visible, and at once after a change of ours.
 */
export function useBoardOverview(workspaceId: string) {
  const [boards, setBoards] = useState<BoardOverview[]>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    getBoardOverview(workspaceId)
      .then((list) => {
        setBoards(list);
        setError(undefined);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [workspaceId]);

  useEffect(() => {
    reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return { boards, error, reload };
}
