import { useState, type FormEvent } from 'react';
import { boardSteps, type BoardOverview, type BoardStep } from '@boussole/shared';
import { Dialog } from '../../ui/Dialog.js';
import { Field, InputField, Select } from '../../ui/fields.js';
import { ErrorAlert, errorText } from '../../ui/forms.js';
import { PurgeHistoryButton } from '../PurgeHistoryButton.js';
import { deleteBoard, updateBoard } from './boardApi.js';
import { stepKey, useBoardsT } from './boardsMessages.js';

export type BoardDialogKind = 'rename' | 'step' | 'settings' | 'delete';

interface DialogProps {
  board: Pick<BoardOverview, 'id' | 'title' | 'step'>;
  onClose(): void;
  /** After a change the server accepted. */
  onDone(): void;
}

/** The dialog one of a board's menu entries opens. */
export function BoardDialog({ kind, ...props }: DialogProps & { kind: BoardDialogKind }) {
  switch (kind) {
    case 'rename':
      return <RenameDialog {...props} />;
    case 'step':
      return <StepDialog {...props} />;
    case 'settings':
      return (
        <SettingsDialog docId={props.board.id} title={props.board.title} onClose={props.onClose} />
      );
    case 'delete':
      return <DeleteDialog {...props} />;
  }
}

/** Submit `action`, then `onDone`; a refusal stays in the dialog, in the server's words. */
function useSubmit(action: () => Promise<void>, onDone: () => void) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    action()
      .then(onDone)
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  return { error, busy, onSubmit };
}

function Actions({
  busy,
  submit,
  danger,
  onClose,
}: {
  busy: boolean;
  submit: string;
  danger?: boolean;
  onClose(): void;
}) {
  const t = useBoardsT();
  return (
    <div className="ui-dialog-actions">
      <button type="button" className="secondary" onClick={onClose}>
        {t('cancel')}
      </button>
      <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
        {submit}
      </button>
    </div>
  );
}

function RenameDialog({ board, onClose, onDone }: DialogProps) {
  const t = useBoardsT();
  const [title, setTitle] = useState(board.title);
  const { error, busy, onSubmit } = useSubmit(() => updateBoard(board.id, { title }), onDone);
  return (
    <Dialog title={t('rename.title', { title: board.title })} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <InputField
          label={t('rename.field')}
          value={title}
          required
          maxLength={200}
          onChange={setTitle}
        />
        <ErrorAlert error={error} />
        <Actions busy={busy} submit={t('save')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

function StepDialog({ board, onClose, onDone }: DialogProps) {
  const t = useBoardsT();
  const [step, setStep] = useState<BoardStep>(board.step);
  const { error, busy, onSubmit } = useSubmit(() => updateBoard(board.id, { step }), onDone);
  return (
    <Dialog title={t('step.title', { title: board.title })} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <Field label={t('step.field')}>
          <Select<BoardStep>
            value={step}
            options={boardSteps}
            optionLabel={(s) => t(stepKey(s))}
            onChange={setStep}
          />
        </Field>
        <ErrorAlert error={error} />
        <Actions busy={busy} submit={t('save')} onClose={onClose} />
      </form>
    </Dialog>
  );
}

/** A document's settings: what is dangerous lives here, out of the list (the history purge). */
export function SettingsDialog({
  docId,
  title,
  onClose,
}: {
  docId: string;
  title: string;
  onClose(): void;
}) {
  const t = useBoardsT();
  return (
    <Dialog title={t('settings.title', { title })} onClose={onClose}>
      <div className="ui-dialog-body">
        <h3>{t('settings.danger')}</h3>
        <p className="muted">{t('settings.purgeAbout')}</p>
        <PurgeHistoryButton docId={docId} title={title} />
        <div className="ui-dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Deletion is confirmed by typing the board's title: a slip of the mouse cannot do it. */
function DeleteDialog({ board, onClose, onDone }: DialogProps) {
  const t = useBoardsT();
  const [typed, setTyped] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => deleteBoard(board.id), onDone);
  const matches = typed.trim() === board.title.trim();
  return (
    <Dialog title={t('delete.title', { title: board.title })} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <p>{t('delete.about')}</p>
        <InputField
          label={t('delete.field')}
          value={typed}
          autoComplete="off"
          onChange={setTyped}
        />
        <ErrorAlert error={error} />
        <Actions busy={busy || !matches} submit={t('delete.confirm')} danger onClose={onClose} />
      </form>
    </Dialog>
  );
}
