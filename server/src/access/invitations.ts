import type { InstanceKind, LinkSummary, WorkspaceRole } from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { hashToken, newId, newToken } from './tokens.js';

export interface Guest {
  id: string;
  workspaceId: string;
  linkId: string;
  displayName: string;
  role: WorkspaceRole;
  instance: InstanceKind | null;
}

interface LinkRow {
  id: string;
  workspace_id: string;
  role: WorkspaceRole;
  instance: InstanceKind | null;
  expires_at: string;
  max_uses: number | string;
  uses: number | string;
  revoked_at: string | null;
  created_at: string;
}

const LINK_COLUMNS =
  'id, workspace_id, role, instance, expires_at, max_uses, uses, revoked_at, created_at';

const linkFromRow = (row: LinkRow): LinkSummary => ({
  id: row.id,
  role: row.role,
  instance: row.instance,
  expiresAt: row.expires_at,
  maxUses: Number(row.max_uses),
  uses: Number(row.uses),
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
});

export type RedeemResult =
  | { ok: true; guest: Guest; token: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked' | 'expired' | 'used-up'; linkId: string };

/**
 * Invitation links (a role, maybe an instance, an expiry and a number of uses) and the guests
 * who came through them. A guest stays a guest of that link: revoking it ends their access.
 */
export class Invitations {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly clock: () => number = Date.now,
  ) {}

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  async create(
    input: {
      workspaceId: string;
      role: WorkspaceRole;
      instance: InstanceKind | null;
      expiresAt: string;
      maxUses: number;
      createdBy: string;
    },
    sql: SqlExecutor = this.sql,
  ): Promise<{ link: LinkSummary; token: string }> {
    const token = newToken();
    const row: LinkRow = {
      id: newId('link'),
      workspace_id: input.workspaceId,
      role: input.role,
      instance: input.instance,
      expires_at: new Date(input.expiresAt).toISOString(),
      max_uses: input.maxUses,
      uses: 0,
      revoked_at: null,
      created_at: this.nowIso(),
    };
    await sql.run(
      `INSERT INTO invitation_links (id, workspace_id, token_hash, role, instance, expires_at, max_uses, uses, revoked_at, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)`,
      [
        row.id,
        row.workspace_id,
        hashToken(token),
        row.role,
        row.instance,
        row.expires_at,
        row.max_uses,
        input.createdBy,
        row.created_at,
      ],
    );
    return { link: linkFromRow(row), token };
  }

  async list(workspaceId: string): Promise<LinkSummary[]> {
    const rows = await this.sql.all<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM invitation_links WHERE workspace_id = ? ORDER BY created_at DESC, id`,
      [workspaceId],
    );
    return rows.map(linkFromRow);
  }

  /** Revokes a link of this workspace; false when there is no such link. */
  async revoke(workspaceId: string, linkId: string, sql: SqlExecutor = this.sql): Promise<boolean> {
    const result = await sql.run(
      'UPDATE invitation_links SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL',
      [this.nowIso(), linkId, workspaceId],
    );
    return result.changes > 0;
  }

  /**
   * Admits a guest through a link, counting one use. The counter only moves while the link is
   * valid, in one statement, so two people redeeming the last use cannot both get in.
   */
  async redeem(token: string, displayName: string): Promise<RedeemResult> {
    const tokenHash = hashToken(token);
    const now = this.nowIso();
    return this.sql.transaction(async (tx) => {
      const rows = await tx.all<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM invitation_links WHERE token_hash = ?`,
        [tokenHash],
      );
      const link = rows[0];
      if (!link) return { ok: false, reason: 'unknown' } as const;
      if (link.revoked_at) return { ok: false, reason: 'revoked', linkId: link.id } as const;
      if (link.expires_at <= now) return { ok: false, reason: 'expired', linkId: link.id } as const;
      const counted = await tx.run(
        'UPDATE invitation_links SET uses = uses + 1 WHERE id = ? AND uses < max_uses AND revoked_at IS NULL',
        [link.id],
      );
      if (counted.changes === 0) return { ok: false, reason: 'used-up', linkId: link.id } as const;
      const guestToken = newToken();
      const guest: Guest = {
        id: newId('guest'),
        workspaceId: link.workspace_id,
        linkId: link.id,
        displayName,
        role: link.role,
        instance: link.instance,
      };
      await tx.run(
        'INSERT INTO guests (id, workspace_id, link_id, display_name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [guest.id, guest.workspaceId, guest.linkId, displayName, hashToken(guestToken), now],
      );
      // A link into an instance seats its guests there, so the workspace page lists them.
      if (link.instance) {
        await tx.run(
          'INSERT INTO instance_members (workspace_id, instance, member_id) VALUES (?, ?, ?)',
          [guest.workspaceId, link.instance, guest.id],
        );
      }
      return { ok: true, guest, token: guestToken } as const;
    });
  }

  /** The guest holding this cookie token, while their link is neither revoked nor expired. */
  async guest(token: string): Promise<Guest | undefined> {
    const rows = await this.sql.all<{
      id: string;
      workspace_id: string;
      link_id: string;
      display_name: string;
      role: WorkspaceRole;
      instance: InstanceKind | null;
      expires_at: string;
      revoked_at: string | null;
    }>(
      `SELECT g.id, g.workspace_id, g.link_id, g.display_name, l.role, l.instance, l.expires_at, l.revoked_at
         FROM guests g JOIN invitation_links l ON l.id = g.link_id WHERE g.token_hash = ?`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row || row.revoked_at || row.expires_at <= this.nowIso()) return undefined;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      linkId: row.link_id,
      displayName: row.display_name,
      role: row.role,
      instance: row.instance,
    };
  }
}
