import { useState, type FormEvent } from 'react';
import {
  canAdministerWorkspace,
  instanceLabels,
  roleLabels,
  workspaceRoles,
  type InstanceKind,
  type WorkspaceDetail,
  type WorkspaceRole,
} from '@boussole/shared';
import { addMember } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { Field, InputField } from '../ui/fields.js';
import { errorText } from '../ui/forms.js';
import { InstanceSelect, RoleSelect } from './accessSelects.js';

export function MembersSection(props: {
  workspace: WorkspaceDetail;
  onChanged(): void;
  onError(e: string): void;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const { workspace } = props;
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('ws.members')}</h2>
      <ul className="member-list">
        {workspace.members.map((m) => (
          <li key={m.userId}>
            {m.displayName} — {roleLabels[m.role][language]}
            {m.instances.length > 0 && (
              <span className="muted">
                {' '}
                · {m.instances.map((i) => instanceLabels[i][language]).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canAdministerWorkspace(workspace.role) && (
        <AddMemberForm
          workspaceId={workspace.id}
          onDone={props.onChanged}
          onError={props.onError}
        />
      )}
    </section>
  );
}

function AddMemberForm(props: { workspaceId: string; onDone(): void; onError(e: string): void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('contributeur');
  const [instance, setInstance] = useState<InstanceKind | ''>('collectif_projet');
  const [initialPassword, setInitialPassword] = useState('');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await addMember(props.workspaceId, {
        email,
        displayName,
        role,
        instances: instance ? [instance] : [],
        ...(initialPassword ? { initialPassword } : {}),
      });
      setEmail('');
      setDisplayName('');
      setInitialPassword('');
      props.onDone();
    } catch (e) {
      props.onError(errorText(e));
    }
  }
  return (
    <form className="new-board" onSubmit={(e) => void onSubmit(e)} aria-label={t('ws.addMember')}>
      <h3>{t('ws.addMember')}</h3>
      <InputField label={t('ws.name')} required value={displayName} onChange={setDisplayName} />
      <InputField label={t('auth.email')} type="email" required value={email} onChange={setEmail} />
      <Field label={t('ws.role')}>
        <RoleSelect value={role} onChange={setRole} roles={workspaceRoles} />
      </Field>
      <Field label={t('ws.linkInstance')}>
        <InstanceSelect value={instance} onChange={setInstance} />
      </Field>
      <InputField
        label={t('ws.initialPassword')}
        type="password"
        minLength={12}
        value={initialPassword}
        onChange={setInitialPassword}
      />
      <button type="submit">{t('ws.add')}</button>
    </form>
  );
}
