import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from 'tldraw';
import {
  sessionDocIdOf,
  type HeldCard,
  type HeldCardCounts,
  type WorkspaceRole,
} from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';
import { useCollabSession } from '../../collab/useCollabSession.js';
import { FacilitatorContributions } from './FacilitatorContributions.js';
import { HeldCardsDrawer } from './HeldCardsDrawer.js';
import { heldCardsApi } from './heldCardsApi.js';
import { useContributionT } from './contributionMessages.js';
import { useContributionModes } from './useContributionModes.js';
import { useFreshClientIdWhen } from './useFreshClientId.js';
import './contribution.css';

/** How often, while cards may be held, the page asks how many wait (a count, no content). */
const POLL_MS = 3_000;

/**
 * Anonymous contributions, « écrire seul, révéler ensemble » and the moderated inbox, mounted
 * once by the board page: the facilitator's switches and inbox, the participant's own held
 * cards, and for everyone the banner of the mode and how many cards wait. The server enforces
 * all of it; this only shows it.
 */
export function BoardContribution({
  editor,
  boardId,
  role,
  canWrite,
  board,
  sessionDoc: givenSessionDoc,
}: {
  /** The board's editor: revealed and accepted cards go where the facilitator looks. */
  editor?: Editor;
  boardId: string;
  role: WorkspaceRole | undefined;
  canWrite: boolean;
  /** The board's own document session (its client id is renewed in anonymous mode). */
  board: CollabSession | undefined;
  /** The session document when the board page already opened it (else it is opened here). */
  sessionDoc?: CollabSession;
}) {
  const t = useContributionT();
  const ownSessionDoc = useCollabSession(givenSessionDoc ? undefined : sessionDocIdOf(boardId));
  const sessionDoc = givenSessionDoc ?? ownSessionDoc;
  const { modes, set } = useContributionModes(sessionDoc);
  const facilitator = role === 'animateur' || role === 'administrateur';
  const api = useMemo(() => heldCardsApi(boardId), [boardId]);
  const [own, setOwn] = useState<HeldCard[]>([]);
  const [counts, setCounts] = useState<HeldCardCounts>({ private: 0, inbox: 0 });
  useFreshClientIdWhen(board?.doc, modes.anonymous);

  const holding = modes.privateWriting || modes.moderated;
  const refresh = useCallback(async () => {
    try {
      const list = await api.list();
      setOwn(list.cards);
      setCounts(list.counts);
    } catch {
      // Offline or signed out: the next poll tries again; the board says which.
    }
  }, [api]);
  const waiting = counts.private + counts.inbox > 0;
  useEffect(() => {
    if (!holding && !waiting) return;
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [holding, waiting, refresh]);

  const banner = modes.privateWriting
    ? t('contrib.banner.private')
    : modes.moderated
      ? t('contrib.banner.moderated')
      : modes.anonymous
        ? t('contrib.banner.anonymous')
        : '';

  return (
    <div className="contrib">
      {/* The facilitator's switches first: the banner that a switch brings up appears below
          them, and does not push the next switch from under her pointer. */}
      {facilitator && (
        <FacilitatorContributions
          editor={editor}
          api={api}
          modes={modes}
          counts={counts}
          onChange={set}
          onDone={refresh}
        />
      )}
      {(banner || counts.private > 0) && (
        <p className="contrib-banner" role="status">
          {banner}
          {counts.private > 0 && (
            <span className="contrib-waiting" data-testid="held-count">
              {' '}
              {t('contrib.waiting', { n: counts.private })}
            </span>
          )}
        </p>
      )}
      {canWrite && (holding || own.length > 0) && (
        <HeldCardsDrawer
          api={api}
          cards={own}
          inbox={!modes.privateWriting}
          canAdd={holding}
          onDone={refresh}
        />
      )}
    </div>
  );
}
