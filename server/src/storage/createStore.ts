import type { Config } from '../config.js';
import type { DocStore } from './DocStore.js';
import { PostgresDocStore } from './postgresStore.js';
import { SqliteDocStore } from './sqliteStore.js';

/** DATABASE_URL selects PostgreSQL; otherwise the embedded SQLite file under DATA_DIR. */
export function createStore(config: Config): DocStore {
  if (config.databaseUrl) return new PostgresDocStore({ url: config.databaseUrl });
  return new SqliteDocStore({ file: config.sqlitePath, synchronous: config.sqliteSynchronous });
}
