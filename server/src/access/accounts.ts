import type { SqlExecutor } from '../storage/SqlExecutor.js';
import { Passwords } from './passwords.js';
import { hashToken, newId, newToken } from './tokens.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  /** May create workspaces: granted by an instance administrator, or being one. */
  canCreateWorkspaces: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number | boolean;
  can_create_workspaces: number | boolean;
  created_at: string;
}

const userFromRow = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  isAdmin: Boolean(row.is_admin),
  canCreateWorkspaces: Boolean(row.is_admin) || Boolean(row.can_create_workspaces),
  createdAt: row.created_at,
});

const LAST_SEEN_GRANULARITY_MS = 5 * 60_000;

const USER_COLUMNS =
  'id, email, display_name, password_hash, is_admin, can_create_workspaces, created_at';

/** Staff accounts and their sessions (one row per signed-in browser). */
export class Accounts {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly sessionDays: number,
    private readonly passwords: Passwords = new Passwords(),
  ) {}

  async count(): Promise<number> {
    const rows = await this.sql.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM users');
    return Number(rows[0]?.n ?? 0);
  }

  async create(
    input: { email: string; displayName: string; password: string; isAdmin: boolean },
    sql: SqlExecutor = this.sql,
  ): Promise<User> {
    const user: User = {
      id: newId('user'),
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      isAdmin: input.isAdmin,
      canCreateWorkspaces: input.isAdmin,
      createdAt: new Date().toISOString(),
    };
    await sql.run(
      'INSERT INTO users (id, email, display_name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [
        user.id,
        user.email,
        user.displayName,
        await this.passwords.hash(input.password),
        user.isAdmin ? 1 : 0,
        user.createdAt,
      ],
    );
    return user;
  }

  async get(id: string, sql: SqlExecutor = this.sql): Promise<User | undefined> {
    const rows = await sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
    return rows[0] ? userFromRow(rows[0]) : undefined;
  }

  async byEmail(email: string, sql: SqlExecutor = this.sql): Promise<User | undefined> {
    const rows = await sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`, [
      email.toLowerCase(),
    ]);
    return rows[0] ? userFromRow(rows[0]) : undefined;
  }

  /** The account these credentials open, or undefined; as slow for unknown e-mails. */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const rows = await this.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`, [
      email.toLowerCase(),
    ]);
    const row = rows[0];
    if (!row) return this.passwords.verifyDecoy(password).then(() => undefined);
    return (await this.passwords.verify(row.password_hash, password))
      ? userFromRow(row)
      : undefined;
  }

  /** Every staff account, for the instance administrators' list. */
  async list(): Promise<User[]> {
    const rows = await this.sql.all<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users ORDER BY display_name, email`,
    );
    return rows.map(userFromRow);
  }

  /** Grants or withdraws the right to create workspaces; false when there is no such account. */
  async setWorkspaceCreation(
    userId: string,
    allowed: boolean,
    sql: SqlExecutor = this.sql,
  ): Promise<boolean> {
    const changed = await sql.run('UPDATE users SET can_create_workspaces = ? WHERE id = ?', [
      allowed ? 1 : 0,
      userId,
    ]);
    return changed.changes > 0;
  }

  /** A new session; the token goes into the cookie and is never stored. */
  async openSession(
    userId: string,
  ): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const token = newToken();
    const sessionId = hashToken(token);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.sessionDays * 86_400_000);
    await this.sql.run(
      'INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      [sessionId, userId, now.toISOString(), expiresAt.toISOString(), now.toISOString()],
    );
    return { token, sessionId, expiresAt };
  }

  async sessionUser(token: string): Promise<{ user: User; sessionId: string } | undefined> {
    const sessionId = hashToken(token);
    const rows = await this.sql.all<UserRow & { expires_at: string; last_seen_at: string }>(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.is_admin,
              u.can_create_workspaces, u.created_at,
              s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
      [sessionId],
    );
    const row = rows[0];
    const now = new Date();
    if (!row || row.expires_at <= now.toISOString()) return undefined;
    // Noted at most every few minutes: every request writing a row would cost more than it tells.
    if (Date.parse(row.last_seen_at) < now.getTime() - LAST_SEEN_GRANULARITY_MS) {
      await this.sql.run('UPDATE sessions SET last_seen_at = ? WHERE id = ?', [
        now.toISOString(),
        sessionId,
      ]);
    }
    return { user: userFromRow(row), sessionId };
  }

  async closeSession(sessionId: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE id = ?', [sessionId]);
  }
}
