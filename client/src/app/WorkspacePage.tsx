import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  boardTemplateIds,
  canAdministerWorkspace,
  canCreateBoards,
  instanceKinds,
  instanceLabels,
  roleLabels,
  workspaceRoles,
  type BoardTemplateId,
  type InstanceKind,
  type LinkSummary,
  type WorkspaceDetail,
  type WorkspaceRole,
} from '@boussole/shared';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import {
  addMember,
  createLink,
  createReport,
  createWorkspaceBoard,
  getWorkspace,
  listLinks,
  revokeLink,
} from '../api/api.js';
import { boardPath, navigate, reportPath } from '../ui/router.js';
import { ErrorAlert, errorText } from '../ui/forms.js';
import { templateLabels } from './templateLabels.js';
import { formatDay } from '../ui/formatDay.js';
import { ExportAndAuditSection, PurgeHistoryButton } from './WorkspaceAdmin.js';

/** One ABS: what it is, who takes part where, its boards; members and links for admins. */
export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [workspace, setWorkspace] = useState<WorkspaceDetail | undefined>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    getWorkspace(workspaceId)
      .then(setWorkspace)
      .catch((e: unknown) => setError(errorText(e)));
  }, [workspaceId]);
  useEffect(reload, [reload]);

  if (error && !workspace) {
    return (
      <main className="home">
        <ErrorAlert error={error} />
      </main>
    );
  }
  if (!workspace) return <p className="loading">…</p>;
  const admin = canAdministerWorkspace(workspace.role);
  return (
    <main className="home workspace">
      <h1>{workspace.name}</h1>
      <p className="muted">
        {t(`ws.kind.${workspace.kind}`)} · {formatDay(workspace.periodStart, language)} →{' '}
        {formatDay(workspace.periodEnd, language)} · {t('ws.yourRole')} :{' '}
        <strong>{roleLabels[workspace.role][language]}</strong>
      </p>
      <ErrorAlert error={error} />
      {workspace.communes.length > 0 && (
        <p>
          <strong>{t('ws.communes')} :</strong>{' '}
          {workspace.communes.map((c) => `${c.name} (${c.inseeCode})`).join(', ')}
        </p>
      )}
      {workspace.topics.length > 0 && (
        <p>
          <strong>{t('ws.topics')} :</strong> {workspace.topics.join(', ')}
        </p>
      )}
      {workspace.publics.length > 0 && (
        <p>
          <strong>{t('ws.publics')} :</strong> {workspace.publics.join(', ')}
        </p>
      )}

      <section aria-labelledby="boards-title">
        <h2 id="boards-title">{t('ws.boards')}</h2>
        {workspace.boards.length === 0 && <p className="muted">{t('ws.noBoards')}</p>}
        <ul className="board-list">
          {workspace.boards.map((board) => (
            <li key={board.id}>
              <a
                href={boardPath(board.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(boardPath(board.id));
                }}
              >
                {board.title}
              </a>{' '}
              <span className="muted">{templateLabels[board.template][language]}</span>
              {admin && <PurgeHistoryButton docId={board.id} title={board.title} />}
            </li>
          ))}
        </ul>
        {canCreateBoards(workspace.role) && (
          <NewBoardForm workspaceId={workspace.id} onError={setError} />
        )}
      </section>

      <ReportSection workspace={workspace} onError={setError} />

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
        {admin && <AddMemberForm workspaceId={workspace.id} onDone={reload} onError={setError} />}
      </section>

      {admin && <LinksSection workspaceId={workspace.id} onError={setError} />}
      {admin && <ExportAndAuditSection workspaceId={workspace.id} />}
    </main>
  );
}

function ReportSection(props: { workspace: WorkspaceDetail; onError(e: string): void }) {
  const t = useT();
  const { workspace } = props;
  const open = (id: string) => navigate(reportPath(id));
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('ws.report')}</h2>
      {workspace.report ? (
        <p>
          <a
            href={reportPath(workspace.report.id)}
            onClick={(e) => {
              e.preventDefault();
              open(workspace.report!.id);
            }}
          >
            {workspace.report.title}
          </a>
          {canAdministerWorkspace(workspace.role) && (
            <PurgeHistoryButton docId={workspace.report.id} title={workspace.report.title} />
          )}
        </p>
      ) : (
        <>
          <p className="muted">{t('ws.noReport')}</p>
          {canCreateBoards(workspace.role) && (
            <button
              type="button"
              onClick={() =>
                void createReport(workspace.id)
                  .then((r) => open(r.id))
                  .catch((e: unknown) => props.onError(errorText(e)))
              }
            >
              {t('ws.createReport')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function NewBoardForm({ workspaceId, onError }: { workspaceId: string; onError(e: string): void }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplateId>('blank');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const board = await createWorkspaceBoard(workspaceId, { title, template });
      navigate(boardPath(board.id));
    } catch (e) {
      onError(errorText(e));
    }
  }
  return (
    <form className="new-board" onSubmit={(e) => void onSubmit(e)} aria-label={t('home.new')}>
      <h3>{t('home.new')}</h3>
      <label>
        {t('home.newTitle')}
        <input
          name="title"
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        {t('home.template')}
        <select value={template} onChange={(e) => setTemplate(e.target.value as BoardTemplateId)}>
          {boardTemplateIds.map((id) => (
            <option key={id} value={id}>
              {templateLabels[id][language]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('home.create')}</button>
    </form>
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
      <label>
        {t('ws.name')}
        <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {t('auth.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('ws.role')}
        <RoleSelect value={role} onChange={setRole} roles={workspaceRoles} />
      </label>
      <label>
        {t('ws.linkInstance')}
        <InstanceSelect value={instance} onChange={setInstance} />
      </label>
      <label>
        {t('ws.initialPassword')}
        <input
          type="password"
          minLength={12}
          value={initialPassword}
          onChange={(e) => setInitialPassword(e.target.value)}
        />
      </label>
      <button type="submit">{t('ws.add')}</button>
    </form>
  );
}

/** Links never make administrators: those are staff accounts, added as members. */
type LinkRole = Exclude<WorkspaceRole, 'administrateur'>;
const linkRoles: readonly LinkRole[] = workspaceRoles.filter(
  (r): r is LinkRole => r !== 'administrateur',
);

function RoleSelect<R extends WorkspaceRole>(props: {
  value: R;
  onChange(role: R): void;
  roles: readonly R[];
}) {
  const language = useUiStore((s) => s.language);
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value as R)}>
      {props.roles.map((r) => (
        <option key={r} value={r}>
          {roleLabels[r][language]}
        </option>
      ))}
    </select>
  );
}

function InstanceSelect(props: { value: InstanceKind | ''; onChange(v: InstanceKind | ''): void }) {
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

function LinksSection({ workspaceId, onError }: { workspaceId: string; onError(e: string): void }) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const [links, setLinks] = useState<LinkSummary[]>([]);
  const [created, setCreated] = useState<string>();
  const [role, setRole] = useState<Exclude<WorkspaceRole, 'administrateur'>>('contributeur');
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
        <label>
          {t('ws.role')}
          <RoleSelect<LinkRole> value={role} onChange={setRole} roles={linkRoles} />
        </label>
        <label>
          {t('ws.linkInstance')}
          <InstanceSelect value={instance} onChange={setInstance} />
        </label>
        <label>
          {t('ws.linkDays')}
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <label>
          {t('ws.linkUses')}
          <input
            type="number"
            min={1}
            max={1000}
            value={uses}
            onChange={(e) => setUses(Number(e.target.value))}
          />
        </label>
        <button type="submit">{t('ws.newLink')}</button>
      </form>
    </section>
  );
}
