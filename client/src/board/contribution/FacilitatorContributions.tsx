import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type { HeldCard, HeldCardCounts, PlacementRequest } from '@boussole/shared';
import type { heldCardsApi } from './heldCardsApi.js';
import { useContributionT } from './contributionMessages.js';
import { heldCardMainText } from './heldCardText.js';
import { showPlacedCards, viewCentre } from './placedCardsView.js';
import type { ContributionModes } from './useContributionModes.js';

/**
 * The facilitator's switches (anonymous, private writing, moderated), « Révéler (N
 * cartes) », and the inbox with its accept and reject buttons. Inbox cards come without their
 * author: the server never says who wrote them. Revealed and accepted cards go where the
 * facilitator looks (the centre of their view), and their view follows them if need be.
 */
export function FacilitatorContributions({
  editor,
  api,
  modes,
  counts,
  onChange,
  onDone,
}: {
  /** The board's editor: where the facilitator looks, and the camera that shows the cards. */
  editor?: Editor;
  api: ReturnType<typeof heldCardsApi>;
  modes: ContributionModes;
  counts: HeldCardCounts;
  onChange(change: Partial<ContributionModes>): void;
  onDone(): Promise<void>;
}) {
  const t = useContributionT();
  const headingId = useId();
  const [inbox, setInbox] = useState<HeldCard[]>([]);
  const [message, setMessage] = useState('');
  // Stops waiting for the last placed cards to arrive (another reveal, the panel closing).
  const stopShowing = useRef<() => void>(undefined);
  useEffect(() => () => stopShowing.current?.(), []);

  /** Where the cards should go: the centre of the facilitator's view. */
  const placement = (): PlacementRequest | undefined => {
    const near = editor && viewCentre(editor);
    return near ? { near } : undefined;
  };
  /** Once placed, the cards in the facilitator's view. */
  const show = (cardIds: readonly (string | null)[] | undefined) => {
    const ids = (cardIds ?? []).filter((id): id is string => typeof id === 'string');
    if (!editor || ids.length === 0) return;
    stopShowing.current?.();
    stopShowing.current = showPlacedCards(editor, ids);
  };

  const loadInbox = useCallback(async () => {
    try {
      setInbox((await api.inbox()).cards);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }, [api]);
  useEffect(() => {
    if (modes.moderated || counts.inbox > 0) void loadInbox();
  }, [modes.moderated, counts.inbox, loadInbox]);

  const act = async (action: () => Promise<unknown>, done?: (result: unknown) => string) => {
    try {
      const result = await action();
      setMessage(done ? done(result) : '');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    await onDone();
    await loadInbox();
  };

  // Folded while no mode is on and nothing waits: on a facilitator's screen it would otherwise
  // cover the top left of the board all workshop long. It unfolds by itself as soon as a mode
  // starts or cards wait, and she may fold or unfold it at will.
  const active =
    modes.anonymous ||
    modes.privateWriting ||
    modes.moderated ||
    counts.private > 0 ||
    counts.inbox > 0 ||
    message !== '';
  const [open, setOpen] = useState(active);
  useEffect(() => {
    if (active) setOpen(true);
  }, [active]);

  return (
    <details
      className="contrib-panel"
      aria-labelledby={headingId}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2 id={headingId}>{t('contrib.panel')}</h2>
      </summary>
      <label title={t('contrib.anonymousHint')}>
        <input
          type="checkbox"
          checked={modes.anonymous}
          onChange={(e) => onChange({ anonymous: e.target.checked })}
        />{' '}
        {t('contrib.anonymous')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={modes.privateWriting}
          onChange={(e) => onChange({ privateWriting: e.target.checked })}
        />{' '}
        {t('contrib.private')}
      </label>
      {(modes.privateWriting || counts.private > 0) && (
        <button
          type="button"
          disabled={counts.private === 0}
          onClick={() =>
            void act(
              async () => {
                const result = await api.reveal(placement());
                show(result.cardIds);
                return result;
              },
              (result) => t('contrib.revealed', { n: (result as { revealed: number }).revealed }),
            )
          }
        >
          {t('contrib.reveal', { n: counts.private })}
        </button>
      )}
      <label>
        <input
          type="checkbox"
          checked={modes.moderated}
          onChange={(e) => onChange({ moderated: e.target.checked })}
        />{' '}
        {t('contrib.moderated')}
      </label>
      {(modes.moderated || inbox.length > 0) && (
        <div className="contrib-inbox">
          <h3>{t('contrib.inbox', { n: inbox.length })}</h3>
          {inbox.length === 0 && <p>{t('contrib.inboxEmpty')}</p>}
          <ul>
            {inbox.map((card) => (
              <li key={card.id}>
                <span className="contrib-text">{heldCardMainText(card)}</span>
                <button
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const decision = await api.accept(card.id, placement());
                      show([decision.cardId]);
                    })
                  }
                >
                  {t('contrib.accept')}
                </button>
                <button type="button" onClick={() => void act(() => api.reject(card.id))}>
                  {t('contrib.reject')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p className="contrib-message" role="status">
          {message}
        </p>
      )}
    </details>
  );
}
