import { useState } from 'react';
import './cardPanel.css';
import { useValue, type Editor, type TLShape } from 'tldraw';
import {
  cardLabelsByLanguage,
  cardPropsSchemas,
  isCardKind,
  isLinkingCardKind,
  type CardKind,
} from '@boussole/shared';
import { useUiStore } from '../../stores/uiStore.js';
import { ThemeArrange } from '../arrange/ArrangeControls.js';
import { arrangeText } from '../arrange/arrangeText.js';
import { CardLinksField } from '../links/CardLinksField.js';
import { cardFieldsByLanguage } from './cardFields.js';
import { PanelField } from './PanelField.js';
import { panelText } from './panelText.js';
import { ThemeCountsView } from './ThemeCountsView.js';
import { useWorkspaceVocabulary } from './useWorkspaceVocabulary.js';

type Props = Record<string, unknown>;

/**
 * Edits the selected ABS card field by field: the same properties as in-place editing, with
 * room for long verbatims and for links between cards. Every change is validated with the
 * shared schema before it reaches the board. Labels follow the person's language; the values
 * stored stay the same whatever it is.
 */
export function CardSidePanel({
  editor,
  boardId = '',
  workspaceId,
}: {
  editor: Editor;
  /** The board's id: links to its own cards are written short (shared cardLinks.ts). */
  boardId?: string;
  workspaceId?: string | null | undefined;
}) {
  const language = useUiStore((s) => s.language);
  const vocabulary = useWorkspaceVocabulary(workspaceId);
  const shape = useValue('selected card', () => editor.getOnlySelectedShape(), [editor]);
  const [error, setError] = useState<string | undefined>();
  if (!shape || !isCardKind(shape.type)) return null;
  const kind: CardKind = shape.type;
  const props = shape.props as Props;
  const text = panelText[language];
  const kindLabel = cardLabelsByLanguage[language].kinds[kind];

  function save(key: string, value: unknown) {
    if (!shape) return;
    const next = { ...props, [key]: value };
    const parsed = cardPropsSchemas[kind].safeParse(next);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? text.invalid);
      return;
    }
    setError(undefined);
    editor.updateShape({ id: shape.id, type: shape.type, props: { [key]: value } } as TLShape);
  }

  return (
    <aside className="card-panel" aria-label={text.cardAria(kindLabel)}>
      <h2>{kindLabel}</h2>
      {cardFieldsByLanguage[language][kind].map((field) =>
        field.input === 'links' && isLinkingCardKind(kind) ? (
          <CardLinksField
            key={`${shape.id}-${field.key}`}
            editor={editor}
            boardId={boardId}
            workspaceId={workspaceId}
            kind={kind}
            label={field.label}
            value={props[field.key]}
            language={language}
            onChange={(value) => save(field.key, value)}
          />
        ) : (
          <PanelField
            key={`${shape.id}-${field.key}`}
            field={field}
            value={props[field.key]}
            vocabulary={vocabulary}
            text={text}
            onChange={(value) => save(field.key, value)}
          />
        ),
      )}
      {kind === 'theme' && (
        <ThemeArrange editor={editor} themeId={shape.id} text={arrangeText[language]} />
      )}
      {kind === 'theme' && (
        <ThemeCountsView editor={editor} themeId={shape.id} vocabulary={vocabulary} text={text} />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </aside>
  );
}
