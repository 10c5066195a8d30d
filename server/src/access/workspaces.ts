import {
  instanceKinds,
  type Commune,
  type InstanceKind,
  type InstanceRoster,
  type Member,
  type WorkspaceKind,
  type WorkspaceRole,
} from '@boussole/shared';
import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { newId } from './tokens.js';

export interface WorkspaceFields {
  name: string;
  kind: WorkspaceKind;
  periodStart: string;
  periodEnd: string;
  topics: string[];
  publics: string[];
  communes: Commune[];
}

export interface Workspace extends WorkspaceFields {
  id: string;
  createdAt: string;
}

export interface Membership {
  role: WorkspaceRole;
  instances: InstanceKind[];
}

interface WorkspaceRow {
  id: string;
  name: string;
  kind: WorkspaceKind;
  period_start: string;
  period_end: string;
  topics: string;
  publics: string;
  created_at: string;
}

/** Instances in the order the ABS method lists them, whatever order the database returns. */
const inCanonicalOrder = (instances: InstanceKind[]): InstanceKind[] =>
  [...instances].sort((a, b) => instanceKinds.indexOf(a) - instanceKinds.indexOf(b));

const WS_COLUMNS = 'id, name, kind, period_start, period_end, topics, publics, created_at';

/** The columns name to publics, in WS_COLUMNS order, as both create and update write them. */
function fieldValues(fields: WorkspaceFields) {
  return [
    fields.name,
    fields.kind,
    fields.periodStart,
    fields.periodEnd,
    JSON.stringify(fields.topics),
    JSON.stringify(fields.publics),
  ];
}

/** Workspaces (one ABS each), their communes, and who is a member with which role. */
export class Workspaces {
  constructor(private readonly sql: SqlExecutor) {}

