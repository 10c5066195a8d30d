import { useState } from 'react';
import type { CommentThread } from '@boussole/shared';
import { useT } from '../../i18n/useT.js';
import { useUiStore } from '../../stores/uiStore.js';
import { CommentForm } from './CommentForm.js';

/** One discussion in the side list: its passage, the comment, the replies and what to do. */
export function ThreadCard(props: {
  thread: CommentThread;
  active: boolean;
  canComment: boolean;
  /** Undefined while it was not looked for; false when the passage is gone from the text. */
  passageFound: boolean | undefined;
  onShowPassage: () => void;
  onReply: (text: string) => void;
  onResolve: (resolved: boolean) => void;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const [replying, setReplying] = useState(false);
  const { thread } = props;
  const when = (iso: string) => new Date(iso).toLocaleString(locale);

  return (
    <li
      className={`comment-thread${props.active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`}
      data-thread-id={thread.id}
    >
      <button
        type="button"
        className="comment-quote"
        title={t('comments.showPassage')}
        onClick={props.onShowPassage}
      >
        « {thread.quote} »
      </button>
      {props.passageFound === false && <p className="muted">{t('comments.passageGone')}</p>}
      <p className="comment-meta">
        <strong>{thread.authorName}</strong> — {when(thread.createdAt)}
      </p>
      <p className="comment-text">{thread.text}</p>
      {thread.replies.length > 0 && (
        <ul className="comment-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <p className="comment-meta">
                <strong>{reply.authorName}</strong> — {when(reply.createdAt)}
              </p>
              <p className="comment-text">{reply.text}</p>
            </li>
          ))}
        </ul>
      )}
      {thread.resolved && (
        <p className="comment-resolved">
          {t('comments.resolvedBy').replace('{name}', thread.resolvedBy ?? '—')}
        </p>
      )}
      {props.canComment && replying && (
        <CommentForm
          label={t('comments.yourReply')}
          submitLabel={t('comments.send')}
          cancelLabel={t('comments.cancel')}
          onSubmit={(text) => {
            props.onReply(text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
      {props.canComment && !replying && (
        <div className="comment-actions">
          {!thread.resolved && (
            <button type="button" onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          )}
          <button type="button" onClick={() => props.onResolve(!thread.resolved)}>
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}
