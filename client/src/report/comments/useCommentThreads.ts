import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { commentThreadsMap, readThreads, type CommentThread } from '@boussole/shared';

/** The comment threads of a comments document, as plain objects, re-read on every change. */
export function useCommentThreads(comments: Y.Doc): CommentThread[] {
  const store = useMemo(() => {
    let snapshot = readThreads(comments);
    return {
      subscribe(listener: () => void) {
        const threads = commentThreadsMap(comments);
        const onChange = () => {
          snapshot = readThreads(comments);
          listener();
        };
        threads.observeDeep(onChange);
        // Whatever arrived between the first read and this subscription.
        snapshot = readThreads(comments);
        return () => threads.unobserveDeep(onChange);
      },
      getSnapshot: () => snapshot,
    };
  }, [comments]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
