import type { Editor } from '@tiptap/react';
import { excerptSourceLabels, excerptSources, type ExcerptSource } from '@boussole/shared';
import { useT } from '../../i18n/useT.js';
import { useUiStore } from '../../stores/uiStore.js';
import { excerptNodeJson } from './BoardExcerptNode.js';
import { useBoards } from './BoardsContext.js';

/** "Insérer depuis les tableaux": the préconisations, hypotheses or themes, at the cursor. */
export function InsertExcerptMenu({ editor }: { editor: Editor }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const boards = useBoards();
  return (
    <select
      aria-label={t('excerpt.insert')}
      value=""
      disabled={!boards}
      onChange={(e) => {
        const source = e.target.value as ExcerptSource;
        if (!boards || !excerptSources.includes(source)) return;
        editor.chain().focus().insertContent(excerptNodeJson(source, boards)).run();
      }}
    >
      <option value="">{boards ? t('excerpt.insert') : t('excerpt.loading')}</option>
      {excerptSources.map((source) => (
        <option key={source} value={source}>
          {excerptSourceLabels[source][language]}
        </option>
      ))}
    </select>
  );
}
