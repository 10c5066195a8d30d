import pg from 'pg';
import type { DocStore, StoredDoc } from './DocStore.js';
import { postgresMigrations } from './migrations.js';
import { numberPlaceholders, type SqlExecutor } from './SqlExecutor.js';

export interface PostgresStoreOptions {
  url: string;
  /** Tables live in this schema; tests give each suite its own. */
  schema?: string;
  poolSize?: number;
}

/** Arbitrary constant: serialises migrations when several instances start together. */
const MIGRATION_LOCK = 0x626f7573;

/** What a history purge rewrites: the update log and the named versions. */
const DOCUMENT_TABLES = ['doc_updates', 'document_versions'];
/** And what an erased workspace had rows in besides (migration 3). */
const WORKSPACE_TABLES = [
  'documents',
  'workspaces',
  'workspace_communes',
  'memberships',
  'instance_members',
  'invitation_links',
  'guests',
  'audit_log',
  // Guests' information notice (migration 10).
  'workspace_notices',
  // Dot-votes' ballots (migration 8).
  'votes',
  'vote_ballots',
  'vote_dots',
];

export class PostgresDocStore implements DocStore {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  readonly schema: string;
  readonly sql: SqlExecutor;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) {
      throw new Error(`PostgresDocStore: invalid schema name ${JSON.stringify(this.schema)}`);
    }
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: `-c search_path=${this.schema}`,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
    this.sql = executorFor(this.pool, this.pool);
  }

  async migrate(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const applied = new Set(rows.map((r) => r.version));
      for (const migration of postgresMigrations) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [
          migration.version,
        ]);
      }
    });
  }

  async load(docId: string): Promise<StoredDoc> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
      [docId],
    );
    let bytes = 0;
    const updates = rows.map((row) => {
      bytes += row.data.length;
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length);
    });
    const last = rows.at(-1);
    return { updates, lastSeq: last ? Number(last.seq) : 0, bytes };
  }

  async append(docId: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append: nothing to append');
    // One statement is one transaction: all rows or none, numbered in array order.
    const { rows } = await this.pool.query<{ seq: string }>(
      `INSERT INTO doc_updates (doc_id, data)
         SELECT $1, d FROM unnest($2::bytea[]) WITH ORDINALITY AS t(d, i) ORDER BY i
       RETURNING seq`,
      [docId, updates.map(toBuffer)],
    );
    return rows.reduce((max, r) => Math.max(max, Number(r.seq)), 0);
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [
        docId,
        throughSeq,
      ]);
      await client.query('INSERT INTO doc_updates (seq, doc_id, data) VALUES ($1, $2, $3)', [
        throughSeq,
        docId,
        toBuffer(snapshot),
      ]);
    });
  }

  async deleteDoc(docId: string): Promise<void> {
    await this.pool.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
  }

  async reclaimSpace(options: { scope?: 'documents' | 'everything' } = {}): Promise<void> {
    // Plain VACUUM only marks dead rows' space reusable; FULL rewrites the tables from live
    // rows. It locks them meanwhile (commits wait), which a purge is allowed to do. What the
    // server's own WAL and backups hold is the operator's retention policy (README).
    const tables =
      options.scope === 'everything' ? [...DOCUMENT_TABLES, ...WORKSPACE_TABLES] : DOCUMENT_TABLES;
    for (const table of tables) await this.pool.query(`VACUUM FULL ${table}`);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Runs `fn` on one client checked out of `pool`, between BEGIN and COMMIT; rolls back and
 * rethrows if it throws.
 */
async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // The original error matters, not a failed rollback on a broken connection.
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** `pool` runs single statements; `transaction` checks out one client for BEGIN…COMMIT. */
function executorFor(queryable: Queryable, pool: pg.Pool | undefined): SqlExecutor {
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: readonly unknown[] = []) => {
      const result = await queryable.query(numberPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
    run: async (sql, params = []) => {
      const result = await queryable.query(numberPlaceholders(sql), [...params]);
      return { changes: result.rowCount ?? 0 };
    },
    transaction: async (fn) => {
      if (!pool) throw new Error('nested transactions are not supported');
      return withTransaction(pool, (client) => fn(executorFor(client, undefined)));
    },
  };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
