import {
  instanceKinds,
  instanceLabels,
  roleLabels,
  workspaceRoles,
  type InstanceKind,
  type WorkspaceRole,
} from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { Select } from '../ui/fields.js';

/** Links never make administrators: those are staff accounts, added as members. */
export type LinkRole = Exclude<WorkspaceRole, 'administrateur'>;
export const linkRoles: readonly LinkRole[] = workspaceRoles.filter(
  (r): r is LinkRole => r !== 'administrateur',
);

export function RoleSelect<R extends WorkspaceRole>(props: {
  value: R;
  onChange(role: R): void;
  roles: readonly R[];
}) {
  const language = useUiStore((s) => s.language);
  return (
    <Select
      value={props.value}
      options={props.roles}
      optionLabel={(r) => roleLabels[r][language]}
      onChange={props.onChange}
    />
  );
}

export function InstanceSelect(props: {
  value: InstanceKind | '';
  onChange(v: InstanceKind | ''): void;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  return (
    <select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as InstanceKind | '')}
    >
      <option value="">{t('ws.linkNone')}</option>
      {instanceKinds.map((i) => (
        <option key={i} value={i}>
          {instanceLabels[i][language]}
        </option>
      ))}
    </select>
  );
}
