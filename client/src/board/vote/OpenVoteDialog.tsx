import { useMemo, useState, type FormEvent } from 'react';
import type { Editor } from 'tldraw';
import {
  cardKinds,
  cardLabelsByLanguage,
  isCardKind,
  type CardKind,
  type OpenVoteRequest,
} from '@boussole/shared';
import { Dialog } from '../../ui/Dialog.js';
import { useUiStore } from '../../stores/uiStore.js';
import { voteCardLabel } from './cardLabel.js';
import { useVoteT } from './voteMessages.js';

type TargetChoice = 'selection' | 'kind' | 'theme';

/**
 * The facilitator's form to open a vote: on the selected cards, every card of a kind, or a
 * theme's cards; N dots each, an optional maximum per card, anonymous or named. The server
 * resolves the cards from the board itself.
 */
export function OpenVoteDialog({
  editor,
  onOpen,
  onClose,
}: {
  editor: Editor;
  onOpen(request: OpenVoteRequest): Promise<void>;
  onClose(): void;
}) {
  const t = useVoteT();
  const language = useUiStore((s) => s.language);
  const selected = useMemo(
    () =>
      editor
        .getSelectedShapes()
        .filter((s) => isCardKind(s.type))
        .map((s) => s.id),
    [editor],
  );
  const themes = useMemo(
    () =>
      editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'theme')
        .map((s) => ({ id: s.id, label: voteCardLabel(editor, s.id) })),
    [editor],
  );
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState<TargetChoice>(selected.length > 0 ? 'selection' : 'kind');
  const [kind, setKind] = useState<CardKind>('hypothesis');
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '');
  const [dots, setDots] = useState(5);
  const [maxPerCard, setMaxPerCard] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    const target =
      choice === 'selection' ? { cardIds: selected } : choice === 'kind' ? { kind } : { themeId };
    try {
      await onOpen({
        title: title.trim(),
        target,
        dotsPerPerson: dots,
        maxPerCard: maxPerCard ? Number(maxPerCard) : null,
        anonymous,
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('vote.dialogTitle')} onClose={onClose} className="vote-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('vote.title')}
          <input
            value={title}
            maxLength={200}
            placeholder={t('vote.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>{t('vote.on')}</legend>
          <label>
            <input
              type="radio"
              name="vote-target"
              checked={choice === 'selection'}
              disabled={selected.length === 0}
              onChange={() => setChoice('selection')}
            />
            {t('vote.on.selection', { n: selected.length })}
          </label>
          <label>
            <input
              type="radio"
              name="vote-target"
              checked={choice === 'kind'}
              onChange={() => setChoice('kind')}
            />
            {t('vote.on.kind')}
          </label>
          <label>
            <input
              type="radio"
              name="vote-target"
              checked={choice === 'theme'}
              disabled={themes.length === 0}
              onChange={() => setChoice('theme')}
            />
            {t('vote.on.theme')}
          </label>
        </fieldset>
        {choice === 'kind' && (
          <label>
            {t('vote.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as CardKind)}>
              {cardKinds.map((k) => (
                <option key={k} value={k}>
                  {cardLabelsByLanguage[language].kinds[k]}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice === 'theme' && (
          <label>
            {t('vote.theme')}
            <select value={themeId} onChange={(e) => setThemeId(e.target.value)}>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('vote.dots')}
          <input
            type="number"
            min={1}
            max={50}
            required
            value={dots}
            onChange={(e) => setDots(Number(e.target.value))}
          />
        </label>
        <label>
          {t('vote.maxPerCard')}
          <input
            type="number"
            min={1}
            max={50}
            value={maxPerCard}
            onChange={(e) => setMaxPerCard(e.target.value)}
          />
        </label>
        <label className="vote-check">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          {t('vote.anonymous')}
        </label>
        {error && (
          <p role="alert" className="vote-error">
            {error}
          </p>
        )}
        <div className="vote-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('vote.cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('vote.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
