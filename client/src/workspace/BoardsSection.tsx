import { useState, type FormEvent } from 'react';
import {
  boardTemplateIds,
  canAdministerWorkspace,
  canCreateBoards,
  type BoardTemplateId,
  type WorkspaceDetail,
} from '@boussole/shared';
import { createWorkspaceBoard } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { Field, InputField, Select } from '../ui/fields.js';
import { errorText } from '../ui/forms.js';
import { boardPath, navigate } from '../ui/router.js';
import { templateLabels } from './templateLabels.js';
import { PurgeHistoryButton } from './PurgeHistoryButton.js';

export function BoardsSection(props: { workspace: WorkspaceDetail; onError(e: string): void }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { workspace } = props;
  const admin = canAdministerWorkspace(workspace.role);
  return (
    <section aria-labelledby="boards-title">
      <h2 id="boards-title">{t('ws.boards')}</h2>
      {workspace.boards.length === 0 && <p className="muted">{t('ws.noBoards')}</p>}
      <ul className="board-list">
        {workspace.boards.map((board) => (
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
            <span className="muted">{templateLabels[board.template][language]}</span>
            {admin && <PurgeHistoryButton docId={board.id} title={board.title} />}
          </li>
        ))}
      </ul>
      {canCreateBoards(workspace.role) && (
        <NewBoardForm workspaceId={workspace.id} onError={props.onError} />
      )}
    </section>
  );
}

function NewBoardForm({ workspaceId, onError }: { workspaceId: string; onError(e: string): void }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplateId>('blank');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const board = await createWorkspaceBoard(workspaceId, { title, template });
      navigate(boardPath(board.id));
    } catch (e) {
      onError(errorText(e));
    }
  }
  return (
    <form className="new-board" onSubmit={(e) => void onSubmit(e)} aria-label={t('home.new')}>
      <h3>{t('home.new')}</h3>
      <InputField
        label={t('home.newTitle')}
        name="title"
        value={title}
        required
        maxLength={200}
        onChange={setTitle}
      />
      <Field label={t('home.template')}>
        <Select<BoardTemplateId>
          value={template}
          options={boardTemplateIds}
          optionLabel={(id) => templateLabels[id][language]}
          onChange={setTemplate}
        />
      </Field>
      <button type="submit">{t('home.create')}</button>
    </form>
  );
}
