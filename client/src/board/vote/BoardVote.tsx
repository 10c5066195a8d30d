import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from 'tldraw';
import type { OpenVoteRequest, OwnBallot, SessionVote, WorkspaceRole } from '@boussole/shared';
import { DotQueue, withPending, type QueuedDot } from './dotQueue.js';
import { OpenVoteDialog } from './OpenVoteDialog.js';
import { useSessionVote } from './useSessionVote.js';
import { voteApi } from './voteApi.js';
import { VoteCardDots } from './VoteCardDots.js';
import { useVoteT } from './voteMessages.js';
import { VoteResults } from './VoteResults.js';
import './vote.css';

/**
 * « Voter avec des gommettes », mounted once by the board page: the facilitator opens and
 * closes a vote; participants place and remove their dots on the cards, their own only,
 * queued while offline; after the close everyone sees the ranked results and the counts on
 * the cards. What is shown of the vote comes from the session document, which the server
 * alone writes.
 */
export function BoardVote({
  editor,
  boardId,
  role,
  canWrite,
  vote: givenVote,
  voteFromPage = false,
}: {
  editor: Editor;
  boardId: string;
  role: WorkspaceRole | undefined;
  canWrite: boolean;
  /** The session's vote when the page already reads the session; else it is read here. */
  vote?: SessionVote | undefined;
  /** The page reads the session: `vote` (even undefined) is the truth, nothing opened here. */
  voteFromPage?: boolean;
}) {
  const t = useVoteT();
  const ownVote = useSessionVote(voteFromPage ? undefined : boardId);
  const vote = voteFromPage ? givenVote : (givenVote ?? ownVote);
  const facilitator = role === 'animateur' || role === 'administrateur';
  const api = useMemo(() => voteApi(boardId), [boardId]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [ballot, setBallot] = useState<OwnBallot>();
  const [pending, setPending] = useState<readonly QueuedDot[]>([]);
  const [notice, setNotice] = useState('');
  const [hiddenResults, setHiddenResults] = useState<string>();

  const queue = useMemo(
    () =>
      new DotQueue({
        boardId,
        api,
        storage: window.localStorage,
        events: {
          ballot: (b) => setBallot(b),
          refused: (message) => setNotice(message),
          changed: (p) => setPending([...p]),
        },
      }),
    [boardId, api],
  );

  // Dots queued offline leave as soon as the network is back (and at once if it already is).
  useEffect(() => {
    setPending([...queue.pending()]);
    const flush = () => void queue.flush();
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [queue]);

  const voteId = vote?.id;
  const status = vote?.status;
  useEffect(() => {
    setBallot(undefined);
    if (!voteId || !canWrite) return;
    let live = true;
    api.ballot(voteId).then(
      (b) => live && setBallot(b),
      () => {},
    );
    void queue.flush();
    return () => {
      live = false;
    };
  }, [api, queue, voteId, status, canWrite]);

  const myDots = useMemo(
    () =>
      vote ? withPending(ballot?.voteId === vote.id ? ballot.dots : {}, pending, vote.id) : {},
    [vote, ballot, pending],
  );
  const used = Object.values(myDots).reduce((a, b) => a + b, 0);
  const remaining = vote ? Math.max(0, vote.dotsPerPerson - used) : 0;

  const onDot = useCallback(
    (cardId: string, delta: 1 | -1) => {
      if (!vote) return;
      setNotice('');
      void queue.add({ voteId: vote.id, cardId, delta });
    },
    [queue, vote],
  );

  async function open(request: OpenVoteRequest) {
    await api.open(request);
    setDialogOpen(false);
  }

  async function close() {
    if (!vote) return;
    try {
      await api.close(vote.id);
    } catch (failure) {
      setNotice(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const queuedHere = vote ? pending.filter((d) => d.voteId === vote.id).length : 0;
  const open_ = vote?.status === 'open';
  return (
    <>
      {vote && (
        <VoteCardDots
          editor={editor}
          vote={vote}
          myDots={myDots}
          canVote={canWrite}
          remaining={remaining}
          onDot={onDot}
        />
      )}
      <div className="vote-bar" data-testid="vote-bar">
        {open_ && vote && (
          <>
            <span className="vote-running">
              {t('vote.running', { title: vote.title || t('vote.untitled') })}
            </span>
            <span className="vote-voters">{t('vote.voters', { n: vote.voters })}</span>
            {canWrite && (
              <span className="vote-remaining" aria-live="polite" data-testid="vote-remaining">
                {t('vote.remaining', { n: remaining })}
              </span>
            )}
            {facilitator && (
              <button type="button" className="ui-button" onClick={() => void close()}>
                {t('vote.close')}
              </button>
            )}
          </>
        )}
        {!open_ && facilitator && (
          <button type="button" className="ui-button" onClick={() => setDialogOpen(true)}>
            {t('vote.open')}
          </button>
        )}
        {queuedHere > 0 && (
          <span className="vote-queued">{t('vote.queued', { n: queuedHere })}</span>
        )}
        {notice && (
          <p role="alert" className="vote-error">
            {notice}
          </p>
        )}
      </div>
      {vote?.status === 'closed' && hiddenResults !== vote.id && (
        <VoteResults editor={editor} vote={vote} onHide={() => setHiddenResults(vote.id)} />
      )}
      {dialogOpen && (
        <OpenVoteDialog editor={editor} onOpen={open} onClose={() => setDialogOpen(false)} />
      )}
    </>
  );
}
