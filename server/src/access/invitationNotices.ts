import {
  DEFAULT_INFORMATION_NOTICE,
  suggestPseudonym,
  type InformationNotice,
  type InstanceKind,
  type LinkPreview,
  type WorkspaceRole,
} from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import type { Actor, AuditLog } from './auditLog.js';
import { FailureLimiter } from './FailureLimiter.js';
import { hashToken } from './tokens.js';
import type { Workspaces } from './workspaces.js';

interface NoticeRow {
  text: string;
  updated_at: string;
}

interface PreviewLinkRow {
  workspace_id: string;
  role: WorkspaceRole;
  instance: InstanceKind | null;
  expires_at: string;
  max_uses: number | string;
  uses: number | string;
  revoked_at: string | null;
}

export type PreviewResult =
  | { ok: true; preview: LinkPreview }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'used-up' | 'too-many' };

/**
 * Each workspace's information notice (table `workspace_notices`, one row once an administrator
 * wrote one; erased with the workspace by its foreign key) and the invitation page's preview of
 * a link: which ABS, which role, the notice — read before the guest gives any name.
 */
export class InvitationNotices {
  /** Unknown tokens per address, as redeeming counts them: previews are no guessing oracle. */
  private readonly unknownPerAddress = new FailureLimiter(200, 15 * 60_000);

  constructor(
    private readonly sql: SqlExecutor,
    private readonly workspaces: Workspaces,
    private readonly audit: AuditLog,
    private readonly clock: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  async get(workspaceId: string, sql: SqlExecutor = this.sql): Promise<InformationNotice> {
    const rows = await sql.all<NoticeRow>(
      'SELECT text, updated_at FROM workspace_notices WHERE workspace_id = ?',
      [workspaceId],
    );
    const row = rows[0];
    return row
      ? { text: row.text, custom: true, updatedAt: row.updated_at }
      : { text: DEFAULT_INFORMATION_NOTICE, custom: false, updatedAt: null };
  }

  /** Writes the workspace's notice, or removes it (null) to go back to the default text. */
  async set(actor: Actor, workspaceId: string, text: string | null): Promise<InformationNotice> {
    const now = new Date(this.clock()).toISOString();
    return this.sql.transaction(async (tx) => {
      if (text === null) {
        await tx.run('DELETE FROM workspace_notices WHERE workspace_id = ?', [workspaceId]);
      } else {
        await tx.run(
          `INSERT INTO workspace_notices (workspace_id, text, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (workspace_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
          [workspaceId, text, now],
        );
      }
      // The text itself stays out of the audit log: its length says enough of what changed.
      await this.audit.append(tx, {
        workspaceId,
        actor,
        action: 'notice.updated',
        details: { chars: text?.length ?? null, default: text === null },
      });
      return this.get(workspaceId, tx);
    });
  }

  /**
   * What a link leads to, refused like redeeming it would be (and unknown tokens counted per
   * address the same way). Nothing is written: reading the page uses no invitation.
   */
  async preview(address: string, token: string): Promise<PreviewResult> {
    if (this.unknownPerAddress.isBlocked(address)) return { ok: false, reason: 'too-many' };
    const rows = await this.sql.all<PreviewLinkRow>(
      `SELECT workspace_id, role, instance, expires_at, max_uses, uses, revoked_at
         FROM invitation_links WHERE token_hash = ?`,
      [hashToken(token)],
    );
    const link = rows[0];
    if (!link) {
      this.unknownPerAddress.fail(address);
      return { ok: false, reason: 'unknown' };
    }
    if (link.revoked_at) return { ok: false, reason: 'revoked' };
    if (link.expires_at <= new Date(this.clock()).toISOString())
      return { ok: false, reason: 'expired' };
    if (Number(link.uses) >= Number(link.max_uses)) return { ok: false, reason: 'used-up' };
    const workspace = await this.workspaces.get(link.workspace_id);
    if (!workspace) return { ok: false, reason: 'unknown' };
    const notice = await this.get(link.workspace_id);
    return {
      ok: true,
      preview: {
        workspace: { name: workspace.name, communes: workspace.communes.map((c) => c.name) },
        role: link.role,
        instance: link.instance,
        notice: notice.text,
        suggestedName: suggestPseudonym(this.random),
      },
    };
  }
}
