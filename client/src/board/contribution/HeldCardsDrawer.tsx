import { useId, useState } from 'react';
import { heldCardKinds, type HeldCard, type HeldCardKind } from '@boussole/shared';
import type { heldCardsApi } from './heldCardsApi.js';
import { useContributionT } from './contributionMessages.js';
import { heldCardInput, heldCardMainText, withMainText } from './heldCardText.js';

/**
 * « Mes cartes privées »: the cards this person holds (private until the reveal, or sent to
 * the facilitator's inbox), editable and deletable until then, and a form for a new one.
 */
export function HeldCardsDrawer({
  api,
  cards,
  inbox,
  canAdd,
  onDone,
}: {
  api: ReturnType<typeof heldCardsApi>;
  cards: readonly HeldCard[];
  /** Cards go to the inbox (moderated) rather than waiting for a reveal. */
  inbox: boolean;
  canAdd: boolean;
  onDone(): Promise<void>;
}) {
  const t = useContributionT();
  const headingId = useId();
  const [kind, setKind] = useState<HeldCardKind>('observation');
  const [text, setText] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    await onDone();
  };

  return (
    <section className="contrib-drawer" aria-labelledby={headingId}>
      <h2 id={headingId}>{inbox ? t('contrib.drawerInbox') : t('contrib.drawer')}</h2>
      {canAdd && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            void act(async () => {
              await api.create(heldCardInput(kind, text.trim()));
              setText('');
            });
          }}
        >
          <label>
            {t('contrib.kind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as HeldCardKind)}>
              {heldCardKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`contrib.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('contrib.newCard')}
            <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit">{t('contrib.add')}</button>
        </form>
      )}
      {cards.length === 0 && <p>{t('contrib.none')}</p>}
      <ul>
        {cards.map((card) => {
          const draft = drafts[card.id] ?? heldCardMainText(card);
          return (
            <li key={card.id} data-held-card={card.id}>
              <label>
                <span className="contrib-kind">{t(`contrib.kind.${card.kind}`)}</span>
                <textarea
                  aria-label={t('contrib.text')}
                  value={draft}
                  rows={2}
                  onChange={(e) => setDrafts({ ...drafts, [card.id]: e.target.value })}
                />
              </label>
              <button
                type="button"
                onClick={() => void act(() => api.edit(card.id, withMainText(card, draft)))}
              >
                {t('contrib.save')}
              </button>
              <button type="button" onClick={() => void act(() => api.remove(card.id))}>
                {t('contrib.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="contrib-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
