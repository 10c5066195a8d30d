import { useState, type FormEvent } from 'react';
import { boardTemplateIds, type BoardTemplateId } from '@boussole/shared';
import { createWorkspaceBoard } from '../../api/api.js';
import { useT } from '../../i18n/useT.js';
import { useUiStore } from '../../stores/uiStore.js';
import { Field, InputField, Select } from '../../ui/fields.js';
import { errorText } from '../../ui/forms.js';
import { boardPath, navigate } from '../../ui/router.js';
import { templateLabels } from '../templateLabels.js';

export function NewBoardForm(props: { workspaceId: string; onError(e: string): void }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplateId>('blank');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const board = await createWorkspaceBoard(props.workspaceId, { title, template });
      navigate(boardPath(board.id));
    } catch (e) {
      props.onError(errorText(e));
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
