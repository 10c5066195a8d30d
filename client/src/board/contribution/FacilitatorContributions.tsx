import { useCallback, useEffect, useId, useState } from 'react';
import type { HeldCard, HeldCardCounts } from '@boussole/shared';
import type { heldCardsApi } from './heldCardsApi.js';
import { useContributionT } from './contributionMessages.js';
import { heldCardMainText } from './heldCardText.js';
import type { ContributionModes } from './useContributionModes.js';

/**
 * The facilitator's switches (anonymous, private writing, moderated), « Révéler (N
 * cartes) », and the inbox with its accept and reject buttons. Inbox cards come without their
 * author: the server never says who wrote them.
 */
export function FacilitatorContributions({
  api,
  modes,
  counts,
  onChange,
  onDone,
}: {
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

  return (
    <section className="contrib-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contrib.panel')}</h2>
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
              () => api.reveal(),
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
                <button type="button" onClick={() => void act(() => api.accept(card.id))}>
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
    </section>
  );
}
