import { useEffect, useMemo, useState } from 'react';
import type { Editor, TLCamera } from 'tldraw';
import type { SessionFocus } from '@boussole/shared';
import { useFocusT } from './focusMessages.js';
import { SummonTracker, staysAfterSummon } from './summonOnce.js';

/** This tab's sessionStorage, or none where the browser refuses it. */
export function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** One tracker per board and tab: shared by the facilitator's button and the banner. */
export function useSummonTracker(boardId: string): SummonTracker {
  return useMemo(() => new SummonTracker(boardId, tabStorage()), [boardId]);
}

/**
 * A participant's side of « Rassembler tout le monde ici »: on a new summon, the view moves to
 * the facilitator's (once per summon), and a banner offers to go back where one was.
 */
export function SummonBanner({
  editor,
  summon,
  tracker,
  serverNow,
}: {
  editor: Editor;
  summon: SessionFocus['summon'] | undefined;
  tracker: SummonTracker;
  serverNow: () => number;
}) {
  const t = useFocusT();
  const [moved, setMoved] = useState<{ by: string; before: TLCamera } | null>(null);

  useEffect(() => {
    if (!summon || !tracker.shouldObey(summon, serverNow())) return;
    const before = editor.getCamera();
    // A summon wins over following someone else: the facilitator asked everyone to look here.
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
    editor.zoomToBounds(
      { x: summon.x, y: summon.y, w: summon.w, h: summon.h },
      { inset: 0, animation: { duration: 300 } },
    );
    setMoved({ by: summon.by, before });
  }, [editor, summon, tracker, serverNow]);

  // Once the person works where they were brought, « Revenir où j’étais » is no longer the
  // question, and the banner would cover cards (a vote's dots, a spotlight) they now need.
  useEffect(() => {
    if (!moved) return;
    const onInput = (input: { type: string; name?: string }) => {
      if (staysAfterSummon(input)) setMoved(null);
    };
    editor.on('event', onInput);
    return () => {
      editor.off('event', onInput);
    };
  }, [editor, moved]);

  if (!moved) return null;
  return (
    <div className="focus-banner" role="status">
      <span>{t('summon.banner', { name: moved.by })}</span>
      <button
        type="button"
        onClick={() => {
          editor.setCamera(moved.before, { animation: { duration: 300 } });
          setMoved(null);
        }}
      >
        {t('summon.back')}
      </button>
      <button type="button" onClick={() => setMoved(null)}>
        {t('summon.dismiss')}
      </button>
    </div>
  );
}
