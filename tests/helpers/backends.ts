import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { killAllChildren } from './childServer.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { tempDir } from './server.js';

/**
 * Storage for a child-process server: the environment that points it there, and a way to
 * look at the stored rows directly, as an operator would, while the server is stopped.
 */
export interface ChildBackend {
  readonly name: 'sqlite' | 'postgres';
  /** DATA_DIR or DATABASE_URL; the same value for every restart on this storage. */
  readonly env: Record<string, string>;
  /** Rows in doc_updates for this document. */
  countRows(docId: string): Promise<number>;
  destroy(): Promise<void>;
}

export function sqliteBackend(): ChildBackend {
  const dir = tempDir('boussole-child-');
  return {
    name: 'sqlite',
    env: { DATA_DIR: dir },
    async countRows(docId) {
      // Read-only, so looking cannot change what the next start recovers from the WAL.
      const db = new Database(path.join(dir, 'boussole.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        const row = db
          .prepare<[string], { n: number }>(
            'SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?',
          )
          .get(docId);
        return row?.n ?? 0;
      } finally {
        db.close();
      }
    },
    async destroy() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresBackend(prefix: string): Promise<ChildBackend> {
  const database: TestDatabase = await createTestDatabase(prefix);
  return {
    name: 'postgres',
    env: { DATABASE_URL: database.url },
    async countRows(docId) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1',
          [docId],
        );
        return Number(rows[0]?.n ?? 0);
      } finally {
        await client.end();
      }
    },
    destroy: () => database.drop(),
  };
}

/**
 * Within a describe block: the storage `makeBackend` gives, made before the tests and read
 * through the returned function; after them every child is killed, then the storage destroyed.
 */
export function childBackendHooks(
  makeBackend: () => ChildBackend | Promise<ChildBackend>,
): () => ChildBackend {
  let backend: ChildBackend | undefined;
  beforeAll(async () => {
    backend = await makeBackend();
  });
  afterAll(async () => {
    await killAllChildren();
    await backend?.destroy();
  });
  return () => {
    if (!backend) throw new Error('the storage is made in beforeAll');
    return backend;
  };
}
