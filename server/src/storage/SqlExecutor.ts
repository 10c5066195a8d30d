/**
 * The relational side of the store (documents, and later workspaces, members, links, audit)
 * goes through this small executor so that one repository serves SQLite and PostgreSQL.
 * SQL is written with `?` placeholders; the PostgreSQL executor numbers them ($1, $2, …).
 * Write portable SQL: TEXT ids, ISO-8601 TEXT timestamps, no RETURNING on SQLite < 3.35.
 */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Run `fn` in one transaction; it commits when `fn` resolves and rolls back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** Rewrites `?` placeholders as `$1…$n` for PostgreSQL (our SQL never has `?` in literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
