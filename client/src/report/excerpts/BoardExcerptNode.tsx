import { Node, mergeAttributes } from '@tiptap/core';
import {
  NodeViewContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  type NodeViewProps,
} from '@tiptap/react';
import {
  buildExcerpt,
  excerptSourceLabels,
  excerptSources,
  type ExcerptSource,
  type BoardContent,
} from '@boussole/shared';
import { useT } from '../../i18n/useT.js';
import { useUiStore } from '../../stores/uiStore.js';
import { cardUrl, useBoards } from './BoardsContext.js';

/**
 * A live excerpt of the boards (see shared/src/report/boardExcerpt): ordinary report text
 * inside a block that remembers what the boards held when it was inserted. The header says
 * whether the boards have changed since, and refreshes it in one click.
 */
export const BoardExcerpt = Node.create({
  name: 'boardExcerpt',
  group: 'block',
  content: 'block+',
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      source: { default: 'recommendations' },
      fingerprint: { default: '' },
      insertedAt: { default: '' },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-board-excerpt]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-board-excerpt': '' }), 0];
  },
  addNodeView() {
    return ReactNodeViewRenderer(BoardExcerptView);
  },
});

function sourceOf(value: unknown): ExcerptSource {
  return excerptSources.includes(value as ExcerptSource)
    ? (value as ExcerptSource)
    : 'recommendations';
}

/** The excerpt node to insert for `source`, as the boards are now. */
export function excerptNodeJson(source: ExcerptSource, boards: BoardContent[]) {
  const excerpt = buildExcerpt(source, boards, cardUrl);
  return {
    type: 'boardExcerpt',
    attrs: { source, fingerprint: excerpt.fingerprint, insertedAt: new Date().toISOString() },
    content: excerpt.content,
  };
}

function BoardExcerptView({ node, editor, getPos }: NodeViewProps) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const boards = useBoards();
  const source = sourceOf(node.attrs.source);
  const current = boards && buildExcerpt(source, boards, cardUrl).fingerprint;
  const changed = current !== undefined && current !== node.attrs.fingerprint;
  const insertedAt = String(node.attrs.insertedAt ?? '');

  const refresh = () => {
    const pos = getPos();
    if (!boards || typeof pos !== 'number') return;
    const fresh = editor.schema.nodeFromJSON(excerptNodeJson(source, boards));
    editor
      .chain()
      .command(({ tr }) => {
        tr.replaceWith(pos, pos + node.nodeSize, fresh);
        return true;
      })
      .run();
  };

  return (
    <NodeViewWrapper
      as="section"
      className={changed ? 'board-excerpt changed' : 'board-excerpt'}
      data-source={source}
      data-changed={changed ? 'true' : 'false'}
    >
      <div className="board-excerpt-head" contentEditable={false}>
        <strong>
          {t('excerpt.from')} — {excerptSourceLabels[source][language]}
        </strong>
        {insertedAt && (
          <span className="muted">
            {' '}
            · {t('excerpt.insertedAt')}{' '}
            {new Date(insertedAt).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB')}
          </span>
        )}
        {changed && (
          <span className="excerpt-changed" role="status">
            {' '}
            {t('excerpt.changed')}
          </span>
        )}
        {changed && editor.isEditable && (
          <button type="button" onClick={refresh}>
            {t('excerpt.refresh')}
          </button>
        )}
      </div>
      <NodeViewContent className="board-excerpt-content" />
    </NodeViewWrapper>
  );
}
