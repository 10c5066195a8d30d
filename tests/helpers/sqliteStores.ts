import fs from 'node:fs';
import path from 'node:path';
import { SqliteDocStore } from '@boussole/server';
import { tempDir } from './server.js';

type StoreOptions = Omit<ConstructorParameters<typeof SqliteDocStore>[0], 'file'>;

/**
 * Embedded stores on files of their own, migrated, and everything they left removed by
 * `cleanup()` (call it from afterEach). `open(dir)` reopens the file of an earlier store.
 */
export function sqliteStores(options: StoreOptions) {
  const dirs: string[] = [];
  const stores: SqliteDocStore[] = [];
  return {
    async open(dir = tempDir('boussole-sqlite-')): Promise<SqliteDocStore> {
      dirs.push(dir);
      const store = new SqliteDocStore({ ...options, file: path.join(dir, 'boussole.sqlite') });
      stores.push(store);
      await store.migrate();
      return store;
    },
    /** A directory removed at cleanup, for a store to open later. */
    dir(): string {
      const dir = tempDir('boussole-sqlite-');
      dirs.push(dir);
      return dir;
    },
    async cleanup(): Promise<void> {
      for (const store of stores.splice(0)) await store.close().catch(() => undefined);
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
