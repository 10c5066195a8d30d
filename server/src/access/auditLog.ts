import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { newId } from './tokens.js';

export interface AuditEntry {
  id: string;
  workspaceId: string | null;
  actorId: string;
  actorName: string;
  action: string;
  details: Record<string, unknown>;
  at: string;
}

export interface Actor {
  id: string;
  name: string;
}

interface Row {
  id: string;
  workspace_id: string | null;
  actor_id: string;
  actor_name: string;
  action: string;
  details: string;
  at: string;
}

/**
 * Who changed membership, roles, links or a workspace, and when. Written in the same
 * transaction as the change it records; details never hold a token or a password.
 */
export class AuditLog {
  async append(
    sql: SqlExecutor,
    entry: {
      workspaceId: string | null;
      actor: Actor;
      action: string;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await sql.run(
      'INSERT INTO audit_log (id, workspace_id, actor_id, actor_name, action, details, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        newId('audit'),
        entry.workspaceId,
        entry.actor.id,
        entry.actor.name,
        entry.action,
        JSON.stringify(entry.details ?? {}),
        new Date().toISOString(),
      ],
    );
  }

  async list(sql: SqlExecutor, workspaceId: string): Promise<AuditEntry[]> {
    const rows = await sql.all<Row>(
      'SELECT id, workspace_id, actor_id, actor_name, action, details, at FROM audit_log WHERE workspace_id = ? ORDER BY at DESC, id',
      [workspaceId],
    );
    return rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspace_id,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      details: JSON.parse(row.details) as Record<string, unknown>,
      at: row.at,
    }));
  }
}