  async create(fields: WorkspaceFields, sql: SqlExecutor = this.sql): Promise<Workspace> {
    const workspace: Workspace = {
      id: newId('ws'),
      ...fields,
      createdAt: new Date().toISOString(),
    };
    await sql.run(`INSERT INTO workspaces (${WS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      workspace.id,
      ...fieldValues(workspace),
      workspace.createdAt,
    ]);
    await this.writeCommunes(sql, workspace.id, fields.communes);
    return workspace;
  }

  async update(id: string, fields: WorkspaceFields, sql: SqlExecutor = this.sql): Promise<void> {
    await sql.run(
      'UPDATE workspaces SET name = ?, kind = ?, period_start = ?, period_end = ?, topics = ?, publics = ? WHERE id = ?',
      [...fieldValues(fields), id],
    );
    await sql.run('DELETE FROM workspace_communes WHERE workspace_id = ?', [id]);
    await this.writeCommunes(sql, id, fields.communes);
  }

  private async writeCommunes(sql: SqlExecutor, id: string, communes: Commune[]): Promise<void> {
    const seen = new Set<string>();
    for (const commune of communes) {
      if (seen.has(commune.inseeCode)) continue;
      seen.add(commune.inseeCode);
      await sql.run(
        'INSERT INTO workspace_communes (workspace_id, insee_code, name) VALUES (?, ?, ?)',
        [id, commune.inseeCode, commune.name],
      );
    }
  }

  async get(id: string, sql: SqlExecutor = this.sql): Promise<Workspace | undefined> {
    const rows = await sql.all<WorkspaceRow>(`SELECT ${WS_COLUMNS} FROM workspaces WHERE id = ?`, [
      id,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const communes = await sql.all<{ insee_code: string; name: string }>(
      'SELECT insee_code, name FROM workspace_communes WHERE workspace_id = ? ORDER BY name',
      [id],
    );
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      topics: JSON.parse(row.topics) as string[],
      publics: JSON.parse(row.publics) as string[],
      communes: communes.map((c) => ({ inseeCode: c.insee_code, name: c.name })),
      createdAt: row.created_at,
    };
  }

  /** Every workspace for an instance administrator; the ones they belong to otherwise. */
  async listFor(user: { id: string; isAdmin: boolean }): Promise<
    (Pick<Workspace, 'id' | 'name' | 'kind' | 'periodStart' | 'periodEnd'> & {
      role: WorkspaceRole | null;
    })[]
  > {
    const rows = await this.sql.all<WorkspaceRow & { role: WorkspaceRole | null }>(
      `SELECT w.id, w.name, w.kind, w.period_start, w.period_end, w.topics, w.publics, w.created_at, m.role
         FROM workspaces w LEFT JOIN memberships m ON m.workspace_id = w.id AND m.user_id = ?
        WHERE m.user_id IS NOT NULL OR ? = 1
        ORDER BY w.created_at DESC, w.id`,
      [user.id, user.isAdmin ? 1 : 0],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      role: row.role,
    }));
  }

  async membership(
    workspaceId: string,
    userId: string,
    sql: SqlExecutor = this.sql,
  ): Promise<Membership | undefined> {
    const rows = await sql.all<{ role: WorkspaceRole }>(
      'SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?',
      [workspaceId, userId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const instances = await sql.all<{ instance: InstanceKind }>(
      'SELECT instance FROM instance_members WHERE workspace_id = ? AND member_id = ?',
      [workspaceId, userId],
    );
    return { role: row.role, instances: inCanonicalOrder(instances.map((i) => i.instance)) };
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.sql.all<{
      user_id: string;
      display_name: string;
      email: string;
      role: WorkspaceRole;
    }>(
      `SELECT m.user_id, u.display_name, u.email, m.role
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = ? ORDER BY u.display_name, u.id`,
      [workspaceId],
    );
    const seats = await this.sql.all<{ member_id: string; instance: InstanceKind }>(
      'SELECT member_id, instance FROM instance_members WHERE workspace_id = ?',
      [workspaceId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      email: row.email,
      role: row.role,
      instances: inCanonicalOrder(
        seats.filter((s) => s.member_id === row.user_id).map((s) => s.instance),
      ),
    }));
  }

  /**
   * Each instance with who sits in it: staff members, and guests whose invitation link named
   * that instance and still admits them.
   */
  async roster(workspaceId: string): Promise<InstanceRoster[]> {
    const rows = await this.sql.all<{
      instance: InstanceKind;
      member_id: string;
      user_name: string | null;
      guest_name: string | null;
    }>(
      `SELECT im.instance, im.member_id, u.display_name AS user_name, g.display_name AS guest_name
         FROM instance_members im
         LEFT JOIN users u ON u.id = im.member_id
         LEFT JOIN guests g ON g.id = im.member_id
         LEFT JOIN invitation_links l ON l.id = g.link_id
        WHERE im.workspace_id = ?
          AND (u.id IS NOT NULL OR (l.revoked_at IS NULL AND l.expires_at > ?))
        ORDER BY COALESCE(u.display_name, g.display_name), im.member_id`,
      [workspaceId, new Date().toISOString()],
    );
    return instanceKinds.map((instance) => ({
      instance,
      members: rows
        .filter((row) => row.instance === instance)
        .map((row) => ({
          id: row.member_id,
          kind: row.user_name !== null ? ('user' as const) : ('guest' as const),
          displayName: row.user_name ?? row.guest_name ?? '',
        })),
    }));
  }

  /** Adds the member, or changes their role and instances. */
  async setMember(
    workspaceId: string,
    userId: string,
    membership: Membership,
    sql: SqlExecutor = this.sql,
  ): Promise<void> {
    const changed = await sql.run(
      'UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?',
      [membership.role, workspaceId, userId],
    );
    if (changed.changes === 0) {
      await sql.run('INSERT INTO memberships (workspace_id, user_id, role) VALUES (?, ?, ?)', [
        workspaceId,
        userId,
        membership.role,
      ]);
    }
    await this.seat(workspaceId, userId, membership.instances, sql);
  }

  /** Puts a user or a guest in exactly these instances of the workspace. */
  async seat(
    workspaceId: string,
    memberId: string,
    instances: readonly InstanceKind[],
    sql: SqlExecutor = this.sql,
  ): Promise<void> {
    await sql.run('DELETE FROM instance_members WHERE workspace_id = ? AND member_id = ?', [
      workspaceId,
      memberId,
    ]);
    for (const instance of new Set(instances)) {
      await sql.run(
        'INSERT INTO instance_members (workspace_id, instance, member_id) VALUES (?, ?, ?)',
        [workspaceId, instance, memberId],
      );
    }
  }

  async removeMember(
    workspaceId: string,
    userId: string,
    sql: SqlExecutor = this.sql,
  ): Promise<boolean> {
    await this.seat(workspaceId, userId, [], sql);
    const removed = await sql.run(
      'DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?',
      [workspaceId, userId],
    );
    return removed.changes > 0;
  }

  async administratorCount(workspaceId: string, sql: SqlExecutor = this.sql): Promise<number> {
    const rows = await sql.all<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND role = 'administrateur'",
      [workspaceId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Deletes the workspace row; everything it owns cascades (see migration 3). */
  async delete(id: string, sql: SqlExecutor = this.sql): Promise<void> {
    await sql.run('DELETE FROM workspaces WHERE id = ?', [id]);
  }
}
