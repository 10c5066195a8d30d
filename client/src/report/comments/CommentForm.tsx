import { useState, type FormEvent } from 'react';
import { MAX_COMMENT_TEXT } from '@boussole/shared';
import { Field } from '../../ui/fields.js';
import { ErrorAlert, errorText } from '../../ui/forms.js';

/** A text to write, with its submit and cancel buttons: a new comment, or a reply. */
export function CommentForm(props: {
  label: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      props.onSubmit(text);
      setText('');
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form className="comment-form" onSubmit={submit}>
      <ErrorAlert error={error} />
      <Field label={props.label}>
        <textarea
          value={text}
          required
          maxLength={MAX_COMMENT_TEXT}
          rows={3}
          autoFocus
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="comment-actions">
        <button type="submit" disabled={!text.trim()}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </form>
  );
}
