import { useEffect, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import {
  addReply,
  createThread,
  setResolved,
  type CommentAuthor,
  type CommentThread,
} from '@boussole/shared';
import { ErrorAlert, errorText } from '../../ui/forms.js';
import { useT } from '../../i18n/useT.js';
import { anchorPassage, passageRange, type AnchoredPassage } from './commentAnchors.js';
import { CommentForm } from './CommentForm.js';
import { commentHighlightsKey, setActiveThread } from './commentHighlights.js';
import { ThreadCard } from './ThreadCard.js';
import { useCommentThreads } from './useCommentThreads.js';

/**
 * The comité de relecture's side list: comment the selected passage, read the open threads,
 * reply, resolve — and, on demand, the resolved ones to reopen. Reviewers' editors are
 * read-only, but they can still select text, which is all commenting needs.
 */
export function CommentsPanel(props: {
  editor: Editor;
  comments: Y.Doc;
  identity: CommentAuthor;
  canComment: boolean;
}) {
  const t = useT();
  const { editor, comments, identity } = props;
  const threads = useCommentThreads(comments);
  const [draft, setDraft] = useState<AnchoredPassage>();
  const [showResolved, setShowResolved] = useState(false);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  const hasSelection = useEditorState({ editor, selector: (s) => !s.editor.state.selection.empty });
  const activeId = useEditorState({
    editor,
    selector: (s) => commentHighlightsKey.getState(s.editor.state)?.activeId,
  });
  // A thread chosen from the text (a click on its highlight) is brought into view in the list.
  useEffect(() => {
    if (!activeId) return;
    document
      .querySelector(`.comment-thread[data-thread-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeId]);

  function startComment() {
    const { from, to } = editor.state.selection;
    setError(undefined);
    setDraft(anchorPassage(editor.state, from, to));
  }

  /** Runs a change to the comments document, keeping its failure for the alert. */
  function act(change: () => void) {
    setError(undefined);
    try {
      change();
    } catch (e) {
      setError(errorText(e));
    }
  }

  function showPassage(thread: CommentThread) {
    const { view } = editor;
    const range = passageRange(view.state, thread);
    setMissing((previous) => {
      const next = new Set(previous);
      if (range) next.delete(thread.id);
      else next.add(thread.id);
      return next;
    });
    if (!range) {
      setActiveThread(view, undefined);
      return;
    }
    // The selection is set without focusing the editor: a drafter's next keystroke must not
    // replace the passage they only wanted to look at.
    view.dispatch(
      view.state.tr
        .setSelection(TextSelection.create(view.state.doc, range.from, range.to))
        .setMeta(commentHighlightsKey, { activeId: thread.id }),
    );
    view.dom
      .querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const card = (thread: CommentThread) => (
    <ThreadCard
      key={thread.id}
      thread={thread}
      active={thread.id === activeId}
      canComment={props.canComment}
      passageFound={missing.has(thread.id) ? false : undefined}
      onShowPassage={() => showPassage(thread)}
      onReply={(text) => act(() => addReply(comments, thread.id, { author: identity, text }))}
      onResolve={(value) => act(() => setResolved(comments, thread.id, value, identity))}
    />
  );

  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      <ErrorAlert error={error} />
      {props.canComment && !draft && (
        <div className="comment-start">
          <button
            type="button"
            disabled={!hasSelection}
            // Keeps the selection the click is about (a button would otherwise take focus).
            onMouseDown={(e) => e.preventDefault()}
            onClick={startComment}
          >
            {t('comments.comment')}
          </button>
          {!hasSelection && <p className="muted">{t('comments.selectHint')}</p>}
        </div>
      )}
      {draft && (
        <div className="comment-draft">
          <blockquote>« {draft.quote} »</blockquote>
          <CommentForm
            label={t('comments.yourComment')}
            submitLabel={t('comments.publish')}
            cancelLabel={t('comments.cancel')}
            onSubmit={(text) => {
              createThread(comments, { ...draft, author: identity, text });
              setDraft(undefined);
            }}
            onCancel={() => setDraft(undefined)}
          />
        </div>
      )}
      <h3>{t('comments.open')}</h3>
      {open.length === 0 && <p className="muted">{t('comments.none')}</p>}
      <ul className="comment-list" aria-label={t('comments.open')}>
        {open.map(card)}
      </ul>
      {resolved.length > 0 && (
        <label className="comment-toggle">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => setShowResolved(e.target.checked)}
          />
          {t('comments.showResolved')} ({resolved.length})
        </label>
      )}
      {showResolved && resolved.length > 0 && (
        <ul className="comment-list" aria-label={t('comments.resolvedTitle')}>
          {resolved.map(card)}
        </ul>
      )}
    </section>
  );
}
