import { useMemo } from 'react';
import type { Editor } from 'tldraw';
import type { SessionFocus } from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';
import { PeopleList } from '../PeopleList.js';
import { FacilitatorFocus } from './FacilitatorFocus.js';
import { FocusOverlay } from './FocusOverlay.js';
import { FollowBanner } from './FollowBanner.js';
import { ReactionBar } from './ReactionBar.js';
import { SpotlightBanner } from './SpotlightBanner.js';
import { OwnSpotlights } from './spotlightOwn.js';
import { SummonBanner, tabStorage, useSummonTracker } from './SummonBanner.js';
import { useLastSeen } from './useLastSeen.js';
import { useReactions } from './useReactions.js';

/** The session document's `focus` as the board page gets it from the board's session. */
export interface FocusSession {
  focus: SessionFocus | undefined;
  /** Present for animateurs and administrateurs only. */
  writeFocus?: (value: SessionFocus) => void;
  /** The server's clock as this browser measured it. */
  serverNow: () => number;
}

/**
 * Everything of « voir ensemble » on the canvas, mounted once by the board page: reactions,
 * the facilitator's summon and spotlight, the banners of following, summons and spotlights,
 * the spotlight ring and floating reactions.
 */
export function BoardFocus({
  editor,
  session,
  boardId,
  selfName,
  focusSession,
  readOnly,
}: {
  editor: Editor;
  session: CollabSession;
  boardId: string;
  selfName: string;
  focusSession: FocusSession | undefined;
  readOnly: boolean;
}) {
  const tracker = useSummonTracker(boardId);
  const ownSpotlights = useMemo(() => new OwnSpotlights(boardId, tabStorage()), [boardId]);
  const { floating, react } = useReactions(editor, session.awareness);
  const focus = focusSession?.focus;
  return (
    <>
      <FocusOverlay editor={editor} spotlight={focus?.spotlight} reactions={floating} />
      <div className="focus-banners">
        <div className="focus-tools focus-banner">
          {!readOnly && <ReactionBar editor={editor} onReact={react} />}
          {focusSession?.writeFocus && (
            <FacilitatorFocus
              editor={editor}
              focus={focus}
              writeFocus={focusSession.writeFocus}
              selfName={selfName}
              serverNow={focusSession.serverNow}
              tracker={tracker}
              ownSpotlights={ownSpotlights}
            />
          )}
        </div>
        <FollowBanner editor={editor} />
        {focusSession && (
          <SummonBanner
            editor={editor}
            summon={focus?.summon}
            tracker={tracker}
            serverNow={focusSession.serverNow}
          />
        )}
        <SpotlightBanner editor={editor} spotlight={focus?.spotlight} own={ownSpotlights} />
      </div>
    </>
  );
}

/** The board's people list, where a name follows that person and offline shows « vu il y a ». */
export function FocusPeopleList({
  session,
  editor,
}: {
  session: CollabSession;
  editor: Editor | undefined;
}) {
  const lastSeen = useLastSeen(session);
  return <PeopleList awareness={session.awareness} focus={{ editor, ...lastSeen }} />;
}
