import { useState, type FormEvent } from 'react';
import { workspaceKinds, type WorkspaceKind } from '@boussole/shared';
import { createWorkspace } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { DateField, Field, InputField, Select } from '../ui/fields.js';
import { navigate, workspacePath } from '../ui/router.js';
import { parseCommunes, parseList } from './workspaceForm.js';

/** A new ABS: its name, kind and period, and the communes, topics and publics it covers. */
export function NewWorkspaceForm({ onError }: { onError(message: string): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<WorkspaceKind>('communale');
  const year = new Date().getFullYear();
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-12-31`);
  const [communesText, setCommunesText] = useState('');
  const [topicsText, setTopicsText] = useState('');
  const [publicsText, setPublicsText] = useState('');

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    const { communes, badLines } = parseCommunes(communesText);
    if (badLines.length > 0) {
      onError(t('ws.communesBad').replace('{lines}', badLines.join(', ')));
      return;
    }
    try {
      const { id } = await createWorkspace({
        name,
        kind,
        periodStart,
        periodEnd,
        communes,
        topics: parseList(topicsText),
        publics: parseList(publicsText),
      });
      navigate(workspacePath(id));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form className="new-board" onSubmit={(e) => void onCreate(e)} aria-label={t('ws.new')}>
      <h2>{t('ws.new')}</h2>
      <InputField
        label={t('ws.name')}
        name="name"
        value={name}
        required
        maxLength={200}
        onChange={setName}
      />
      <Field label={t('ws.kind')}>
        <Select<WorkspaceKind>
          value={kind}
          options={workspaceKinds}
          optionLabel={(k) => t(`ws.kind.${k}`)}
          onChange={setKind}
        />
      </Field>
      <DateField label={t('ws.periodStart')} value={periodStart} onChange={setPeriodStart} />
      <DateField label={t('ws.periodEnd')} value={periodEnd} onChange={setPeriodEnd} />
      <Field label={t('ws.communesInput')} className="wide">
        <textarea
          name="communes"
          rows={4}
          value={communesText}
          placeholder={'99001 Saint-Aubin-sur-Arvière\n99002 Les Granges'}
          onChange={(e) => setCommunesText(e.target.value)}
        />
      </Field>
      <InputField
        label={t('ws.topicsInput')}
        name="topics"
        value={topicsText}
        placeholder="logement, insertion, mobilité"
        onChange={setTopicsText}
      />
      <InputField
        label={t('ws.publicsInput')}
        name="publics"
        value={publicsText}
        placeholder="jeunes 16-25 ans, personnes âgées"
        onChange={setPublicsText}
      />
      <button type="submit">{t('ws.create')}</button>
    </form>
  );
}
