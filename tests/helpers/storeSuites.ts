import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { PostgresDocStore, SqliteDocStore, type DocStore } from '@boussole/server';
import { tempDir } from './server.js';
import { dropSchema, postgresAvailable, TEST_DATABASE_URL, uniqueSchema } from './services.js';

/** A store not migrated yet, and how to remove everything it wrote. */
export type StoreOpener = () => Promise<{ store: DocStore; drop(): Promise<void> }>;

/**
 * Declares `suite` on a fresh embedded store, then on a fresh PostgreSQL schema inside a
 * 'PostgreSQL' block that is skipped (loudly, see services.ts) when no database answers.
 */
export async function onEveryStore(
  prefix: string,
  suite: (name: string, open: StoreOpener) => void,
): Promise<void> {
  const pgAvailable = await postgresAvailable();
  suite('SQLite', async () => {
    const dir = tempDir(`boussole-${prefix}-`);
    return {
      store: new SqliteDocStore({ file: path.join(dir, 'boussole.sqlite'), synchronous: 'normal' }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  });
  describe.skipIf(!pgAvailable)('PostgreSQL', () => {
    suite('PostgreSQL', async () => {
      const schema = uniqueSchema(prefix);
      return {
        store: new PostgresDocStore({ url: TEST_DATABASE_URL, schema, poolSize: 4 }),
        drop: () => dropSchema(schema),
      };
    });
  });
}
