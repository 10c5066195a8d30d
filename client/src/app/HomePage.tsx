import { useEffect, useState, type FormEvent } from 'react';
import { boardTemplateIds, type BoardSummary, type BoardTemplateId } from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { createBoard, listBoards } from './api.js';
import { boardPath, navigate } from './router.js';
import { templateLabels } from './templateLabels.js';

export function HomePage() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [boards, setBoards] = useState<BoardSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplateId>('blank');

  useEffect(() => {
    listBoards()
      .then(setBoards)
      .catch(() => setError(t('home.loadError')));
  }, [t]);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    try {
      const board = await createBoard({ title, template });
      navigate(boardPath(board.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <main className="home">
      <h1>{t('home.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form className="new-board" onSubmit={onCreate} aria-label={t('home.new')}>
        <h2>{t('home.new')}</h2>
        <label>
          {t('home.newTitle')}
          <input
            name="title"
            value={title}
            required
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          {t('home.template')}
          <select
            name="template"
            value={template}
            onChange={(e) => setTemplate(e.target.value as BoardTemplateId)}
          >
            {boardTemplateIds.map((id) => (
              <option key={id} value={id}>
                {templateLabels[id][language]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('home.create')}</button>
      </form>
      {boards && boards.length === 0 && <p>{t('home.empty')}</p>}
      {boards && boards.length > 0 && (
        <ul className="board-list">
          {boards.map((board) => (
            <li key={board.id}>
              <a
                href={boardPath(board.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(boardPath(board.id));
                }}
              >
                {board.title}
              </a>{' '}
              <span className="muted">
                {templateLabels[board.template][language]} · {t('home.createdAt')}{' '}
                {new Date(board.createdAt).toLocaleDateString(
                  language === 'fr' ? 'fr-FR' : 'en-GB',
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
