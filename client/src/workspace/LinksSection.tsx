import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { instanceLabels, roleLabels, type InstanceKind, type LinkSummary } from '@boussole/shared';
import { createLink, listLinks, revokeLink } from '../api/api.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { Field, NumberField } from '../ui/fields.js';
import { errorText } from '../ui/forms.js';
import { InstanceSelect, RoleSelect, linkRoles, type LinkRole } from './accessSelects.js';

/** Invitation links: who may join without an account, with which role, until when. */
export function LinksSection({
  workspaceId,
  onError,
}: {
  workspaceId: string;
  onError(e: string): void;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [links, setLinks] = useState<LinkSummary[]>([]);
  const [created, setCreated] = useState<string>();
  const [role, setRole] = useState<LinkRole>('contributeur');
  const [instance, setInstance] = useState<InstanceKind | ''>('');
  const [days, setDays] = useState(7);
  const [uses, setUses] = useState(40);

  const reload = useCallback(() => {
    listLinks(workspaceId)
      .then(setLinks)
      .catch((e: unknown) => onError(errorText(e)));
  }, [workspaceId, onError]);
  useEffect(reload, [reload]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const link = await createLink(workspaceId, {
        role,
        instance: instance || null,
        expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
        maxUses: uses,
      });
      setCreated(link.url);
      reload();
    } catch (e) {
      onError(errorText(e));
    }
  }

  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('ws.links')}</h2>
      <ul className="member-list">
        {links.map((link) => (
          <li key={link.id}>
            {roleLabels[link.role][language]}
            {link.instance ? ` · ${instanceLabels[link.instance][language]}` : ''} · {link.uses}/
            {link.maxUses} ·{' '}
            {new Date(link.expiresAt).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB')}{' '}
            {link.revokedAt ? (
              <span className="muted">({t('ws.revoked')})</span>
            ) : (
              <button
                type="button"
                onClick={() =>
                  void revokeLink(workspaceId, link.id)
                    .then(reload)
                    .catch((e: unknown) => onError(errorText(e)))
                }
              >
                {t('ws.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {created && (
        <p className="notice">
          {t('ws.linkCreated')}{' '}
          <input readOnly className="link-url" value={created} aria-label={t('ws.linkCreated')} />
        </p>
      )}
      <form className="new-board" onSubmit={(e) => void onSubmit(e)} aria-label={t('ws.newLink')}>
        <h3>{t('ws.newLink')}</h3>
        <Field label={t('ws.role')}>
          <RoleSelect<LinkRole> value={role} onChange={setRole} roles={linkRoles} />
        </Field>
        <Field label={t('ws.linkInstance')}>
          <InstanceSelect value={instance} onChange={setInstance} />
        </Field>
        <NumberField label={t('ws.linkDays')} min={1} max={365} value={days} onChange={setDays} />
        <NumberField label={t('ws.linkUses')} min={1} max={1000} value={uses} onChange={setUses} />
        <button type="submit">{t('ws.newLink')}</button>
      </form>
    </section>
  );
}
